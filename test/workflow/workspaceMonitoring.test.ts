/**
 * Workspace > Get, Get Audit Events, Get Event Volume, Get Usage (SPEC §4.12): on the wire
 * (dates as ISO 8601, lists as groupBy[0]=…, the last 24 hours when left empty) and in the items
 * (one per event, entry or day; counts as numbers; a cut volume result says so).
 */
import { getGlobalState, type IDataObject, type INodeParameters } from 'n8n-workflow';

import { calls, jsonOf, runSegment, segmentApi, type Sandbox } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

interface MonitoringSandbox extends Sandbox {
	setEventVolume(spec: IDataObject): { keys: number; minutes: number };
	addAuditEvents(events: IDataObject[]): IDataObject[];
	auditEvents(): IDataObject[];
	workspaceId(region?: string): string;
}

const sandbox = useSandbox({ seed: true, eventVolumeWindowMs: 2500 }) as MonitoringSandbox;
beforeEach(() => sandbox.reset());

const HOUR = 3600_000;
const workspaceOp = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'workspace', operation, ...extra });
const query = (index = 0) => sandbox.requests[index].query as Record<string, string>;
const sourceNamed = (name: string) => String(sandbox.entities('sources').find((source) => source.name === name)!.id);
const near = (iso: string, expectedMs: number) => expect(Math.abs(Date.parse(iso) - expectedMs)).toBeLessThan(5000);

it('Get: GET / and the workspace as the item', async () => {
	const result = await runSegment(sandbox, workspaceOp('get'), { items: [{}, {}] });
	expect(jsonOf(result)).toEqual([0, 1].map(() => ({ id: sandbox.workspaceId('us'), slug: 'sandbox-workspace-us', name: 'Sandbox Workspace US' })));
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(calls(sandbox)).toEqual(['GET /', 'GET /']);
	expect(sandbox.requests[0].segmentPath).toBe('/');
});

describe('Get Audit Events', () => {
	it('empty dates: the last 24 hours (no endTime sent); one item per event, newest first', async () => {
		await segmentApi(sandbox, 'PATCH', `/sources/${sourceNamed('Mobile App')}`, { enabled: false });
		sandbox.clearRequests();
		const events = jsonOf(await runSegment(sandbox, workspaceOp('getAuditEvents')));
		expect(calls(sandbox)).toEqual(['GET /audit-events']);
		expect(Object.keys(query()).sort()).toEqual(['pagination.count', 'startTime']);
		near(query().startTime, Date.now() - 24 * HOUR);
		expect(query()['pagination.count']).toBe('50');
		// The demo's trail of the last day (Tom's warehouse of 30 hours ago is older) and the change just made.
		expect(events.map((event) => [event.type, event.resourceName])).toEqual([
			['Source Disabled', 'Mobile App'],
			['Integrations Modified', 'Salesforce'],
			['Integrations Disabled', 'Amplitude'],
			['Source Modified', 'Mobile App'],
		]);
		expect(events[1]).toEqual({ id: expect.any(String), timestamp: expect.any(String), type: 'Integrations Modified', actor: 'Tom Lee', actorEmail: 'tom.lee@example.com', resourceId: expect.any(String), resourceType: 'destination', resourceName: 'Salesforce' });
	});

	it('dates, filters and paging on the wire: Return All walks the cursors; Limit and Offset as Get Many', async () => {
		const base = Date.parse('2026-01-05T00:00:00Z');
		sandbox.addAuditEvents(Array.from({ length: 450 }, (_, i) => ({ timestamp: base + i * 1000, type: 'Source Modified', resourceType: 'source', resourceId: 's1', resourceName: 'S' })));
		const window = { startTime: '2026-01-04T00:00:00Z', endTime: '2026-01-06T00:00:00.000Z', filters: { resourceType: 'source', resourceId: 's1' } };
		const all = jsonOf(await runSegment(sandbox, workspaceOp('getAuditEvents', { ...window, returnAll: true })));
		expect(all).toHaveLength(450);
		expect(calls(sandbox)).toEqual(['GET /audit-events', 'GET /audit-events', 'GET /audit-events']);
		expect(query(0)).toEqual({ startTime: '2026-01-04T00:00:00Z', endTime: '2026-01-06T00:00:00Z', resourceType: 'source', resourceId: 's1', 'pagination.count': '200' });
		expect(query(1)['pagination.cursor']).toEqual(expect.any(String));
		sandbox.clearRequests();
		const some = jsonOf(await runSegment(sandbox, workspaceOp('getAuditEvents', { ...window, limit: 5, offset: 10 })));
		expect(some.map((event) => event.timestamp)).toEqual(all.slice(10, 15).map((event) => event.timestamp));
		expect(query()['pagination.count']).toBe('15');
	});

	it('a time without an offset is in the workflow\'s time zone; a DateTime from an expression works too', async () => {
		await runSegment(sandbox, workspaceOp('getAuditEvents', { startTime: '2026-03-01T09:30:00', endTime: '={{ DateTime.fromISO("2026-03-02T00:00:00Z") }}' }));
		const zone = getGlobalState().defaultTimezone;
		const local = new Date(new Date('2026-03-01T09:30:00Z').toLocaleString('en-US', { timeZone: 'UTC' }));
		const offsetMs = local.getTime() - new Date(new Date('2026-03-01T09:30:00Z').toLocaleString('en-US', { timeZone: zone })).getTime();
		expect(query().startTime).toBe(new Date(Date.parse('2026-03-01T09:30:00Z') + offsetMs).toISOString().replace('.000Z', 'Z'));
		expect(query().endTime).toBe('2026-03-02T00:00:00Z');
	});
});

