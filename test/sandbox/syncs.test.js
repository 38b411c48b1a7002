'use strict';
// GET /warehouses/{id}/syncs: a warehouse's sync reports, paged, and the endpoint's own
// per-minute limit (Segment allows 2 calls a minute; the sandbox only when syncsPerMinute is set).
const { startSandbox } = require('../../sandbox');
const { WindowLimiter } = require('../../sandbox/rate-limit');
const { client, warehouseBody, catalogId, useSandbox } = require('./helpers');

const sb = useSandbox({ seed: true });
const call = client(sb);

const REPORT_KEYS = ['count', 'duration', 'end', 'humanDuration', 'notices', 'sourceId', 'start', 'status'];

test('seeded reports come in Segment\'s shape, in the order added', async () => {
	const [redshift] = sb.entities('warehouses');
	const answer = await call('GET', `/warehouses/${redshift.id}/syncs?pagination.count=10`);
	expect(answer.status).toBe(200);
	expect(answer.headers.get('x-ratelimit-remaining')).toBe('1000');
	const { reports, pagination } = answer.body.data;
	expect(pagination).toEqual({ current: expect.any(String), totalEntries: 3 });
	expect(reports).toEqual(sb.syncReports(redshift.id));
	for (const report of reports) {
		expect(Object.keys(report).sort()).toEqual(REPORT_KEYS);
		expect(Date.parse(report.start)).toBeLessThan(Date.now());
	}
	expect(reports.map((r) => r.status)).toEqual(['SUCCESS', 'SUCCESS', 'FAILED']);
	expect(reports[2].notices).toEqual([{ level: 'ERROR', message: expect.stringContaining('Load failed'), createdAt: reports[2].end }]);
	const [, bigquery] = sb.entities('warehouses');
	const running = (await call('GET', `/warehouses/${bigquery.id}/syncs?pagination.count=10`)).body.data.reports[0];
	expect(running).toMatchObject({ status: 'IN_PROGRESS', end: null });
});

test('sb.addSyncReports completes reports; pages walk them with cursors', async () => {
	const created = (await call('POST', '/warehouses', warehouseBody(sb))).body.data.warehouse;
	const [firstSource] = sb.entities('sources');
	const added = sb.addSyncReports(created.id, [
		{ status: 'SUCCESS', start: '2026-01-01T00:00:00.000Z', duration: 3725, count: 42 },
		{ status: 'FAILED', notices: [{ message: 'Disk full' }] },
		{ status: 'IN_PROGRESS' },
	]);
	expect(added[0]).toEqual({
		sourceId: firstSource.id, start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T01:02:05.000Z', status: 'SUCCESS',
		duration: 3725, humanDuration: '1h 2m 5s', count: 42, notices: [],
	});
	expect(added[2].end).toBeNull();
	const first = await call('GET', `/warehouses/${created.id}/syncs?pagination%5Bcount%5D=2`);
	expect(first.body.data.reports.map((r) => r.status)).toEqual(['SUCCESS', 'FAILED']);
	const next = first.body.data.pagination.next;
	const second = await call('GET', `/warehouses/${created.id}/syncs?pagination.count=2&pagination.cursor=${encodeURIComponent(next)}`);
	expect(second.body.data.reports.map((r) => r.status)).toEqual(['IN_PROGRESS']);
	expect(second.body.data.pagination).not.toHaveProperty('next');
});

test('a new warehouse has no reports; an unknown one 404; a deleted one loses them', async () => {
	const created = (await call('POST', '/warehouses', warehouseBody(sb))).body.data.warehouse;
	expect((await call('GET', `/warehouses/${created.id}/syncs?pagination.count=5`)).body.data).toEqual({ reports: [], pagination: { current: expect.any(String), totalEntries: 0 } });
	const missing = await call('GET', '/warehouses/nope/syncs?pagination.count=5');
	expect(missing.status).toBe(404);
	expect(missing.body).toEqual({ errors: [{ type: 'resource-not-found', message: 'Warehouse not found' }] });
	const [redshift] = sb.entities('warehouses');
	await call('DELETE', `/warehouses/${redshift.id}`);
	expect(sb.syncReports(redshift.id)).toEqual([]);
	expect((await call('GET', `/warehouses/${redshift.id}/syncs`)).body.errors[0].field).toBe('pagination.count');
});

