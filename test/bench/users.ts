/** Issue 14's figures: one signing-key credential acting for many Paragon users in one execution. */
import type { INodeParameters } from 'n8n-workflow';

import { clearTokenCache, signatureCount } from '../../nodes/shared/transport/userToken';
import { measure, runNode, signingKey, type Args, type RemoteSandbox } from './kit';

export const BENCH_USERS = 100;
export const benchUserIds = (users = BENCH_USERS) => Array.from({ length: users }, (_v, n) => `bench-user-${n}`);

/**
 * `count` Get Many items (limit 1) spread over `users` Paragon users (Options > Paragon User ID):
 * the first execution signs one token per user, the next ones reuse them.
 */
export async function usersScenario(sandbox: RemoteSandbox, args: Args) {
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
