'use strict';
// Sources: CRUD, slug rules, write keys, and validation.
const { startSandbox } = require('../../sandbox');
const { client, catalogId, NOT_FOUND, validation } = require('./helpers');

let sb;
let call;
let javascript;
beforeAll(async () => {
	sb = await startSandbox();
	call = client(sb);
	javascript = catalogId(sb, 'sources', 'javascript');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

// Segment's way: POST /sources has no name; a PATCH names the source right after.
async function createOne(body = {}) {
	const answer = await call('POST', '/sources', { slug: 'website_analytics', enabled: true, metadataId: javascript, ...body });
	expect(answer.status).toBe(200);
	const named = await call('PATCH', `/sources/${answer.body.data.source.id}`, { name: 'Website Analytics' });
	expect(named.status).toBe(200);
	return named.body.data.source;
}

test('create refuses a name (Segment\'s create input has none), naming the field', async () => {
	const answer = await call('POST', '/sources', { slug: 'website_analytics', enabled: true, metadataId: javascript, name: 'Website Analytics' });
	expect(answer.status).toBe(422);
	expect(answer.body).toEqual({ errors: [validation('Unknown field: name', 'name')] });
	expect(sb.entities('sources')).toEqual([]);
});

test('create, then PATCH {name}, answers the full source with a write key and no labels', async () => {
	const created = await call('POST', '/sources', { slug: 'website_analytics', enabled: true, metadataId: javascript });
	expect(created.status).toBe(200);
	expect(created.body.data.source).not.toHaveProperty('name');
	const answer = await call('PATCH', `/sources/${created.body.data.source.id}`, { name: 'Website Analytics' });
	expect(answer.status).toBe(200);
	const entry = sb.catalog('sources').find((e) => e.slug === 'javascript');
	expect(answer.body).toEqual({
		data: {
			source: {
				id: expect.stringMatching(/^[0-9A-Za-z]{20}$/),
				slug: 'website_analytics',
				name: 'Website Analytics',
				workspaceId: sb.workspaceId('us'),
				enabled: true,
				writeKeys: [expect.stringMatching(/^[0-9A-Za-z]{32}$/)],
				metadata: {
					id: javascript,
					slug: 'javascript',
					name: 'Javascript',
					categories: ['Website'],
					description: entry.description,
					logos: entry.logos,
					options: [],
					isCloudEventSource: false,
				},
				settings: {},
				labels: [],
			},
		},
	});
});

test('a source created without a name has none', async () => {
	const answer = await call('POST', '/sources', { slug: 'no_name', enabled: false, metadataId: javascript });
	expect(answer.status).toBe(200);
	expect(answer.body.data.source).not.toHaveProperty('name');
	expect(answer.body.data.source.enabled).toBe(false);
});

test('get, update (merging settings) and delete', async () => {
	const created = await createOne({ settings: { a: 1, b: 2 } });
	expect((await call('GET', `/sources/${created.id}`)).body).toEqual({ data: { source: created } });
	const updated = await call('PATCH', `/sources/${created.id}`, { name: 'Site', enabled: false, slug: 'site', settings: { b: 3, c: 4 } });
	expect(updated.status).toBe(200);
	expect(updated.body).toEqual({ data: { source: { ...created, name: 'Site', enabled: false, slug: 'site', settings: { a: 1, b: 3, c: 4 } } } });
	const removed = await call('DELETE', `/sources/${created.id}`);
	expect(removed.body).toEqual({ data: { status: 'SUCCESS' } });
	expect((await call('GET', `/sources/${created.id}`)).body).toEqual(NOT_FOUND);
});

test('an empty update is allowed and changes nothing', async () => {
	const created = await createOne();
	expect((await call('PATCH', `/sources/${created.id}`, {})).body).toEqual({ data: { source: created } });
});

test('slugs are unique per workspace, and free again after a rename or delete', async () => {
	const first = await createOne({ slug: 'taken' });
	const duplicate = await call('POST', '/sources', { slug: 'taken', enabled: true, metadataId: javascript });
	expect(duplicate.status).toBe(422);
	expect(duplicate.body).toEqual({ errors: [validation('A source with slug taken already exists in this workspace', 'slug')] });
	await call('PATCH', `/sources/${first.id}`, { slug: 'renamed' });
	expect((await call('POST', '/sources', { slug: 'taken', enabled: true, metadataId: javascript })).status).toBe(200);
	await call('DELETE', `/sources/${first.id}`);
	expect((await call('POST', '/sources', { slug: 'renamed', enabled: true, metadataId: javascript })).status).toBe(200);
});

test('renaming to a slug another source has is refused; keeping its own slug is fine', async () => {
	await createOne({ slug: 'one' });
	const two = await createOne({ slug: 'two' });
	const clash = await call('PATCH', `/sources/${two.id}`, { slug: 'one' });
	expect(clash.status).toBe(422);
	expect(clash.body).toEqual({ errors: [validation('A source with slug one already exists in this workspace', 'slug')] });
	expect((await call('PATCH', `/sources/${two.id}`, { slug: 'two' })).status).toBe(200);
});

test('the same slug may exist in the EU workspace', async () => {
	await createOne({ slug: 'shared' });
	const eu = await client(sb, { region: 'eu' })('POST', '/sources', { slug: 'shared', enabled: true, metadataId: javascript });
	expect(eu.status).toBe(200);
});

const SLUG_ERROR = (field = 'slug') => validation(`${field} must match ^[a-z0-9][a-z0-9_-]*$`, field);

describe('create validation (422)', () => {
	test.each([
		[{ enabled: true, metadataId: 'J' }, [validation('slug is required', 'slug')]],
		[{ slug: 'ok', metadataId: 'J' }, [validation('enabled is required', 'enabled')]],
		[{ slug: 'ok', enabled: true }, [validation('metadataId is required', 'metadataId')]],
		[{ slug: 'ok', enabled: 'yes', metadataId: 'J' }, [validation('enabled must be a boolean', 'enabled')]],
		[{ slug: 'ok', enabled: true, metadataId: 'nope' }, [validation('metadataId does not match any entry of the source catalog', 'metadataId')]],
		[{ slug: 'Website', enabled: true, metadataId: 'J' }, [SLUG_ERROR()]],
		[{ slug: '_site', enabled: true, metadataId: 'J' }, [SLUG_ERROR()]],
		[{ slug: 'my site', enabled: true, metadataId: 'J' }, [SLUG_ERROR()]],
		[{ slug: 'a.b', enabled: true, metadataId: 'J' }, [SLUG_ERROR()]],
		[{ slug: '', enabled: true, metadataId: 'J' }, [SLUG_ERROR()]],
		[{ slug: 7, enabled: true, metadataId: 'J' }, [validation('slug must be a string', 'slug')]],
		[{ slug: 'ok', enabled: true, metadataId: 'J', settings: 'x' }, [validation('settings must be an object', 'settings')]],
		[{ slug: 'ok', enabled: true, metadataId: 'J', name: null }, [validation('Unknown field: name', 'name')]],
		[{ slug: 'ok', enabled: true, metadataId: 'J', disconnectAllWarehouses: 1 }, [validation('disconnectAllWarehouses must be a boolean', 'disconnectAllWarehouses')]],
		[{ slug: 'ok', enabled: true, metadataId: 'J', platform: 'web' }, [validation('Unknown field: platform', 'platform')]],
		[{ slug: 'ok', enabled: true, metadataId: 'J', categories: ['analytics'] }, [validation('Unknown field: categories', 'categories')]],
		[{ slug: 'ok', enabled: true, metadataId: 'J', labels: [] }, [validation('Unknown field: labels', 'labels')]],
	])('%j', async (body, errors) => {
		const answer = await call('POST', '/sources', body.metadataId === 'J' ? { ...body, metadataId: javascript } : body);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.entities('sources')).toEqual([]);
	});

	test.each(['web', 'web-site', 'web_site', '0site', 'a'])('slug %s is accepted', async (slug) => {
		expect((await call('POST', '/sources', { slug, enabled: true, metadataId: javascript })).status).toBe(200);
	});
});

describe('update validation (422)', () => {
	test.each([
		[{ slug: 'Bad Slug' }, [SLUG_ERROR()]],
		[{ enabled: 'false' }, [validation('enabled must be a boolean', 'enabled')]],
		[{ settings: [] }, [validation('settings must be an object', 'settings')]],
		[{ metadataId: 'x' }, [validation('Unknown field: metadataId', 'metadataId')]],
		[{ platform: 'web' }, [validation('Unknown field: platform', 'platform')]],
		[{ disconnectAllWarehouses: true }, [validation('Unknown field: disconnectAllWarehouses', 'disconnectAllWarehouses')]],
	])('%j', async (body, errors) => {
		const created = await createOne();
		const answer = await call('PATCH', `/sources/${created.id}`, body);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.entities('sources')).toEqual([created]);
	});
});

test('deleting a source deletes its destinations', async () => {
	const source = await createOne();
	const other = await createOne({ slug: 'other' });
	const metadataId = catalogId(sb, 'destinations', 'webhooks');
	await call('POST', '/destinations', { sourceId: source.id, metadataId, settings: {}, enabled: true });
	const kept = await call('POST', '/destinations', { sourceId: other.id, metadataId, settings: {}, enabled: true });
	await call('DELETE', `/sources/${source.id}`);
	expect(sb.entities('destinations')).toEqual([kept.body.data.destination]);
});
