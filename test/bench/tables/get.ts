/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (node:http, the baseline client), never inside n8n */
/** 1,000 Get items in one execution against a bare keep-alive http client: the node's overhead per request. */
import http from 'node:http';

import type { INodeParameters } from 'n8n-workflow';

import { PROJECT_ID, USER_TOKEN } from '../../helpers/world';
import { measure, runNode, userToken, type Args, type BenchTable, type RemoteSandbox, type TableKit } from '../kit';

export const name = 'get';
export const title = '**1,000 Get items in one execution** (warehouse get, ids from the items)';


/** The baseline: Node's own http client with a keep-alive agent, one GET after the other. */
async function bareGets(url: string, ids: string[]): Promise<number> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	let parsed = 0;
	for (const id of ids) {
		await new Promise<void>((resolve, reject) => {
			const request = http.request(
				`${url}/projects/${PROJECT_ID}/sdk/proxy/segment/warehouses/${encodeURIComponent(id)}`,
				// The same headers as the node: Paragon's raw answer, not {output}.
				{ agent, headers: { authorization: `Bearer ${USER_TOKEN}`, accept: 'application/json', 'x-paragon-use-raw-response': '1' } },
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => {
						if ((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { warehouse?: unknown } }).data?.warehouse) parsed++;
						resolve();
					});
				},
			);
			request.on('error', reject);
			request.end();
		});
	}
	agent.destroy();
	if (parsed !== ids.length) throw new Error(`bare client got ${parsed} of ${ids.length} warehouses`);
	return parsed;
}

export async function scenario(sandbox: RemoteSandbox, args: Args) {
	const count = args.count ?? 1000;
	const { ids } = await sandbox.control<{ ids: string[] }>('POST', '/__sandbox/bulk', { resource: 'warehouses', count });
	const items = ids.map((id) => ({ id }));
	const parameters = (concurrency: number): INodeParameters => ({
		resource: 'warehouse',
		operation: 'get',
		warehouseId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		...(concurrency > 1 ? { options: { concurrency } } : {}),
	});
	const node = async (concurrency: number) => {
		await sandbox.control('DELETE', '/__sandbox/requests');
		const measured = await measure(() => runNode(parameters(concurrency), userToken(sandbox.url), items));
		if (measured.value.items.length !== count) throw new Error(`got ${measured.value.items.length} of ${count}`);
		const requests = (await sandbox.requests()).length;
		if (requests !== count) throw new Error(`sent ${requests} requests for ${count} items`);
		return measured.ms;
	};
	// Interleaved, so a slow moment of the machine weighs on all three alike.
	const runs = [];
	for (let run = 0; run < args.runs; run++) {
		const sequential = await node(1);
		const parallel = args.concurrency ? await node(args.concurrency) : undefined;
		const bare = (await measure(() => bareGets(sandbox.url, ids))).ms;
		runs.push({ nodeMs: sequential, nodeConcurrentMs: parallel, bareMs: bare });
	}
	return { count, concurrency: args.concurrency, runs };
}

export function table(kit: TableKit): string[] {
	const { run, median, ms, check, LATENCIES, CONCURRENCY } = kit;
	const rows = [
		`| sandbox latency | node, one item at a time | node, Options > Concurrency ${CONCURRENCY} | bare keep-alive http client, sequential | ratio node / bare (goal ≤ 1.3 at 20 ms) | ratio node with concurrency ${CONCURRENCY} / bare |`,
		'|---|---|---|---|---|---|',
	];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ count: 1000, concurrency: CONCURRENCY, latencyMs });
		const perItem = (key: string) => median(result.runs.map((r) => r[key])) / result.count;
		const node = perItem('nodeMs');
		const parallel = perItem('nodeConcurrentMs');
		const bare = perItem('bareMs');
		const flag = latencyMs === 20 ? check(node / bare <= 1.3, `1,000 gets at 20 ms: node / bare = ${(node / bare).toFixed(2)} > 1.3`) : '';
		rows.push(`| ${latencyMs} ms | ${ms(node)} per item | ${ms(parallel)} per item | ${ms(bare)} per item | ${(node / bare).toFixed(2)}${flag} | ${(parallel / bare).toFixed(2)} |`);
	}
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
