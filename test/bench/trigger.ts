/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n, never inside n8n */
/**
 * SPEC §8's trigger figures: each event polled 1,000 times, a minute apart, as an active workflow
 * polls it (n8n-core's PollTriggerExecutor and PollContext), while the sandbox makes things happen.
 * Counted: requests per poll (with nothing new, and all), records caused and emitted (each exactly
 * once), the largest state, the time per poll. The clock is faked (Date only) so 1,000 minutes take
 * seconds: the sandbox runs in this process, on the same clock.
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { PolledTrigger } from '../helpers/engine';
import { engine, startWorld, userTokenCredentials, type Sandbox } from '../helpers/world';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest's own fake clock (a dependency of jest), Date only
const FakeTimers = require('@sinonjs/fake-timers') as { withGlobal(global: object): { install(config: { now: number; toFake: string[] }): FakeClock } };
interface FakeClock {
	setSystemTime(now: number): void;
	uninstall(): void;
}

const MINUTE = 60_000;
const START = Date.parse('2026-03-02T00:00:00.000Z');
export const TRIGGER_POLLS = 1000;

/** A small deterministic random source, so each run causes the same things. */
function random(seed: number): () => number {
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
	/** Requests of the polls that emitted nothing: median and largest. */
	quietRequests: number[];
	allRequests: number[];
	listReads: number;
	stateBytesMax: number;
	pollMs: number[];
}

interface Run {
	sandbox: Sandbox & IDataObject;
	trigger: PolledTrigger;
	clock: FakeClock;
	now: number;
}

/** Polls `polls` times a minute apart; `each(poll, run)` makes things happen before a poll and returns what it caused. */
async function pollMany(event: string, run: Run, polls: number, each: (poll: number) => string[], keyOf: (item: IDataObject) => string): Promise<EventFigures> {
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

async function withTrigger(latencyMs: number, parameters: INodeParameters, arrange: (run: Run) => void, body: (run: Run) => Promise<EventFigures>): Promise<EventFigures> {
	const clock = FakeTimers.withGlobal(globalThis).install({ now: START, toFake: ['Date'] });
	const sandbox = (await startWorld({ latencyMs })) as Sandbox & IDataObject;
	const trigger = engine.pollTrigger({ nodeType: 'segmentParagonTrigger', parameters, credentials: { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) } });
	const run: Run = { sandbox, trigger, clock, now: START };
	try {
		arrange(run);
		await trigger.activate();
		return await body(run);
	} finally {
		trigger.close();
		await sandbox.close();
		clock.uninstall();
	}
}


/** Warehouse Sync Failed over 1,000 warehouses: a failed report every 5th minute, found within a round of 500 polls. */
function syncFailed(latencyMs: number): Promise<EventFigures> {
	let ids: string[] = [];
	const next = random(21);
	return withTrigger(latencyMs, { event: 'syncFailed', warehouses: 'all', statuses: ['FAILED'] }, (run) => (ids = run.sandbox.bulk('warehouses', 1000)), async (run) => {
		const cause = (poll: number) => {
			if (poll % 5 || poll >= TRIGGER_POLLS) return [];
			const id = ids[Math.floor(next() * ids.length)];
			const start = new Date(run.now - 30_000).toISOString();
			run.sandbox.addSyncReports(id, [{ status: 'FAILED', sourceId: 'src', start, duration: 20 }, { status: 'SUCCESS', sourceId: 'other', start, duration: 10 }]);
			return [`${id} ${start}`];
		};
		// A full round more, so the last reports caused are read too.
		return await pollMany('syncFailed', run, TRIGGER_POLLS + ids.length / 2, cause, (item) => `${String(item.warehouseId)} ${String(item.start)}`);
	});
}

/** The nth incident of `id`: what was caused and what was emitted are counted alike. */
function counter(): (id: string) => string {
	const counts = new Map<string, number>();
	return (id) => {
		const n = (counts.get(id) ?? 0) + 1;
		counts.set(id, n);
		return `${id} #${n}`;
	};
}

/** Warehouse Connection Changed over 10 warehouses: a connection goes down or up every 10th minute. */
function connectionChanged(latencyMs: number): Promise<EventFigures> {
	let ids: string[] = [];
	const down = new Set<string>();
	const next = random(7);
	const caused = counter();
	const emitted = counter();
	return withTrigger(latencyMs, { event: 'connectionChanged', warehouses: 'all' }, (run) => (ids = run.sandbox.bulk('warehouses', 10)), async (run) => {
		const cause = (poll: number) => {
			if (poll % 10) return [];
			const id = ids[Math.floor(next() * ids.length)];
			if (down.delete(id)) {
				run.sandbox.setConnectionState(id, null);
				return [];
			}
			down.add(id);
			run.sandbox.setConnectionState(id, 'FAILED');
			return [caused(id)];
		};
		return await pollMany('connectionChanged', run, TRIGGER_POLLS, cause, (item) => emitted(String(item.warehouseId)));
	});
}

export const TRIGGER_EVENTS = { syncFailed, connectionChanged };
