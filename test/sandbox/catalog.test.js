'use strict';
// The three catalogs: contents, stable ids, pagination, and entries added by tests.
const { startSandbox } = require('../../sandbox');
const { client, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

async function wholeCatalog(kind) {
	const answer = await call('GET', `/catalog/${kind}?pagination.count=200`);
	expect(answer.status).toBe(200);
	return answer.body.data;
}

const OPTION_KEYS = ['name', 'type', 'required', 'description', 'defaultValue', 'label'];

test('the warehouse catalog: each entry\'s options are the schema of its settings', async () => {
	const data = await wholeCatalog('warehouses');
	expect(data.warehousesCatalog.map((e) => e.slug)).toEqual(['redshift', 'bigquery', 'snowflake', 'postgres', 'databricks', 'azuresqldw']);
	expect(data.pagination).toEqual({ current: expect.any(String), totalEntries: 6 });
	for (const entry of data.warehousesCatalog) {
		expect(Object.keys(entry).sort()).toEqual(['description', 'id', 'logos', 'name', 'options', 'slug']);
		expect(entry.id).toMatch(/^[0-9a-f]{24}$/);
		for (const option of entry.options) {
			expect(OPTION_KEYS).toEqual(expect.arrayContaining(Object.keys(option)));
			expect(option).toEqual(expect.objectContaining({ name: expect.any(String), type: expect.stringMatching(/^(string|password|number|boolean)$/), required: expect.any(Boolean) }));
		}
	}
	const bySlug = Object.fromEntries(data.warehousesCatalog.map((e) => [e.slug, e.options]));
	const summary = (slug) => bySlug[slug].map((o) => [o.name, o.type, o.required]);
	expect(summary('redshift')).toEqual([
		['hostname', 'string', true], ['port', 'string', true], ['database', 'string', true], ['username', 'string', true],
		['password', 'password', true], ['ciphertext', 'string', false],
	]);
	expect(bySlug.redshift[1].defaultValue).toBe('5439');
	expect(summary('bigquery')).toEqual([['gc-project', 'string', true], ['location', 'string', false], ['credentials', 'password', true]]);
	expect(summary('snowflake').map(([name, , required]) => [name, required])).toEqual([
		['account', true], ['warehouse', true], ['database', true], ['username', true], ['password', true], ['role', false],
	]);
	expect(summary('postgres').map(([name]) => name)).toEqual(['hostname', 'port', 'database', 'username', 'password', 'ssl', 'ciphertext']);
	expect(summary('databricks')).toEqual([
		['workspaceUrl', 'string', true], ['httpPath', 'string', true], ['catalog', 'string', true], ['token', 'password', true], ['port', 'number', false],
	]);
	for (const options of Object.values(bySlug)) expect(options.map((o) => o.name)).not.toContain('host');
});

test('the source catalog has the platform defaults and more, with categories', async () => {
	const data = await wholeCatalog('sources');
	const bySlug = Object.fromEntries(data.sourcesCatalog.map((e) => [e.slug, e]));
	expect(bySlug.javascript.categories).toEqual(['Website']);
	expect(bySlug['react-native'].categories).toEqual(['Mobile']);
	expect(bySlug['http-api'].categories).toEqual(['Server']);
	for (const slug of ['ios', 'android', 'node', 'python', 'go', 'java', 'php']) expect(bySlug[slug]).toBeDefined();
	expect(bySlug.ios.categories).toEqual(['Mobile']);
	expect(bySlug.python.categories).toEqual(['Server']);
	expect(Object.keys(bySlug.javascript).sort()).toEqual(['categories', 'description', 'id', 'isCloudEventSource', 'logos', 'name', 'options', 'slug']);
	expect(data.pagination.totalEntries).toBe(data.sourcesCatalog.length);
});

test('the destination catalog has the named slugs with Segment categories and platforms', async () => {
	const data = await wholeCatalog('destinations');
	const bySlug = Object.fromEntries(data.destinationsCatalog.map((e) => [e.slug, e]));
	const expected = {
		'google-analytics': [['Analytics'], { browser: true, server: true, mobile: true }],
		'facebook-pixel': [['Advertising'], { browser: true, server: false, mobile: false }],
		salesforce: [['CRM'], { browser: false, server: true, mobile: false }],
		'google-ads-conversions': [['Advertising'], { browser: false, server: true, mobile: false }],
		webhooks: [['Raw Data'], { browser: true, server: true, mobile: true }],
	};
	for (const [slug, [categories, supportedPlatforms]] of Object.entries(expected)) {
		expect(bySlug[slug]).toMatchObject({ categories, supportedPlatforms, status: 'PUBLIC', actions: [], presets: [] });
	}
	expect(bySlug.hubspot.categories).toContain('CRM');
	for (const slug of ['amplitude', 'mixpanel', 'intercom', 'customer-io', 'braze', 'slack']) expect(bySlug[slug]).toBeDefined();
	expect(data.destinationsCatalog.length).toBeGreaterThanOrEqual(12);
});

test('catalog ids are the same in another sandbox (stable across restarts)', async () => {
	const other = await startSandbox();
	try {
		for (const kind of ['warehouses', 'sources', 'destinations']) expect(other.catalog(kind)).toEqual(sb.catalog(kind));
	} finally {
		await other.close();
	}
});

test('catalogs are paginated like lists', async () => {
	const first = await call('GET', '/catalog/destinations?pagination.count=5');
	expect(first.body.data.destinationsCatalog).toHaveLength(5);
	expect(first.body.data.pagination.next).toEqual(expect.any(String));
	const slugs = first.body.data.destinationsCatalog.map((e) => e.slug);
	let next = first.body.data.pagination.next;
	while (next) {
		const page = await call('GET', `/catalog/destinations?pagination.count=5&pagination.cursor=${encodeURIComponent(next)}`);
		expect(page.status).toBe(200);
		expect(page.body.data.pagination.current).toBe(next);
		slugs.push(...page.body.data.destinationsCatalog.map((e) => e.slug));
		next = page.body.data.pagination.next;
	}
	expect(slugs).toEqual(sb.catalog('destinations').map((e) => e.slug));
});

test('catalogs need pagination.count too', async () => {
	const answer = await call('GET', '/catalog/warehouses');
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [{ type: 'ValidationError', message: 'pagination.count is required', field: 'pagination.count' }] });
});

