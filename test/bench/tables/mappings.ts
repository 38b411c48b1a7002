/**
 * Issue 18's figures (SPEC §8): an Actions destination with 7 presets created with Mappings:
 * Presets, against a sandbox that enforces Segment's 5 mapping writes a minute per workspace on
 * the real clock. Nothing is faked: the node's pacer waits the real minute, so one run (a minute)
 * is measured.
 */
import type { INodeParameters } from 'n8n-workflow';

import { measure, runNode, userToken, type Args, type BenchTable, type RemoteSandbox, type TableKit } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the sandbox's own helper, plain JS without types
const { mostInAnyWindow } = require('../../../sandbox/rate-limit') as { mostInAnyWindow: (times: number[], windowMs: number) => number };
const WINDOW_MS = 60_000;

export async function scenario(sandbox: RemoteSandbox, args: Args) {
	const runs = [];
	for (let run = 0; run < args.runs; run++) {
		// A fresh workspace each run: Segment's windows of the previous run are gone too.
		await sandbox.control('POST', '/__sandbox/reset');
		const { ids } = await sandbox.control<{ ids: string[] }>('POST', '/__sandbox/bulk', { resource: 'sources', count: 1 });
		const parameters: INodeParameters = { resource: 'destination', operation: 'create', name: 'Bench Amplitude', slug: 'actions-amplitude', categories: ['analytics'], platform: 'server', sourceId: { __rl: true, mode: 'id', value: ids[0] } };
		const measured = await measure(() => runNode(parameters, userToken(sandbox.url)));
		const requests = (await sandbox.requests()) as Array<{ method: string; segments: string[]; status: number; time: number }>;
		const writes = requests.filter((request) => request.method !== 'GET');
		const mappingArrivals = writes.filter((request) => request.segments[2] === 'subscriptions').map((request) => request.time);
		const presets = (measured.value.items[0].json.mappings as unknown[] | undefined)?.length ?? 0;
		runs.push({
			ms: measured.ms,
			presets,
			writes: writes.length,
			mappingWrites: mappingArrivals.length,
			answered429: requests.filter((request) => request.status === 429).length,
			mostInAnyWindow: mostInAnyWindow(mappingArrivals, WINDOW_MS),
			firstToSixthMs: mappingArrivals.length > 5 ? mappingArrivals[5] - mappingArrivals[0] : undefined,
		});
	}
	return { windowMs: WINDOW_MS, runs };
}

const LATENCY_MS = 20;

export const name = 'mappings';
export const title = "**Destination create with its presets** (Amplitude (Actions), 7 presets, Mappings: Presets; the sandbox enforces Segment's 5 mapping writes a minute per workspace on the real clock; 1 run)";

export function table(kit: TableKit): string[] {
	const { run, median, ms, check } = kit;
	const rows = [
		'| sandbox latency | presets | writes (1 destination + presets) | 429 answered | most mapping writes in any 60 s (Segment allows 5) | 1st → 6th mapping arrival | median time | pacing minimum | time / minimum |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	const { result } = run({ latencyMs: LATENCY_MS, runs: 1 });
	const most = (key: string) => Math.max(...result.runs.map((r) => r[key] as number));
	const presets = most('presets');
	const time = median(result.runs.map((r) => r.ms as number));
	// Five mappings at once, the sixth a window after the first one's answer: at least one window.
	const minimum = presets > 5 ? (result.windowMs as number) : 0;
	const flag =
		check(most('writes') === 1 + presets && presets === 7, `mappings: ${most('writes')} writes for ${presets} presets (expected 1 + 7)`) +
		check(most('answered429') === 0, `mappings: ${most('answered429')} 429s answered`) +
		check(most('mostInAnyWindow') <= 5, `mappings: ${most('mostInAnyWindow')} mapping writes in one window`) +
		check(time / minimum <= 1.02, `mappings: ${ms(time)} is more than 2% above the pacing minimum`);
	const gap = median(result.runs.map((r) => r.firstToSixthMs as number));
	rows.push(`| ${LATENCY_MS} ms | ${presets} | ${most('writes')} | ${most('answered429')} | ${most('mostInAnyWindow')} | ${ms(gap)} | ${ms(time)} | ${ms(minimum)} | ${(time / minimum).toFixed(3)}${flag} |`);
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
