/** Jest hooks for the workflow tests (kept apart from world.ts, which the benchmark also loads). */
import type { IDataObject } from 'n8n-workflow';

import { arrangeWorkspace, startWorld, type Sandbox } from './world';

/** A lazy stand-in for something made in beforeAll: property reads reach the live object. */
export function lateBound<T extends object>(get: () => T | undefined, what: string): T {
	return new Proxy({} as T, {
		get(_target, property) {
			const live = get();
			if (!live) throw new Error(`${what} is used before beforeAll started it`);
			const value = Reflect.get(live, property, live) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(live) : value;
		},
	});
}

/** A sandbox for the whole test file: started in beforeAll, closed in afterAll. */
export function useSandbox(options: IDataObject = {}): Sandbox {
	let live: Sandbox | undefined;
	beforeAll(async () => {
		live = await startWorld(options);
	});
	afterAll(async () => live?.close());
	return lateBound(() => live, 'the sandbox');
}

/**
 * useSandbox, reset before each test and arranged with arrangeWorkspace (a warehouse, a source,
 * a destination): `ids` holds the arranged ids of the current test.
 */
export function useArrangedWorkspace(): { sandbox: Sandbox; ids: Awaited<ReturnType<typeof arrangeWorkspace>> } {
	const sandbox = useSandbox();
	const ids = {} as Awaited<ReturnType<typeof arrangeWorkspace>>;
	beforeEach(async () => {
		sandbox.reset();
		Object.assign(ids, await arrangeWorkspace(sandbox));
	});
	return { sandbox, ids };
}