describe('Get Event Volume', () => {
	it('empty: HOUR over the 24 hours ending one minute before now; grouped by source the quiet Mobile App shows', async () => {
		const items = jsonOf(await runSegment(sandbox, workspaceOp('getEventVolume', { groupBy: ['source'] })));
		expect(calls(sandbox)).toEqual(['GET /events/volume']);
		const sent = query();
		expect(sent).toEqual({ granularity: 'HOUR', startTime: expect.any(String), endTime: expect.any(String), 'groupBy[0]': 'source' });
		near(sent.endTime, Date.now() - 60_000);
		expect(Date.parse(sent.endTime) - Date.parse(sent.startTime)).toBe(24 * HOUR);
		// Largest total first: Mobile App sent 15 a minute until two hours ago, Backend Events 5 all day.
		expect(items.map((item) => (item.source as IDataObject).name)).toEqual(['Website Analytics', 'Mobile App', 'Backend Events']);
		const mobile = items[1];
		const series = mobile.series as Array<{ count: number }>;
		expect(series.slice(-1)[0].count).toBe(0);
		expect(mobile).not.toHaveProperty('truncated');
	});

	it('groups, filters and granularity as Segment\'s query lists (groupBy[0], sourceId[0], eventName[0], eventType[0])', async () => {
		const website = sourceNamed('Website Analytics');
		const items = jsonOf(await runSegment(sandbox, workspaceOp('getEventVolume', {
			granularity: 'MINUTE',
			startTime: '={{ $now.minus({ minutes: 30 }).toISO() }}',
			endTime: '={{ $now.minus({ minutes: 1 }).toISO() }}',
			groupBy: ['eventName', 'eventType'],
			filters: { sourceIds: [website], eventNames: 'Page Viewed, Order Completed', eventTypes: ['page', 'track'] },
		})));
		expect(query()).toMatchObject({ granularity: 'MINUTE', 'groupBy[0]': 'eventName', 'groupBy[1]': 'eventType', 'sourceId[0]': website, 'eventName[0]': 'Page Viewed', 'eventName[1]': 'Order Completed', 'eventType[0]': 'page', 'eventType[1]': 'track' });
		expect(items.map((item) => [item.eventName, item.eventType, item.total])).toEqual([['Page Viewed', 'page', 40 * 29], ['Order Completed', 'track', 3 * 29]]);
		// A bucket per minute from the start (its first one partly outside the window).
		expect((items[0].series as unknown[]).length).toBeGreaterThanOrEqual(29);
	});

	it('a result cut at 5,000 entries says so on every item', async () => {
		const website = sourceNamed('Backend Events');
		const end = Date.now() - 120_000;
		for (let i = 0; i < 5003; i++) sandbox.setEventVolume({ sourceId: website, eventName: `Event ${i}`, from: end - 60_000, to: end, perMinute: 1 });
		const items = jsonOf(await runSegment(sandbox, workspaceOp('getEventVolume', { groupBy: ['eventName'] })));
		expect(items).toHaveLength(5000);
		expect(items.every((item) => item.truncated === true)).toBe(true);
	});

	it('60 items in one execution: 60 calls, none refused by Segment\'s 60 a minute', async () => {
		const many = await runSegment(sandbox, workspaceOp('getEventVolume', { granularity: 'DAY' }), { items: Array.from({ length: 60 }, () => ({})) });
		expect(jsonOf(many)).toHaveLength(60);
		expect(sandbox.requests.map((request) => request.status)).toEqual(Array(60).fill(200));
	});

	it('a 429 caused by someone else (the window used up outside this run) is waited out, then answered', async () => {
		// The sandbox's window is 2.5 s here; 60 calls of another client use it up.
		const query = `/events/volume?granularity=DAY&startTime=${new Date(Date.now() - HOUR).toISOString()}&endTime=${new Date().toISOString()}`;
		await Promise.all(Array.from({ length: 60 }, () => segmentApi(sandbox, 'GET', query)));
		sandbox.clearRequests();
		const one = await runSegment(sandbox, workspaceOp('getEventVolume', { granularity: 'DAY' }));
		expect(jsonOf(one)).toHaveLength(1);
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 200]);
		const [refused, answered] = sandbox.requests as unknown as Array<{ time: number }>;
		expect(answered.time - refused.time).toBeGreaterThanOrEqual(500);
	});
});

