/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark code: runs in Node.js beside n8n (process), never inside n8n */
/**
 * One benchmark scenario (a table's, tables/), run several times in this process: the node in the real n8n engine
 * (test/helpers/engine.ts, in-process) against a sandbox in a child process. Prints one JSON line
 * with every run's figures; test/bench/run.js starts one worker per scenario and makes the table.
 *
 *   node --expose-gc -r ./test/bench/register.js test/bench/worker.ts '{"scenario":"list","count":10000,"latencyMs":0,"runs":5}'
 */
import { runNode, startRemoteSandbox, userToken, type Args } from './kit';
import { TABLES } from './tables';

async function main(): Promise<void> {
	const args = JSON.parse(process.argv[2] ?? '{}') as Args;
	const table = TABLES.find((candidate) => candidate.name === args.scenario);
	if (!table) throw new Error(`no bench table "${args.scenario}" (tables/index.ts lists ${TABLES.map((candidate) => candidate.name).join(', ')})`);
	const sandbox = await startRemoteSandbox(args.latencyMs, table.sandboxUsers?.(args) ?? []);
	try {
		// One run first, not counted: loads n8n-core and warms the JIT.
		await runNode({ resource: 'warehouse', operation: 'list', limit: 1 }, userToken(sandbox.url));
		const result = await table.scenario(sandbox, args);
		process.stdout.write(`${JSON.stringify({ ...args, result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
	} finally {
		sandbox.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
