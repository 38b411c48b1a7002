/**
 * The fifteen operations of the user's description, each run in the real n8n engine against
 * the sandbox: what goes over the wire, and the items that come out.
 */
import { arrangeWorkspace, calls, catalogId, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';
import { rl } from '../helpers/engine';

const sandbox = useSandbox();
let ids: { warehouseId: string; sourceId: string; destinationId: string };
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeWorkspace(sandbox);
});

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

describe('source', () => {
	it('Get Many lists sources with platform and categories from labels', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'list', limit: 20 }));
		expect(calls(sandbox)).toEqual(['GET /sources']);
		expect(out).toEqual([
			{
				id: ids.sourceId,
				name: 'Website Analytics',
				slug: 'website_analytics',
				metadata: { platform: 'web', categories: ['analytics'] },
				status: 'active',
				writeKeys: [expect.any(String)],
				catalog: { id: catalogId(sandbox, 'sources', 'javascript'), slug: 'javascript', name: expect.any(String) },
			},
		]);
	});

	it('Create picks the platform\'s catalog entry, creates missing labels and sets them', async () => {
		const out = jsonOf(
			await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'New Source', slug: 'new_source', platform: 'server', categories: ['crm'] }),
		);
		expect(calls(sandbox)).toEqual(['GET /catalog/sources', 'GET /labels', 'POST /labels', 'POST /labels', 'POST /sources', expect.stringMatching(/^PATCH \/sources\/[^/]+$/), expect.stringMatching(/^PUT \/sources\/.+\/labels$/)]);
		expect(sandbox.requests.filter((request) => request.method === 'POST' && request.segments[0] === 'labels').map((request) => request.body)).toEqual([
			{ label: { key: 'platform', value: 'server' } },
			{ label: { key: 'category', value: 'crm' } },
		]);
		// Segment's create has no name: it is set by the PATCH right after.
		expect(sandbox.requests[4].body).toEqual({ slug: 'new_source', enabled: true, metadataId: catalogId(sandbox, 'sources', 'http-api') });
		expect(sandbox.requests[5].body).toEqual({ name: 'New Source' });
		expect(sandbox.requests[6].body).toEqual({ labels: [{ key: 'platform', value: 'server' }, { key: 'category', value: 'crm' }] });
		expect(out).toEqual([
			{
				id: expect.any(String),
				name: 'New Source',
				slug: 'new_source',
				metadata: { platform: 'server', categories: ['crm'] },
				status: 'active',
				writeKeys: [expect.any(String)],
				catalog: { id: catalogId(sandbox, 'sources', 'http-api'), slug: 'http-api', name: expect.any(String) },
			},
		]);
	});

	it('Create uses the Catalog Entry when one is picked, and existing labels are not created again', async () => {
		const ios = catalogId(sandbox, 'sources', 'ios');
		await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'iOS', slug: 'ios_app', platform: 'web', categories: ['analytics'], catalogId: rl(ios) });
		expect(calls(sandbox)).toEqual(['GET /labels', 'POST /sources', expect.stringMatching(/^PATCH /), expect.stringMatching(/^PUT /)]);
		expect((sandbox.requests[1].body as { metadataId: string }).metadataId).toBe(ios);
	});

	it('Get returns one source', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'get', sourceId: rl(ids.sourceId) }));
		expect(calls(sandbox)).toEqual([`GET /sources/${ids.sourceId}`]);
		expect(out[0]).toMatchObject({ id: ids.sourceId, slug: 'website_analytics', metadata: { platform: 'web', categories: ['analytics'] } });
	});

	it('Update renames and replaces only the category labels, keeping the others', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'source',
				operation: 'update',
				sourceId: rl(ids.sourceId),
				updateFields: { name: 'Updated Source Name', categories: ['analytics', 'marketing'] },
			}),
		);
		expect(calls(sandbox)).toEqual([`GET /sources/${ids.sourceId}`, 'GET /labels', 'POST /labels', `PATCH /sources/${ids.sourceId}`, `PUT /sources/${ids.sourceId}/labels`]);
		expect(sandbox.requests[3].body).toEqual({ name: 'Updated Source Name' });
		expect(sandbox.requests[4].body).toEqual({
			labels: [
				{ key: 'platform', value: 'web' },
				{ key: 'team', value: 'growth' },
				{ key: 'category', value: 'analytics' },
				{ key: 'category', value: 'marketing' },
			],
		});
		expect(out[0]).toMatchObject({ name: 'Updated Source Name', slug: 'website_analytics', metadata: { platform: 'web', categories: ['analytics', 'marketing'] } });
	});

	it('Update of the name alone is one PATCH', async () => {
		await runSegment(sandbox, { resource: 'source', operation: 'update', sourceId: rl(ids.sourceId), updateFields: { name: 'Renamed' } });
		expect(calls(sandbox)).toEqual([`PATCH /sources/${ids.sourceId}`]);
	});

	it('Delete', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'delete', sourceId: rl(ids.sourceId) }));
		expect(calls(sandbox)).toEqual([`DELETE /sources/${ids.sourceId}`]);
		expect(out).toEqual([{ id: ids.sourceId, deleted: true, status: 204, message: 'Source deleted successfully.' }]);
	});
});

