/**
 * The node's Options: Timeout (per request; a timed-out read is retried like a dropped
 * connection, a timed-out create is not) and Concurrency (items in parallel, output in input
 * order, a 429 holds every item back, shared lookups made once).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { SegmentParagon } from '../../nodes/SegmentParagon/SegmentParagon.node';
import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, jsonOf, runSegment, startWorld } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
let ids: { warehouseId: string; sourceId: string; destinationId: string };
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeWorkspace(sandbox);
});

const getWarehouse = () => ({ resource: 'warehouse', operation: 'get', warehouseId: rl(ids.warehouseId) });
const createWarehouse = { resource: 'warehouse', operation: 'create', name: 'Slow', type: 'redshift', connectionMode: 'json', connection: '{"host":"h","port":5439,"database":"d","username":"u","password":"pw-123456"}' };

describe('the Options collection', () => {
	const options = new SegmentParagon().description.properties.find((property) => property.name === 'options') as INodeProperties;

	it('is shown for every resource and operation, with Timeout (60 s) and Concurrency (1)', () => {
		expect(options).toMatchObject({ displayName: 'Options', type: 'collection', placeholder: 'Add Option', default: {} });
		expect(options.displayOptions).toBeUndefined();
		// Start Sync shows a Timeout of its own (minutes): the shared one is the option not shown only for an operation.
		const shared = (options.options as INodeProperties[]).filter((option) => !option.displayOptions?.show);
		const byName = Object.fromEntries(shared.map((option) => [option.name, option]));
		expect(byName.timeout).toMatchObject({ displayName: 'Timeout', type: 'number', default: 60_000, typeOptions: { minValue: 100, maxValue: 600_000 } });
		expect(byName.concurrency).toMatchObject({ displayName: 'Concurrency', type: 'number', default: 1, typeOptions: { minValue: 1, maxValue: 10 } });
	});
});

describe('Timeout', () => {
	it('without the option, a slow answer (800 ms) is waited for', async () => {
		sandbox.addFault({ method: 'GET', path: '/warehouses', delayMs: 800 });
		const out = jsonOf(await runSegment(sandbox, getWarehouse()));
		expect(out[0].id).toBe(ids.warehouseId);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('a read that times out is retried like a dropped connection, and succeeds', async () => {
		sandbox.addFault({ method: 'GET', path: '/warehouses', delayMs: 1500 });
		const started = Date.now();
		const out = jsonOf(await runSegment(sandbox, { ...getWarehouse(), options: { timeout: 300 } }));
		expect(out[0].id).toBe(ids.warehouseId);
		expect(sandbox.requests).toHaveLength(2);
		// Two requests and a success: the first was abandoned at 300 ms, not answered at 1500 ms.
		expect(Date.now() - started).toBeGreaterThanOrEqual(300 + 250);
	});

	it('a create that times out is not sent again, and says it may have been made', async () => {
		sandbox.addFault({ method: 'POST', path: '/warehouses', delayMs: 1000, process: true });
		const result = await runSegment(sandbox, { ...createWarehouse, options: { timeout: 300 } });
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses']);
		expect(result.error.message).toBe('Could not reach Segment through Paragon: the connection timed out after 300 ms');
		expect(result.error.description).toMatch(/not known whether Segment created the warehouse "Slow"\. Check with Get Many before running this item again \(the node never sends a create twice\)/);
		// It was made, once.
		expect(sandbox.entities('warehouses').filter((entity) => (entity.settings as IDataObject).name === 'Slow')).toHaveLength(1);
	});

	it('applies to each request of a multi-request operation (a slow label lookup during a source create)', async () => {
		sandbox.addFault({ method: 'GET', path: '/labels', delayMs: 800 });
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'S', slug: 'timed', platform: 'server', categories: ['crm'], options: { timeout: 300 } }));
		expect(out[0]).toMatchObject({ slug: 'timed', metadata: { platform: 'server', categories: ['crm'] } });
		expect(calls(sandbox).filter((call) => call === 'GET /labels')).toHaveLength(2);
	});
});

describe('Concurrency', () => {
	it('runs up to N items at once: 20 gets at 60 ms each take about 4 rounds with 5, not 20', async () => {
		const slow = await startWorld({ latencyMs: 60 });
		try {
			const warehouseIds = slow.bulk('warehouses', 20);
			const started = Date.now();
			const result = await runSegment(slow, { resource: 'warehouse', operation: 'get', warehouseId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, options: { concurrency: 5 } }, { items: warehouseIds.map((id) => ({ id })) });
			const elapsed = Date.now() - started;
			expect(jsonOf(result).map((item) => item.id)).toEqual(warehouseIds);
			expect(elapsed).toBeGreaterThanOrEqual(4 * 60); // never more than 5 in flight
			// Requests that arrived before the first could have been answered were in flight together.
			const arrivals = slow.requests.map((request) => (request as unknown as { time: number }).time);
			const together = arrivals.filter((time) => time < arrivals[0] + 60).length;
			expect(together).toBeGreaterThanOrEqual(2);
			expect(together).toBeLessThanOrEqual(5);
		} finally {
			await slow.close();
		}
	});

	it('keeps the output in input order when later items finish first', async () => {
		const warehouseIds = sandbox.bulk('warehouses', 8);
		sandbox.addFault({ method: 'GET', path: `/warehouses/${warehouseIds[0]}`, delayMs: 300 });
		sandbox.addFault({ method: 'GET', path: `/warehouses/${warehouseIds[1]}`, delayMs: 150 });
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, options: { concurrency: 4 } }, { items: warehouseIds.map((id) => ({ id })) });
		expect(result.items.map((item) => [item.json.id, item.pairedItem])).toEqual(warehouseIds.map((id, item) => [id, { item }]));
		// The fast items were answered before the slow first one.
		const arrived = sandbox.requests.map((request) => request.segments[1]);
		expect(arrived.slice(0, 4).sort()).toEqual(warehouseIds.slice(0, 4).sort());
	});

	it('a 429 on one item holds every item back for the time Segment asked', async () => {
		// 40 ms per request, so the other items would still be sending while item 0 waits.
		const slow = await startWorld({ latencyMs: 40 });
		try {
			const warehouseIds = slow.bulk('warehouses', 12);
			slow.addFault({ method: 'GET', path: `/warehouses/${warehouseIds[0]}`, status: 429, msBeforeNext: 400, rateLimitRemaining: '1' });
			const result = await runSegment(slow, { resource: 'warehouse', operation: 'get', warehouseId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, options: { concurrency: 3 } }, { items: warehouseIds.map((id) => ({ id })) });
			expect(jsonOf(result).map((item) => item.id)).toEqual(warehouseIds);
			const arrivals = slow.requests.map((request) => (request as unknown as { time: number }).time);
			const answered = arrivals[slow.requests.findIndex((request) => request.status === 429)] + 40;
			// The two items in flight beside it finish; nothing new goes out until the wait is over.
			expect(arrivals.filter((time) => time > answered + 20 && time < answered + 395)).toEqual([]);
			expect(slow.requests).toHaveLength(13);
		} finally {
			await slow.close();
		}
	});

	it('creates a missing label once, however many items need it at the same time', async () => {
		const items = Array.from({ length: 6 }, (_v, n) => ({ slug: `parallel_${n}` }));
		const result = await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'P', slug: '={{ $json.slug }}', platform: 'server', categories: ['crm', 'marketing'], options: { concurrency: 3 } }, { items });
		expect(jsonOf(result).map((item) => item.slug)).toEqual(items.map((item) => item.slug));
		const labelPosts = sandbox.requests.filter((request) => request.method === 'POST' && request.segments[0] === 'labels').map((request) => (request.body as { label: { key: string; value: string } }).label);
		expect(labelPosts.map(({ key, value }) => `${key}:${value}`).sort()).toEqual(['category:crm', 'category:marketing', 'platform:server']);
		expect(calls(sandbox).filter((call) => call === 'GET /catalog/sources')).toHaveLength(1);
		expect(calls(sandbox).filter((call) => call === 'GET /labels')).toHaveLength(1);
	});

	it('without Continue On Fail, the first failing item (by index) stops the run', async () => {
		const warehouseIds = sandbox.bulk('warehouses', 10);
		const itemIds = warehouseIds.map((id, index) => (index === 3 || index === 6 ? `missing-${index}` : id));
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, options: { concurrency: 2 } }, { items: itemIds.map((id) => ({ id })) });
		expect(result.error.message).toBe('Warehouse missing-3 was not found');
		expect(result.error.context.itemIndex).toBe(3);
		// No item starts after a failure: at most the one running beside item 3 follows it.
		expect(sandbox.requests.length).toBeLessThanOrEqual(5);
	});
});
