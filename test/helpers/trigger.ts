/** The trigger node in the test world: polled as an active workflow in n8n polls it, against the sandbox. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { PolledTrigger, PollExecution } from './engine';
import { engine, userTokenCredentials, type Sandbox } from './world';

const open: PolledTrigger[] = [];
afterEach(() => {
	for (const trigger of open.splice(0)) trigger.close();
});

/** The Segment trigger with these parameters, in an active workflow (not activated yet: call activate()). */
export function watch(sandbox: Sandbox, parameters: INodeParameters, credentials?: ICredentialDataDecryptedObject): PolledTrigger {
	const trigger = engine.pollTrigger({
		nodeType: 'segmentParagonTrigger',
		parameters,
		credentials: { type: 'paragonProxyApi', data: credentials ?? userTokenCredentials(sandbox) },
	});
	open.push(trigger);
	return trigger;
}

/** The json of an execution's items; an error execution fails the test with its message. */
export function emitted(execution: PollExecution | null): IDataObject[] {
	if (!execution) return [];
	if (execution.error) throw new Error(`the poll failed: ${execution.error.message}`);
	return execution.items.map((item: INodeExecutionData) => item.json);
}

/** The size of the node's static data as n8n would store it now (JSON, bytes). */
export function stateBytes(trigger: PolledTrigger): number {
	return Buffer.byteLength(JSON.stringify(trigger.staticData));
}

// Only Date is faked: sockets, retries' sleeps and jest's own timers keep real time.
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

/**
 * A clock the test moves (Date.now() of the trigger, the sandbox and n8n, all in this process), so a
 * minute between polls takes no time: `clock.advance(60_000)`. Starts at `start` before each test.
 */
export function useClock(start = Date.parse('2026-03-02T10:00:00.000Z')): { now(): number; advance(ms: number): number; iso(offsetMs?: number): string } {
	let now = start;
	beforeEach(() => {
		now = start;
		jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now });
	});
	afterEach(() => {
		jest.useRealTimers();
	});
	return {
		now: () => now,
		advance(ms: number) {
			now += ms;
			jest.setSystemTime(now);
			return now;
		},
		iso: (offsetMs = 0) => new Date(now + offsetMs).toISOString(),
	};
}
