'use strict';
// Bulk inserts for load tests: unlogged, and listed page by page from any position.
// (How fast they are is measured by `npm run bench`, not asserted here.)
const { client, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

test('100,000 warehouses are inserted and list from any cursor', async () => {
	const ids = sb.bulk('warehouses', 100000);
	expect(ids).toHaveLength(100000);
	expect(new Set(ids).size).toBe(100000);
	expect(sb.requests).toEqual([]);

	const first = await call('GET', '/warehouses?pagination.count=200');
	expect(first.body.data.pagination.totalEntries).toBe(100000);
	expect(first.body.data.warehouses.map((w) => w.id)).toEqual(ids.slice(0, 200));

	// A cursor deep in the list answers that page directly.
	const deep = Buffer.from('warehouses:99801').toString('base64');
	const last = await call('GET', `/warehouses?pagination.count=200&pagination.cursor=${encodeURIComponent(deep)}`);
	expect(last.body.data.warehouses[199].id).toBe(ids[99999]);
	expect(last.body.data.pagination).not.toHaveProperty('next');
});

test('100,000 sources get unique slugs and write keys', () => {
	const ids = sb.bulk('sources', 100000);
	const sources = sb.entities('sources');
	expect(sources).toHaveLength(100000);
	expect(new Set(sources.map((s) => s.slug)).size).toBe(100000);
	expect(sources[0]).toMatchObject({ id: ids[0], slug: 'bulk_source_1', name: 'Bulk Source 1', enabled: true, labels: [] });
	expect(sources[0].writeKeys[0]).toMatch(/^[0-9A-Za-z]{32}$/);
});

test('bulk sources skip slugs already taken', async () => {
	const javascript = sb.catalog('sources').find((e) => e.slug === 'javascript').id;
	await call('POST', '/sources', { slug: 'bulk_source_1', enabled: true, metadataId: javascript });
	sb.bulk('sources', 1);
	expect(sb.entities('sources').map((s) => s.slug)).toEqual(['bulk_source_1', 'bulk_source_2']);
});

test('bulk destinations use the first source, creating one if needed', async () => {
	const ids = sb.bulk('destinations', 3);
	const sources = sb.entities('sources');
	expect(sources).toHaveLength(1);
	const destinations = sb.entities('destinations');
	expect(destinations.map((d) => d.id)).toEqual(ids);
	expect(destinations.every((d) => d.sourceId === sources[0].id)).toBe(true);
	const got = await call('GET', `/destinations/${ids[1]}`);
	expect(got.body.data.destination.metadata.slug).toEqual(expect.any(String));
});

test('deleting many entities keeps listing right (tombstones are compacted)', async () => {
	const ids = sb.bulk('warehouses', 300);
	for (let i = 0; i < 250; i++) await call('DELETE', `/warehouses/${ids[i]}`);
	const answer = await call('GET', '/warehouses?pagination.count=200');
	expect(answer.body.data.warehouses.map((w) => w.id)).toEqual(ids.slice(250));
	expect(answer.body.data.pagination.totalEntries).toBe(50);
});

test('bulk checks its input', () => {
	expect(() => sb.bulk('widgets', 1)).toThrow(TypeError);
	expect(() => sb.bulk('warehouses', 1.5)).toThrow(TypeError);
	expect(sb.bulk('warehouses', 0)).toEqual([]);
});
