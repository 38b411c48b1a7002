'use strict';
// GET /audit-events: every change made through the API is recorded (create, update, delete of
// each resource kind, with the token's actor and the resource), newest first, filtered and paged.
const { recordAudit } = require('../../sandbox/audit');
const { client, warehouseBody, catalogId, useSandbox, validation } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

const trail = async (query = '') => (await call('GET', `/audit-events?pagination.count=200${query}`)).body.data.events;
const summary = (events) => events.map((e) => [e.type, e.resourceType, e.resourceName]);

test('creates, updates and deletes of warehouses, sources, destinations, filters and labels are recorded, newest first', async () => {
	const warehouse = (await call('POST', '/warehouses', warehouseBody(sb))).body.data.warehouse;
	const source = (await call('POST', '/sources', { slug: 'web', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') })).body.data.source;
	await call('PATCH', `/sources/${source.id}`, { name: 'Website' });
	await call('PATCH', `/sources/${source.id}`, { enabled: false });
	await call('PATCH', `/warehouses/${warehouse.id}`, { enabled: false, settings: {} });
	await call('POST', '/labels', { label: { key: 'platform', value: 'web' } });
	await call('PUT', `/sources/${source.id}/labels`, { labels: [{ key: 'platform', value: 'web' }] });
	await call('DELETE', `/warehouses/${warehouse.id}/connected-sources/${source.id}`);
	await call('DELETE', `/warehouses/${warehouse.id}/connected-sources/${source.id}`); // no change: not recorded
	const destination = (await call('POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sb, 'destinations', 'slack'), settings: {}, enabled: true })).body.data.destination;
	const filter = (await call('POST', `/destination/${destination.id}/filters`, { sourceId: source.id, if: 'all', actions: [{ type: 'DROP' }], title: 'Drop all', enabled: true })).body.data.filter;
	await call('PATCH', `/destination/${destination.id}/filters/${filter.id}`, { enabled: false });
	await call('DELETE', `/destination/${destination.id}/filters/${filter.id}`);
	await call('DELETE', `/sources/${source.id}`); // takes its destination with it
	await call('POST', '/warehouses', { metadataId: 'nope', settings: {} }); // refused: not recorded

	const events = await trail();
	expect(summary(events).reverse()).toEqual([
		['Warehouses Created', 'warehouse', 'My Data Warehouse'],
		['Source Created', 'source', 'web'],
		['Source Modified', 'source', 'Website'],
		['Source Disabled', 'source', 'Website'],
		['Warehouses Disabled', 'warehouse', 'My Data Warehouse'],
		['Label Created', 'label', 'platform:web'],
		['Source Modified', 'source', 'Website'],
		['Warehouses Modified', 'warehouse', 'My Data Warehouse'],
		['Integrations Created', 'destination', 'Slack'],
		['Destination Filters Created', 'destination_filter', 'Drop all'],
		['Destination Filters Modified', 'destination_filter', 'Drop all'],
		['Destination Filters Deleted', 'destination_filter', 'Drop all'],
		['Integrations Deleted', 'destination', 'Slack'],
		['Source Deleted', 'source', 'Website'],
	]);
	for (const event of events) {
		expect(Object.keys(event)).toEqual(['id', 'timestamp', 'type', 'actor', 'resourceId', 'resourceType', 'resourceName']);
		expect(event.actor).toBe('Public API token (sandbox-user-credential-1)');
	}
	expect(events.find((e) => e.type === 'Source Created').resourceId).toBe(source.id);
	expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
	expect(sb.auditEvents().map((e) => e.id)).toEqual(events.map((e) => e.id));
});

test('filters: resourceType (any case), resourceId, startTime inclusive and endTime exclusive', async () => {
	const events = sb.addAuditEvents([
		{ timestamp: '2026-01-01T10:00:00Z', type: 'Source Created', resourceType: 'source', resourceId: 's1', resourceName: 'One', actor: 'Jane Doe', actorEmail: 'jane@example.com' },
		{ timestamp: '2026-01-01T11:00:00Z', type: 'Source Modified', resourceType: 'source', resourceId: 's2', resourceName: 'Two' },
		{ timestamp: '2026-01-01T12:00:00Z', type: 'Warehouses Modified', resourceType: 'warehouse', resourceId: 'w1', resourceName: 'W' },
	]);
	expect(events[0]).toEqual({ id: expect.any(String), timestamp: '2026-01-01T10:00:00.000Z', type: 'Source Created', actor: 'Jane Doe', actorEmail: 'jane@example.com', resourceId: 's1', resourceType: 'source', resourceName: 'One' });
	expect(events[1].actor).toBe('Public API token (sandbox-user-credential-1)');
	expect((await trail('&resourceType=SOURCE')).map((e) => e.resourceId)).toEqual(['s2', 's1']);
	expect((await trail('&resourceId=w1')).map((e) => e.resourceId)).toEqual(['w1']);
	expect((await trail('&startTime=2026-01-01T11:00:00Z&endTime=2026-01-01T12:00:00Z')).map((e) => e.resourceId)).toEqual(['s2']);
	expect((await trail('&startTime=2026-01-01T10:30:00.000%2B00:00')).map((e) => e.resourceId)).toEqual(['w1', 's2']);
});

test('pages walk the trail; a cursor keeps its first page\'s end, so new entries never shift it', async () => {
	sb.addAuditEvents(Array.from({ length: 5 }, (_, i) => ({ timestamp: Date.now() - (10 - i) * 1000, type: 'Source Modified', resourceType: 'source', resourceId: `s${i}`, resourceName: `S${i}` })));
	const first = (await call('GET', '/audit-events?pagination.count=2')).body.data;
	expect(first.events.map((e) => e.resourceId)).toEqual(['s4', 's3']);
	expect(first.pagination.totalEntries).toBe(5);
	sb.addAuditEvents([{ type: 'Source Created', resourceType: 'source', resourceId: 'new', resourceName: 'New' }]);
	const second = (await call('GET', `/audit-events?pagination[count]=2&pagination[cursor]=${encodeURIComponent(first.pagination.next)}`)).body.data;
	expect(second.events.map((e) => e.resourceId)).toEqual(['s2', 's1']);
	const third = (await call('GET', `/audit-events?pagination.count=2&pagination.cursor=${encodeURIComponent(second.pagination.next)}`)).body.data;
	expect(third.events.map((e) => e.resourceId)).toEqual(['s0']);
	expect(third.pagination.next).toBeUndefined();
});

test('recordAudit is what other resources call: an entry of their own kind appears in the trail', async () => {
	const ws = { credentialId: 'sandbox-user-credential-1', auditEvents: [] };
	const event = recordAudit(ws, { type: 'Tracking Plan Created', resourceType: 'tracking_plan', resourceId: 'tp_1', resourceName: 'Plan' });
	expect(ws.auditEvents).toEqual([event]);
	expect(event).toMatchObject({ type: 'Tracking Plan Created', actor: 'Public API token (sandbox-user-credential-1)', resourceType: 'tracking_plan' });
	expect(() => recordAudit(ws, { type: 'X' })).toThrow('Invalid audit event: resourceType must be a non-empty string');
});

test.each([
	['?pagination.count=10&startTime=yesterday', 'startTime must be an ISO 8601 date-time, e.g. 2026-11-03T10:00:00Z', 'startTime'],
	['?pagination.count=10&endTime=2026-01-01', 'endTime must be an ISO 8601 date-time, e.g. 2026-11-03T10:00:00Z', 'endTime'],
	['?pagination.count=10&startTime=2026-01-02T00:00:00Z&endTime=2026-01-01T00:00:00Z', 'startTime must be before endTime', 'startTime'],
	['', 'pagination.count is required', 'pagination.count'],
	['?pagination.count=10&type=Source%20Created', 'Unknown query parameter: type', 'type'],
])('GET /audit-events%s answers 400', async (query, message, field) => {
	const answer = await call('GET', `/audit-events${query}`);
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation(message, field)] });
});

test('POST /__sandbox/audit-events adds entries to another user\'s workspace; each workspace has its own trail', async () => {
	const response = await fetch(`${sb.url}/__sandbox/audit-events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events: [{ type: 'Source Deleted', resourceType: 'source', resourceId: 'x', resourceName: 'X' }], region: 'eu' }) });
	expect(response.status).toBe(200);
	expect((await response.json()).events[0]).toMatchObject({ type: 'Source Deleted', resourceId: 'x' });
	expect(sb.auditEvents({ region: 'eu' }).map((e) => e.resourceId)).toEqual(['x']);
	expect(await trail()).toEqual([]);
	const bad = await fetch(`${sb.url}/__sandbox/audit-events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events: [{ type: 'X', resourceType: 'source', resourceId: 'x', timestamp: 'soon' }] }) });
	expect(bad.status).toBe(400);
	expect((await bad.json()).message).toBe('Invalid audit event: timestamp must be an ISO date-time or epoch milliseconds');
});
