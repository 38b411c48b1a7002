/** Issue 22's figures (SPEC §8): a tracking plan of 2,000 rules kept in sync with Create or Update. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { measure, runNode, userToken, type Args, type BenchTable, type RemoteSandbox, type TableKit } from '../kit';

/** What a run sent: reads of the plans' list and of rules, and each kind of write. */
function tally(requests: Array<{ method: string; segments: string[] }>) {
	const is = (method: string, test: (segments: string[]) => boolean) => requests.filter((request) => request.method === method && test(request.segments)).length;
	const rulesPath = (segments: string[]) => segments.length === 3 && segments[2] === 'rules';
	return {
		requests: requests.length,
		planListReads: is('GET', (segments) => segments.length === 1),
		ruleReads: is('GET', rulesPath),
		creates: is('POST', (segments) => segments.length === 1),
		rulePatches: is('PATCH', rulesPath),
		ruleDeletes: is('DELETE', rulesPath),
		writes: requests.filter((request) => request.method !== 'GET').length,
	};
}

const rule = (n: number, required = [`property_${n}`]): IDataObject => ({
	type: 'TRACK',
	key: `Event ${n}`,
	jsonSchema: { type: 'object', properties: { properties: { type: 'object', properties: { [`property_${n}`]: { type: 'string' } }, required } } },
	version: 1,
});

/**
 * `count` rules (default 2,000) in one Create or Update: first against an empty workspace (the plan
 * is created), then the same input again (nothing differs), then with one rule changed and one
 * added. Each run starts from a reset sandbox.
 */
export async function scenario(sandbox: RemoteSandbox, args: Args) {
	const count = args.count ?? 2000;
	const rules = Array.from({ length: count }, (_v, n) => rule(n));
	const changed = [...rules.slice(0, -1), rule(count - 1, []), rule(count)];
	const parameters: INodeParameters = { resource: 'trackingPlan', operation: 'upsert', name: 'Bench Plan', rules: '={{ $json.rules }}', removeOtherRules: true };
	const execute = async (given: IDataObject[], expected: string) => {
		await sandbox.control('DELETE', '/__sandbox/requests');
		const measured = await measure(() => runNode(parameters, userToken(sandbox.url), [{ rules: given }]));
		const out = measured.value.items.map((item) => item.json);
		if (out.length !== 1 || out[0].upsert !== expected) throw new Error(`expected one item "${expected}", got ${JSON.stringify(out.map((item) => item.upsert))}`);
		return { ms: measured.ms, peakHeapMb: measured.peakHeapMb, counts: out[0].rules as IDataObject, ...tally(await sandbox.requests()) };
	};
	const runs = [];
	for (let run = 0; run < args.runs; run++) {
		await sandbox.control('POST', '/__sandbox/reset');
		const first = await execute(rules, 'created');
		const second = await execute(rules, 'unchanged');
		const third = await execute(changed, 'updated');
		runs.push({ first, second, third });
	}
	return { count, runs };
}

// SPEC §8: a plan of 2,000 rules — first run 1 create + 1 PATCH, second run ceil(2,000 / 200) rule reads and 0 writes.
const RULES = 2000;

export const name = 'trackingPlan';
export const title = `**Tracking plan Create or Update** (${RULES.toLocaleString('en-US')} rules in one item, Remove Other Rules on; then the same item again; then with one rule changed and one added; each run from an empty sandbox)`;

export function table(kit: TableKit): string[] {
	const { run, median, ms, count, check, LATENCIES } = kit;
	const rows = [
		'| sandbox latency | execution | plan list reads | rule reads (expected) | creates | rule PATCHes (rules sent) | rule DELETEs | other writes | median time | peak heap above idle |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	const reads = Math.ceil(RULES / 200);
	const executions: Array<[string, string, number, number, number]> = [
		['first', 'first run: no plan yet', 0, 1, 1],
		['second', 'second run: the same rules', reads, 0, 0],
		['third', 'third run: 1 rule changed, 1 added', reads, 0, 1],
	];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ count: RULES, latencyMs });
		for (const [key, label, expectedReads, expectedCreates, expectedPatches] of executions) {
			const most = (field: string): number => Math.max(...result.runs.map((r: IDataObject) => (r[key] as IDataObject)[field] as number));
			const other = most('writes') - most('creates') - most('rulePatches') - most('ruleDeletes');
			const flag = check(
				most('ruleReads') === expectedReads && most('creates') === expectedCreates && most('rulePatches') === expectedPatches && most('ruleDeletes') === 0 && other === 0 && most('planListReads') === 1,
				`tracking plan ${label} at ${latencyMs} ms: ${most('ruleReads')} rule reads, ${most('creates')} creates, ${most('rulePatches')} PATCHes, ${most('ruleDeletes')} DELETEs, ${other} other writes`,
			);
			const sent = result.runs[0][key].counts as { added: number; updated: number };
			const rulesSent = sent.added + (key === 'first' ? 0 : sent.updated);
			const time = median(result.runs.map((r: IDataObject) => (r[key] as IDataObject).ms as number));
			const heap = median(result.runs.map((r: IDataObject) => (r[key] as IDataObject).peakHeapMb as number));
			rows.push(`| ${latencyMs} ms | ${label} | ${most('planListReads')} | ${most('ruleReads')} (${expectedReads})${flag} | ${most('creates')} | ${most('rulePatches')} (${count(rulesSent)}) | ${most('ruleDeletes')} | ${other} | ${ms(time)} | ${heap.toFixed(0)} MB |`);
		}
	}
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
