'use strict';
// Warehouses: CRUD, envelopes, settings checked against the catalog entry's options, secrets
// never answered in clear, and validation as strict as Segment's.
const { startSandbox } = require('../../sandbox');
const { client, catalogId, NOT_FOUND, validation, SETTINGS } = require('./helpers');

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

const connection = SETTINGS.redshift;
const MASKED = { hostname: connection.hostname, port: '5439', database: 'analytics', username: 'user', password: '••••••' };
const SECRET_SIDE = { ciphertext: expect.stringMatching(/^[A-Za-z0-9+/=]{20,}$/), encrypted: true };

async function createOne(body = {}) {
	const answer = await call('POST', '/warehouses', { metadataId: redshift, name: 'My Data Warehouse', enabled: true, settings: connection, ...body });
	expect(answer.status).toBe(200);
	return answer.body.data.warehouse;
}

test('create answers the warehouse: name in settings, password masked, ciphertext beside it', async () => {
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
				settings: { ...MASKED, name: 'My Data Warehouse', ...SECRET_SIDE },
			},
		},
	});
	expect(answer.body.data.warehouse).not.toHaveProperty('name');
	expect(answer.text).not.toContain(connection.password);
	expect(sb.entities('warehouses')).toEqual([answer.body.data.warehouse]);
});

test('secrets are never answered in clear: password-typed options and secret-named keys', async () => {
	const bigquery = await call('POST', '/warehouses', { metadataId: catalogId(sb, 'warehouses', 'bigquery'), name: 'BQ', enabled: true, settings: SETTINGS.bigquery });
	expect(bigquery.body.data.warehouse.settings).toEqual({ 'gc-project': 'my-gcp-project', location: 'US', credentials: '••••••', name: 'BQ', ...SECRET_SIDE });
	const databricks = await call('POST', '/warehouses', {
		metadataId: catalogId(sb, 'warehouses', 'databricks'), name: 'DB', enabled: true,
		settings: { workspaceUrl: 'acme.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/abc', catalog: 'main', token: 'dapi-secret', port: 443 },
	});
	expect(databricks.status).toBe(200);
	expect(databricks.body.data.warehouse.settings).toMatchObject({ token: '••••••', port: 443, encrypted: true });
	expect(databricks.text).not.toContain('dapi-secret');
	const listed = await call('GET', '/warehouses?pagination.count=10');
	expect(listed.text).not.toMatch(/dapi-secret|service_account/);
});

test('a warehouse without secret settings has no ciphertext', async () => {
	const entry = sb.addCatalogEntry('warehouses', { slug: 'open-db', options: [{ name: 'hostname', type: 'string', required: true }] });
	const answer = await call('POST', '/warehouses', { metadataId: entry.id, enabled: true, settings: { hostname: 'h' } });
	expect(answer.body.data.warehouse.settings).toEqual({ hostname: 'h' });
});

test('create without enabled leaves the warehouse disabled (the node must send it)', async () => {
	const answer = await call('POST', '/warehouses', { metadataId: redshift, settings: connection });
	expect(answer.status).toBe(200);
	expect(answer.body.data.warehouse.enabled).toBe(false);
	expect(answer.body.data.warehouse.settings).not.toHaveProperty('name');
});

test('get answers the stored warehouse', async () => {
	const created = await createOne();
	const answer = await call('GET', `/warehouses/${created.id}`);
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({ data: { warehouse: created } });
});

test('update merges settings, renames and disables', async () => {
	const created = await createOne();
	const answer = await call('PATCH', `/warehouses/${created.id}`, { settings: { hostname: 'new.example.com' }, name: 'Renamed', enabled: false });
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({
		data: { warehouse: { ...created, enabled: false, settings: { ...created.settings, hostname: 'new.example.com', name: 'Renamed' } } },
	});
	expect((await call('GET', `/warehouses/${created.id}`)).body.data.warehouse.settings.name).toBe('Renamed');
});

