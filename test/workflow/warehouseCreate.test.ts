/**
 * Warehouse Create and Update on the real wire (SPEC v2 §4.1): the settings come from the catalog
 * entry's `options`, fields and JSON keys are mapped onto them and checked before anything is
 * sent, and the new warehouse's connections to sources are a visible choice.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, catalogId, jsonOf, runSegment, segmentApi } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
beforeEach(() => sandbox.reset());

function create(parameters: INodeParameters): INodeParameters {
	return { resource: 'warehouse', operation: 'create', name: 'Analytics', ...parameters };
}

function posted(path = '/warehouses'): IDataObject {
	const request = sandbox.requests.find((candidate) => candidate.method === 'POST' && candidate.segmentPath === path);
	if (!request) throw new Error(`no POST ${path} in ${calls(sandbox).join(', ')}`);
	return request.body as IDataObject;
}

const REDSHIFT_FIELDS = { type: 'redshift', host: 'example.redshift.amazonaws.com', database: 'analytics', username: 'segment', password: 'rs-pass-1234' };

describe('fields mode, mapped onto the catalog entry', () => {
	it('Redshift: host goes as hostname, the port as text, every other field as the entry names it', async () => {
		const out = jsonOf(await runSegment(sandbox, create(REDSHIFT_FIELDS)));
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses']);
		expect(posted()).toEqual({
			metadataId: catalogId(sandbox, 'warehouses', 'redshift'),
			name: 'Analytics',
			enabled: true,
			settings: { hostname: 'example.redshift.amazonaws.com', port: '5439', database: 'analytics', username: 'segment', password: 'rs-pass-1234' },
		});
		expect(out[0]).toMatchObject({ name: 'Analytics', type: 'redshift', status: 'active', connection: { hostname: 'example.redshift.amazonaws.com', port: '5439', database: 'analytics', username: 'segment' } });
		expect(JSON.stringify(out)).not.toContain('rs-pass-1234');
	});

	it('BigQuery: project as gc-project, location, the key as credentials', async () => {
		await runSegment(sandbox, create({ type: 'bigquery', projectId: 'my-gcp-project', location: 'EU', serviceAccountKey: '{"type":"service_account","private_key":"k-123456"}' }));
		expect(posted().settings).toEqual({ 'gc-project': 'my-gcp-project', location: 'EU', credentials: '{"type":"service_account","private_key":"k-123456"}' });
	});

	it('Snowflake: the fields under their own names; an empty optional field is not sent', async () => {
		await runSegment(sandbox, create({ type: 'snowflake', account: 'acme', warehouse: 'COMPUTE_WH', database: 'ANALYTICS', username: 'segment', password: 'sf-pass-1234', role: '' }));
		expect(posted().settings).toEqual({ account: 'acme', warehouse: 'COMPUTE_WH', database: 'ANALYTICS', username: 'segment', password: 'sf-pass-1234' });
	});

	it('a required setting left empty is refused before anything is sent, naming it and listing the entry\'s settings', async () => {
		const result = await runSegment(sandbox, create({ ...REDSHIFT_FIELDS, username: '' }));
		expect(result.error.message).toMatch(/requires the setting "username".*\(item 0\)/);
		expect(result.error.description).toMatch(/hostname\*.*port\*/);
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses']);
	});
});

