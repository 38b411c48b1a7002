/** Issue 14's figures: one signing-key credential acting for many Paragon users in one execution. */
import type { INodeParameters } from 'n8n-workflow';

import { clearTokenCache, signatureCount } from '../../../nodes/shared/transport/userToken';
import { measure, runNode, signingKey, type Args, type BenchTable, type RemoteSandbox, type TableKit } from '../kit';

export const BENCH_USERS = 100;
export const benchUserIds = (users = BENCH_USERS) => Array.from({ length: users }, (_v, n) => `bench-user-${n}`);

/**
 * `count` Get Many items (limit 1) spread over `users` Paragon users (Options > Paragon User ID):
 * the first execution signs one token per user, the next ones reuse them.
 */
export async function scenario(sandbox: RemoteSandbox, args: Args) {
	const count = args.count ?? 1000;
	const users = benchUserIds(args.users);
	const items = Array.from({ length: count }, (_v, n) => ({ userId: users[n % users.length] }));
	const parameters: INodeParameters = { resource: 'source', operation: 'list', limit: 1, options: { paragonUserId: '={{ $json.userId }}', concurrency: args.concurrency ?? 1 } };
	const runs = [];
	for (let run = 0; run < args.runs; run++) {
		const cold = run % 2 === 0;
		if (cold) clearTokenCache();
		await sandbox.control('DELETE', '/__sandbox/requests');
		const before = signatureCount();
		const measured = await measure(() => runNode(parameters, signingKey(sandbox.url), items));
		const requests = await sandbox.requests();
		runs.push({ cold, ms: measured.ms, signatures: signatureCount() - before, requests: requests.length, users: new Set(requests.map((request) => (request as { userId?: string }).userId)).size });
	}
	return { count, users: users.length, runs };
}

export const name = 'users';
export const title = '**Acting for many users** (1,000 Get Many items, limit 1, over 100 Paragon users with Options > Paragon User ID; one signing-key credential)';
/** Each bench user is connected, with a workspace of its own. */
export const sandboxUsers = (args: Args) => benchUserIds(args.users);

export function table(kit: TableKit): string[] {
	const { run, median, ms, count, check, LATENCIES } = kit;
	const rows = ['| sandbox latency | execution | items | Paragon users | signatures made | requests sent | median time | per item |', '|---|---|---|---|---|---|---|---|'];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ count: 1000, users: 100, latencyMs });
		for (const cold of [true, false]) {
			const runs = result.runs.filter((r) => r.cold === cold);
			if (!runs.length) continue;
			const signatures = Math.max(...runs.map((r) => r.signatures));
			const requests = Math.max(...runs.map((r) => r.requests));
			const users = Math.min(...runs.map((r) => r.users));
			const flag = check(signatures <= (cold ? result.users : 0) && requests === result.count && users === result.users, `1,000 items over ${result.users} users at ${latencyMs} ms: ${signatures} signatures, ${requests} requests, ${users} workspaces reached`);
			const time = median(runs.map((r) => r.ms));
			rows.push(`| ${latencyMs} ms | ${cold ? 'first (no token cached)' : 'later (tokens cached)'} | ${count(result.count)} | ${result.users} | ${signatures}${flag} | ${count(requests)} | ${ms(time)} | ${ms(time / result.count)} |`);
		}
	}
	return rows;
}

export default { name, title, scenario, table, sandboxUsers } satisfies BenchTable;
