/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (perf_hooks), never inside n8n */
/**
 * Issue 19's figures (SPEC §8): regulation Create over 10,000 items of one ID each — the requests
 * it sends, and the node's own time per item: its execute() minus the time its requests spent on
 * the wire and in the sandbox, and minus n8n resolving the parameters it reads (the expression
 * `{{ $json.userId }}` of each item is n8n's work). All three are measured here, around the real
 * methods, and shown apart.
 */
import { performance } from 'node:perf_hooks';

import { ExecuteContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { SegmentParagon } from '../../../nodes/SegmentParagon/SegmentParagon.node';
import { SegmentClient } from '../../../nodes/shared/transport/request';
import { measure, runNode, userToken, type Args, type BenchTable, type RemoteSandbox, type TableKit } from '../kit';

/** Times spent in the node's execute(), in its requests and in n8n's parameter resolution. */
const spent = { executeMs: 0, requestMs: 0, parameterMs: 0, requestsInFlight: 0 };

function instrument(): void {
	const execute = SegmentParagon.prototype.execute;
	SegmentParagon.prototype.execute = async function (this: unknown, ...args: unknown[]) {
		const started = performance.now();
		try {
			return await (execute as (...a: unknown[]) => ReturnType<typeof execute>).apply(this, args);
		} finally {
			spent.executeMs += performance.now() - started;
		}
	} as typeof execute;
	// Each context's getNodeParameter calls the prototype's _getNodeParameter; synchronous, never nested: the calls add up.
	const prototype = ExecuteContext.prototype as unknown as { _getNodeParameter: (...args: unknown[]) => unknown };
	const getNodeParameter = prototype._getNodeParameter;
	prototype._getNodeParameter = function (this: unknown, ...args: unknown[]) {
		const started = performance.now();
		try {
			return getNodeParameter.apply(this, args);
		} finally {
			spent.parameterMs += performance.now() - started;
		}
	};
	const request = SegmentClient.prototype.request;
	// Wall time with at least one request in flight: overlapping requests are counted once.
	let since = 0;
	SegmentClient.prototype.request = async function (this: SegmentClient, ...args: Parameters<typeof request>) {
		if (spent.requestsInFlight++ === 0) since = performance.now();
		try {
			return await request.apply(this, args);
		} finally {
			if (--spent.requestsInFlight === 0) spent.requestMs += performance.now() - since;
		}
	} as typeof request;
}

export async function scenario(sandbox: RemoteSandbox, args: Args) {
	instrument();
	const count = args.count ?? 10_000;
	const items = Array.from({ length: count }, (_v, n) => ({ userId: `bench-user-${n}` }));
	const parameters = (combineItems: boolean): INodeParameters => ({ resource: 'regulation', operation: 'create', subjectIds: '={{ $json.userId }}', ...(combineItems ? {} : { options: { combineItems: false } }) });
	const execution = async (combineItems: boolean) => {
		await sandbox.control('POST', '/__sandbox/reset');
		Object.assign(spent, { executeMs: 0, requestMs: 0, parameterMs: 0 });
		const measured = await measure(() => runNode(parameters(combineItems), userToken(sandbox.url), items));
		const requests = await sandbox.requests();
		const out = measured.value.items;
		if (out.length !== count || out.some((item, index) => (item.pairedItem as { item: number }).item !== index || !item.json.regulateId)) throw new Error('an item came out unpaired or without its regulateId');
		const ownMs = spent.executeMs - spent.requestMs - spent.parameterMs;
		const { executeMs, requestMs, parameterMs } = spent;
		return { combineItems, ms: measured.ms, executeMs, requestMs, parameterMs, ownMs, requests: requests.length, regulations: new Set(out.map((item) => item.json.regulateId)).size };
	};
	const runs = [];
	for (let run = 0; run < args.runs; run++) runs.push(await execution(true));
	// One request per item, for comparison: once per latency (it sends 10,000 requests).
	const separate = args.separate ? await execution(false) : undefined;
	return { count, runs, separate };
}

/** SPEC §8: 10,000 items of one ID each are 2 requests; the node's own time per item at most 0.2 ms. */
const OWN_MS_PER_ITEM = 0.2;

export const name = 'regulations';
export const title = '**User deletion and suppression** (regulation Create of 10,000 items with one user ID each; the IDs combined into requests of up to 5,000)';

export function table(kit: TableKit): string[] {
	const { run, median, ms, count, check, LATENCIES } = kit;
	const rows = [
		"| sandbox latency | execution (10,000 items, one ID each) | requests sent (goal) | regulations filed | median time of the execution | execute() | of which requests | of which n8n resolving parameters (the expression per item) | node's own time | own time per item (goal ≤ 0.2 ms) |",
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	type Figures = { ms: number; executeMs: number; requestMs: number; parameterMs: number; ownMs: number; requests: number; regulations: number };
	for (const latencyMs of LATENCIES) {
		const { result } = run({ count: 10_000, latencyMs, separate: latencyMs === 0 }) as unknown as { result: { count: number; runs: Figures[]; separate?: Figures } };
		const of = (key: keyof Figures) => median(result.runs.map((r) => r[key]));
		const requests = Math.max(...result.runs.map((r) => r.requests));
		const goal = Math.ceil(result.count / 5000);
		const own = of('ownMs');
		const flag = check(requests === goal, `regulations at ${latencyMs} ms: ${requests} requests for ${result.count} items, goal ${goal}`);
		const ownFlag = check(own / result.count <= OWN_MS_PER_ITEM, `regulations at ${latencyMs} ms: the node's own time is ${(own / result.count).toFixed(3)} ms per item`);
		const times = (figures: Pick<Figures, 'ms' | 'executeMs' | 'requestMs' | 'parameterMs'>) =>
			`${ms(figures.ms)} | ${ms(figures.executeMs)} | ${ms(figures.requestMs)} | ${ms(figures.parameterMs)} (${(figures.parameterMs / result.count).toFixed(3)} ms per item)`;
		const medians = { ms: of('ms'), executeMs: of('executeMs'), requestMs: of('requestMs'), parameterMs: of('parameterMs') };
		rows.push(`| ${latencyMs} ms | Combine Items on (default) | ${requests} (${goal})${flag} | ${of('regulations')} | ${times(medians)} | ${ms(own)} | ${(own / result.count).toFixed(3)} ms${ownFlag} |`);
		const separate = result.separate;
		if (separate) {
			const separateFlag = check(separate.requests === result.count, `Combine Items off at ${latencyMs} ms: ${separate.requests} requests for ${result.count} items`);
			rows.push(`| ${latencyMs} ms | Combine Items off (one run) | ${count(separate.requests)} (${count(result.count)})${separateFlag} | ${count(separate.regulations)} | ${times(separate)} | ${ms(separate.ownMs)} | ${(separate.ownMs / result.count).toFixed(3)} ms |`);
		}
	}
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
