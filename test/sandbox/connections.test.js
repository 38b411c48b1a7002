'use strict';
// Pipelines: which sources load into which warehouses (new ones connect to everything unless
// told otherwise), the connect/disconnect calls, the connected lists, validation and state.
const { client, catalogId, warehouseBody, validation, SETTINGS, rawRequest, proxyBase, RAW, TOKEN, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

async function warehouse(extra = {}) {
	const answer = await call('POST', '/warehouses', warehouseBody(sb, extra));
	expect(answer.status).toBe(200);
	return answer.body.data.warehouse;
}

async function source(slug, extra = {}) {
	const answer = await call('POST', '/sources', { slug, enabled: true, metadataId: catalogId(sb, 'sources', 'javascript'), ...extra });
	expect(answer.status).toBe(200);
	return answer.body.data.source;
}

const ids = (list) => list.map((entity) => entity.id);
const connectedSources = async (id, query = 'pagination.count=200') => (await call('GET', `/warehouses/${id}/connected-sources?${query}`)).body.data;

test('a new warehouse connects to every source; a new source to every warehouse', async () => {
	const a = await source('a');
	const b = await source('b');
	const w1 = await warehouse();
	expect(ids((await connectedSources(w1.id)).sources)).toEqual([a.id, b.id]);
	const c = await source('c');
	expect(ids((await connectedSources(w1.id)).sources)).toEqual([a.id, b.id, c.id]);
	const listed = await call('GET', `/sources/${c.id}/connected-warehouses?pagination.count=10`);
	expect(listed.body).toEqual({ data: { warehouses: [w1], pagination: { current: expect.any(String), totalEntries: 1 } } });
});

test('disconnectAllSources / disconnectAllWarehouses: true connects nothing', async () => {
	await source('a');
	const w = await warehouse({ disconnectAllSources: true });
	expect((await connectedSources(w.id)).sources).toEqual([]);
	const s = await source('b', { disconnectAllWarehouses: true });
	expect((await call('GET', `/sources/${s.id}/connected-warehouses?pagination.count=10`)).body.data.warehouses).toEqual([]);
	expect(sb.connections()).toEqual([]);
	await warehouse({ disconnectAllSources: false });
	expect(sb.connections()).toHaveLength(2);
});

test('connect (no body, as Segment\'s SDK sends it) and disconnect', async () => {
	const w = await warehouse();
	const s = await source('a', { disconnectAllWarehouses: true });
	const url = `${proxyBase(sb)}/warehouses/${w.id}/connected-sources/${s.id}`;
	const path = url.slice(sb.url.length);
	const connected = await rawRequest(sb, 'POST', path, { headers: { authorization: `Bearer ${TOKEN}`, 'content-length': '0', ...RAW } });
	expect(connected.status).toBe(200);
	expect(connected.body).toEqual({ data: { status: 'CONNECTED' } });
	expect(sb.connections()).toEqual([{ warehouseId: w.id, sourceId: s.id }]);
	expect((await call('POST', `/warehouses/${w.id}/connected-sources/${s.id}`, {})).body).toEqual({ data: { status: 'CONNECTED' } });
	expect(sb.connections()).toHaveLength(1);
	const removed = await call('DELETE', `/warehouses/${w.id}/connected-sources/${s.id}`);
	expect(removed.body).toEqual({ data: { status: 'SUCCESS' } });
	expect(sb.connections()).toEqual([]);
	expect((await call('DELETE', `/warehouses/${w.id}/connected-sources/${s.id}`)).body).toEqual({ data: { status: 'SUCCESS' } });
});

test('connect with a body other than {} is refused', async () => {
	const w = await warehouse();
	const s = await source('a');
	const answer = await call('POST', `/warehouses/${w.id}/connected-sources/${s.id}`, { force: true });
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation('This request takes no body')] });
});

test.each(['POST', 'DELETE'])('%s on an unknown warehouse or source answers 404 saying which', async (method) => {
	const w = await warehouse();
	const s = await source('a');
	const noWarehouse = await call(method, `/warehouses/nope/connected-sources/${s.id}`);
	expect(noWarehouse.status).toBe(404);
	expect(noWarehouse.body).toEqual({ errors: [{ type: 'resource-not-found', message: 'Warehouse not found' }] });
	const noSource = await call(method, `/warehouses/${w.id}/connected-sources/nope`);
	expect(noSource.body).toEqual({ errors: [{ type: 'resource-not-found', message: 'Source not found' }] });
});

test('deleting either side drops its connections', async () => {
	const a = await source('a');
	const b = await source('b');
	const w1 = await warehouse();
	const w2 = await warehouse();
	expect(sb.connections()).toHaveLength(4);
	await call('DELETE', `/sources/${a.id}`);
	expect(sb.connections()).toEqual([{ warehouseId: w1.id, sourceId: b.id }, { warehouseId: w2.id, sourceId: b.id }]);
	await call('DELETE', `/warehouses/${w1.id}`);
	expect(sb.connections()).toEqual([{ warehouseId: w2.id, sourceId: b.id }]);
});

