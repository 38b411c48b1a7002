/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (process, perf_hooks), never inside n8n */
/**
 * Issue 26's figures (SPEC §8): Start Sync waiting on the real clock against a sandbox whose
 * syncs end after scripted times. One sync of 60 s at Poll Interval 15 (1 POST + at most 5 GETs),
 * and 20 items whose syncs last 3 to 60 s (waited out together: about the longest, not the sum).
 * The node's CPU time while it waits (process CPU time of the worker, which runs the node; the
 * sandbox has its own process) against the wall time. One run each: the waits are real minutes.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { performance } from 'node:perf_hooks';

import { segmentApi } from '../../helpers/world';
import { runNode, userToken, type BenchTable, type RemoteSandbox, type TableKit } from '../kit';

const POLL_SECONDS = 15;
const WAIT_FROM_MS = 5000;
/** A warehouse source, a model and `count` mappings of it, made through the sandbox's API. */
async function arrange(sandbox: RemoteSandbox, count: number) {
	await sandbox.control('POST', '/__sandbox/reset');
	await sandbox.control('POST', '/__sandbox/limits', { mappingWritesPerMinute: null });
	const catalog = (await segmentApi(sandbox, 'GET', '/catalog/sources?pagination.count=200')).sourcesCatalog as IDataObject[];
	const destinations = (await segmentApi(sandbox, 'GET', '/catalog/destinations?pagination.count=200')).destinationsCatalog as IDataObject[];
	const source = (await segmentApi(sandbox, 'POST', '/sources', { slug: 'snowflake_models', enabled: true, metadataId: catalog.find((entry) => entry.slug === 'snowflake')!.id })).source as IDataObject;
	const model = (await segmentApi(sandbox, 'POST', '/reverse-etl-models', { sourceId: source.id, name: 'Bench model', description: '', enabled: true, query: 'SELECT user_id FROM customers', queryIdentifierColumn: 'user_id' })).reverseEtlModel as IDataObject;
	const destination = (await segmentApi(sandbox, 'POST', '/destinations', { sourceId: source.id, metadataId: destinations.find((entry) => entry.slug === 'actions-amplitude')!.id, name: 'Amplitude', enabled: true, settings: {} })).destination as IDataObject;
	const action = ((destination.metadata as IDataObject).actions as IDataObject[]).find((candidate) => candidate.slug === 'identifyUser')!;
	const mappingIds: string[] = [];
	for (let n = 0; n < count; n++) {
		const mapping = (await segmentApi(sandbox, 'POST', `/destinations/${String(destination.id)}/subscriptions`, { name: `Customers ${n}`, actionId: action.id, trigger: 'type = "identify"', enabled: true, settings: {}, modelId: model.id })).destinationSubscription as IDataObject;
		mappingIds.push(String(mapping.id));
	}
	await sandbox.control('DELETE', '/__sandbox/requests');
	return { modelId: String(model.id), mappingIds };
}

/** Start Sync of `durations.length` items (one mapping each), the sync of item n lasting durations[n] seconds. */
async function waitOut(sandbox: RemoteSandbox, durations: number[]) {
	const { modelId, mappingIds } = await arrange(sandbox, durations.length);
	await sandbox.control('POST', '/__sandbox/reverse-etl/syncs', { outcomes: durations.map((afterSeconds) => ({ syncStatus: 'SUCCESS', afterSeconds })) });
	const parameters: INodeParameters = { resource: 'reverseEtl', operation: 'startSync', modelId: { __rl: true, mode: 'id', value: modelId }, mappingId: '={{ $json.mappingId }}', options: { pollInterval: POLL_SECONDS } };
	// Not kit.measure: its heap sampler (every 5 ms) would be the CPU time measured. The wait is
	// measured from 5 s on (the engine has started and every sync is started by then) to the end.
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	let waitStart: { at: number; cpu: NodeJS.CpuUsage } | undefined;
	const timer = setTimeout(() => (waitStart = { at: performance.now(), cpu: process.cpuUsage() }), WAIT_FROM_MS);
	const result = await runNode(parameters, userToken(sandbox.url), mappingIds.map((mappingId) => ({ mappingId })));
	const ended = performance.now();
	const cpu = process.cpuUsage(cpuBefore);
	clearTimeout(timer);
	const waitCpu = waitStart ? process.cpuUsage(waitStart.cpu) : undefined;
	const requests = (await sandbox.requests()) as Array<{ method: string; segments: string[] }>;
	const statuses = result.items.map((item) => item.json.syncStatus);
	return {
		ms: ended - started,
		cpuMs: (cpu.user + cpu.system) / 1000,
		waitMs: waitStart ? ended - waitStart.at : 0,
		waitCpuMs: waitCpu ? (waitCpu.user + waitCpu.system) / 1000 : 0,
		items: result.items.length,
		succeeded: statuses.filter((status) => status === 'SUCCESS').length,
		posts: requests.filter((request) => request.method === 'POST').length,
		statusReads: requests.filter((request) => request.method === 'GET' && request.segments[2] === 'syncs').length,
		modelReads: requests.filter((request) => request.method === 'GET' && request.segments.length === 2).length,
		longestMs: Math.max(...durations) * 1000,
		sumMs: durations.reduce((sum, seconds) => sum + seconds, 0) * 1000,
	};
}