test.each([
	[[{ status: 'DONE' }], /status/],
	[[{ start: 'yesterday' }], /start/],
	[[{ count: -1 }], /count/],
	[[{ duration: 'long' }], /duration/],
	['not an array', /array/],
])('sb.addSyncReports refuses %j', (reports, message) => {
	const [redshift] = sb.entities('warehouses');
	expect(() => sb.addSyncReports(redshift.id, reports)).toThrow(message);
});

test('sb.addSyncReports needs a known warehouse, and a sourceId when none is connected', async () => {
	expect(() => sb.addSyncReports('nope', [])).toThrow(TypeError);
	const lonely = (await call('POST', '/warehouses', warehouseBody(sb, { disconnectAllSources: true }))).body.data.warehouse;
	expect(() => sb.addSyncReports(lonely.id, [{}])).toThrow(/sourceId/);
	expect(sb.addSyncReports(lonely.id, [{ sourceId: 'any' }])[0].sourceId).toBe('any');
	const eu = sb.entities('warehouses', 'eu')[0];
	expect(sb.addSyncReports(eu.id, [{}], { region: 'eu' })).toHaveLength(1);
	expect(sb.syncReports(eu.id, { region: 'eu' })).toHaveLength(2);
});

describe('syncsPerMinute', () => {
	let limited;
	beforeAll(async () => {
		limited = await startSandbox({ seed: true, syncsPerMinute: 2 });
	});
	afterAll(() => limited.close());
	beforeEach(() => limited.reset());

	test('the third call in a window answers 429 with Segment\'s body and headers', async () => {
		const limitedCall = client(limited);
		const path = `/warehouses/${limited.entities('warehouses')[0].id}/syncs?pagination.count=5`;
		const first = await limitedCall('GET', path);
		expect(first.status).toBe(200);
		expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
		expect((await limitedCall('GET', path)).headers.get('x-ratelimit-remaining')).toBe('0');
		const refused = await limitedCall('GET', path);
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({
			errors: [{ type: 'RequestError', message: 'Too many requests', data: { msBeforeNext: expect.any(Number), remainingPoints: 0, consumedPoints: 3, isFirstInDuration: false } }],
		});
		const wait = refused.body.errors[0].data.msBeforeNext;
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(60000);
		expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(Date.parse(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Date.now() - 1000);
		// Other endpoints are not limited.
		expect((await limitedCall('GET', '/warehouses?pagination.count=5')).status).toBe(200);
	});

	test('windows are fixed: the first call opens one, calls after its end open the next (clock given)', () => {
		const limiter = new WindowLimiter(2, 60000);
		expect(limiter.take('us', 1000)).toEqual({ allowed: true, remaining: 1, resetInMs: 60000, consumed: 1 });
		expect(limiter.take('us', 31000)).toEqual({ allowed: true, remaining: 0, resetInMs: 30000, consumed: 2 });
		expect(limiter.take('us', 60999)).toEqual({ allowed: false, remaining: 0, resetInMs: 1, consumed: 3 });
		expect(limiter.take('us', 61000)).toEqual({ allowed: true, remaining: 1, resetInMs: 60000, consumed: 1 });
		expect(new WindowLimiter(null, 60000).take('us', 0)).toEqual({ allowed: true, unlimited: true });
	});

	test('each workspace has its own window; reset() opens a new one; the wrapped form keeps the 429', async () => {
		const path = (region) => `/warehouses/${limited.entities('warehouses', region)[0].id}/syncs?pagination.count=5`;
		const us = client(limited);
		await us('GET', path('us'));
		await us('GET', path('us'));
		expect((await us('GET', path('us'))).status).toBe(429);
		expect((await client(limited, { region: 'eu' })('GET', path('eu'))).status).toBe(200);
		const wrapped = await client(limited, { raw: false })('GET', path('us'));
		expect(wrapped.status).toBe(429);
		expect(wrapped.body.output.errors[0].message).toBe('Too many requests');
		limited.reset();
		expect((await us('GET', path('us'))).status).toBe(200);
	});
});

test('unlimited by default: many calls in a row all succeed', async () => {
	const [redshift] = sb.entities('warehouses');
	for (let i = 0; i < 5; i++) expect((await call('GET', `/warehouses/${redshift.id}/syncs?pagination.count=1`)).status).toBe(200);
	expect(catalogId(sb, 'warehouses', 'redshift')).toBe(redshift.metadata.id);
});
