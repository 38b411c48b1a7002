/** Issue 22's figures (SPEC §8): a tracking plan of 2,000 rules kept in sync with Create or Update. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { measure, runNode, userToken, type Args, type RemoteSandbox } from './kit';

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
export async function trackingPlanScenario(sandbox: RemoteSandbox, args: Args) {
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