export async function scenario(sandbox: RemoteSandbox) {
	const one = await waitOut(sandbox, [60]);
	const twenty = await waitOut(sandbox, Array.from({ length: 20 }, (_v, n) => 3 * (n + 1)));
	return { runs: [one], one, twenty };
}

const LATENCY_MS = 20;

export const name = 'reverseEtl';
export const title = `**Reverse ETL Start Sync, waiting** (Poll Interval ${POLL_SECONDS} s, the real clock; the sandbox ends each sync after its scripted time, ${LATENCY_MS} ms per request; CPU: the node's process, the sandbox runs in its own; 1 run)`;

export function table(kit: TableKit): string[] {
	const { run, ms, check } = kit;
	const { result } = run({ latencyMs: LATENCY_MS, runs: 1 });
	const { one, twenty } = result as { one: IDataObject; twenty: IDataObject };
	const figure = (row: IDataObject) => row as Record<string, number>;
	const a = figure(one);
	const b = figure(twenty);
	const flag =
		check(a.posts === 1 && a.statusReads <= 5 && a.succeeded === 1, `reverseEtl: one 60 s sync took ${a.posts} POST(s) and ${a.statusReads} status reads (expected 1 and at most 5)`) +
		check(b.posts === 20 && b.succeeded === 20 && b.modelReads === 1, `reverseEtl: 20 items: ${b.posts} POSTs, ${b.succeeded} succeeded, ${b.modelReads} model reads`);
	const flagTogether = check(b.ms < b.longestMs + (POLL_SECONDS + 5) * 1000, `reverseEtl: 20 syncs took ${ms(b.ms)}, more than the longest (${ms(b.longestMs)}) plus one poll interval`);
	const share = (cpuMs: number, wallMs: number) => `${ms(cpuMs)} of ${ms(wallMs)} (${((100 * cpuMs) / wallMs).toFixed(2)} %)`;
	const idleFlag = (row: Record<string, number>) => check(row.waitCpuMs / row.waitMs < 0.01, `reverseEtl: the node used ${share(row.waitCpuMs, row.waitMs)} of CPU while waiting`);
	return [
		'| items | sync durations | POSTs | status reads | model reads | wall time | longest sync | sum of syncs | wall / longest | node CPU, whole run | node CPU while waiting (from 5 s on) |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
		`| 1 | 60 s | ${a.posts} | ${a.statusReads} | ${a.modelReads} | ${ms(a.ms)} | ${ms(a.longestMs)} | ${ms(a.sumMs)} | ${(a.ms / a.longestMs).toFixed(3)} | ${share(a.cpuMs, a.ms)} | ${share(a.waitCpuMs, a.waitMs)}${flag}${idleFlag(a)} |`,
		`| 20 | 3, 6, … 60 s | ${b.posts} | ${b.statusReads} | ${b.modelReads} | ${ms(b.ms)} | ${ms(b.longestMs)} | ${ms(b.sumMs)} | ${(b.ms / b.longestMs).toFixed(3)} | ${share(b.cpuMs, b.ms)} | ${share(b.waitCpuMs, b.waitMs)}${flagTogether}${idleFlag(b)} |`,
	];
}

export default { name, title, scenario, table } satisfies BenchTable;
