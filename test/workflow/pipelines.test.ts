/**
 * The pipeline operations (SPEC v2 §4.1–4.2): which sources load into which warehouse, whether
 * Segment still reaches a warehouse, and its sync reports — on the wire and in the items.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, jsonOf, runSegment, segmentApi } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

interface PipelineSandbox {
	connections(region?: string): Array<{ warehouseId: string; sourceId: string }>;
	connect(warehouseId: string, sourceId: string): void;
	addSyncReports(warehouseId: string, reports: IDataObject[]): IDataObject[];
}

const sandbox = useSandbox();
const pipes = () => sandbox as unknown as PipelineSandbox;
let ids: { warehouseId: string; sourceId: string; destinationId: string };
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeWorkspace(sandbox);
});

const warehouseOp = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'warehouse', operation, warehouseId: rl(ids.warehouseId), ...extra });

describe('Connect Source / Disconnect Source', () => {
	it('disconnect then connect: one call each, no body, and the pair as the item', async () => {
		const off = jsonOf(await runSegment(sandbox, warehouseOp('disconnectSource', { sourceId: rl(ids.sourceId) })));
		expect(calls(sandbox)).toEqual([`DELETE /warehouses/${ids.warehouseId}/connected-sources/${ids.sourceId}`]);
		expect(off).toEqual([{ warehouseId: ids.warehouseId, sourceId: ids.sourceId, connected: false }]);
		expect(pipes().connections()).not.toContainEqual({ warehouseId: ids.warehouseId, sourceId: ids.sourceId });

		sandbox.clearRequests();
		const on = jsonOf(await runSegment(sandbox, warehouseOp('connectSource', { sourceId: rl(ids.sourceId) })));
		expect(calls(sandbox)).toEqual([`POST /warehouses/${ids.warehouseId}/connected-sources/${ids.sourceId}`]);
		expect(sandbox.requests[0].body).toBeUndefined();
		expect(on).toEqual([{ warehouseId: ids.warehouseId, sourceId: ids.sourceId, connected: true }]);
		expect(pipes().connections()).toContainEqual({ warehouseId: ids.warehouseId, sourceId: ids.sourceId });
	});

	it('NOT_CONNECTED is an error that says so', async () => {
		sandbox.addFault({ method: 'POST', path: `/warehouses/${ids.warehouseId}/connected-sources`, status: 200, body: { data: { status: 'NOT_CONNECTED' } } });
		const result = await runSegment(sandbox, warehouseOp('connectSource', { sourceId: rl(ids.sourceId) }));
		expect(result.error.message).toBe(`Segment did not connect source ${ids.sourceId} to warehouse ${ids.warehouseId} (status NOT_CONNECTED) (item 0)`);
	});

	it('a 404 names the id that is missing: the source (one GET of the warehouse tells)', async () => {
		const result = await runSegment(sandbox, warehouseOp('connectSource', { sourceId: rl('src_missing') }));
		expect(result.error.message).toBe('Source src_missing was not found');
		expect(result.error.httpCode).toBe('404');
		expect(calls(sandbox)).toEqual([`POST /warehouses/${ids.warehouseId}/connected-sources/src_missing`, `GET /warehouses/${ids.warehouseId}`]);
	});

	it('a 404 names the id that is missing: the warehouse', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'disconnectSource', warehouseId: rl('wh_missing'), sourceId: rl(ids.sourceId) });
		expect(result.error.message).toBe('Warehouse wh_missing was not found');
	});
});

describe('Get Connected Sources', () => {
	it('walks the cursors like Get Many and gives source items', async () => {
		const more = sandbox.bulk('sources', 250);
		for (const id of more) pipes().connect(ids.warehouseId, id);
		sandbox.clearRequests();
		const out = jsonOf(await runSegment(sandbox, warehouseOp('listConnectedSources', { returnAll: true })));
		expect(out).toHaveLength(251);
		expect(sandbox.requests.map((request) => request.query['pagination.count'])).toEqual(['200', '200']);
		expect(out[0]).toEqual(expect.objectContaining({ id: ids.sourceId, name: 'Website Analytics', metadata: { platform: 'web', categories: ['analytics'] } }));

		sandbox.clearRequests();
		const slice = jsonOf(await runSegment(sandbox, warehouseOp('listConnectedSources', { offset: 1, limit: 2 })));
		expect(slice.map((item) => item.id)).toEqual(more.slice(0, 2));
		expect(sandbox.requests.map((request) => request.query['pagination.count'])).toEqual(['3']);
	});

	it('a missing warehouse is named', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'listConnectedSources', warehouseId: rl('wh_gone') });
		expect(result.error.message).toBe('Warehouse wh_gone was not found');
	});
});

describe('Test Connection', () => {
	it('CONNECTED for a reachable warehouse, FAILED for one Segment cannot reach', async () => {
		const out = jsonOf(await runSegment(sandbox, warehouseOp('testConnection')));
		expect(calls(sandbox)).toEqual([`GET /warehouses/${ids.warehouseId}/connection-state`]);
		expect(out).toEqual([{ id: ids.warehouseId, connectionState: 'CONNECTED' }]);
		await segmentApi(sandbox, 'PATCH', `/warehouses/${ids.warehouseId}`, { settings: { hostname: 'unreachable.example.com' } });
		const failed = jsonOf(await runSegment(sandbox, warehouseOp('testConnection')));
		expect(failed).toEqual([{ id: ids.warehouseId, connectionState: 'FAILED' }]);
	});
});

describe('Get Syncs', () => {
	const REPORT = { sourceId: 'src', start: '2026-11-30T02:00:00Z', end: '2026-11-30T02:05:00Z', status: 'FAILED', duration: 300, humanDuration: '5m', count: 1200, notices: [{ level: 'error', message: 'permission denied for schema', createdAt: '2026-11-30T02:05:00Z' }] };

	it('one item per report in the simplified shape; Simplify off gives the report as sent', async () => {
		pipes().addSyncReports(ids.warehouseId, [{ ...REPORT, sourceId: ids.sourceId }, { ...REPORT, sourceId: ids.sourceId, status: 'SUCCESS', notices: [] }]);
		const out = jsonOf(await runSegment(sandbox, warehouseOp('listSyncs')));
		expect(calls(sandbox)).toEqual([`GET /warehouses/${ids.warehouseId}/syncs`]);
		expect(out[0]).toEqual({ warehouseId: ids.warehouseId, sourceId: ids.sourceId, status: 'FAILED', start: REPORT.start, end: REPORT.end, durationSeconds: REPORT.duration, rows: REPORT.count, notices: REPORT.notices });
		expect(out[1].status).toBe('SUCCESS');
		const raw = jsonOf(await runSegment(sandbox, warehouseOp('listSyncs', { simplify: false, limit: 1 })));
		expect(raw).toEqual([expect.objectContaining({ humanDuration: '5m', count: REPORT.count, duration: REPORT.duration })]);
	});

	it('a 429 (Segment allows 2 calls a minute) is waited out as Segment asks, then the reports come', async () => {
		pipes().addSyncReports(ids.warehouseId, [{ ...REPORT, sourceId: ids.sourceId }]);
		sandbox.addFault({ method: 'GET', path: `/warehouses/${ids.warehouseId}/syncs`, status: 429, msBeforeNext: 150 });
		const started = Date.now();
		const out = jsonOf(await runSegment(sandbox, warehouseOp('listSyncs')));
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 200]);
		expect(out).toHaveLength(1);
	});
});

describe('a source\'s connected warehouses and destinations', () => {
	it('Get Connected Warehouses gives warehouse items; Get Connected Destinations destination items', async () => {
		const warehouses = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'listConnectedWarehouses', sourceId: rl(ids.sourceId) }));
		expect(calls(sandbox)).toEqual([`GET /sources/${ids.sourceId}/connected-warehouses`]);
		expect(warehouses).toEqual([expect.objectContaining({ id: ids.warehouseId, name: 'My Data Warehouse', type: 'redshift' })]);
		const destinations = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'listConnectedDestinations', sourceId: rl(ids.sourceId) }));
		expect(destinations).toEqual([expect.objectContaining({ id: ids.destinationId, slug: 'google-analytics', sourceId: ids.sourceId })]);
	});

	it('Continue On Fail: a missing source becomes an error item, the other item goes on', async () => {
		const result = await runSegment(sandbox, { resource: 'source', operation: 'listConnectedWarehouses', sourceId: rl('={{ $json.id }}') }, { items: [{ id: 'src_gone' }, { id: ids.sourceId }], continueOnFail: true });
		expect(result.items.map((item) => [item.json.error ?? item.json.id, item.pairedItem])).toEqual([
			['Source src_gone was not found', { item: 0 }],
			[ids.warehouseId, { item: 1 }],
		]);
	});
});
