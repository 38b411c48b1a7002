'use strict';
// What stands between a client and Segment's destination mappings: 5 writes a minute per
// workspace (429 with msBeforeNext, fixed windows on the sandbox's clock, configurable), and the
// workspace's "Destination Subscriptions" feature (403 when a test turns it off).
const { startSandbox } = require('../../sandbox');
const { client, catalogId, useSandbox } = require('./helpers');

// The limiter reads this clock: a test moves time on without waiting a minute.
const clock = { at: Date.parse('2026-03-02T10:00:00Z'), now() { return this.at; } };
const sb = useSandbox({ clock });
const call = client(sb);
const callEu = client(sb, { region: 'eu' });

async function arrange(send) {
	const source = (await send('POST', '/sources', { slug: 'site', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') })).body.data.source;
	const destination = (await send('POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sb, 'destinations', 'actions-amplitude'), settings: {}, enabled: true })).body.data.destination;
	const presets = sb.catalog('destinations').find((e) => e.slug === 'actions-amplitude').presets;
	const bodyOf = (i) => ({ name: presets[i % 7].name, actionId: presets[i % 7].actionId, trigger: presets[i % 7].trigger, enabled: true, settings: presets[i % 7].fields });
	return { base: `/destinations/${destination.id}/subscriptions`, bodyOf };
}

let us;
beforeEach(async () => {
	us = await arrange(call);
});

test('the sixth write within a minute answers 429 with msBeforeNext; reads are not limited', async () => {
	const statuses = [];
	for (let i = 0; i < 5; i++) {
		const answer = await call('POST', us.base, us.bodyOf(i));
		statuses.push(answer.status);
		expect(answer.headers.get('x-ratelimit-remaining')).toBe(String(4 - i));
		clock.at += 1000;
	}
	expect(statuses).toEqual([200, 200, 200, 200, 200]);
	const refused = await call('POST', us.base, us.bodyOf(5));
	expect(refused.status).toBe(429);
	expect(refused.body).toEqual({ errors: [{ type: 'RequestError', message: 'Too many requests', data: { msBeforeNext: 55000, remainingPoints: 0, consumedPoints: 6, isFirstInDuration: false } }] });
	expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
	expect(sb.subscriptions(us.base.split('/')[2])).toHaveLength(5);
	expect((await call('GET', `${us.base}?pagination.count=10`)).status).toBe(200);
	// Updates and deletes count too; the window ends 60 s after its first write.
	const [first] = sb.subscriptions(us.base.split('/')[2]);
	expect((await call('DELETE', `${us.base}/${first.id}`)).status).toBe(429);
	clock.at += 54999;
	expect((await call('PATCH', `${us.base}/${first.id}`, { input: { enabled: false } })).status).toBe(429);
	clock.at += 1;
	expect((await call('PATCH', `${us.base}/${first.id}`, { input: { enabled: false } })).status).toBe(200);
});

test('a refused write counts as well; each workspace has its own minute', async () => {
	for (let i = 0; i < 5; i++) expect((await call('POST', us.base, { name: 'x' })).status).toBe(422);
	expect((await call('POST', us.base, us.bodyOf(0))).status).toBe(429);
	const eu = await arrange(callEu);
	expect((await callEu('POST', eu.base, eu.bodyOf(0))).status).toBe(200);
});

test('setLimits changes the window (windows start afresh); reset() restores Segment\'s 5 a minute', async () => {
	expect(sb.setLimits({ mappingWritesWindowMs: 2000 })).toEqual({ mappingWritesPerMinute: 5, mappingWritesWindowMs: 2000 });
	for (let i = 0; i < 5; i++) await call('POST', us.base, us.bodyOf(i));
	const refused = await call('POST', us.base, us.bodyOf(5));
	expect(refused.body.errors[0].data.msBeforeNext).toBe(2000);
	clock.at += 2000;
	expect((await call('POST', us.base, us.bodyOf(5))).status).toBe(200);
	expect(() => sb.setLimits({ mappingWritesPerMinute: 0 })).toThrow(TypeError);
	expect(() => sb.setLimits({ perMinute: 1 })).toThrow(/Unknown limit perMinute/);
	sb.setLimits({ mappingWritesPerMinute: null });
	for (let i = 0; i < 8; i++) expect((await call('POST', us.base, us.bodyOf(i))).status).toBe(200);
	sb.reset();
	us = await arrange(call);
	for (let i = 0; i < 5; i++) await call('POST', us.base, us.bodyOf(i));
	expect((await call('POST', us.base, us.bodyOf(5))).status).toBe(429);
});

test('POST /__sandbox/limits does the same over HTTP; a bad value is a 400', async () => {
	const post = async (body) => {
		const response = await fetch(`${sb.url}/__sandbox/limits`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		return { status: response.status, body: await response.json() };
	};
	expect(await post({ mappingWritesPerMinute: 2, mappingWritesWindowMs: 500 })).toEqual({ status: 200, body: { ok: true, limits: { mappingWritesPerMinute: 2, mappingWritesWindowMs: 500 } } });
	await call('POST', us.base, us.bodyOf(0));
	await call('POST', us.base, us.bodyOf(1));
	expect((await call('POST', us.base, us.bodyOf(2))).body.errors[0].data.msBeforeNext).toBe(500);
	expect(await post({ mappingWritesWindowMs: -1 })).toEqual({ status: 400, body: { message: 'mappingWritesWindowMs must be a number > 0' } });
});

describe('the "Destination Subscriptions" feature', () => {
	test('turned off for a workspace, its five endpoints answer 403; other workspaces keep it; reset turns it on', async () => {
		const made = (await call('POST', us.base, us.bodyOf(0))).body.data.destinationSubscription;
		sb.setFeature('destinationSubscriptions', false);
		const forbidden = { errors: [{ type: 'Forbidden', message: 'This workspace does not have access to the Destination Subscriptions feature' }] };
		for (const [method, path, body] of [['GET', `${us.base}?pagination.count=5`], ['POST', us.base, us.bodyOf(1)], ['GET', `${us.base}/${made.id}`], ['PATCH', `${us.base}/${made.id}`, { input: { enabled: false } }], ['DELETE', `${us.base}/${made.id}`]]) {
			const answer = await call(method, path, body);
			expect([method, answer.status, answer.body]).toEqual([method, 403, forbidden]);
		}
		const eu = await arrange(callEu);
		expect((await callEu('POST', eu.base, eu.bodyOf(0))).status).toBe(200);
		sb.reset();
		us = await arrange(call);
		expect((await call('POST', us.base, us.bodyOf(0))).status).toBe(200);
	});

	test('POST /__sandbox/features turns it off for one user\'s workspace; bad input is a 400', async () => {
		const post = async (body) => (await fetch(`${sb.url}/__sandbox/features`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status;
		expect(await post({ feature: 'destinationSubscriptions', enabled: false, region: 'us', user: 'sandbox-user' })).toBe(200);
		expect((await call('GET', `${us.base}?pagination.count=5`)).status).toBe(403);
		expect(await post({ feature: 'protocols', enabled: false })).toBe(400);
		expect(await post({ feature: 'destinationSubscriptions', enabled: 'no' })).toBe(400);
		expect(await post({ feature: 'destinationSubscriptions', enabled: true, user: 'nobody' })).toBe(400);
	});
});

test('a bad clock or limit option is refused at start', async () => {
	await expect(startSandbox({ clock: {} })).rejects.toThrow(/clock must be null or an object with now/);
	await expect(startSandbox({ mappingWritesPerMinute: 1.5 })).rejects.toThrow(/mappingWritesPerMinute/);
});
