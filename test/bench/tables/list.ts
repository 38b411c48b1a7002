/** Get Many, Return All of 10,000 and 100,000 warehouses: requests, time, heap. */
import type { BenchTable, RemoteSandbox, TableKit, Args } from '../kit';
import { measure, runNode, userToken } from '../kit';

export const name = 'list';
export const title = '**Get Many, Return All (warehouses)**';

export async function scenario(sandbox: RemoteSandbox, args: Args) {
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

export function table(kit: TableKit): string[] {
	const { run, median, ms, count, check, LATENCIES } = kit;
	const rows = ['| sandbox latency | entities | requests sent (minimum) | median time | per 1,000 entities | peak heap above idle | process max RSS | time ratio 100k / 10k |', '|---|---|---|---|---|---|---|---|'];
	for (const latencyMs of LATENCIES) {
		const small = run({ count: 10_000, latencyMs });
		const large = run({ count: 100_000, latencyMs });
		const smallMs = median(small.result.runs.map((r) => r.ms));
		for (const figures of [small, large]) {
			const { result } = figures;
			const requests = median(result.runs.map((r) => r.requests));
			const time = median(result.runs.map((r) => r.ms));
			const flag = check(result.runs.every((r) => r.requests === result.minimumRequests), `list ${result.count} at ${latencyMs} ms sent ${requests} requests, minimum ${result.minimumRequests}`);
			const ratio = figures === large ? `${(time / smallMs).toFixed(1)} (linear = 10)` : '';
			rows.push(`| ${latencyMs} ms | ${count(result.count)} | ${requests} (${result.minimumRequests})${flag} | ${ms(time)} | ${ms(time / (result.count / 1000))} | ${median(result.runs.map((r) => r.peakHeapMb)).toFixed(0)} MB | ${figures.maxRssMb.toFixed(0)} MB | ${ratio} |`);
		}
	}
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
