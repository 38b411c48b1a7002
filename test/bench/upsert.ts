/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (process, fs, child processes), never inside n8n */
/** Issue 13's figures: Create or Update against a large workspace, and the size of its shared index. */
import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { upsertIndex } from '../../nodes/SegmentParagon/actions/upsertIndex';
import { RESOURCES } from '../../nodes/SegmentParagon/resources';
import type { OperationContext } from '../../nodes/SegmentParagon/resources/types';
import { PROJECT_ID, USER_TOKEN } from '../helpers/world';
import { measure, runNode, userToken, type Args, type RemoteSandbox } from './kit';

/** What a run sent: list reads of the resource, other reads (catalog, labels), writes, creates. */
function tally(requests: Array<{ method: string; segments: string[] }>, plural: string) {
	const path = (request: { segments: string[] }) => request.segments.join('/');
	const gets = requests.filter((request) => request.method === 'GET');
	return {
		requests: requests.length,
		listReads: gets.filter((request) => path(request) === plural).length,
		otherReads: gets.filter((request) => path(request) !== plural).length,
		writes: requests.length - gets.length,
		creates: requests.filter((request) => request.method === 'POST' && path(request) === plural).length,
	};
}

/**
 * Issue 13: `count` source upserts (all new) against a workspace of `workspace` sources, the same
 * workflow run again (nothing differs), and plain Create of the same items on a like workspace.
 */
export async function upsertScenario(sandbox: RemoteSandbox, args: Args) {
	const count = args.count ?? 1000;
	const workspace = args.workspace ?? 10_000;
	const concurrency = args.concurrency ?? 1;
	const items = Array.from({ length: count }, (_v, n) => ({ name: `Bench Source ${n}`, slug: `bench_source_${n}` }));
	const parameters = (operation: string): INodeParameters => ({
		resource: 'source',
		operation,
		name: '={{ $json.name }}',
		slug: '={{ $json.slug }}',
		platform: 'web',
		categories: ['analytics'],
		...(concurrency > 1 ? { options: { concurrency } } : {}),
	});
	const execute = async (operation: string, expected: string) => {
		await sandbox.control('DELETE', '/__sandbox/requests');
		const measured = await measure(() => runNode(parameters(operation), userToken(sandbox.url), items));
		const outcomes = measured.value.items.map((item) => (operation === 'upsert' ? item.json.upsert : 'created'));
		if (outcomes.length !== count || outcomes.some((outcome) => outcome !== expected)) throw new Error(`${operation}: expected ${count} × ${expected}, got ${JSON.stringify(outcomes.slice(0, 3))}…`);
		return { ms: measured.ms, peakHeapMb: measured.peakHeapMb, ...tally(await sandbox.requests(), 'sources') };
	};
	const fresh = async () => {
		await sandbox.control('POST', '/__sandbox/reset');
		await sandbox.control('POST', '/__sandbox/bulk', { resource: 'sources', count: workspace });
	};
	const runs = [];
	for (let run = 0; run < args.runs; run++) {
		await fresh();
		const first = await execute('upsert', 'created');
		const second = await execute('upsert', 'unchanged');
		await fresh();
		const create = await execute('create', 'created');
		runs.push({ first, second, create });
	}
	return { count, workspace, concurrency, runs };
}

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
export async function upsertIndexScenario(sandbox: RemoteSandbox, args: Args) {
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
