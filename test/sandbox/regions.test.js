'use strict';
// US and EU are two workspaces with separate data, reached through the same proxy.
const { startSandbox } = require('../../sandbox');
const { client, catalogId, SETTINGS } = require('./helpers');

let sb;
let us;
let eu;
beforeAll(async () => {
	sb = await startSandbox();
	us = client(sb);
	eu = client(sb, { region: 'eu' });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

test('what is created in one region is invisible in the other', async () => {
	const created = await eu('POST', '/warehouses', { metadataId: catalogId(sb, 'warehouses', 'snowflake'), settings: SETTINGS.snowflake, name: 'EU', enabled: true });
	expect(created.status).toBe(200);
	const id = created.body.data.warehouse.id;
	expect(created.body.data.warehouse.workspaceId).toBe(sb.workspaceId('eu'));
	expect(sb.workspaceId('eu')).not.toBe(sb.workspaceId('us'));
	expect((await us('GET', `/warehouses/${id}`)).status).toBe(404);
	expect((await eu('GET', `/warehouses/${id}`)).status).toBe(200);
	expect((await us('GET', '/warehouses?pagination.count=10')).body.data.pagination.totalEntries).toBe(0);
	expect((await eu('GET', '/warehouses?pagination.count=10')).body.data.pagination.totalEntries).toBe(1);
	expect(sb.entities('warehouses', 'us')).toEqual([]);
	expect(sb.entities('warehouses', 'eu').map((w) => w.id)).toEqual([id]);
	expect((await us('DELETE', `/warehouses/${id}`)).status).toBe(404);
});

test('labels are per workspace', async () => {
	await eu('POST', '/labels', { label: { key: 'platform', value: 'web' } });
	expect((await us('GET', '/labels')).body).toEqual({ data: { labels: [] } });
	expect((await eu('GET', '/labels')).body).toEqual({ data: { labels: [{ key: 'platform', value: 'web' }] } });
});

test('bulk goes to the region asked for', () => {
	sb.bulk('sources', 3, { region: 'eu' });
	expect(sb.entities('sources', 'eu')).toHaveLength(3);
	expect(sb.entities('sources')).toHaveLength(0);
});

test('the log tells the regions apart', async () => {
	await us('GET', '/labels');
	await eu('GET', '/labels');
	expect(sb.requests.map((r) => [r.region, r.segmentPath])).toEqual([['us', '/labels'], ['eu', '/labels']]);
});

test('unknown regions are refused by the module API', () => {
	expect(() => sb.entities('warehouses', 'ap')).toThrow(TypeError);
	expect(() => sb.bulk('warehouses', 1, { region: 'ap' })).toThrow(TypeError);
	expect(() => sb.labels('ap')).toThrow(TypeError);
	expect(() => sb.entities('workspaces')).toThrow(TypeError);
});