describe('JSON mode', () => {
	it('renames the seed\'s words the entry does not declare (host → hostname, project_id → gc-project) and sends values as the options ask', async () => {
		await runSegment(sandbox, create({ type: 'redshift', connectionMode: 'json', connection: JSON.stringify({ host: 'h.example.com', port: 5439, database: 'd', username: 'u', password: 'pw-123456' }) }));
		expect(posted().settings).toEqual({ hostname: 'h.example.com', port: '5439', database: 'd', username: 'u', password: 'pw-123456' });
		sandbox.clearRequests();
		await runSegment(sandbox, create({ type: 'bigquery', connectionMode: 'json', connection: { project_id: 'p', credentials: 'key-123456' } }));
		expect(posted().settings).toEqual({ 'gc-project': 'p', credentials: 'key-123456' });
	});

	it('a key the entry does not declare is refused before anything is sent, naming it', async () => {
		const result = await runSegment(sandbox, create({ type: 'redshift', connectionMode: 'json', connection: { hostname: 'h', port: '5439', database: 'd', username: 'u', password: 'p-123456', schema: 'public' } }));
		expect(result.error.message).toBe('Connection: "schema" is not a setting of Segment\'s Redshift warehouse (item 0)');
		expect(result.error.description).toContain('hostname*');
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses']);
	});

	it('a value of the wrong type for its option is refused, without quoting a secret', async () => {
		const numberOption = sandbox.addCatalogEntry('warehouses', { slug: 'typed-db', name: 'Typed DB', options: [{ name: 'timeout', type: 'number', required: true }, { name: 'ssl', type: 'boolean', required: false }] });
		const result = await runSegment(sandbox, create({ type: 'other', catalogId: rl(String(numberOption.id)), connectionMode: 'json', connection: { timeout: 'soon' } }));
		expect(result.error.message).toBe('Connection: setting "timeout" must be a number, not "soon" (item 0)');
		sandbox.clearRequests();
		jsonOf(await runSegment(sandbox, create({ type: 'other', catalogId: rl(String(numberOption.id)), connectionMode: 'json', connection: { timeout: '30', ssl: 'true' } })));
		expect(posted().settings).toEqual({ timeout: 30, ssl: true });
	});
});

