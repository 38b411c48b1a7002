/**
 * Many items, some meeting faults, with Continue On Fail: exactly one output item per input item,
 * in input order, each with its pairedItem — one at a time and with Options > Concurrency 4.
 * Each item's calls are counted, and nothing secret reaches the output or the log.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { arrangeWorkspace, runSegment, startWorld, type Sandbox } from '../helpers/world';
import { captureOutput, leaks, runTexts, secretNeedles, tokensSeen, type Capture } from './support';

let capture: Capture;
const everyText: string[] = [];
const everyToken = new Set<string>();

beforeAll(async () => {
	const sandbox = await startWorld();
	await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: { __rl: true, mode: 'id', value: ' ' } });
	await sandbox.close();
	capture = captureOutput();
});
afterAll(() => {
	capture.stop();
	expect(leaks([...capture.lines, ...everyText], secretNeedles(everyToken))).toEqual([]);
});

/** What happens to one item: its id (or how it is broken), the fault on its path, and what must come out. */
interface Plan {
	kind: string;
	id?: (realId: string) => string;
	fault?: IDataObject;
	/** Calls the item makes. */
	calls: number;
	/** The error item's message, or undefined for a success. */
	error?: (itemIndex: number, id: string) => RegExp;
}

const PLANS: Plan[] = [
	{ kind: 'ok', calls: 1 },
	{ kind: 'missing id (404)', id: () => `missing-${Math.random().toString(36).slice(2, 8)}`, calls: 1, error: (_i, id) => new RegExp(`^Warehouse ${id} was not found$`) },
	{ kind: 'empty id', id: () => '  ', calls: 0, error: (i) => new RegExp(`^Warehouse ID is empty \\(item ${i}\\)$`) },
	{ kind: 'a 10 kB id', id: () => 'k'.repeat(10_240), calls: 0, error: (i) => new RegExp(`^Warehouse ID is longer than 256 characters \\(item ${i}\\)$`) },
	{ kind: '429 twice, then fine', fault: { status: 429, msBeforeNext: 10, rateLimitRemaining: '1', times: 2 }, calls: 3 },
	{ kind: '500', fault: { status: 500 }, calls: 1, error: () => /server error \(500\)/ },
	{ kind: 'dropped connection, then fine', fault: { drop: true }, calls: 2 },
	{ kind: '503 every time', fault: { status: 503, retryAfter: '0', times: 'Infinity' }, calls: 5, error: () => /server error \(503\)/ },
	{ kind: 'a non-JSON page', fault: { nonJson: true }, calls: 1, error: () => /not JSON/ },
	{ kind: '502 once, then fine', fault: { status: 502, retryAfter: '0' }, calls: 2 },
];

const ITEMS = 30;
const OPERATIONS: Array<[string, string, INodeParameters, (id: string, json: IDataObject) => void]> = [
	['get', 'GET', { resource: 'warehouse', operation: 'get' }, (id, json) => expect(json).toMatchObject({ id, type: expect.any(String), status: 'active' })],
	['update', 'PATCH', { resource: 'warehouse', operation: 'update', updateFields: { name: '={{ "Renamed " + $json.n }}' } }, (id, json) => expect(json).toMatchObject({ id, name: expect.stringMatching(/^Renamed \d+$/) })],
	['delete', 'DELETE', { resource: 'warehouse', operation: 'delete' }, (id, json) => expect(json).toEqual({ id, deleted: true, status: 204, message: 'Warehouse deleted successfully.' })],
];

