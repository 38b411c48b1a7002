/**
 * SPEC §8's trigger figures: each event polled 1,000 times a minute apart (trigger/events.ts says
 * what each run causes): a poll with nothing new costs 1 request (audit events, volume, delivery,
 * reverse ETL syncs), at most 2 sync reads (syncs), and no record is emitted twice or missed.
 */
import type { Args, BenchTable, RemoteSandbox, TableKit } from '../kit';
import { TRIGGER_EVENTS } from '../trigger/events';

const STATE_LIMIT = 64 * 1024;
/** What a poll with nothing new may cost: one request, two sync reads, a connection state per warehouse (10). */
const QUIET_COST: Record<string, number> = { auditEvent: 1, volumeDropped: 1, deliveryFailing: 1, reverseEtlSyncFailed: 1, syncFailed: 2, connectionChanged: 10 };

/** One event's run; the sandbox of the worker is not used (the trigger's sandbox shares its fake clock, in-process). */
export async function scenario(_sandbox: RemoteSandbox, args: Args) {
	const event = args.event ?? 'syncFailed';
	const run = TRIGGER_EVENTS[event];
	if (!run) throw new Error(`no trigger event "${event}" in the benchmark (${Object.keys(TRIGGER_EVENTS).join(', ')})`);
	const figures = await run(args.latencyMs);
	return { ...figures, runs: [] };
}

export const name = 'trigger';
export const title = '**Trigger** (each event polled 1,000 times, a minute apart on a faked clock, as an active workflow polls it; the sandbox in-process on the same clock; Sync Failed over 1,000 warehouses, 1,500 polls so the last round is read)';

export function table(kit: TableKit): string[] {
	const { run, median, ms, count, check, LATENCIES } = kit;
	const rows = [
		'| event | sandbox latency | polls | records caused → emitted (twice, missed) | requests per poll with nothing new: median (largest) | all polls: median (largest) | warehouse list reads (pages) | largest state | median time per poll |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const event of Object.keys(QUIET_COST)) {
		for (const latencyMs of LATENCIES) {
			const { result } = run({ event, latencyMs, runs: 1 });
			const quiet = median(result.quietRequests);
			let flag = check(result.duplicates === 0 && result.missed === 0 && result.caused === result.emitted, `${event} at ${latencyMs} ms: caused ${result.caused}, emitted ${result.emitted}, ${result.duplicates} twice, ${result.missed} missed`);
			flag += check(quiet <= QUIET_COST[event], `${event} at ${latencyMs} ms: a poll with nothing new costs ${quiet} requests (median), more than ${QUIET_COST[event]}`);
			flag += check(result.stateBytesMax < STATE_LIMIT, `${event} at ${latencyMs} ms: the state reached ${result.stateBytesMax} bytes`);
			rows.push(
				`| ${event} | ${latencyMs} ms | ${count(result.polls)} | ${count(result.caused)} → ${count(result.emitted)} (${result.duplicates}, ${result.missed})${flag} | ${quiet} (${Math.max(...result.quietRequests)}) | ${median(result.allRequests)} (${Math.max(...result.allRequests)}) | ${result.listReads} | ${(result.stateBytesMax / 1024).toFixed(1)} KB | ${ms(median(result.pollMs))} |`,
			);
		}
	}
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
