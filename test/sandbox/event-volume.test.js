'use strict';
// GET /events/volume: counts per source, event and minute that tests set, added up in buckets of
// the granularity, grouped and filtered with Segment's query lists; at most 5,000 entries;
// 60 calls a minute per workspace.
const { startSandbox } = require('../../sandbox');
const { client, useSandbox, validation } = require('./helpers');

const sb = useSandbox({ seed: true });
const call = client(sb);

const HOUR = 3600 * 1000;
// A fixed window of whole hours, three hours long, ending at the last full hour.
const end = Math.floor(Date.now() / HOUR) * HOUR;
const start = end - 3 * HOUR;
const iso = (ms) => new Date(ms).toISOString();
const window = `startTime=${iso(start)}&endTime=${iso(end)}`;
const volume = async (query) => call('GET', `/events/volume?${query}`);
const sourceNamed = (name) => sb.entities('sources').find((s) => s.name === name);

test('grouped by source (Segment\'s groupBy[0] form): a source that went quiet shows zeros', async () => {
	const mobileId = sourceNamed('Mobile App').id;
	// The demo's Mobile App went quiet two hours before the seeding; here it does so on the hour.
	sb.setEventVolume({ sourceId: mobileId, from: end - 2 * HOUR, to: Date.now(), perMinute: 0 });
	const answer = await volume(`granularity=HOUR&${window}&groupBy%5B0%5D=source`);
	expect(answer.status).toBe(200);
	const { path, query, result } = answer.body.data;
	expect(path).toBe('/events/volume');
	expect(query).toEqual({ workspaceId: sb.workspaceId('us'), granularity: 'HOUR', startTime: iso(start), endTime: iso(end), groupBy: ['source'], limit: 5000 });
	expect(result.map((r) => [r.source.name, r.total])).toEqual([['Website Analytics', 55 * 180], ['Backend Events', 5 * 180], ['Mobile App', 15 * 60]]);
	const mobile = result.find((r) => r.source.name === 'Mobile App');
	expect(mobile.source).toEqual({ id: sourceNamed('Mobile App').id, name: 'Mobile App', slug: 'mobile_app' });
	expect(mobile.series).toEqual([
		{ time: iso(start).replace('.000Z', 'Z'), count: 900 },
		{ time: iso(start + HOUR).replace('.000Z', 'Z'), count: 0 },
		{ time: iso(start + 2 * HOUR).replace('.000Z', 'Z'), count: 0 },
	]);
});

test('the demo\'s Mobile App has sent nothing for two hours; its other sources still send', async () => {
	const now = Date.now();
	const recent = (await volume(`granularity=MINUTE&startTime=${iso(now - 90 * 60000)}&endTime=${iso(now - 60000)}&groupBy%5B0%5D=source`)).body.data.result;
	expect(recent.map((r) => [r.source.name, r.total > 0])).toEqual([['Website Analytics', true], ['Backend Events', true], ['Mobile App', false]]);
});

test('groupBy[] and repeated keys are lists too; filters by sourceId, eventName and eventType', async () => {
	const website = sourceNamed('Website Analytics').id;
	const byEvent = (await volume(`granularity=DAY&${window}&groupBy[]=eventName&groupBy[]=eventType&sourceId=${website}`)).body.data.result;
	expect(byEvent.map((r) => [r.eventName, r.eventType, r.total])).toEqual([['Page Viewed', 'page', 7200], ['Product Viewed', 'track', 2160], ['Order Completed', 'track', 540]]);
	expect(byEvent[0]).not.toHaveProperty('source');
	const tracks = (await volume(`granularity=HOUR&${window}&eventType%5B0%5D=track&eventName%5B0%5D=Order%20Completed&groupBy%5B0%5D=source`)).body.data.result;
	expect(tracks.map((r) => [r.source.name, r.total])).toEqual([['Website Analytics', 540], ['Backend Events', 720]].sort((a, b) => b[1] - a[1]));
	const total = (await volume(`granularity=MINUTE&startTime=${iso(end - 5 * 60000)}&endTime=${iso(end)}`)).body.data.result;
	expect(total).toEqual([{ total: 5 * 60, series: Array.from({ length: 5 }, (_, i) => ({ time: iso(end - (5 - i) * 60000).replace('.000Z', 'Z'), count: 60 })) }]);
});

