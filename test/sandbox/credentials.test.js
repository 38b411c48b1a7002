'use strict';
// A user with more than one Segment account: X-Paragon-Credential picks the Paragon credential
// (its own workspaces); without it the user's default one serves; an unknown one is Paragon's 404.
const { DEMO } = require('../../sandbox');
const { client, rawRequest, warehouseBody, PARAGON, TOKEN, ACME_TOKEN, CREDENTIAL_HEADER, useSandbox } = require('./helpers');

const sb = useSandbox({ ...DEMO, tokens: { ...DEMO.tokens, 'lonely-token': 'user-without-segment' } });
const SECOND = 'sandbox-credential-2';
const LIST = '/warehouses?pagination.count=10';
const withCredential = (credential, options = {}) => client(sb, { ...options, headers: { [CREDENTIAL_HEADER]: credential } });

test('the demo\'s sandbox-user has a default credential and sandbox-credential-2, each its own workspaces', () => {
	const [sandboxUser] = sb.users();
	expect(sandboxUser.credentials.map((c) => [c.id, c.default])).toEqual([['sandbox-user-credential-1', true], [SECOND, false]]);
	expect(sb.workspaceId('us', { credential: SECOND })).not.toBe(sb.workspaceId('us'));
	expect(sb.workspaceId('eu', { credential: SECOND })).not.toBe(sb.workspaceId('eu'));
});

test('without the header the default credential serves; with it, the credential named', async () => {
	const created = await client(sb)('POST', '/warehouses', warehouseBody(sb, { name: 'Default Account Warehouse' }));
	expect(created.body.data.warehouse.workspaceId).toBe(sb.workspaceId('us'));
	expect((await withCredential(SECOND)('GET', LIST)).body.data.warehouses).toEqual([]);
	expect((await withCredential('sandbox-user-credential-1')('GET', LIST)).body.data.warehouses.map((w) => w.id)).toEqual([created.body.data.warehouse.id]);

	const second = await withCredential(SECOND)('POST', '/warehouses', warehouseBody(sb, { name: 'Second Account Warehouse' }));
	expect(second.status).toBe(200);
	expect(second.body.data.warehouse.workspaceId).toBe(sb.workspaceId('us', { credential: SECOND }));
	expect(sb.entities('warehouses', 'us', { credential: SECOND }).map((w) => w.settings.name)).toEqual(['Second Account Warehouse']);
	expect(sb.entities('warehouses').map((w) => w.settings.name)).toEqual(['Default Account Warehouse']);

	expect(sb.requests.map((r) => [r.method, r.userId, r.credentialId, r.workspaceId])).toEqual([
		['POST', 'sandbox-user', 'sandbox-user-credential-1', sb.workspaceId('us')],
		['GET', 'sandbox-user', SECOND, sb.workspaceId('us', { credential: SECOND })],
		['GET', 'sandbox-user', 'sandbox-user-credential-1', sb.workspaceId('us')],
		['POST', 'sandbox-user', SECOND, sb.workspaceId('us', { credential: SECOND })],
	]);
	expect(sb.requests[1].headers['x-paragon-credential']).toBe(SECOND);
});

test('the EU path with a credential reaches that credential\'s EU workspace', async () => {
	const created = await withCredential(SECOND, { region: 'eu' })('POST', '/warehouses', warehouseBody(sb, { type: 'snowflake', name: 'EU Second' }));
	expect(created.body.data.warehouse.workspaceId).toBe(sb.workspaceId('eu', { credential: SECOND }));
	expect(sb.entities('warehouses', 'eu', { credential: SECOND })).toHaveLength(1);
	expect(sb.entities('warehouses', 'us', { credential: SECOND })).toEqual([]);
	expect(sb.requests[0]).toMatchObject({ region: 'eu', credentialId: SECOND, workspaceId: sb.workspaceId('eu', { credential: SECOND }) });
});

