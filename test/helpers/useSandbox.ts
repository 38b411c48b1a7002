/** Jest hooks for the workflow tests (kept apart from world.ts, which the benchmark also loads). */
import type { IDataObject } from 'n8n-workflow';

import { setPacingClock } from '../../nodes/shared/transport/pacer';
import { FakeClock } from './fakeClock';
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

/**
 * A sandbox and the node's paced waits on one fake clock (`options` go to the sandbox beside the
 * clock): before each test a reset sandbox, the clock back at its start, and what `arrange` makes
 * (read through `ids`).
 */
export function useClockedWorld<T extends object>(arrange: (sandbox: Sandbox) => Promise<T>, options: IDataObject = {}) {
	const clock = new FakeClock();
	const sandbox = useSandbox({ ...options, clock });
	beforeAll(() => setPacingClock(clock));
	afterAll(() => setPacingClock());
	let current: T | undefined;
	beforeEach(async () => {
		sandbox.reset();
		clock.reset();
		current = await arrange(sandbox);
	});
	return { clock, sandbox, ids: lateBound(() => current, 'the arranged ids') };
}
