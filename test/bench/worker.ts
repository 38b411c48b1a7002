/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (process, fs, child processes), never inside n8n */
/**
 * One benchmark scenario, run several times in this process: the node in the real n8n engine
 * (test/helpers/engine.ts, in-process) against a sandbox in a child process. Prints one JSON line
 * with every run's figures; test/bench/run.js starts one worker per scenario and makes the table.
 *
 *   node --expose-gc -r ./test/bench/register.js test/bench/worker.ts '{"scenario":"list","count":10000,"latencyMs":0,"runs":5}'
 */
import http from 'node:http';

import type { INodeParameters } from 'n8n-workflow';

import { clearTokenCache, signatureCount } from '../../nodes/shared/transport/userToken';
import { PROJECT_ID, USER_TOKEN } from '../helpers/world';
import { measure, runNode, signingKey, startRemoteSandbox, userToken, type Args, type RemoteSandbox } from './kit';
import { upsertIndexScenario, upsertScenario } from './upsert';
import { regulationsScenario } from './regulations';
import { benchUserIds, usersScenario } from './users';


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

async function listScenario(sandbox: RemoteSandbox, args: Args) {
	const count = args.count ?? 10_000;
	await sandbox.control('POST', '/__sandbox/bulk', { resource: 'warehouses', count });
	const runs = [];
	for (let run = 0; run < args.runs; run++) {
		await sandbox.control('DELETE', '/__sandbox/requests');
		const measured = await measure(() => runNode({ resource: 'warehouse', operation: 'list', returnAll: true }, userToken(sandbox.url)));
		const items = measured.value.items.length;
		if (items !== count) throw new Error(`listed ${items} of ${count}`);
		runs.push({ ms: measured.ms, peakHeapMb: measured.peakHeapMb, requests: (await sandbox.requests()).length });
	}
	return { count, minimumRequests: Math.ceil(count / 200), runs };
}

async function getScenario(sandbox: RemoteSandbox, args: Args) {
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

async function tokensScenario(sandbox: RemoteSandbox, args: Args) {
	const count = args.count ?? 100;
	const items = Array.from({ length: count }, (_v, n) => ({ n }));
	const parameters: INodeParameters = { resource: 'warehouse', operation: 'create', name: '={{ "Bench warehouse " + $json.n }}', type: 'redshift', connectionMode: 'json', connection: '{"host":"bench.example.com","port":5439,"database":"d","username":"u","password":"bench-pw"}' };
	const runs = [];
	for (let run = 0; run < args.runs; run++) {
		// Every other execution starts with no token cached (a fresh n8n process); the others reuse it.
		const cold = run % 2 === 0;
		if (cold) clearTokenCache();
		await sandbox.control('DELETE', '/__sandbox/requests');
		const signaturesBefore = signatureCount();
		const measured = await measure(() => runNode(parameters, signingKey(sandbox.url), items));
		const requests = await sandbox.requests();
		runs.push({
			cold,
			ms: measured.ms,
			signatures: signatureCount() - signaturesBefore,
			catalogRequests: requests.filter((request) => request.method === 'GET' && request.segments.join('/') === 'catalog/warehouses').length,
			requests: requests.length,
			created: measured.value.items.length,
		});
	}
	return { count, runs };
}


async function main(): Promise<void> {
	const args = JSON.parse(process.argv[2] ?? '{}') as Args;
	const sandbox = await startRemoteSandbox(args.latencyMs, args.scenario === 'users' ? benchUserIds(args.users) : []);
	try {
		// One run first, not counted: loads n8n-core and warms the JIT.
		await runNode({ resource: 'warehouse', operation: 'list', limit: 1 }, userToken(sandbox.url));
		const scenarios = { list: listScenario, get: getScenario, tokens: tokensScenario, upsert: upsertScenario, upsertIndex: upsertIndexScenario, users: usersScenario, regulations: regulationsScenario };
		const result = await scenarios[args.scenario](sandbox, args);
		process.stdout.write(`${JSON.stringify({ ...args, result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
	} finally {
		sandbox.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