test('an unknown credential answers Paragon\'s own 404, never wrapped, without rate-limit headers; nothing is written', async () => {
	for (const raw of [true, false]) {
		const answer = await withCredential('no-such-credential', { raw })('POST', '/warehouses', warehouseBody(sb));
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual(PARAGON.credentialNotFound);
		expect(answer.body).toEqual({ message: 'Credential not found.', code: 'CREDENTIAL_NOT_FOUND', status: 404 });
		expect(answer.headers.get('content-type')).toBe('application/json');
		expect(answer.headers.get('x-ratelimit-remaining')).toBeNull();
		expect(answer.headers.get('x-ratelimit-reset')).toBeNull();
		expect(answer.text).not.toContain(TOKEN);
	}
	for (const credential of sb.users().flatMap((u) => u.credentials)) expect(sb.entities('warehouses', 'us', { credential: credential.id })).toEqual([]);
	// Who asked is known; no credential and no workspace served it.
	expect(sb.requests[0]).toMatchObject({ status: 404, userId: 'sandbox-user', credentialId: null, workspaceId: null });
});

test('another user\'s credential id is not found for this user', async () => {
	const acmeCredential = sb.users()[1].credentials[0].id;
	expect((await withCredential(acmeCredential)('GET', LIST)).body).toEqual(PARAGON.credentialNotFound);
	expect((await client(sb, { token: ACME_TOKEN, headers: { [CREDENTIAL_HEADER]: SECOND } })('GET', LIST)).body).toEqual(PARAGON.credentialNotFound);
	expect((await client(sb, { token: ACME_TOKEN, headers: { [CREDENTIAL_HEADER]: acmeCredential } })('GET', LIST)).status).toBe(200);
});

test.each([
	['', 'empty'],
	['SANDBOX-CREDENTIAL-2', 'in another case'],
	['sandbox-credential-2, sandbox-user-credential-1', 'two ids'],
])('an X-Paragon-Credential value %j (%s) answers CREDENTIAL_NOT_FOUND', async (value) => {
	const path = `/projects/sandbox-project/sdk/proxy/segment${LIST}`;
	const answer = await rawRequest(sb, 'GET', path, { headers: { authorization: `Bearer ${TOKEN}`, 'x-paragon-credential': value } });
	expect(sb.requests[0].headers['x-paragon-credential']).toBe(value);
	expect(answer.status).toBe(404);
	expect(answer.body).toEqual(PARAGON.credentialNotFound);
});

test('order of Paragon\'s checks: token, then connected user, then credential, then the base URL override', async () => {
	const unknown = { [CREDENTIAL_HEADER]: 'no-such-credential' };
	expect((await client(sb, { token: 'not-a-token', headers: unknown })('GET', LIST)).body).toEqual(PARAGON.invalidToken);
	expect((await client(sb, { token: 'lonely-token', headers: unknown })('GET', LIST)).body).toEqual(PARAGON.notEnabled);
	const override = `${sb.url}/projects/sandbox-project/sdk/proxy/segment/https://evil.example.com${LIST}`;
	const headers = { Authorization: `Bearer ${TOKEN}` };
	expect((await (await fetch(override, { headers: { ...headers, ...unknown } })).json())).toEqual(PARAGON.credentialNotFound);
	expect((await (await fetch(override, { headers: { ...headers, [CREDENTIAL_HEADER]: SECOND } })).json())).toEqual(PARAGON.invalidBaseUrl);
	expect(sb.requests.map((r) => [r.status, r.userId, r.credentialId])).toEqual([
		[401, null, null],
		[400, 'user-without-segment', null],
		[404, 'sandbox-user', null],
		[400, 'sandbox-user', null],
	]);
});

test('the wrapped form serves the credential\'s workspace too', async () => {
	const answer = await withCredential(SECOND, { raw: false })('GET', '/sources?pagination.count=5');
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({ output: { data: { sources: [], pagination: expect.objectContaining({ totalEntries: 0 }) } } });
	expect(sb.requests[0]).toMatchObject({ rawResponse: false, credentialId: SECOND });
});