test('a new password gets a new ciphertext', async () => {
	const created = await createOne();
	const answer = await call('PATCH', `/warehouses/${created.id}`, { settings: { password: 'other' } });
	expect(answer.body.data.warehouse.settings.password).toBe('••••••');
	expect(answer.body.data.warehouse.settings.ciphertext).not.toBe(created.settings.ciphertext);
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

const REDSHIFT_NAMES = 'hostname, port, database, username, password, ciphertext';

describe('create validation (422)', () => {
	test.each([
		[{ settings: connection }, [validation('metadataId is required', 'metadataId')]],
		[{ metadataId: 'R' }, [validation('settings is required', 'settings')]],
		[{}, [validation('metadataId is required', 'metadataId'), validation('settings is required', 'settings')]],
		[{ metadataId: 'nope', settings: {} }, [validation('metadataId does not match any entry of the warehouse catalog', 'metadataId')]],
		[{ metadataId: 12, settings: {} }, [validation('metadataId must be a string', 'metadataId')]],
		[{ metadataId: '', settings: {} }, [validation('metadataId must not be empty', 'metadataId')]],
		[{ metadataId: 'R', settings: 'host=x' }, [validation('settings must be an object', 'settings')]],
		[{ metadataId: 'R', settings: [] }, [validation('settings must be an object', 'settings')]],
		[{ metadataId: 'R', settings: null }, [validation('settings must be an object', 'settings')]],
		[{ metadataId: 'R', settings: connection, enabled: 'true' }, [validation('enabled must be a boolean', 'enabled')]],
		[{ metadataId: 'R', settings: connection, name: 5 }, [validation('name must be a string', 'name')]],
		[{ metadataId: 'R', settings: connection, name: '  ' }, [validation('name must not be empty', 'name')]],
		[{ metadataId: 'R', settings: connection, type: 'redshift' }, [validation('Unknown field: type', 'type')]],
		[{ metadataId: 'R', settings: connection, connection: {} }, [validation('Unknown field: connection', 'connection')]],
		[{ metadataId: 'R', settings: connection, disconnectAllSources: 'yes' }, [validation('disconnectAllSources must be a boolean', 'disconnectAllSources')]],
		[{ metadataId: 'R', settings: { ...connection, host: 'x' } }, [validation(`Unknown field: settings.host (the redshift settings are ${REDSHIFT_NAMES})`, 'settings.host')]],
		[{ metadataId: 'R', settings: { ...connection, name: 'x' } }, [validation("Unknown field: settings.name (a warehouse's name is the top-level name)", 'settings.name')]],
		[{ metadataId: 'R', settings: { ...connection, port: 5439 } }, [validation('settings.port must be a string', 'settings.port')]],
		[{ metadataId: 'R', settings: { ...connection, password: 123 } }, [validation('settings.password must be a string', 'settings.password')]],
		[{ metadataId: 'R', settings: { ...connection, hostname: '' } }, [validation('settings.hostname must not be empty', 'settings.hostname')]],
		[{ metadataId: 'R', settings: { hostname: 'h', port: '5439', database: 'd', username: 'u' } }, [validation('settings.password is required', 'settings.password')]],
		[{ metadataId: 'R', settings: {} }, ['hostname', 'port', 'database', 'username', 'password'].map((n) => validation(`settings.${n} is required`, `settings.${n}`))],
	])('%j', async (body, errors) => {
		const withId = body.metadataId === 'R' ? { ...body, metadataId: redshift } : body;
		const answer = await call('POST', '/warehouses', withId);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.entities('warehouses')).toEqual([]);
	});
});

test('number and boolean options take numbers and booleans; ciphertext is optional and not stored', async () => {
	const databricks = catalogId(sb, 'warehouses', 'databricks');
	const settings = { workspaceUrl: 'a', httpPath: '/p', catalog: 'main', token: 't' };
	const wrongNumber = await call('POST', '/warehouses', { metadataId: databricks, settings: { ...settings, port: '443' } });
	expect(wrongNumber.body).toEqual({ errors: [validation('settings.port must be a number', 'settings.port')] });
	const postgres = catalogId(sb, 'warehouses', 'postgres');
	const wrongBoolean = await call('POST', '/warehouses', { metadataId: postgres, settings: { ...SETTINGS.postgres, ssl: 'true' } });
	expect(wrongBoolean.body).toEqual({ errors: [validation('settings.ssl must be a boolean', 'settings.ssl')] });
	const withCiphertext = await call('POST', '/warehouses', { metadataId: redshift, settings: { ...connection, ciphertext: 'mine' } });
	expect(withCiphertext.status).toBe(200);
	expect(withCiphertext.body.data.warehouse.settings.ciphertext).not.toBe('mine');
	expect(sb.catalog('warehouses').flatMap((e) => e.options).filter((o) => o.name === 'ciphertext').every((o) => o.required === false)).toBe(true);
});

describe('update validation (422)', () => {
	test.each([
		[{ settings: 'x' }, [validation('settings must be an object', 'settings')]],
		[{ settings: {}, enabled: 1 }, [validation('enabled must be a boolean', 'enabled')]],
		[{ settings: {}, metadataId: 'x' }, [validation('Unknown field: metadataId', 'metadataId')]],
		[{ settings: {}, connection: {} }, [validation('Unknown field: connection', 'connection')]],
		[{ settings: {}, disconnectAllSources: true }, [validation('Unknown field: disconnectAllSources', 'disconnectAllSources')]],
		[{ settings: { host: 'x' } }, [validation(`Unknown field: settings.host (the redshift settings are ${REDSHIFT_NAMES})`, 'settings.host')]],
		[{ settings: { port: 5439 } }, [validation('settings.port must be a string', 'settings.port')]],
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
