'use strict';
// Rate limits per user: faults that target one user or one credential, and the syncs limit
// counted per workspace (with per-user limits), so a 429 for one user never holds back another.
const { startSandbox, DEMO } = require('../../sandbox');
const { client, TOKEN, ACME_TOKEN, GLOBEX_TOKEN, CREDENTIAL_HEADER, PARAGON, useSandbox } = require('./helpers');

const LIST = '/warehouses?pagination.count=5';
const SECOND = 'sandbox-credential-2';

describe('faults with user and credential', () => {
	const sb = useSandbox({ ...DEMO, tokens: { ...DEMO.tokens, 'lonely-token': 'user-without-segment' } });
	const asDefault = client(sb);
	const asAcme = client(sb, { token: ACME_TOKEN });
	const asGlobex = client(sb, { token: GLOBEX_TOKEN });

	test('a 429 for customer-acme only: Segment\'s body and headers for acme, 200 for the others meanwhile', async () => {
		sb.addFault({ user: 'customer-acme', status: 429, msBeforeNext: 2000, times: Infinity });
		const [acme, others] = await Promise.all([asAcme('GET', LIST), Promise.all([asDefault('GET', LIST), asGlobex('GET', LIST)])]);
		expect(acme.status).toBe(429);
		expect(acme.body.errors[0]).toMatchObject({ type: 'RequestError', message: 'Too many requests', data: { msBeforeNext: 2000 } });
		expect(acme.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(others.map((answer) => [answer.status, answer.headers.get('x-ratelimit-remaining')])).toEqual([[200, '1000'], [200, '1000']]);
		expect((await asAcme('GET', LIST)).status).toBe(429);
		const byUser = sb.requests.map((r) => [r.userId, r.status]).sort();
		expect(byUser).toEqual([['customer-acme', 429], ['customer-acme', 429], ['customer-globex', 200], ['sandbox-user', 200]]);
	});

	test('a fault for one credential: only requests that name it with X-Paragon-Credential get it', async () => {
		sb.addFault({ credential: SECOND, status: 503 });
		expect((await asDefault('GET', LIST)).status).toBe(200);
		expect((await asDefault('GET', LIST, undefined, { [CREDENTIAL_HEADER]: SECOND })).status).toBe(503);
		expect((await asDefault('GET', LIST, undefined, { [CREDENTIAL_HEADER]: 'sandbox-user-credential-1' })).status).toBe(200);
		expect(sb.requests.map((r) => [r.credentialId, r.status])).toEqual([['sandbox-user-credential-1', 200], [SECOND, 503], ['sandbox-user-credential-1', 200]]);
		// Both must match: sandbox-user's credential is never acme's.
		expect(sb.addFault({ credential: SECOND, user: 'customer-acme', status: 500 })).toMatchObject({ credential: SECOND, user: 'customer-acme' });
		expect((await asDefault('GET', LIST, undefined, { [CREDENTIAL_HEADER]: SECOND })).status).toBe(200);
		expect((await asAcme('GET', LIST)).status).toBe(200);
		expect((await (await fetch(`${sb.url}/__sandbox/faults`)).json()).faults).toHaveLength(1);
	});

	test('user combines with the other fields: method, path and region', async () => {
		sb.addFault({ user: 'customer-globex', method: 'GET', path: '/sources', region: 'eu', status: 502, times: Infinity });
		const globexEu = client(sb, { token: GLOBEX_TOKEN, region: 'eu' });
		expect((await globexEu('GET', '/sources?pagination.count=5')).status).toBe(502);
		expect((await globexEu('GET', LIST)).status).toBe(200);
		expect((await asGlobex('GET', '/sources?pagination.count=5')).status).toBe(200);
		expect((await client(sb, { region: 'eu' })('GET', '/sources?pagination.count=5')).status).toBe(200);
	});

	test('a delay for one user does not hold back another user\'s requests', async () => {
		sb.addFault({ user: 'customer-acme', delayMs: 600, times: Infinity });
		const started = Date.now();
		const slow = asAcme('GET', LIST).then(() => Date.now() - started);
		const fast = await asDefault('GET', LIST).then(() => Date.now() - started);
		expect(fast).toBeLessThan(400);
		expect(await slow).toBeGreaterThanOrEqual(590);
	});

	test('a request Paragon refuses does not use a user\'s fault up', async () => {
		sb.addFault({ user: 'user-without-segment', status: 500 });
		sb.addFault({ user: 'sandbox-user', status: 500 });
		expect((await client(sb, { token: 'lonely-token' })('GET', LIST)).body).toEqual(PARAGON.notEnabled);
		expect((await asDefault('GET', LIST, undefined, { [CREDENTIAL_HEADER]: 'nope' })).body).toEqual(PARAGON.credentialNotFound);
		expect(sb.requests.map((r) => r.status)).toEqual([400, 404]);
		expect((await asDefault('GET', LIST)).status).toBe(500);
		expect((await (await fetch(`${sb.url}/__sandbox/faults`)).json()).faults.map((f) => f.user)).toEqual(['user-without-segment']);
	});

	test('over HTTP a fault takes user and credential too', async () => {
		const response = await fetch(`${sb.url}/__sandbox/faults`, {
			method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'customer-acme', credential: 'customer-acme-credential-1', status: 504 }),
		});
		expect((await response.json()).fault).toMatchObject({ user: 'customer-acme', credential: 'customer-acme-credential-1', status: 504 });
		expect((await asDefault('GET', LIST)).status).toBe(200);
		expect((await asAcme('GET', LIST)).status).toBe(504);
	});

	test.each([
		[{ user: '' }, /user must be a non-empty string/],
		[{ user: 5 }, /user must be a non-empty string/],
		[{ credential: ['c'] }, /credential must be a non-empty string/],
		[{ user: 'customer-acme', beforeAuth: true, status: 502 }, /user cannot be used with beforeAuth/],
		[{ credential: SECOND, beforeAuth: true, status: 502 }, /credential cannot be used with beforeAuth/],
	])('fault %j is refused', (fault, message) => {
		expect(() => sb.addFault(fault)).toThrow(message);
	});
});

