/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n, never inside n8n */
/**
 * How the trigger's benchmark polls (events.ts says what each event's run causes): the trigger in
 * an active workflow as n8n polls it (n8n-core's PollTriggerExecutor and PollContext, through the
 * engine harness), a poll a minute, while the sandbox makes things happen. Counted: requests per
 * poll (with nothing new, and all), records caused and emitted (each exactly once), the largest
 * state, the time per poll. The clock is faked (Date only) so 1,000 minutes take seconds: the
 * sandbox runs in this process, on the same clock.
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { PolledTrigger } from '../../helpers/engine';
import { engine, startWorld, userTokenCredentials, type Sandbox } from '../../helpers/world';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest's own fake clock (a dependency of jest), Date only
const FakeTimers = require('@sinonjs/fake-timers') as { withGlobal(global: object): { install(config: { now: number; toFake: string[] }): FakeClock } };
interface FakeClock {
	setSystemTime(now: number): void;
	uninstall(): void;
}

export const MINUTE = 60_000;
const START = Date.parse('2026-03-02T00:00:00.000Z');
export const TRIGGER_POLLS = 1000;

/** A small deterministic random source, so each run causes the same things. */
export function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

export interface EventFigures {
	event: string;
	polls: number;
	caused: number;
	emitted: number;
	duplicates: number;
	missed: number;
	/** Requests sent by each poll that emitted nothing. */
	quietRequests: number[];
	allRequests: number[];
	listReads: number;
	stateBytesMax: number;
	pollMs: number[];
}

export interface Run {
	sandbox: Sandbox;
	trigger: PolledTrigger;
	clock: FakeClock;
	now: number;
}

/** Polls `polls` times a minute apart; `each(poll, run)` makes things happen before a poll and returns what it caused. */
export async function pollMany(event: string, run: Run, polls: number, each: (poll: number) => string[], keyOf: (item: IDataObject) => string): Promise<EventFigures> {
	const figures: EventFigures = { event, polls, caused: 0, emitted: 0, duplicates: 0, missed: 0, quietRequests: [], allRequests: [], listReads: 0, stateBytesMax: 0, pollMs: [] };
	const caused = new Set<string>();
	const emitted = new Set<string>();
	for (let poll = 0; poll < polls; poll++) {
		run.now += MINUTE;
		run.clock.setSystemTime(run.now);
		for (const key of each(poll)) caused.add(key);
		run.sandbox.clearRequests();
		const started = performance.now();
		const execution = await run.trigger.poll();
		figures.pollMs.push(performance.now() - started);
		if (execution?.error) throw new Error(`${event}: poll ${poll} failed: ${execution.error.message}`);
		const items = execution?.items ?? [];
		for (const item of items) {
			const key = keyOf(item.json);
			if (emitted.has(key)) figures.duplicates++;
			emitted.add(key);
		}
		const requests = run.sandbox.requests.length;
		figures.allRequests.push(requests);
		if (!items.length) figures.quietRequests.push(requests);
		figures.listReads += run.sandbox.requests.filter((request) => request.segments.join('/') === 'warehouses').length;
		figures.stateBytesMax = Math.max(figures.stateBytesMax, Buffer.byteLength(JSON.stringify(run.trigger.staticData)));
	}
	figures.caused = caused.size;
	figures.emitted = emitted.size;
	figures.missed = [...caused].filter((key) => !emitted.has(key)).length;
	const strangers = [...emitted].filter((key) => !caused.has(key));
	if (strangers.length) throw new Error(`${event}: emitted what nothing caused: ${strangers.slice(0, 3).join(', ')}`);
	return figures;
}

/**
 * A trigger with `parameters` (or what `parameters(run)` makes of what `arrange` made) in a fresh
 * in-process sandbox on a fake clock; activated (the first poll), then `body` polls it.
 */
export async function withTrigger(
	latencyMs: number,
	parameters: INodeParameters | (() => INodeParameters),
	arrange: (run: Run) => unknown,
	body: (run: Run) => Promise<EventFigures>,
): Promise<EventFigures> {
	const clock = FakeTimers.withGlobal(globalThis).install({ now: START, toFake: ['Date'] });
	const sandbox = await startWorld({ latencyMs });
	const run: Run = { sandbox, trigger: undefined as unknown as PolledTrigger, clock, now: START };
	try {
		await arrange(run);
		run.trigger = engine.pollTrigger({ nodeType: 'segmentParagonTrigger', parameters: typeof parameters === 'function' ? parameters() : parameters, credentials: { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) } });
		await run.trigger.activate();
		return await body(run);
	} finally {
		run.trigger?.close();
		await sandbox.close();
		clock.uninstall();
	}
}
