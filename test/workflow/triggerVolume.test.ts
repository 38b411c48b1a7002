/** Event Volume Dropped: sources going quiet in the sandbox's event volume, polled as an active workflow polls it. */
import type { IDataObject } from 'n8n-workflow';

import { emitted, useClock, watch } from '../helpers/trigger';
import { useSandbox } from '../helpers/useSandbox';
import { calls, type Sandbox } from '../helpers/world';

const sandbox = useSandbox();
const clock = useClock();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeEach(() => sandbox.reset());

interface VolumeSandbox extends Sandbox {
	setEventVolume(spec: IDataObject): unknown;
}
/** Sets a source's events per minute over [now + fromMs, now + toMs). */
function volume(sourceId: string, perMinute: number, fromMs: number, toMs: number) {
	(sandbox as unknown as VolumeSandbox).setEventVolume({ sourceId, eventName: 'Page Viewed', perMinute, from: clock.now() + fromMs, to: clock.now() + toMs });
}

/** Sources sending 10 events a minute from 8 days ago to 8 hours from now. */
function steadySources(count: number): string[] {
	const ids = sandbox.bulk('sources', count);
	for (const id of ids) volume(id, 10, -8 * 24 * HOUR, 8 * HOUR);
	return ids;
}

async function afterAMinute(trigger: ReturnType<typeof watch>) {
	clock.advance(MINUTE);
	return emitted(await trigger.poll());
}

test('one request a poll; a source that goes quiet is emitted once per incident, armed again when it recovers', async () => {
	const [, app, quietBefore] = steadySources(3);
	volume(quietBefore, 0, -3 * HOUR, 8 * HOUR); // already quiet when the trigger starts: not news
	const trigger = watch(sandbox, { event: 'volumeDropped' });
	expect(await trigger.activate()).toBeNull();
	const [request] = sandbox.requests;
	// Two windows by the minute (the one before shows a source that stopped), ending a minute ago.
	expect(request.query).toEqual({ granularity: 'MINUTE', startTime: '2026-03-02T07:59:00Z', endTime: '2026-03-02T09:59:00Z', 'groupBy[0]': 'source' });

	volume(app, 0, -61 * MINUTE, 30 * MINUTE);
	sandbox.clearRequests();
	expect(await afterAMinute(trigger)).toEqual([
		{
			sourceId: app,
			sourceName: 'Bulk Source 2',
			events: 0,
			reason: 'belowMinimum',
			minimumEvents: 1,
			previousWeekEvents: null,
			dropPercent: null,
			window: { start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z', minutes: 60 },
		},
	]);
	expect(calls(sandbox)).toEqual(['GET /events/volume']);

	const changes: string[][] = [];
	for (let minute = 0; minute < 100; minute++) changes.push((await afterAMinute(trigger)).map((item) => String(item.sourceId)));
	expect(changes.flat()).toEqual([]); // quiet 30 more minutes, then sending again: no news either way
	volume(app, 0, -61 * MINUTE, 10 * MINUTE);
	expect((await afterAMinute(trigger)).map((item) => item.sourceId)).toEqual([app]); // a new incident
	expect(trigger.executions).toHaveLength(2);
	expect(sandbox.requests.every((entry) => entry.segments.join('/') === 'events/volume')).toBe(true);
});

test('Minimum Events and picked sources: a picked source Segment has no count for sent nothing', async () => {
	const [busy, slow] = steadySources(2);
	volume(slow, 2, -8 * 24 * HOUR, 8 * HOUR);
	const [silent] = sandbox.bulk('sources', 1);
	const trigger = watch(sandbox, { event: 'volumeDropped', sourceIds: [busy, slow, silent], minimumEvents: 200 });
	await trigger.activate();
	expect(sandbox.requests[0].query).toMatchObject({ 'sourceId[0]': busy, 'sourceId[1]': slow, 'sourceId[2]': silent });
	expect(trigger.staticData.state).toEqual({ quiet: [slow, silent] }); // 120 and 0 events an hour: below 200 from the start
	volume(busy, 3, -61 * MINUTE, HOUR);
	expect(await afterAMinute(trigger)).toEqual([expect.objectContaining({ sourceId: busy, events: 180, reason: 'belowMinimum', minimumEvents: 200 })]);
});

test('Drop Percent: against the same hours a week earlier, counted by the hour', async () => {
	const [, falling] = steadySources(2);
	const trigger = watch(sandbox, { event: 'volumeDropped', dropPercent: 50 });
	await trigger.activate();
	expect(sandbox.requests[0].query).toMatchObject({ granularity: 'HOUR', startTime: '2026-02-23T08:00:00Z', endTime: '2026-03-02T09:00:00Z' });
	volume(falling, 4, -2 * HOUR, HOUR); // 240 an hour against 600 a week ago: a drop of 60 %
	clock.advance(HOUR);
	expect(emitted(await trigger.poll())).toEqual([
		expect.objectContaining({ sourceId: falling, events: 240, previousWeekEvents: 600, reason: 'dropped', dropPercent: 50, window: { start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z', minutes: 60 } }),
	]);
});

test('a poll that fails leaves the incident for the next one, which emits it once', async () => {
	const [only] = steadySources(1);
	const trigger = watch(sandbox, { event: 'volumeDropped' });
	await trigger.activate();
	volume(only, 0, -61 * MINUTE, HOUR);
	sandbox.addFault({ method: 'GET', path: '/events/volume', status: 401, body: { message: 'Paragon User Token expired.', code: 'TOKEN_EXPIRED', status: 401 } });
	clock.advance(MINUTE);
	expect((await trigger.poll())?.error?.message).toBe('The Paragon user token has expired');
	expect(trigger.staticData.state).toEqual({ quiet: [] });
	expect((await afterAMinute(trigger)).map((item) => item.sourceId)).toEqual([only]);
	expect(await afterAMinute(trigger)).toEqual([]);
});

test('Fetch Test Event answers with the quietest source below the minimum, or says none is', async () => {
	const [, second] = steadySources(2);
	const trigger = watch(sandbox, { event: 'volumeDropped', minimumEvents: 100 });
	await expect(trigger.fetchTestEvent()).rejects.toThrow('No source is below 100 events in the last 60 minutes yet');
	volume(second, 1, -61 * MINUTE, HOUR);
	const answer = await trigger.fetchTestEvent();
	expect(answer?.[0].map((item) => item.json)).toEqual([expect.objectContaining({ sourceId: second, events: 60, reason: 'belowMinimum' })]);
	expect(trigger.staticData).toEqual({});
});