describe('Get Usage', () => {
	const month = new Date().toISOString().slice(0, 7);

	it('MTU of this month (empty Period): one item per day, text counts as numbers', async () => {
		const items = jsonOf(await runSegment(sandbox, workspaceOp('getUsage', { returnAll: true })));
		expect(calls(sandbox)).toEqual(['GET /usage/mtu/daily']);
		expect(query()).toEqual({ period: `${month}-01`, 'pagination.count': '200' });
		expect(items).toHaveLength(new Date().getUTCDate());
		const last = items[items.length - 1];
		expect(last).toEqual({ periodStart: expect.any(Number), periodEnd: expect.any(Number), anonymous: expect.any(Number), anonymousIdentified: expect.any(Number), identified: expect.any(Number), neverIdentified: expect.any(Number), timestamp: expect.any(String) });
		expect(last.anonymous).toBeGreaterThan(0);
	});

	it('API calls per source of a given month: /usage/api-calls/sources/daily, period sent as the first day', async () => {
		const items = jsonOf(await runSegment(sandbox, workspaceOp('getUsage', { metric: 'apiCalls', perSource: true, period: '2025-02', returnAll: true })));
		expect(calls(sandbox)).toEqual(['GET /usage/api-calls/sources/daily']);
		expect(query().period).toBe('2025-02-01');
		expect(items).toHaveLength(28 * sandbox.entities('sources').length);
		expect(items[0]).toEqual({ sourceId: expect.any(String), apiCalls: 0, timestamp: '2025-02-01T00:00:00Z' });
		sandbox.clearRequests();
		await runSegment(sandbox, workspaceOp('getUsage', { period: '={{ DateTime.fromISO("2025-07-19T12:00:00Z") }}', limit: 3 }));
		expect(query()).toEqual({ period: '2025-07-01', 'pagination.count': '3' });
	});
});
