/** Destination Delivery Failing: failed deliveries in the sandbox's delivery overview, polled as an active workflow polls it. */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { emitted, useClock, watch } from '../helpers/trigger';
import { useSandbox } from '../helpers/useSandbox';
import { calls, type Sandbox } from '../helpers/world';

const sandbox = useSandbox();
const clock = useClock();
const MINUTE = 60_000;

beforeEach(() => sandbox.reset());

interface DeliverySandbox extends Sandbox {
	setDeliveryCounts(spec: IDataObject): unknown;
}
/** The destination fails `perMinute` deliveries a minute over [now + fromMs, now + toMs). */
function failures(destinationId: string, perMinute: number, fromMs: number, toMs: number) {
	(sandbox as unknown as DeliverySandbox).setDeliveryCounts({ step: 'failed-delivery', destinationId, discardReason: 'Unauthorized', perMinute, from: clock.now() + fromMs, to: clock.now() + toMs });
}


function destination(): { destinationId: string; sourceId: string } {
	const [destinationId] = sandbox.bulk('destinations', 1);
	const entity = sandbox.entities('destinations').find((candidate) => candidate.id === destinationId) as IDataObject;
	return { destinationId, sourceId: String(entity.sourceId) };
}

test('the destination\'s own source read once; one request a poll; a failing destination is emitted once per incident', async () => {
	const { destinationId, sourceId } = destination();
	const trigger = watch(sandbox, { event: 'deliveryFailing', destinationId: rl(destinationId) });
	expect(await trigger.activate()).toBeNull();
	expect(calls(sandbox)).toEqual([`GET /destinations/${destinationId}`, 'GET /delivery-overview/failed-delivery']);
	expect(sandbox.requests[1].query).toEqual({ sourceId, destinationConfigId: destinationId, granularity: 'MINUTE', startTime: '2026-03-02T08:59:00Z', endTime: '2026-03-02T09:59:00Z' });

	failures(destinationId, 5, -3 * MINUTE, 10 * MINUTE);
	clock.advance(MINUTE);
	sandbox.clearRequests();
	expect(emitted(await trigger.poll())).toEqual([{ destinationId, sourceId, failed: 15, window: { start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z', minutes: 60 } }]);
	expect(calls(sandbox)).toEqual(['GET /delivery-overview/failed-delivery']);

	const later: number[] = [];
	for (let minute = 0; minute < 80; minute++) {
		clock.advance(MINUTE);
		later.push(emitted(await trigger.poll()).length);
	}
	expect(later.every((count) => count === 0)).toBe(true); // still failing for a while, then recovered: no news
	failures(destinationId, 1, -2 * MINUTE, MINUTE);
	clock.advance(MINUTE);
	expect(emitted(await trigger.poll())).toEqual([expect.objectContaining({ destinationId, failed: 2 })]); // a new incident
});

test('a source given, Minimum Failures and a window longer than an hour (whole hours)', async () => {
	const { destinationId, sourceId } = destination();
	const trigger = watch(sandbox, { event: 'deliveryFailing', destinationId: rl(destinationId), sourceId: rl(sourceId), windowMinutes: 120, minimumFailures: 100 });
	await trigger.activate();
	expect(calls(sandbox)).toEqual(['GET /delivery-overview/failed-delivery']);
	expect(sandbox.requests[0].query).toMatchObject({ granularity: 'HOUR', startTime: '2026-03-02T07:00:00Z', endTime: '2026-03-02T09:00:00Z' });
	failures(destinationId, 1, -90 * MINUTE, 0); // 08:30–10:00
	clock.advance(60 * MINUTE); // 11:00
	expect(await trigger.poll()).toBeNull(); // 90 failures in 08:00–10:00: below 100
	failures(destinationId, 2, -30 * MINUTE, 0); // 10:30–11:00
	expect(await trigger.poll()).toBeNull(); // the window moves a minute past the hour: still 08:00–10:00
	clock.advance(MINUTE);
	expect(emitted(await trigger.poll())).toEqual([{ destinationId, sourceId, failed: 60 + 60, window: { start: '2026-03-02T09:00:00Z', end: '2026-03-02T11:00:00Z', minutes: 120 } }]);
});

test('an unknown destination fails the activation, naming it', async () => {
	const trigger = watch(sandbox, { event: 'deliveryFailing', destinationId: rl('dst_gone') });
	await expect(trigger.activate()).rejects.toThrow('Destination dst_gone was not found');
});

test('Fetch Test Event answers with the failures now, or says the destination is not failing', async () => {
	const { destinationId, sourceId } = destination();
	const trigger = watch(sandbox, { event: 'deliveryFailing', destinationId: rl(destinationId), minimumFailures: 3 });
	await expect(trigger.fetchTestEvent()).rejects.toThrow(`Destination ${destinationId} has 0 failed deliveries in the last 60 minutes: not failing yet`);
	failures(destinationId, 4, -5 * MINUTE, 0);
	const answer = await trigger.fetchTestEvent();
	expect(answer?.[0].map((item) => item.json)).toEqual([expect.objectContaining({ destinationId, sourceId, failed: 16 })]);
});
