'use strict';
// GET / (the workspace) and the daily usage of a month: MTU and API calls, per workspace and per
// source, cumulative per day, counts as text; derived from the event volume the sandbox holds.
const { client, rawRequest, useSandbox, validation, TOKEN } = require('./helpers');

const sb = useSandbox({ seed: true });
const call = client(sb);

const DAY = 24 * 3600 * 1000;
const today = new Date();
const monthStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
const period = new Date(monthStart).toISOString().slice(0, 10);
const dayOfMonth = today.getUTCDate();

test('GET / answers the workspace of the credential and region', async () => {
	const us = await call('GET', '/');
	expect(us.status).toBe(200);
	expect(us.body).toEqual({ data: { workspace: { id: sb.workspaceId('us'), slug: 'sandbox-workspace-us', name: 'Sandbox Workspace US' } } });
	expect((await client(sb, { region: 'eu' })('GET', '/')).body.data.workspace.id).toBe(sb.workspaceId('eu'));
	// The proxy path may also end at the integration name.
	const bare = await rawRequest(sb, 'GET', '/projects/sandbox-project/sdk/proxy/segment', { headers: { authorization: `Bearer ${TOKEN}`, 'x-paragon-use-raw-response': '1' } });
	expect(bare.body.data.workspace.id).toBe(sb.workspaceId('us'));
	expect((await call('POST', '/', {})).status).toBe(405);
	expect((await call('GET', '/?x=1')).body).toEqual({ errors: [validation('Unknown query parameter: x', 'x')] });
});

test('API calls per workspace: one cumulative entry per day of the month so far, as text', async () => {
	const answer = await call('GET', `/usage/api-calls/daily?period=${period}&pagination.count=50`);
	expect(answer.status).toBe(200);
	const { dailyWorkspaceAPICallsUsage: days, pagination } = answer.body.data;
	expect(days).toHaveLength(dayOfMonth);
	expect(pagination).toEqual({ current: expect.any(String), totalEntries: dayOfMonth });
	expect(days[0]).toEqual({ apiCalls: expect.stringMatching(/^\d+$/), timestamp: `${period}T00:00:00Z` });
	const counts = days.map((d) => Number(d.apiCalls));
	expect(counts.every((count, i) => i === 0 || count >= counts[i - 1])).toBe(true);
	// The demo sends 60 events a minute in the US workspace (Mobile App quiet for the last two hours).
	expect(counts[counts.length - 1]).toBeGreaterThan(0);
});

test('per source: an entry per day and source; setting volume moves the usage', async () => {
	const website = sb.entities('sources').find((s) => s.name === 'Website Analytics').id;
	const before = (await call('GET', `/usage/api-calls/sources/daily?period=${period}&pagination.count=200`)).body.data.dailyPerSourceAPICallsUsage;
	expect(before).toHaveLength(dayOfMonth * sb.entities('sources').length);
	sb.setEventVolume({ sourceId: website, eventName: 'Big Day', from: monthStart, to: monthStart + 60000, perMinute: 1_000_000 });
	const after = (await call('GET', `/usage/api-calls/sources/daily?period=${period}&pagination.count=200`)).body.data.dailyPerSourceAPICallsUsage;
	const of = (list) => list.filter((e) => e.sourceId === website).map((e) => Number(e.apiCalls));
	expect(of(after).map((count, i) => count - of(before)[i])).toEqual(Array(dayOfMonth).fill(1_000_000));
	const mtu = (await call('GET', `/usage/mtu/sources/daily?period=${period}&pagination.count=3`)).body.data;
	expect(mtu.dailyPerSourceMTUUsage[0]).toEqual({
		sourceId: expect.any(String), periodStart: monthStart / 1000, periodEnd: expect.any(Number),
		anonymous: expect.any(String), anonymousIdentified: expect.any(String), identified: expect.any(String), neverIdentified: expect.any(String),
		timestamp: `${period}T00:00:00Z`,
	});
	expect(mtu.dailyPerSourceMTUUsage.find((e) => e.sourceId === website)).toMatchObject({ anonymous: '100000', identified: '40000', anonymousIdentified: '20000', neverIdentified: '80000' });
	expect(mtu.pagination.next).toEqual(expect.any(String));
	const workspace = (await call('GET', `/usage/mtu/daily?period=${period}&pagination.count=1`)).body.data.dailyWorkspaceMTUUsage;
	expect(workspace).toHaveLength(1);
});

test('a month to come has no days yet; a past month has all of them', async () => {
	const next = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
	expect((await call('GET', `/usage/mtu/daily?period=${next}&pagination.count=10`)).body.data.dailyWorkspaceMTUUsage).toEqual([]);
	const february = (await call('GET', '/usage/api-calls/daily?period=2025-02-01T00:00:00Z&pagination.count=200')).body.data.dailyWorkspaceAPICallsUsage;
	expect(february.map((d) => d.timestamp)).toEqual(Array.from({ length: 28 }, (_, i) => new Date(Date.UTC(2025, 1, 1) + i * DAY).toISOString().replace('.000Z', 'Z')));
});

test.each([
	['/usage/mtu/daily?pagination.count=10', 'period is required', 'period'],
	['/usage/mtu/daily?period=2026-11&pagination.count=10', 'period must be the first day of a month in ISO 8601, e.g. 2026-11-01', 'period'],
	['/usage/api-calls/daily?period=2026-11-15&pagination.count=10', 'period must be the first day of a month in ISO 8601, e.g. 2026-11-01', 'period'],
	['/usage/api-calls/sources/daily?period=2026-11-01', 'pagination.count is required', 'pagination.count'],
])('GET %s answers 400', async (path, message, field) => {
	const answer = await call('GET', path);
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation(message, field)] });
});
