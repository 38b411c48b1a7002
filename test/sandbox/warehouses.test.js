'use strict';
// Warehouses: CRUD, envelopes, and validation as strict as Segment's.
const { startSandbox } = require('../../sandbox');
const { client, catalogId, NOT_FOUND, validation } = require('./helpers');

let sb;
let call;
let redshift;
beforeAll(async () => {
	sb = await startSandbox();
	call = client(sb);
	redshift = catalogId(sb, 'warehouses', 'redshift');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const connection = { host: 'example.redshift.amazonaws.com', port: 5439, database: 'analytics', username: 'user', schema: 'public' };

async function createOne(body = {}) {
	const answer = await call('POST', '/warehouses', { metadataId: redshift, name: 'My Data Warehouse', enabled: true, settings: connection, ...body });
	expect(answer.status).toBe(200);
	return answer.body.data.warehouse;
}

test('create answers the warehouse, with its name kept in settings', async () => {
	const answer = await call('POST', '/warehouses', { metadataId: redshift, name: 'My Data Warehouse', enabled: true, settings: connection });
	expect(answer.status).toBe(200);
	expect(answer.headers.get('content-type')).toBe('application/json');
	const redshiftEntry = sb.catalog('warehouses').find((entry) => entry.slug === 'redshift');
	expect(answer.body).toEqual({
		data: {
			warehouse: {
				id: expect.stringMatching(/^[0-9A-Za-z]{20}$/),
				workspaceId: sb.workspaceId('us'),
				enabled: true,
				metadata: {
					id: redshift,
					slug: 'redshift',
					name: 'Redshift',
					description: redshiftEntry.description,
					logos: redshiftEntry.logos,
					options: redshiftEntry.options,
				},
				settings: { ...connection, name: 'My Data Warehouse' },
			},
		},
	});
	expect(sb.entities('warehouses')).toEqual([answer.body.data.warehouse]);
});

test('create without enabled leaves the warehouse disabled (the node must send it)', async () => {
	const answer = await call('POST', '/warehouses', { metadataId: redshift, settings: {} });
	expect(answer.status).toBe(200);
	expect(answer.body.data.warehouse.enabled).toBe(false);
	expect(answer.body.data.warehouse.settings).toEqual({});
});

test('get answers the stored warehouse', async () => {
	const created = await createOne();
	const answer = await call('GET', `/warehouses/${created.id}`);
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({ data: { warehouse: created } });
});

test('update merges settings, renames and disables', async () => {
	const created = await createOne();
	const answer = await call('PATCH', `/warehouses/${created.id}`, { settings: { host: 'new.example.com' }, name: 'Renamed', enabled: false });
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({
		data: { warehouse: { ...created, enabled: false, settings: { ...connection, host: 'new.example.com', name: 'Renamed' } } },
	});
	expect((await call('GET', `/warehouses/${created.id}`)).body.data.warehouse.settings.name).toBe('Renamed');
});

test('update with empty settings changes nothing', async () => {
	const created = await createOne();
	const answer = await call('PATCH', `/warehouses/${created.id}`, { settings: {} });
	expect(answer.body).toEqual({ data: { warehouse: created } });
});

test('update requires settings', async () => {
	const created = await createOne();
	const answer = await call('PATCH', `/warehouses/${created.id}`, { name: 'No settings' });
	expect(answer.status).toBe(422);
	expect(answer.body).toEqual({ errors: [validation('settings is required', 'settings')] });
	expect(sb.entities('warehouses')[0]).toEqual(created);
});

test('delete answers SUCCESS and the warehouse is gone', async () => {
	const created = await createOne();
	const answer = await call('DELETE', `/warehouses/${created.id}`);
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({ data: { status: 'SUCCESS' } });
	expect((await call('GET', `/warehouses/${created.id}`)).status).toBe(404);
	expect(sb.entities('warehouses')).toEqual([]);
});

test.each(['GET', 'PATCH', 'DELETE'])('%s of an unknown id answers 404 without naming it', async (method) => {
	const answer = await call(method, '/warehouses/wh_missing_123', method === 'PATCH' ? { settings: {} } : undefined);
	expect(answer.status).toBe(404);
	expect(answer.body).toEqual(NOT_FOUND);
	expect(answer.text).not.toContain('wh_missing_123');
});

describe('create validation (422)', () => {
	test.each([
		[{ settings: {} }, [validation('metadataId is required', 'metadataId')]],
		[{ metadataId: 'R' }, [validation('settings is required', 'settings')]],
		[{}, [validation('metadataId is required', 'metadataId'), validation('settings is required', 'settings')]],
		[{ metadataId: 'nope', settings: {} }, [validation('metadataId does not match any entry of the warehouse catalog', 'metadataId')]],
		[{ metadataId: 12, settings: {} }, [validation('metadataId must be a string', 'metadataId')]],
		[{ metadataId: '', settings: {} }, [validation('metadataId must not be empty', 'metadataId')]],
		[{ metadataId: 'R', settings: 'host=x' }, [validation('settings must be an object', 'settings')]],
		[{ metadataId: 'R', settings: [] }, [validation('settings must be an object', 'settings')]],
		[{ metadataId: 'R', settings: null }, [validation('settings must be an object', 'settings')]],
		[{ metadataId: 'R', settings: {}, enabled: 'true' }, [validation('enabled must be a boolean', 'enabled')]],
		[{ metadataId: 'R', settings: {}, name: 5 }, [validation('name must be a string', 'name')]],
		[{ metadataId: 'R', settings: {}, name: '  ' }, [validation('name must not be empty', 'name')]],
		[{ metadataId: 'R', settings: {}, type: 'redshift' }, [validation('Unknown field: type', 'type')]],
		[{ metadataId: 'R', settings: {}, connection: {} }, [validation('Unknown field: connection', 'connection')]],
	])('%j', async (body, errors) => {
		const withId = body.metadataId === 'R' ? { ...body, metadataId: redshift } : body;
		const answer = await call('POST', '/warehouses', withId);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.entities('warehouses')).toEqual([]);
	});
});

describe('update validation (422)', () => {
	test.each([
		[{ settings: 'x' }, [validation('settings must be an object', 'settings')]],
		[{ settings: {}, enabled: 1 }, [validation('enabled must be a boolean', 'enabled')]],
		[{ settings: {}, metadataId: 'x' }, [validation('Unknown field: metadataId', 'metadataId')]],
		[{ settings: {}, connection: {} }, [validation('Unknown field: connection', 'connection')]],
	])('%j', async (body, errors) => {
		const created = await createOne();
		const answer = await call('PATCH', `/warehouses/${created.id}`, body);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.entities('warehouses')).toEqual([created]);
	});
});

test('each warehouse gets its own random id', async () => {
	const a = await createOne();
	const b = await createOne();
	expect(a.id).not.toBe(b.id);
});
