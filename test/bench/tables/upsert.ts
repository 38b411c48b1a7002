/** Issue 13's figures: Create or Update against a large workspace, run twice, and plain Create of the same items. */
import type { INodeParameters } from 'n8n-workflow';

import { measure, runNode, userToken, type Args, type BenchTable, type RemoteSandbox, type TableKit } from '../kit';

export const name = 'upsert';

// Create or Update makes 3,000+ requests per execution: fewer runs, items 5 at a time (Options > Concurrency).
const UPSERT = (runs: number) => ({ count: 1000, workspace: 10_000, runs: Math.min(runs, 3) });

export const title = ({ RUNS, count }: TableKit) => `**Create or Update** (${count(UPSERT(RUNS).count)} source upserts against ${count(UPSERT(RUNS).workspace)} sources, then the same workflow again; median of ${UPSERT(RUNS).runs} run(s))`;

/** What a run sent: list reads of the resource, other reads (catalog, labels), writes, creates. */
function tally(requests: Array<{ method: string; segments: string[] }>, plural: string) {
	const path = (request: { segments: string[] }) => request.segments.join('/');
	const gets = requests.filter((request) => request.method === 'GET');
	return {
		requests: requests.length,
		listReads: gets.filter((request) => path(request) === plural).length,
		otherReads: gets.filter((request) => path(request) !== plural).length,
		writes: requests.length - gets.length,
		creates: requests.filter((request) => request.method === 'POST' && path(request) === plural).length,
	};
}

/**
 * Issue 13: `count` source upserts (all new) against a workspace of `workspace` sources, the same
 * workflow run again (nothing differs), and plain Create of the same items on a like workspace.
 */
export async function scenario(sandbox: RemoteSandbox, args: Args) {
	const count = args.count ?? 1000;
	const workspace = args.workspace ?? 10_000;
	const concurrency = args.concurrency ?? 1;
	const items = Array.from({ length: count }, (_v, n) => ({ name: `Bench Source ${n}`, slug: `bench_source_${n}` }));
	const parameters = (operation: string): INodeParameters => ({
		resource: 'source',
		operation,
		name: '={{ $json.name }}',
		slug: '={{ $json.slug }}',
		platform: 'web',
		categories: ['analytics'],
		...(concurrency > 1 ? { options: { concurrency } } : {}),
	});
	const execute = async (operation: string, expected: string) => {
		await sandbox.control('DELETE', '/__sandbox/requests');
		const measured = await measure(() => runNode(parameters(operation), userToken(sandbox.url), items));
		const outcomes = measured.value.items.map((item) => (operation === 'upsert' ? item.json.upsert : 'created'));
		if (outcomes.length !== count || outcomes.some((outcome) => outcome !== expected)) throw new Error(`${operation}: expected ${count} × ${expected}, got ${JSON.stringify(outcomes.slice(0, 3))}…`);
		return { ms: measured.ms, peakHeapMb: measured.peakHeapMb, ...tally(await sandbox.requests(), 'sources') };
	};
	const fresh = async () => {
		await sandbox.control('POST', '/__sandbox/reset');
		await sandbox.control('POST', '/__sandbox/bulk', { resource: 'sources', count: workspace });
	};
	const runs = [];
	for (let run = 0; run < args.runs; run++) {
		await fresh();
		const first = await execute('upsert', 'created');
		const second = await execute('upsert', 'unchanged');
		await fresh();
		const create = await execute('create', 'created');
		runs.push({ first, second, create });
	}
	return { count, workspace, concurrency, runs };
}

export function table(kit: TableKit): string[] {
	const { run, median, ms, count, check, LATENCIES, CONCURRENCY, RUNS } = kit;
	const upsert = UPSERT(RUNS);
	const rows = [
		`| sandbox latency | execution (${count(upsert.count)} source items, Concurrency ${CONCURRENCY}) | sources in the workspace | list reads (minimum) | other reads | writes (creates) | median time | per item | time ratio to plain Create |`,
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ count: upsert.count, workspace: upsert.workspace, concurrency: CONCURRENCY, latencyMs, runs: upsert.runs });
		const of = (key: string, field: string) => median(result.runs.map((r) => r[key][field]));
		const createMs = of('create', 'ms');
		const executions = [
			['first', 'Create or Update, first run (all new)', result.workspace],
			['second', 'Create or Update, second run (nothing differs)', result.workspace + result.count],
			['create', 'plain Create (all new)', result.workspace],
		];
		for (const [key, label, size] of executions) {
			const minimum = key === 'create' ? 0 : Math.ceil(size / 200);
			const listReads = Math.max(...result.runs.map((r) => r[key].listReads));
			const writes = Math.max(...result.runs.map((r) => r[key].writes));
			const creates = Math.max(...result.runs.map((r) => r[key].creates));
			let flag = check(listReads === minimum, `${label} at ${latencyMs} ms: ${listReads} list reads, minimum ${minimum}`);
			if (key === 'second') flag += check(writes === 0 && of(key, 'otherReads') === 0, `${label} at ${latencyMs} ms: ${writes} writes, ${of(key, 'otherReads')} other reads (expected none)`);
			else flag += check(creates === result.count, `${label} at ${latencyMs} ms: ${creates} creates for ${result.count} items`);
			const time = of(key, 'ms');
			rows.push(`| ${latencyMs} ms | ${label} | ${count(size)} | ${listReads} (${minimum})${flag} | ${of(key, 'otherReads')} | ${count(writes)} (${count(creates)}) | ${ms(time)} | ${ms(time / result.count)} | ${(time / createMs).toFixed(2)} |`);
		}
	}
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