test('connected lists are paged like lists, with their own cursors', async () => {
	const sources = [];
	for (const slug of ['a', 'b', 'c', 'd', 'e']) sources.push(await source(slug));
	const w = await warehouse();
	const seen = [];
	let cursor;
	do {
		const page = await connectedSources(w.id, `pagination%5Bcount%5D=2${cursor ? `&pagination%5Bcursor%5D=${encodeURIComponent(cursor)}` : ''}`);
		expect(page.sources.length).toBeLessThanOrEqual(2);
		expect(page.pagination.totalEntries).toBe(5);
		seen.push(...ids(page.sources));
		cursor = page.pagination.next;
	} while (cursor);
	expect(seen).toEqual(ids(sources));
	const otherCursor = (await call('GET', '/sources?pagination.count=1')).body.data.pagination.next;
	expect((await call('GET', `/warehouses/${w.id}/connected-sources?pagination.count=1&pagination.cursor=${encodeURIComponent(otherCursor)}`)).status).toBe(400);
	expect((await call('GET', `/warehouses/${w.id}/connected-sources`)).body.errors[0].field).toBe('pagination.count');
});

test('a source\'s connected destinations are the destinations reading from it', async () => {
	const a = await source('a');
	const b = await source('b');
	const metadataId = catalogId(sb, 'destinations', 'webhooks');
	const d1 = (await call('POST', '/destinations', { sourceId: a.id, metadataId, settings: {}, enabled: true })).body.data.destination;
	await call('POST', '/destinations', { sourceId: b.id, metadataId, settings: {}, enabled: true });
	const answer = await call('GET', `/sources/${a.id}/connected-destinations?pagination.count=10`);
	expect(answer.body).toEqual({ data: { destinations: [d1], pagination: { current: expect.any(String), totalEntries: 1 } } });
});

test.each([
	['/warehouses/nope/connected-sources', 'Warehouse'],
	['/sources/nope/connected-warehouses', 'Source'],
	['/sources/nope/connected-destinations', 'Source'],
	['/warehouses/nope/connection-state', 'Warehouse'],
])('GET %s of an unknown id answers 404', async (path, what) => {
	const answer = await call('GET', `${path}${path.endsWith('state') ? '' : '?pagination.count=5'}`);
	expect(answer.status).toBe(404);
	expect(answer.body).toEqual({ errors: [{ type: 'resource-not-found', message: `${what} not found` }] });
});

describe('POST /warehouses/validation', () => {
	const body = (settings, type = 'redshift') => ({ metadataId: catalogId(sb, 'warehouses', type), settings });

	test('valid settings answer CONNECTED; a value containing "unreachable" FAILED; nothing is created', async () => {
		expect((await call('POST', '/warehouses/validation', body(SETTINGS.redshift))).body).toEqual({ data: { status: 'CONNECTED' } });
		const failed = await call('POST', '/warehouses/validation', body({ ...SETTINGS.redshift, hostname: 'unreachable.example.com' }));
		expect(failed.status).toBe(200);
		expect(failed.body).toEqual({ data: { status: 'FAILED' } });
		expect(sb.entities('warehouses')).toEqual([]);
	});

	test.each([
		[{}, [validation('metadataId is required', 'metadataId'), validation('settings is required', 'settings')]],
		[{ metadataId: 'nope', settings: {} }, [validation('metadataId does not match any entry of the warehouse catalog', 'metadataId')]],
		[{ settings: { ...SETTINGS.redshift, host: 'x' } }, [expect.objectContaining({ field: 'settings.host' })]],
		[{ settings: { ...SETTINGS.redshift, port: 5439 } }, [validation('settings.port must be a string', 'settings.port')]],
		[{ settings: { hostname: 'h', port: '1', database: 'd', username: 'u' } }, [validation('settings.password is required', 'settings.password')]],
		[{ settings: SETTINGS.redshift, name: 'x' }, [validation('Unknown field: name', 'name')]],
	])('invalid settings answer 422 as for a create: %j', async (input, errors) => {
		const answer = await call('POST', '/warehouses/validation', input.metadataId === undefined && input.settings ? { ...body(input.settings), ...input } : input);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
	});

	test('GET /warehouses/validation is the warehouse "validation": 404', async () => {
		expect((await call('GET', '/warehouses/validation')).status).toBe(404);
	});
});

test('connection state follows the stored settings', async () => {
	const w = await warehouse();
	const state = () => call('GET', `/warehouses/${w.id}/connection-state`);
	expect((await state()).body).toEqual({ data: { connectionState: 'CONNECTED' } });
	await call('PATCH', `/warehouses/${w.id}`, { settings: { password: 'now-unreachable' } });
	expect((await state()).body).toEqual({ data: { connectionState: 'FAILED' } });
	await call('PATCH', `/warehouses/${w.id}`, { settings: { password: 'fine' }, name: 'unreachable is only a name' });
	expect((await state()).body).toEqual({ data: { connectionState: 'CONNECTED' } });
});

test('sb.connect / sb.disconnect set connections directly and check the ids', async () => {
	const w = await warehouse({ disconnectAllSources: true });
	const s = await source('a', { disconnectAllWarehouses: true });
	sb.connect(w.id, s.id);
	expect(sb.connections()).toEqual([{ warehouseId: w.id, sourceId: s.id }]);
	sb.disconnect(w.id, s.id);
	expect(sb.connections()).toEqual([]);
	expect(() => sb.connect('nope', s.id)).toThrow(TypeError);
	expect(() => sb.connections('mars')).toThrow(TypeError);
});
