/**
 * The warehouse operations of the user's description (five of the fifteen), each run in the real n8n engine
 * against the sandbox: what goes over the wire, and the items that come out.
 */
import { calls, catalogId, jsonOf, runSegment } from '../helpers/world';
import { useArrangedWorkspace } from '../helpers/useSandbox';
import { rl } from '../helpers/engine';

const { sandbox, ids } = useArrangedWorkspace();

describe('warehouse', () => {
	it('Get Many lists warehouses in the seed\'s shape', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'list', limit: 20, offset: 0 }));
		expect(calls(sandbox)).toEqual(['GET /warehouses']);
		expect(sandbox.requests[0].query).toEqual({ 'pagination.count': '20' });
		expect(out).toEqual([
			{
				id: ids.warehouseId,
				name: 'My Data Warehouse',
				type: 'redshift',
				connection: { hostname: 'example.redshift.amazonaws.com', port: '5439', database: 'analytics', username: 'user' },
				status: 'active',
				workspaceId: expect.any(String),
			},
		]);
	});

	it('Create maps type to the catalog entry and sends the connection as settings', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'warehouse',
				operation: 'create',
				name: 'New Data Warehouse',
				type: 'snowflake',
				connectionMode: 'json',
				connection: JSON.stringify({ account: 'my_snowflake_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'user', password: 'sf-pass-1234', role: 'SYSADMIN' }),
			}),
		);
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses']);
		expect(sandbox.requests[0].query['pagination.count']).toBe('200');
		expect(sandbox.requests[1].body).toEqual({
			metadataId: catalogId(sandbox, 'warehouses', 'snowflake'),
			name: 'New Data Warehouse',
			enabled: true,
			settings: { account: 'my_snowflake_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'user', password: 'sf-pass-1234', role: 'SYSADMIN' },
		});
		expect(out).toEqual([
			{
				id: expect.any(String),
				name: 'New Data Warehouse',
				type: 'snowflake',
				connection: { account: 'my_snowflake_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'user', role: 'SYSADMIN' },
				status: 'active',
				workspaceId: expect.any(String),
			},
		]);
	});

	it('Create from fields sends each type\'s settings as the catalog names them (BigQuery: gc-project, location, credentials)', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'warehouse',
				operation: 'create',
				name: 'BigQuery Warehouse',
				type: 'bigquery',
				projectId: 'my-gcp-project',
				location: 'US',
				serviceAccountKey: '{"type":"service_account","private_key":"bq-secret-key"}',
				additionalFields: { enabled: false },
			}),
		);
		expect(sandbox.requests[1].body).toEqual({
			metadataId: catalogId(sandbox, 'warehouses', 'bigquery'),
			name: 'BigQuery Warehouse',
			enabled: false,
			settings: { 'gc-project': 'my-gcp-project', location: 'US', credentials: '{"type":"service_account","private_key":"bq-secret-key"}' },
		});
		// The key is a secret: not in the simplified output.
		expect(out[0]).toMatchObject({ type: 'bigquery', status: 'inactive', connection: { 'gc-project': 'my-gcp-project', location: 'US' } });
		expect(JSON.stringify(out)).not.toContain('bq-secret-key');
	});

	it('Create from Redshift fields sends hostname, port (as text), database, username, password', async () => {
		await runSegment(sandbox, {
			resource: 'warehouse',
			operation: 'create',
			name: 'RS',
			type: 'redshift',
			host: 'example.redshift.amazonaws.com',
			database: 'analytics',
			username: 'user',
			password: 'pw-123456',
		});
		expect((sandbox.requests[1].body as { settings: unknown }).settings).toEqual({
			hostname: 'example.redshift.amazonaws.com',
			port: '5439',
			database: 'analytics',
			username: 'user',
			password: 'pw-123456',
		});
	});

	it('Get returns one warehouse', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl(ids.warehouseId) }));
		expect(calls(sandbox)).toEqual([`GET /warehouses/${ids.warehouseId}`]);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ id: ids.warehouseId, name: 'My Data Warehouse', type: 'redshift', status: 'active' });
	});

	it('Update sends name and connection; settings {} when the connection is unchanged', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'warehouse',
				operation: 'update',
				warehouseId: rl(ids.warehouseId),
				updateFields: { name: 'Updated Warehouse Name', connection: '{"host": "new-example.redshift.amazonaws.com", "database": "new_analytics"}' },
			}),
		);
		// The connection is checked against the warehouse's own catalog entry: one GET of the warehouse.
		expect(calls(sandbox)).toEqual([`GET /warehouses/${ids.warehouseId}`, 'GET /catalog/warehouses', `PATCH /warehouses/${ids.warehouseId}`]);
		expect(sandbox.requests[2].body).toEqual({ settings: { hostname: 'new-example.redshift.amazonaws.com', database: 'new_analytics' }, name: 'Updated Warehouse Name' });
		expect(out[0]).toMatchObject({ name: 'Updated Warehouse Name', connection: { hostname: 'new-example.redshift.amazonaws.com', database: 'new_analytics', port: '5439' } });

		sandbox.clearRequests();
		await runSegment(sandbox, { resource: 'warehouse', operation: 'update', warehouseId: rl(ids.warehouseId), updateFields: { enabled: false } });
		expect(sandbox.requests[0].body).toEqual({ settings: {}, enabled: false });
	});

	it('Delete says so in the seed\'s words', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'delete', warehouseId: rl(ids.warehouseId) }));
		expect(calls(sandbox)).toEqual([`DELETE /warehouses/${ids.warehouseId}`]);
		expect(out).toEqual([{ id: ids.warehouseId, deleted: true, status: 204, message: 'Warehouse deleted successfully.' }]);
		expect(sandbox.entities('warehouses')).toEqual([]);
	});
});