test('a cursor of one catalog is refused by another', async () => {
	const first = await call('GET', '/catalog/sources?pagination.count=2');
	const answer = await call('GET', `/catalog/destinations?pagination.count=2&pagination.cursor=${encodeURIComponent(first.body.data.pagination.next)}`);
	expect(answer.status).toBe(400);
	expect(answer.body.errors[0].field).toBe('pagination.cursor');
});

test('addCatalogEntry makes an ambiguous slug; reset restores the catalog', async () => {
	const added = sb.addCatalogEntry('destinations', { slug: 'google-analytics', name: 'Google Analytics 4', categories: ['Analytics'], supportedPlatforms: { browser: true } });
	const original = sb.catalog('destinations').find((e) => e.slug === 'google-analytics');
	expect(added.id).not.toBe(original.id);
	expect(added).toMatchObject({ slug: 'google-analytics', name: 'Google Analytics 4', supportedPlatforms: { browser: true, server: false, mobile: false } });
	const data = await wholeCatalog('destinations');
	expect(data.destinationsCatalog.filter((e) => e.slug === 'google-analytics')).toHaveLength(2);
	sb.reset();
	expect(sb.catalog('destinations').filter((e) => e.slug === 'google-analytics')).toHaveLength(1);
});

test('an added entry can be used to create entities', async () => {
	const entry = sb.addCatalogEntry('warehouses', { slug: 'databricks', name: 'Databricks' });
	const answer = await call('POST', '/warehouses', { metadataId: entry.id, settings: {}, enabled: true });
	expect(answer.status).toBe(200);
	expect(answer.body.data.warehouse.metadata).toEqual(entry);
});

test('addCatalogEntry checks its input', () => {
	expect(() => sb.addCatalogEntry('widgets', { slug: 'x' })).toThrow(TypeError);
	expect(() => sb.addCatalogEntry('sources', { name: 'no slug' })).toThrow(TypeError);
	const entry = sb.addCatalogEntry('sources', { slug: 'custom', id: 'fixed-id' });
	expect(entry.id).toBe('fixed-id');
	expect(() => sb.addCatalogEntry('sources', { slug: 'custom2', id: 'fixed-id' })).toThrow(/already has/);
});

test.each(['POST', 'DELETE'])('%s on a catalog answers 405', async (method) => {
	const answer = await call(method, '/catalog/warehouses', method === 'POST' ? {} : undefined);
	expect(answer.status).toBe(405);
	expect(answer.headers.get('allow')).toBe('GET');
});