test('sb.setEventVolume sets counts per minute: a new event, and a source made quiet', async () => {
	const backend = sourceNamed('Backend Events').id;
	expect(sb.setEventVolume({ sourceId: backend, eventName: 'Invoice Paid', eventType: 'track', from: iso(end - HOUR), to: iso(end), perMinute: 2 })).toEqual({ keys: 1, minutes: 60 });
	expect(sb.setEventVolume({ sourceId: backend, from: end - 30 * 60000, to: end, perMinute: 0 })).toEqual({ keys: 3, minutes: 90 });
	const result = (await volume(`granularity=MINUTE&startTime=${iso(end - HOUR)}&endTime=${iso(end)}&sourceId%5B0%5D=${backend}`)).body.data.result;
	expect(result[0].total).toBe(30 * (4 + 1 + 2));
	expect(result[0].series.slice(-30).every((point) => point.count === 0)).toBe(true);
	expect(() => sb.setEventVolume({ sourceId: 'nope', eventName: 'X', perMinute: 1 })).toThrow('Invalid event volume: sourceId "nope" is no source of the us workspace');
	expect(() => sb.setEventVolume({ sourceId: backend, eventName: 'X', eventType: 'click', perMinute: 1 })).toThrow('eventType must be one of');
	const control = await fetch(`${sb.url}/__sandbox/event-volume`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sourceId: backend, perMinute: 0 }) });
	// The last 24 hours up to now, the minute now is in included (1,441 minutes unless now is on a minute).
	const set = await control.json();
	expect(set).toEqual({ ok: true, keys: 3, minutes: expect.any(Number) });
	expect([3 * 1440, 3 * 1441]).toContain(set.minutes);
});

test('at most 5,000 entries, largest totals first; pagination, when asked for, pages through them', async () => {
	const website = sourceNamed('Website Analytics').id;
	for (let i = 0; i < 5001; i++) sb.setEventVolume({ sourceId: website, eventName: `Event ${i}`, from: end - 60000, to: end, perMinute: i === 4321 ? 100 : 1 });
	const result = (await volume(`granularity=HOUR&startTime=${iso(end - HOUR)}&endTime=${iso(end)}&groupBy%5B0%5D=eventName`)).body.data.result;
	expect(result).toHaveLength(5000);
	expect(result.slice(0, 4).map((r) => r.eventName)).toEqual(['Page Viewed', 'Product Viewed', 'Order Completed', 'Event 4321']);
	const page = (await volume(`granularity=HOUR&startTime=${iso(end - HOUR)}&endTime=${iso(end)}&groupBy%5B0%5D=eventName&pagination%5Bcount%5D=2`)).body.data;
	expect(page.result.map((r) => r.eventName)).toEqual(['Page Viewed', 'Product Viewed']);
	expect(page.pagination).toEqual({ current: expect.any(String), next: expect.any(String), totalEntries: 5000 });
});

test.each([
	[`${window}`, 'granularity is required', 'granularity'],
	[`granularity=hour&${window}`, 'granularity must be one of DAY, HOUR, MINUTE', 'granularity'],
	[`granularity=HOUR&endTime=${iso(end)}`, 'startTime is required', 'startTime'],
	[`granularity=HOUR&startTime=${iso(end)}&endTime=${iso(start)}`, 'startTime must be before endTime', 'startTime'],
	[`granularity=HOUR&startTime=last%20week&endTime=${iso(end)}`, 'startTime must be an ISO 8601 date-time, e.g. 2026-11-03T10:00:00Z', 'startTime'],
	[`granularity=HOUR&${window}&groupBy%5B0%5D=appVersion`, 'groupBy must be source, eventName or eventType (not appVersion)', 'groupBy'],
	[`granularity=HOUR&${window}&groupBy%5B0%5D=`, 'groupBy must not contain an empty value', 'groupBy'],
	[`granularity=HOUR&${window}&source=x`, 'Unknown query parameter: source', 'source'],
	[`granularity=HOUR&granularity=DAY&${window}`, 'granularity must be given once', 'granularity'],
])('GET /events/volume?%s answers 400', async (query, message, field) => {
	const answer = await volume(query);
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation(message, field)] });
});

describe('Segment\'s 60 calls a minute', () => {
	test('the 61st call in a minute answers 429 with msBeforeNext; each workspace counts alone; the window ends', async () => {
		const limited = await startSandbox({ seed: true, eventVolumeWindowMs: 1500 });
		try {
			const us = client(limited);
			const query = `/events/volume?granularity=DAY&${window}`;
			const answers = await Promise.all(Array.from({ length: 61 }, () => us('GET', query)));
			expect(answers.filter((a) => a.status === 200)).toHaveLength(60);
			const refused = answers.find((a) => a.status === 429);
			expect(refused.body.errors[0]).toMatchObject({ type: 'RequestError', message: 'Too many requests', data: { msBeforeNext: expect.any(Number), remainingPoints: 0 } });
			expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
			expect((await client(limited, { region: 'eu' })('GET', query)).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, refused.body.errors[0].data.msBeforeNext + 20));
			const again = await us('GET', query);
			expect(again.status).toBe(200);
			expect(again.headers.get('x-ratelimit-remaining')).toBe('59');
		} finally {
			await limited.close();
		}
	});

	test('eventVolumePerMinute: null turns the limit off; a bad value is refused', async () => {
		await expect(startSandbox({ eventVolumePerMinute: 0 })).rejects.toThrow('eventVolumePerMinute must be null (unlimited) or an integer >= 1');
		const open = await startSandbox({ seed: true, eventVolumePerMinute: null });
		try {
			const answers = await Promise.all(Array.from({ length: 70 }, () => client(open)('GET', `/events/volume?granularity=DAY&${window}`)));
			expect(answers.every((a) => a.status === 200)).toBe(true);
		} finally {
			await open.close();
		}
	});
});
