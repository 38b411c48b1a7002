/**
 * Warehouse Create or Update (SPEC v2 §4.4), keyed by name and type: the catalog and the list
 * read once per execution, a create when nothing matches, one PATCH with only the settings that
 * differ (a secret given is always sent: Segment answers it masked), connections only when they
 * differ from the chosen ones — on the wire and in the items.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, catalogId, jsonOf, runSegment, segmentApi } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
let plainId: string;
beforeEach(() => {
	sandbox.reset();
	// A warehouse kind without secret settings: the only one whose second run can send nothing at all.
	plainId = String(
		sandbox.addCatalogEntry('warehouses', {
			slug: 'plain-sql',
			name: 'Plain SQL',
			options: [
				{ name: 'hostname', type: 'string', required: true },
				{ name: 'port', type: 'string', required: true },
				{ name: 'schema', type: 'string', required: false },
			],
		}).id,
	);
});

const PLAIN = (): INodeParameters => ({
	resource: 'warehouse',
	operation: 'upsert',
	name: '={{ $json.name }}',
	type: 'other',
	catalogId: rl(plainId),
	connectionMode: 'json',
	connection: '={{ $json.connection }}',
});
const REDSHIFT: INodeParameters = {
	resource: 'warehouse',
	operation: 'upsert',
	name: 'My Data Warehouse',
	type: 'redshift',
	host: 'example.redshift.amazonaws.com',
	database: 'analytics',
	username: 'user',
};
const LAKE = { name: 'Lake', connection: { hostname: 'lake.internal', port: 5432 } };
const MART = { name: 'Mart', connection: { hostname: 'mart.internal', port: '5433', schema: 'public' } };

/** An item without its `upsert` outcome. */
function withoutOutcome(item: IDataObject): IDataObject {
	const rest = { ...item };
	delete rest.upsert;
	return rest;
}

const writes = () => calls(sandbox).filter((call) => !call.startsWith('GET '));
const bodies = () => sandbox.requests.filter((request) => request.method !== 'GET').map((request) => request.body);

