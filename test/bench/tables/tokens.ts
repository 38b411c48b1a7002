/** 100 warehouse creates in one execution, signing-key credential: signatures, catalog reads, requests. */
import type { INodeParameters } from 'n8n-workflow';

import { clearTokenCache, signatureCount } from '../../../nodes/shared/transport/userToken';
import { measure, runNode, signingKey, type Args, type BenchTable, type RemoteSandbox, type TableKit } from '../kit';

export const name = 'tokens';
export const title = '**Token and catalog per execution** (100 warehouse creates in one execution, Token Source: Signing Key)';


export async function scenario(sandbox: RemoteSandbox, args: Args) {
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

export function table(kit: TableKit): string[] {
	const { run, median, ms, check, LATENCIES } = kit;
	const rows = ['| sandbox latency | execution | warehouse creates | signatures made | catalog requests | requests sent | median time per create |', '|---|---|---|---|---|---|---|'];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ count: 100, latencyMs: latencyMs });
		for (const cold of [true, false]) {
			const runs = result.runs.filter((r) => r.cold === cold);
			if (!runs.length) continue;
			const signatures = Math.max(...runs.map((r) => r.signatures));
			const catalog = Math.max(...runs.map((r) => r.catalogRequests));
			const requests = Math.max(...runs.map((r) => r.requests));
			const flag = check(signatures <= (cold ? 1 : 0) && catalog === 1 && requests === result.count + 1, `100 creates at ${latencyMs} ms: ${signatures} signatures, ${catalog} catalog requests, ${requests} requests`);
			rows.push(`| ${latencyMs} ms | ${cold ? 'first (no token cached)' : 'later (token cached)'} | ${result.count} | ${signatures} | ${catalog} | ${requests}${flag} | ${ms(median(runs.map((r) => r.ms)) / result.count)} |`);
		}
	}
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