describe('destination', () => {
	it('Get Many lists destinations with the catalog entry\'s slug and categories', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'destination', operation: 'list', limit: 20 }));
		expect(calls(sandbox)).toEqual(['GET /destinations']);
		expect(out).toEqual([
			{ id: ids.destinationId, name: 'Google Analytics', slug: 'google-analytics', metadata: { platform: 'web', categories: ['analytics'] }, status: 'active', sourceId: ids.sourceId },
		]);
	});

	it('Create finds the catalog entry by slug (_ and - alike) and checks the platform', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'destination',
				operation: 'create',
				name: 'New Destination',
				slug: 'google_analytics',
				platform: 'server',
				categories: ['analytics'],
				sourceId: rl(ids.sourceId),
				additionalFields: { settings: '{"trackingId": "UA-2"}' },
			}),
		);
		expect(calls(sandbox)).toEqual(['GET /catalog/destinations', 'POST /destinations']);
		expect(sandbox.requests[1].body).toEqual({
			sourceId: ids.sourceId,
			metadataId: catalogId(sandbox, 'destinations', 'google-analytics'),
			settings: { trackingId: 'UA-2' },
			name: 'New Destination',
			enabled: true,
		});
		expect(out).toEqual([
			{ id: expect.any(String), name: 'New Destination', slug: 'google-analytics', metadata: { platform: 'server', categories: ['analytics'] }, status: 'active', sourceId: ids.sourceId },
		]);
	});

	it('Create refuses a platform the entry does not support, naming the supported ones, and sends nothing', async () => {
		const result = await runSegment(sandbox, {
			resource: 'destination',
			operation: 'create',
			name: 'Pixel',
			slug: 'facebook-pixel',
			platform: 'server',
			categories: ['ads'],
			sourceId: rl(ids.sourceId),
		});
		expect(result.error.message).toMatch(/does not support platform server \(item 0\)/);
		expect(result.error.description).toMatch(/It supports: web \(browser\)/);
		expect(calls(sandbox)).toEqual(['GET /catalog/destinations']);
	});

	it('Create with an unknown slug says what is similar', async () => {
		const result = await runSegment(sandbox, {
			resource: 'destination',
			operation: 'create',
			name: 'x',
			slug: 'google',
			platform: 'web',
			categories: ['analytics'],
			sourceId: rl(ids.sourceId),
		});
		expect(result.error.message).toMatch(/no entry with slug "google"/);
		expect(result.error.description).toMatch(/google-analytics/);
	});

	it('Get returns one destination', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'destination', operation: 'get', destinationId: rl(ids.destinationId) }));
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`]);
		expect(out[0]).toMatchObject({ id: ids.destinationId, slug: 'google-analytics', sourceId: ids.sourceId });
	});

	it('Update sends name, enabled and settings', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'destination',
				operation: 'update',
				destinationId: rl(ids.destinationId),
				updateFields: { name: 'Updated Destination Name', enabled: false, settings: { anonymizeIp: true } },
			}),
		);
		expect(calls(sandbox)).toEqual([`PATCH /destinations/${ids.destinationId}`]);
		expect(sandbox.requests[0].body).toEqual({ name: 'Updated Destination Name', enabled: false, settings: { anonymizeIp: true } });
		expect(out[0]).toMatchObject({ name: 'Updated Destination Name', status: 'inactive' });
		expect(sandbox.entities('destinations')[0].settings).toEqual({ trackingId: 'UA-1', anonymizeIp: true });
	});

	it('Delete', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'destination', operation: 'delete', destinationId: rl(ids.destinationId) }));
		expect(out).toEqual([{ id: ids.destinationId, deleted: true, status: 204, message: 'Destination deleted successfully.' }]);
	});
});

describe('Simplify off', () => {
	it('returns Segment\'s entity as it came', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'get', sourceId: rl(ids.sourceId), simplify: false }));
		expect(out[0]).toEqual(sandbox.entities('sources')[0]);
		expect(out[0]).toHaveProperty('labels');
		expect(out[0]).toHaveProperty('workspaceId');
	});
});
