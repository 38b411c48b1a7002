/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (process, fs, child processes), never inside n8n */
/** The shared index of Create or Update holding 100,000 entities: its heap after a full GC, and the time to build it. */
import { performance } from 'node:perf_hooks';

import type { IDataObject } from 'n8n-workflow';

import { upsertIndex } from '../../../nodes/SegmentParagon/actions/upsertIndex';
import { RESOURCES } from '../../../nodes/SegmentParagon/resources';
import type { OperationContext } from '../../../nodes/SegmentParagon/resources/types';
import { PROJECT_ID, USER_TOKEN } from '../../helpers/world';
import type { Args, BenchTable, RemoteSandbox, TableKit } from '../kit';

export const name = 'upsertIndex';
export const title = '**The shared index of Create or Update** (100,000 entities of the list; sources with two labels each)';


/** Every page of a list, as the node receives it (parsed JSON), straight from the sandbox. */
async function allPages(url: string, plural: string): Promise<IDataObject[][]> {
	const pages: IDataObject[][] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ 'pagination.count': '200', ...(cursor ? { 'pagination.cursor': cursor } : {}) });
		const response = await fetch(`${url}/projects/${PROJECT_ID}/sdk/proxy/segment/${plural}?${query}`, { headers: { authorization: `Bearer ${USER_TOKEN}`, 'x-paragon-use-raw-response': '1' } });
		const { data } = (await response.json()) as { data: IDataObject };
		pages.push(data[plural] as IDataObject[]);
		cursor = ((data.pagination as IDataObject).next as string | undefined) ?? undefined;
	} while (cursor);
	return pages;
}

const heapAfterGc = () => {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run the worker with --expose-gc');
	gc();
	gc();
	return process.memoryUsage().heapUsed;
};

/** The shared index of Create or Update holding `count` entities, built as the node builds it: its heap after a full GC, with the list pages gone. */
export async function scenario(sandbox: RemoteSandbox, args: Args) {
	const count = args.count ?? 100_000;
	const figures = [];
	for (const [plural, name] of [['sources', 'source'], ['destinations', 'destination'], ['warehouses', 'warehouse']] as const) {
		await sandbox.control('POST', '/__sandbox/reset');
		await sandbox.control('POST', '/__sandbox/bulk', { resource: plural, count });
		const pages = await allPages(sandbox.url, plural);
		// Sources as the node makes them carry a platform and a category label (fresh objects, as JSON.parse gives them).
		if (plural === 'sources') for (const entity of pages.flat()) entity.labels = [{ key: 'platform', value: 'web' }, { key: 'category', value: 'analytics' }];
		// The node's own upsertIndex(), its workspace handing it the pages already fetched.
		const workspace = {
			shared: <T>(_key: string, lookup: () => Promise<T>) => lookup(),
			page: async (_path: string, _key: string, _count: number, cursor: string | undefined) => {
				const at = Number(cursor ?? 0);
				return { entries: pages[at], next: at + 1 < pages.length ? String(at + 1) : undefined };
			},
		};
		const context = { workspace, params: { itemIndex: 0 } } as unknown as OperationContext;
		// Built and weighed in a function of its own: once it returns, nothing holds the index.
		const built = await (async () => {
			const started = performance.now();
			const index = await upsertIndex(RESOURCES[name], RESOURCES[name].upsert!, context);
			const buildMs = performance.now() - started;
			pages.length = 0;
			return { size: index.size, buildMs, withIndex: heapAfterGc() };
		})();
		const without = heapAfterGc();
		if (built.size !== count) throw new Error(`the ${plural} index holds ${built.size} of ${count}`);
		const { buildMs, withIndex, size } = built;
		figures.push({ resource: plural, entities: size, indexMb: (withIndex - without) / 2 ** 20, buildMs });
	}
	return { count, figures };
}

export function table(kit: TableKit): string[] {
	const { run, ms, count, check } = kit;
	const rows = ['| resource | entities held | heap of the index after a full GC (goal < 50 MB) | per entity | time to build it from the parsed pages |', '|---|---|---|---|---|'];
	const { result } = run({ count: 100_000, latencyMs: 0, runs: 1 });
	for (const figures of result.figures) {
		const flag = check(figures.indexMb < 50, `the ${figures.resource} index for ${figures.entities} entities takes ${figures.indexMb.toFixed(1)} MB`);
		rows.push(`| ${figures.resource} | ${count(figures.entities)} | ${figures.indexMb.toFixed(1)} MB${flag} | ${Math.round((figures.indexMb * 2 ** 20) / figures.entities)} bytes | ${ms(figures.buildMs)} |`);
	}
	return rows;
}

export default { name, title, scenario, table } satisfies BenchTable;