describe.each([1, 4])('Options > Concurrency %i', (concurrency) => {
	// Each row has its own sandbox: they run side by side.
	it.concurrent.each(OPERATIONS)(`warehouse %s: ${ITEMS} items, faults on some, one output per input in order`, async (_name, method, parameters, succeeded) => {
		const sandbox: Sandbox = await startWorld();
		try {
			await arrangeWorkspace(sandbox);
			const real = sandbox.bulk('warehouses', ITEMS);
			sandbox.clearRequests();
			const plans = real.map((_id, index) => PLANS[index % PLANS.length]);
			const itemIds = real.map((id, index) => plans[index].id?.(id) ?? id);
			plans.forEach((plan, index) => plan.fault && sandbox.addFault({ method, path: `/warehouses/${itemIds[index]}`, ...plan.fault }));

			const result = await runSegment(
				sandbox,
				{ ...parameters, warehouseId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, options: { concurrency } },
				{ items: itemIds.map((id, n) => ({ id, n })), continueOnFail: true },
			);
			everyText.push(...runTexts(result));
			tokensSeen(sandbox).forEach((token) => everyToken.add(token));

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(ITEMS);
			expect(result.items.map((item) => item.pairedItem)).toEqual(itemIds.map((_id, item) => ({ item })));
			result.items.forEach((item, index) => {
				const plan = plans[index];
				if (plan.error) expect({ index, kind: plan.kind, error: item.json.error }).toEqual({ index, kind: plan.kind, error: expect.stringMatching(plan.error(index, itemIds[index])) });
				else succeeded(itemIds[index], item.json);
				// Calls per item, counted on the wire by the item's own path.
				const sent = sandbox.requests.filter((request) => request.segments[1] === itemIds[index]).length;
				expect({ index, kind: plan.kind, sent }).toEqual({ index, kind: plan.kind, sent: plan.calls });
			});
			expect(sandbox.requests).toHaveLength(plans.reduce((sum, plan) => sum + plan.calls, 0));
		} finally {
			await sandbox.close();
		}
	});

	it.concurrent('warehouse create: 12 items, the creates that may have happened are never re-sent', async () => {
		const sandbox: Sandbox = await startWorld();
		try {
			await arrangeWorkspace(sandbox);
			// Faults take the creates in the order they arrive: a 429 (retried), a processed 500,
			// a processed drop, a processed 504; every other create goes through. Item 5 has no name.
			for (const fault of [{ status: 429, msBeforeNext: 10, rateLimitRemaining: '1' }, { status: 500, process: true }, { drop: true, process: true }, { status: 504, process: true }]) {
				sandbox.addFault({ method: 'POST', path: '/warehouses', ...fault });
			}
			const items = Array.from({ length: 12 }, (_v, n) => ({ name: n === 5 ? ' ' : `W${n}` }));
			const result = await runSegment(
				sandbox,
				{ resource: 'warehouse', operation: 'create', name: '={{ $json.name }}', type: 'redshift', connectionMode: 'json', connection: '{"host":"h","port":5439,"database":"d","username":"u","password":"pw-123456"}', options: { concurrency } },
				{ items, continueOnFail: true },
			);
			everyText.push(...runTexts(result));
			expect(result.items).toHaveLength(12);
			expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_v, item) => ({ item })));
			const errors = result.items.filter((item) => item.json.error).map((item) => String(item.json.error));
			expect(errors.sort()).toEqual(
				['Could not reach Segment through Paragon: the connection was dropped', 'Name is empty (item 5)', 'Segment had a server error (500)', 'Segment had a server error (504)'].sort(),
			);
			expect(result.items[5].json.error).toBe('Name is empty (item 5)');
			// 11 creates sent, one of them twice after its 429; 11 warehouses made (the processed
			// 500/drop/504 ones included), each exactly once; plus the arranged one.
			const posts = sandbox.requests.filter((request) => request.method === 'POST');
			expect(posts).toHaveLength(12);
			expect(posts.filter((request) => request.status === 429)).toHaveLength(1);
			const names = sandbox.entities('warehouses').map((entity) => (entity.settings as IDataObject).name);
			expect(names.filter((name) => name !== 'My Data Warehouse').sort()).toEqual(items.map((item) => item.name).filter((name) => name.trim()).sort());
			expect(sandbox.requests.filter((request) => request.segments.join('/') === 'catalog/warehouses')).toHaveLength(1);
		} finally {
			await sandbox.close();
		}
	});
});