describe('the syncs limit, per workspace and per user', () => {
	let sb;
	afterEach(() => sb && sb.close());
	const syncs = (sandbox, token, where = {}, headers = {}) => {
		const [warehouse] = sandbox.entities('warehouses', 'us', where);
		return client(sandbox, { token, headers })('GET', `/warehouses/${warehouse.id}/syncs?pagination.count=5`);
	};

	test('syncsPerMinute counts each workspace alone: one user\'s 429 leaves the others\' calls alone', async () => {
		sb = await startSandbox({ ...DEMO, seed: true, syncsPerMinute: 1 });
		sb.bulk('warehouses', 1, { credential: SECOND });
		expect((await syncs(sb, TOKEN)).status).toBe(200);
		const refused = await syncs(sb, TOKEN);
		expect(refused.status).toBe(429);
		expect(refused.body.errors[0].message).toBe('Too many requests');
		expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
		const acme = await syncs(sb, ACME_TOKEN, { user: 'customer-acme' });
		expect([acme.status, acme.headers.get('x-ratelimit-remaining')]).toEqual([200, '0']);
		expect((await syncs(sb, TOKEN, { credential: SECOND }, { [CREDENTIAL_HEADER]: SECOND })).status).toBe(200);
		expect((await syncs(sb, ACME_TOKEN, { user: 'customer-acme' })).status).toBe(429);
	});

	test('syncsPerMinuteByUser limits one user (or frees one) and leaves the others at syncsPerMinute', async () => {
		sb = await startSandbox({ ...DEMO, seed: true, syncsPerMinuteByUser: { 'customer-acme': 1 } });
		const acme = { user: 'customer-acme' };
		expect((await syncs(sb, ACME_TOKEN, acme)).headers.get('x-ratelimit-remaining')).toBe('0');
		expect((await syncs(sb, ACME_TOKEN, acme)).status).toBe(429);
		for (let i = 0; i < 4; i++) expect((await syncs(sb, TOKEN)).status).toBe(200);
		await sb.close();

		sb = await startSandbox({ ...DEMO, seed: true, syncsPerMinute: 1, syncsPerMinuteByUser: { 'sandbox-user': null } });
		for (let i = 0; i < 3; i++) expect((await syncs(sb, TOKEN)).status).toBe(200);
		await syncs(sb, ACME_TOKEN, acme);
		expect((await syncs(sb, ACME_TOKEN, acme)).status).toBe(429);
	});

	test.each([
		[{ syncsPerMinuteByUser: null }, /syncsPerMinuteByUser must be an object/],
		[{ syncsPerMinuteByUser: [] }, /syncsPerMinuteByUser must be an object/],
		[{ syncsPerMinuteByUser: { nobody: 2 } }, /nobody is not a connected user/],
		[{ syncsPerMinuteByUser: { 'sandbox-user': 0 } }, /the limit of sandbox-user must be null \(unlimited\) or an integer >= 1/],
		[{ syncsPerMinuteByUser: { 'sandbox-user': 1.5 } }, /the limit of sandbox-user/],
	])('option %j is refused', async (options, message) => {
		sb = null;
		await expect(startSandbox(options)).rejects.toThrow(message);
	});
});