describe('warehouse Create or Update', () => {
	it('two runs of one workflow (no secret settings): the second reads the catalog and the list, and writes nothing', async () => {
		const first = jsonOf(await runSegment(sandbox, PLAIN(), { items: [LAKE, MART] }));
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'GET /warehouses', 'POST /warehouses', 'POST /warehouses']);
		expect(bodies()[0]).toEqual({ metadataId: plainId, name: 'Lake', enabled: true, settings: { hostname: 'lake.internal', port: '5432' } });
		expect(first.map((item) => [item.name, item.type, item.upsert])).toEqual([['Lake', 'plain-sql', 'created'], ['Mart', 'plain-sql', 'created']]);

		sandbox.clearRequests();
		const second = jsonOf(await runSegment(sandbox, PLAIN(), { items: [LAKE, MART] }));
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'GET /warehouses']);
		expect(second.map((item) => item.upsert)).toEqual(['unchanged', 'unchanged']);
		expect(second.map(withoutOutcome)).toEqual(first.map(withoutOutcome));
	});

	it('a changed setting: exactly one PATCH with that setting', async () => {
		await runSegment(sandbox, PLAIN(), { items: [LAKE] });
		sandbox.clearRequests();
		const out = jsonOf(await runSegment(sandbox, PLAIN(), { items: [{ ...LAKE, connection: { ...LAKE.connection, port: '6543' } }] }));
		const [lake] = sandbox.entities('warehouses');
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'GET /warehouses', `PATCH /warehouses/${String(lake.id)}`]);
		expect(bodies()).toEqual([{ settings: { port: '6543' } }]);
		expect(out).toEqual([expect.objectContaining({ id: lake.id, name: 'Lake', connection: { hostname: 'lake.internal', port: '6543' }, upsert: 'updated' })]);
	});

	it('a secret given is always sent (Segment answers it masked); left empty on a warehouse that exists, it is kept', async () => {
		const { warehouseId } = await arrangeWorkspace(sandbox);
		const withPassword = jsonOf(await runSegment(sandbox, { ...REDSHIFT, password: 'new-secret-pw' }));
		expect(writes()).toEqual([`PATCH /warehouses/${warehouseId}`]);
		expect(bodies()).toEqual([{ settings: { password: 'new-secret-pw' } }]);
		expect(withPassword[0]).toMatchObject({ id: warehouseId, upsert: 'updated' });
		expect(JSON.stringify(withPassword)).not.toContain('new-secret-pw');

		sandbox.clearRequests();
		const without = jsonOf(await runSegment(sandbox, REDSHIFT));
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'GET /warehouses']);
		expect(without[0]).toMatchObject({ id: warehouseId, name: 'My Data Warehouse', type: 'redshift', upsert: 'unchanged' });
	});

	it('fields mode: a changed host is one PATCH with hostname only (the port, 5439 as "5439", is the same)', async () => {
		const { warehouseId } = await arrangeWorkspace(sandbox);
		const out = jsonOf(await runSegment(sandbox, { ...REDSHIFT, host: 'moved.redshift.amazonaws.com', additionalFields: { enabled: false } }));
		expect(writes()).toEqual([`PATCH /warehouses/${warehouseId}`]);
		expect(bodies()).toEqual([{ settings: { hostname: 'moved.redshift.amazonaws.com' }, enabled: false }]);
		expect(out[0]).toMatchObject({ connection: expect.objectContaining({ hostname: 'moved.redshift.amazonaws.com' }), status: 'inactive', upsert: 'updated' });
	});

	it('no match creates as Create does (a required secret is required then)', async () => {
		await arrangeWorkspace(sandbox);
		const missing = await runSegment(sandbox, { ...REDSHIFT, name: 'Second Redshift' });
		expect(missing.error.message).toMatch(/^Connection: Segment's Redshift warehouse requires the setting "password"/);
		expect(writes()).toEqual([]);
		const out = jsonOf(await runSegment(sandbox, { ...REDSHIFT, name: 'Second Redshift', password: 'pw-2nd-secret', connectSources: 'none' }));
		expect(bodies().at(-1)).toEqual({
			metadataId: catalogId(sandbox, 'warehouses', 'redshift'),
			name: 'Second Redshift',
			enabled: true,
			settings: { hostname: 'example.redshift.amazonaws.com', port: '5439', database: 'analytics', username: 'user', password: 'pw-2nd-secret' },
			disconnectAllSources: true,
		});
		expect(out[0]).toMatchObject({ name: 'Second Redshift', upsert: 'created' });
	});

	it('duplicate keys in one run: one create, then nothing, then an update', async () => {
		const items = [LAKE, LAKE, { ...LAKE, connection: { ...LAKE.connection, schema: 'raw' } }];
		const out = jsonOf(await runSegment(sandbox, PLAIN(), { items }));
		expect(out.map((item) => item.upsert)).toEqual(['created', 'unchanged', 'updated']);
		expect(writes()).toEqual(['POST /warehouses', `PATCH /warehouses/${String(out[0].id)}`]);
		expect(bodies()[1]).toEqual({ settings: { schema: 'raw' } });
	});

	it('Options > Concurrency 5 with duplicate keys: still one create per key', async () => {
		const items = Array.from({ length: 10 }, (_v, n) => [LAKE, MART][n % 2]);
		const result = await runSegment(sandbox, { ...PLAIN(), options: { concurrency: 5 } }, { items });
		const out = jsonOf(result);
		expect(writes()).toEqual(['POST /warehouses', 'POST /warehouses']);
		expect(calls(sandbox).filter((call) => call === 'GET /warehouses')).toHaveLength(1);
		expect(out.map((item) => item.upsert)).toEqual(['created', 'created', ...Array(8).fill('unchanged')]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_item, item) => ({ item })));
	});

	it('two warehouses with the name and type: an error naming both; the same name of another type is no match', async () => {
		const make = async () => (await segmentApi(sandbox, 'POST', '/warehouses', { metadataId: plainId, name: 'Lake', enabled: true, settings: { hostname: 'h', port: '1' } })).warehouse as IDataObject;
		const [a, b] = [await make(), await make()];
		sandbox.clearRequests();
		const result = await runSegment(sandbox, PLAIN(), { items: [LAKE] });
		expect(result.error.message).toBe(`2 warehouses in the workspace have name "Lake" and type plain-sql: ${String(a.id)}, ${String(b.id)} (item 0)`);
		expect(writes()).toEqual([]);
		const redshift = jsonOf(await runSegment(sandbox, { ...REDSHIFT, name: 'Lake', password: 'lake-secret-pw' }));
		expect(redshift[0]).toMatchObject({ name: 'Lake', type: 'redshift', upsert: 'created' });
	});

	it('Continue On Fail: each bad item is an error naming its parameter and item; the others go on', async () => {
		const items = [LAKE, { ...MART, connection: { host: 'x', port: '1', color: 'red' } }, { ...MART, connection: '{not json' }, MART];
		const result = await runSegment(sandbox, PLAIN(), { items, continueOnFail: true });
		const out = jsonOf(result);
		expect(out[0]).toMatchObject({ name: 'Lake', upsert: 'created' });
		expect(out[1].error).toBe('Connection: "color" is not a setting of Segment\'s Plain SQL warehouse (item 1)');
		expect(out[2].error).toBe('Connection is not valid JSON (item 2)');
		expect(out[3]).toMatchObject({ name: 'Mart', upsert: 'created' });
		expect(writes()).toEqual(['POST /warehouses', 'POST /warehouses']);
	});

	it('Selected Sources on a warehouse that exists: its connections are read, the missing one made, the other removed', async () => {
		const { warehouseId, sourceId } = await arrangeWorkspace(sandbox);
		const other = (await segmentApi(sandbox, 'POST', '/sources', { slug: 'backend', enabled: true, metadataId: catalogId(sandbox, 'sources', 'http-api'), disconnectAllWarehouses: true })).source as IDataObject;
		sandbox.clearRequests();
		const parameters = { ...REDSHIFT, connectSources: 'selected', sourceIds: [String(other.id)] };
		const out = jsonOf(await runSegment(sandbox, parameters));
		expect(calls(sandbox)).toEqual([
			'GET /catalog/warehouses',
			'GET /warehouses',
			`GET /warehouses/${warehouseId}/connected-sources`,
			`POST /warehouses/${warehouseId}/connected-sources/${String(other.id)}`,
			`DELETE /warehouses/${warehouseId}/connected-sources/${sourceId}`,
		]);
		expect(out[0].upsert).toBe('updated');
		const connections = (sandbox as unknown as { connections(): Array<{ warehouseId: string; sourceId: string }> }).connections();
		expect(connections.filter((pair) => pair.warehouseId === warehouseId)).toEqual([{ warehouseId, sourceId: String(other.id) }]);

		sandbox.clearRequests();
		const again = jsonOf(await runSegment(sandbox, parameters));
		expect(writes()).toEqual([]);
		expect(again[0].upsert).toBe('unchanged');
	});
});