describe('Type Other: any warehouse of the catalog', () => {
	it('makes a Postgres warehouse from its Catalog Entry and JSON settings', async () => {
		const postgres = catalogId(sandbox, 'warehouses', 'postgres');
		const out = jsonOf(await runSegment(sandbox, create({ type: 'other', catalogId: rl(postgres, 'list'), connectionMode: 'json', connection: { host: 'db.example.com', port: 5432, database: 'events', username: 'segment', password: 'pg-pass-1234' } })));
		expect(posted()).toMatchObject({ metadataId: postgres, settings: { hostname: 'db.example.com', port: '5432', database: 'events', username: 'segment', password: 'pg-pass-1234' } });
		expect(out[0].type).toBe('postgres');
	});

	it('without a Catalog Entry, or in fields mode, says what to do and sends nothing', async () => {
		const missing = await runSegment(sandbox, create({ type: 'other', connectionMode: 'json', connection: {} }));
		expect(missing.error.message).toBe('Catalog Entry is empty (item 0)');
		const fields = await runSegment(sandbox, create({ type: 'other', catalogId: rl('x') }));
		expect(fields.error.message).toBe('Type Other takes the connection as JSON (item 0)');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('connections to sources', () => {
	it('all (the default) sends nothing extra: Segment connects every source', async () => {
		const { sourceId } = await arrangeWorkspace(sandbox);
		const out = jsonOf(await runSegment(sandbox, create(REDSHIFT_FIELDS)));
		expect(posted()).not.toHaveProperty('disconnectAllSources');
		const connected = await segmentApi(sandbox, 'GET', `/warehouses/${String(out[0].id)}/connected-sources?pagination.count=10`);
		expect((connected.sources as IDataObject[]).map((source) => source.id)).toContain(sourceId);
	});

	it('none sends disconnectAllSources: true', async () => {
		await runSegment(sandbox, create({ ...REDSHIFT_FIELDS, connectSources: 'none' }));
		expect(posted().disconnectAllSources).toBe(true);
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses']);
	});

	it('selected disconnects all, then connects each picked source', async () => {
		const { sourceId } = await arrangeWorkspace(sandbox);
		const out = jsonOf(await runSegment(sandbox, create({ ...REDSHIFT_FIELDS, connectSources: 'selected', sourceIds: [sourceId] })));
		const id = String(out[0].id);
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses', `POST /warehouses/${id}/connected-sources/${sourceId}`]);
		expect(posted().disconnectAllSources).toBe(true);
		expect(sandbox.requests[2].body).toBeUndefined();
	});

	it('selected with an empty list is an error, and nothing is sent', async () => {
		const result = await runSegment(sandbox, create({ ...REDSHIFT_FIELDS, connectSources: 'selected', sourceIds: [] }));
		expect(result.error.message).toBe('Source IDs is empty (item 0)');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a connection that fails after the create says the warehouse exists, with its id and what is left', async () => {
		const result = await runSegment(sandbox, create({ ...REDSHIFT_FIELDS, connectSources: 'selected', sourceIds: '={{ ["no-such-source"] }}' }));
		const created = sandbox.entities('warehouses');
		expect(created).toHaveLength(1);
		expect(result.error.message).toContain(`Warehouse ${String(created[0].id)} was created, but`);
		expect(result.error.message).toContain('no-such-source');
		expect(result.error.description).toContain('Do not run Create again');
	});
});

describe('Validate First', () => {
	it('asks Segment to validate the settings, then creates', async () => {
		jsonOf(await runSegment(sandbox, create({ ...REDSHIFT_FIELDS, additionalFields: { validateFirst: true } })));
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses/validation', 'POST /warehouses']);
		expect(posted('/warehouses/validation')).toEqual({ metadataId: catalogId(sandbox, 'warehouses', 'redshift'), settings: expect.objectContaining({ hostname: 'example.redshift.amazonaws.com' }) });
	});

	it('FAILED is an error and nothing is created', async () => {
		const result = await runSegment(sandbox, create({ ...REDSHIFT_FIELDS, host: 'unreachable.example.com', additionalFields: { validateFirst: true } }));
		expect(result.error.message).toMatch(/could not connect .* nothing was created \(item 0\)/);
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses/validation']);
		expect(sandbox.entities('warehouses')).toHaveLength(0);
	});
});

describe('Type from an expression (the webhook example\'s way)', () => {
	it('each item makes the warehouse of its own type with its own fields', async () => {
		const parameters = create({ ...REDSHIFT_FIELDS, type: '={{ $json.type }}', projectId: 'my-gcp-project', serviceAccountKey: 'key-123456' });
		const out = jsonOf(await runSegment(sandbox, parameters, { items: [{ type: 'redshift' }, { type: 'bigquery' }] }));
		expect(out.map((item) => item.type)).toEqual(['redshift', 'bigquery']);
		const bodies = sandbox.requests.filter((request) => request.method === 'POST').map((request) => (request.body as IDataObject).settings);
		expect(bodies).toEqual([
			expect.objectContaining({ hostname: 'example.redshift.amazonaws.com' }),
			{ 'gc-project': 'my-gcp-project', credentials: 'key-123456' },
		]);
		expect(calls(sandbox).filter((call) => call.startsWith('GET /catalog'))).toHaveLength(1);
	});
});

describe('Update', () => {
	it('checks the connection against the warehouse\'s own entry (one GET) and renames seed words', async () => {
		const { warehouseId } = await arrangeWorkspace(sandbox);
		jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'update', warehouseId: rl(warehouseId), updateFields: { connection: '{"host": "new.example.com", "port": 5440}' } }));
		expect(calls(sandbox)).toEqual([`GET /warehouses/${warehouseId}`, 'GET /catalog/warehouses', `PATCH /warehouses/${warehouseId}`]);
		expect(sandbox.requests[2].body).toEqual({ settings: { hostname: 'new.example.com', port: '5440' } });
	});

	it('an unknown key is refused and nothing is changed', async () => {
		const { warehouseId } = await arrangeWorkspace(sandbox);
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'update', warehouseId: rl(warehouseId), updateFields: { connection: { dataset: 'x' } } });
		expect(result.error.message).toBe('Update Fields > Connection: "dataset" is not a setting of Segment\'s Redshift warehouse (item 0)');
		expect(calls(sandbox).some((call) => call.startsWith('PATCH'))).toBe(false);
	});

	it('a name alone sends settings {} and costs no lookup', async () => {
		const { warehouseId } = await arrangeWorkspace(sandbox);
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'update', warehouseId: rl(warehouseId), updateFields: { name: 'Renamed' } }));
		expect(calls(sandbox)).toEqual([`PATCH /warehouses/${warehouseId}`]);
		expect(sandbox.requests[0].body).toEqual({ settings: {}, name: 'Renamed' });
		expect(out[0].name).toBe('Renamed');
	});
});

describe('an expression that fails names the parameter', () => {
	it('Warehouse ID: Referenced node doesn\'t exist', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: { __rl: true, mode: 'id', value: '={{ $("Nowhere").item.json.id }}' } });
		expect(result.error.message).toMatch(/^Warehouse ID: .*(Referenced node doesn't exist|Nowhere)/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
