/** Workspace Changed: the audit trail, polled as an active workflow polls it, against the sandbox's audit trail. */
import type { IDataObject } from 'n8n-workflow';

import { emitted, stateBytes, useClock, watch } from '../helpers/trigger';
import { useSandbox } from '../helpers/useSandbox';
import { calls, catalogId, segmentApi, type Sandbox } from '../helpers/world';

const sandbox = useSandbox();
const clock = useClock();
const MINUTE = 60_000;

beforeEach(() => sandbox.reset());

interface AuditSandbox extends Sandbox {
	addAuditEvents(events: IDataObject[]): IDataObject[];
}
const audit = () => sandbox as unknown as AuditSandbox;

/** Audit entries by a person, `agoMs` before now each. */
function addEvents(...agoMs: number[]): IDataObject[] {
	return audit().addAuditEvents(agoMs.map((ago, n) => ({ type: 'Source Modified', resourceType: 'source', resourceId: `src_${n}`, resourceName: `Source ${n}`, actor: 'jane@example.com', actorEmail: 'jane@example.com', timestamp: clock.iso(-ago) })));
}

test('the first poll only remembers; changes made through the API are emitted once, oldest first, as Segment records them', async () => {
	addEvents(30 * MINUTE, 2 * MINUTE); // before the trigger: one within its 5-minute lookback
	const trigger = watch(sandbox, { event: 'auditEvent' });
	expect(await trigger.activate()).toBeNull();
	expect(sandbox.requests.map((request) => [request.segments.join('/'), request.query])).toEqual([['audit-events', { 'pagination.count': '200', startTime: '2026-03-02T09:55:00Z' }]]); // 5 minutes before the start (10:00)

	clock.advance(MINUTE);
	const created = (await segmentApi(sandbox, 'POST', '/sources', { slug: 'checkout', enabled: true, metadataId: catalogId(sandbox, 'sources', 'javascript') })).source as IDataObject;
	clock.advance(1000);
	await segmentApi(sandbox, 'PATCH', `/sources/${String(created.id)}`, { name: 'Checkout' });
	clock.advance(MINUTE);
	sandbox.clearRequests();
	const items = emitted(await trigger.poll());
	expect(calls(sandbox)).toEqual(['GET /audit-events']);
	expect(items).toEqual([
		{ id: expect.any(String), timestamp: clock.iso(-MINUTE - 1000), type: 'Source Created', actor: expect.stringMatching(/^Public API token/), resourceId: created.id, resourceType: 'source', resourceName: 'checkout' },
		{ id: expect.any(String), timestamp: clock.iso(-MINUTE), type: 'Source Modified', actor: expect.stringMatching(/^Public API token/), resourceId: created.id, resourceType: 'source', resourceName: 'Checkout' },
	]);

	for (let poll = 0; poll < 6; poll++) {
		clock.advance(MINUTE);
		expect(await trigger.poll()).toBeNull(); // the two are still inside the lookback: read again, not emitted again
	}
});

test('Resource Types and Event Types pick what is emitted (any case); the rest is never emitted later either', async () => {
	const trigger = watch(sandbox, { event: 'auditEvent', resourceTypes: 'Warehouse, destination', eventTypes: 'warehouses created' });
	await trigger.activate();
	clock.advance(MINUTE);
	audit().addAuditEvents([
		{ type: 'Warehouses Created', resourceType: 'warehouse', resourceId: 'wh_1', resourceName: 'W', timestamp: clock.iso(-3000) },
		{ type: 'Warehouses Deleted', resourceType: 'warehouse', resourceId: 'wh_2', resourceName: 'W2', timestamp: clock.iso(-2000) },
		{ type: 'Source Created', resourceType: 'source', resourceId: 'src_1', resourceName: 'S', timestamp: clock.iso(-1000) },
	]);
	expect(emitted(await trigger.poll()).map((item) => item.resourceId)).toEqual(['wh_1']);
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
});

test('an entry Segment records late (its time already passed) is still emitted, once', async () => {
	const trigger = watch(sandbox, { event: 'auditEvent' });
	await trigger.activate();
	clock.advance(MINUTE);
	const [first] = addEvents(1000);
	expect(emitted(await trigger.poll()).map((item) => item.id)).toEqual([first.id]);
	clock.advance(MINUTE);
	const [late] = addEvents(2 * MINUTE); // older than the last poll
	expect(emitted(await trigger.poll()).map((item) => item.id)).toEqual([late.id]);
});

test('pages: 450 changes in a minute are read in 3 pages and each emitted once', async () => {
	const trigger = watch(sandbox, { event: 'auditEvent' });
	await trigger.activate();
	clock.advance(MINUTE);
	const added = addEvents(...Array.from({ length: 450 }, (_v, n) => 50_000 - n * 100));
	sandbox.clearRequests();
	const items = emitted(await trigger.poll());
	expect(calls(sandbox)).toEqual(['GET /audit-events', 'GET /audit-events', 'GET /audit-events']);
	expect(items.map((item) => item.id)).toEqual(added.map((event) => event.id));
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
});

test('a poll that fails (Segment down after retries) changes nothing: the next one emits the entries once', async () => {
	const trigger = watch(sandbox, { event: 'auditEvent' });
	await trigger.activate();
	clock.advance(MINUTE);
	addEvents(5000, 4000);
	sandbox.addFault({ method: 'GET', path: '/audit-events', status: 503, times: Infinity });
	const failed = await trigger.poll();
	expect(failed?.error?.message).toBe('Segment had a server error (503)');
	sandbox.clearFaults();
	clock.advance(MINUTE);
	expect(emitted(await trigger.poll())).toHaveLength(2);
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
});

test('10,000 entries a day: the state stays small; a burst of 5,000 in a minute is emitted once and remembered in under 64 KB', async () => {
	const trigger = watch(sandbox, { event: 'auditEvent' });
	await trigger.activate();
	let total = 0;
	let largest = 0;
	for (let minute = 0; minute < 60; minute++) {
		clock.advance(MINUTE);
		addEvents(...Array.from({ length: 7 }, (_v, n) => 59_000 - n * 8000)); // 7 a minute: 10,080 a day
		total += emitted(await trigger.poll()).length;
		largest = Math.max(largest, stateBytes(trigger));
	}
	expect(total).toBe(420);
	expect(largest).toBeLessThan(4 * 1024);

	clock.advance(MINUTE);
	addEvents(...Array.from({ length: 5000 }, (_v, n) => 59_000 - n * 10));
	expect(emitted(await trigger.poll())).toHaveLength(5000);
	expect(stateBytes(trigger)).toBeLessThan(64 * 1024);
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
}, 60_000);

test('Fetch Test Event answers with the newest matching entry, or says none matches yet', async () => {
	const trigger = watch(sandbox, { event: 'auditEvent', eventTypes: 'Source Deleted' });
	await expect(trigger.fetchTestEvent()).rejects.toThrow('The workspace has no audit events yet');
	addEvents(3000, 2000);
	await expect(trigger.fetchTestEvent()).rejects.toThrow('No audit event of type source deleted among the newest 2 of the workspace yet');
	audit().addAuditEvents([{ type: 'Source Deleted', resourceType: 'source', resourceId: 'src_9', resourceName: 'Old', timestamp: clock.iso(-1000) }]);
	const answer = await trigger.fetchTestEvent();
	expect(answer?.[0].map((item) => item.json)).toEqual([expect.objectContaining({ type: 'Source Deleted', resourceId: 'src_9' })]);
});
