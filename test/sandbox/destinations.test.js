'use strict';
// Destinations: CRUD, the source they read from, and validation.
const { startSandbox } = require('../../sandbox');
const { client, catalogId, NOT_FOUND, validation } = require('./helpers');

let sb;
let call;
let source;
let ga;
beforeAll(async () => {
	sb = await startSandbox();
	call = client(sb);
	ga = catalogId(sb, 'destinations', 'google-analytics');
});
afterAll(() => sb.close());
beforeEach(async () => {
	sb.reset();
	const answer = await call('POST', '/sources', { slug: 'website', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') });
	source = answer.body.data.source;
});

async function createOne(body = {}) {
	const answer = await call('POST', '/destinations', { sourceId: source.id, metadataId: ga, settings: { trackingId: 'UA-1' }, name: 'Google Analytics', enabled: true, ...body });
	expect(answer.status).toBe(200);
	return answer.body.data.destination;
}

test('create answers the destination with its catalog metadata', async () => {
	const answer = await call('POST', '/destinations', { sourceId: source.id, metadataId: ga, settings: { trackingId: 'UA-1' }, name: 'Google Analytics', enabled: true });
	expect(answer.status).toBe(200);
	const entry = sb.catalog('destinations').find((e) => e.slug === 'google-analytics');
	expect(answer.body).toEqual({
		data: {
			destination: {
				id: expect.stringMatching(/^[0-9A-Za-z]{20}$/),
				name: 'Google Analytics',
				enabled: true,
				workspaceId: sb.workspaceId('us'),
				sourceId: source.id,
				metadata: entry,
				settings: { trackingId: 'UA-1' },
			},
		},
	});
	expect(Object.keys(answer.body.data.destination.metadata).sort()).toEqual(
		['actions', 'categories', 'components', 'description', 'id', 'logos', 'name', 'options', 'presets', 'previousNames', 'slug', 'status', 'supportedMethods', 'supportedPlatforms', 'website'],
	);
	expect(entry).toMatchObject({ categories: ['Analytics'], supportedPlatforms: { browser: true, server: true, mobile: true }, actions: [], presets: [] });
});

test('create without enabled or name: disabled and nameless', async () => {
	const answer = await call('POST', '/destinations', { sourceId: source.id, metadataId: ga, settings: {} });
	expect(answer.body.data.destination.enabled).toBe(false);
	expect(answer.body.data.destination).not.toHaveProperty('name');
});

test('get, update (merging settings) and delete', async () => {
	const created = await createOne({ settings: { a: 1, b: 2 } });
	expect((await call('GET', `/destinations/${created.id}`)).body).toEqual({ data: { destination: created } });
	const updated = await call('PATCH', `/destinations/${created.id}`, { name: 'GA', enabled: false, settings: { b: 3 } });
	expect(updated.body).toEqual({ data: { destination: { ...created, name: 'GA', enabled: false, settings: { a: 1, b: 3 } } } });
	expect((await call('DELETE', `/destinations/${created.id}`)).body).toEqual({ data: { status: 'SUCCESS' } });
	expect((await call('DELETE', `/destinations/${created.id}`)).body).toEqual(NOT_FOUND);
});

describe('create validation (422)', () => {
	test.each([
		[{ metadataId: 'G', settings: {} }, [validation('sourceId is required', 'sourceId')]],
		[{ sourceId: 'S', settings: {} }, [validation('metadataId is required', 'metadataId')]],
		[{ sourceId: 'S', metadataId: 'G' }, [validation('settings is required', 'settings')]],
		[{ sourceId: 'missing', metadataId: 'G', settings: {} }, [validation('sourceId does not match any source in this workspace', 'sourceId')]],
		[{ sourceId: 'S', metadataId: 'nope', settings: {} }, [validation('metadataId does not match any entry of the destination catalog', 'metadataId')]],
		[{ sourceId: 'S', metadataId: 'G', settings: 'x' }, [validation('settings must be an object', 'settings')]],
		[{ sourceId: 'S', metadataId: 'G', settings: {}, enabled: 'true' }, [validation('enabled must be a boolean', 'enabled')]],
		[{ sourceId: 'S', metadataId: 'G', settings: {}, slug: 'google-analytics' }, [validation('Unknown field: slug', 'slug')]],
		[{ sourceId: 'S', metadataId: 'G', settings: {}, platform: 'web' }, [validation('Unknown field: platform', 'platform')]],
		[{ sourceId: 'S', metadataId: 'G', settings: {}, categories: ['analytics'] }, [validation('Unknown field: categories', 'categories')]],
		[{ sourceId: 4, metadataId: 'G', settings: {} }, [validation('sourceId must be a string', 'sourceId')]],
	])('%j', async (body, errors) => {
		const filled = { ...body };
		if (filled.sourceId === 'S') filled.sourceId = source.id;
		if (filled.metadataId === 'G') filled.metadataId = ga;
		const answer = await call('POST', '/destinations', filled);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.entities('destinations')).toEqual([]);
	});

	test('a source of the other workspace is unknown here', async () => {
		const eu = client(sb, { region: 'eu' });
		const answer = await eu('POST', '/destinations', { sourceId: source.id, metadataId: ga, settings: {} });
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors: [validation('sourceId does not match any source in this workspace', 'sourceId')] });
	});
});

describe('update validation (422)', () => {
	test.each([
		[{ settings: 'x' }, [validation('settings must be an object', 'settings')]],
		[{ name: '' }, [validation('name must not be empty', 'name')]],
		[{ sourceId: 'x' }, [validation('Unknown field: sourceId', 'sourceId')]],
		[{ platform: 'server' }, [validation('Unknown field: platform', 'platform')]],
		[{ categories: ['crm'] }, [validation('Unknown field: categories', 'categories')]],
	])('%j', async (body, errors) => {
		const created = await createOne();
		const answer = await call('PATCH', `/destinations/${created.id}`, body);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.entities('destinations')).toEqual([created]);
	});
});
