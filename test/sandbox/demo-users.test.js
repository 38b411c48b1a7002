'use strict';
// The demo's users (seed: true with DEMO): each with their own small, distinct workspaces, reached
// with their static token or an RS256 JWT whose sub is their id; the log shows whose workspace served.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startSandbox, DEMO } = require('../../sandbox');
const { startCliSandbox } = require('../../sandbox/cli');
const { client, signJwt, claimsFor, generateKeys, TOKEN, ACME_TOKEN, GLOBEX_TOKEN, CREDENTIAL_HEADER, useSandbox } = require('./helpers');

const keys = generateKeys();
const sb = useSandbox({ ...DEMO, seed: true, publicKey: keys.publicKeyPem });
const SOURCES = '/sources?pagination.count=20';
const jwtFor = (userId) => signJwt(keys.privateKey, claimsFor('sandbox-project', userId));
const slugs = (answer) => answer.body.data.sources.map((s) => s.slug);

test('DEMO: three users, static tokens for each, sandbox-user with a second credential', () => {
	expect(DEMO.tokens).toEqual({ 'sandbox-user-token': 'sandbox-user', 'acme-user-token': 'customer-acme', 'globex-user-token': 'customer-globex' });
	expect(sb.users().map((u) => [u.id, u.credentials.map((c) => c.id)])).toEqual([
		['sandbox-user', ['sandbox-user-credential-1', 'sandbox-credential-2']],
		['customer-acme', ['customer-acme-credential-1']],
		['customer-globex', ['customer-globex-credential-1']],
	]);
});

test.each([
	['sandbox-user', TOKEN, {}, 'us', ['website_analytics', 'mobile_app', 'backend_events', 'snowflake_models']],
	['sandbox-user', TOKEN, {}, 'eu', ['eu_website']],
	['sandbox-user', TOKEN, { [CREDENTIAL_HEADER]: 'sandbox-credential-2' }, 'us', ['marketing_site']],
	['sandbox-user', TOKEN, { [CREDENTIAL_HEADER]: 'sandbox-credential-2' }, 'eu', []],
	['customer-acme', ACME_TOKEN, {}, 'us', ['acme_storefront', 'acme_ios']],
	['customer-acme', ACME_TOKEN, {}, 'eu', []],
	['customer-globex', GLOBEX_TOKEN, {}, 'us', ['globex_backend']],
	['customer-globex', GLOBEX_TOKEN, {}, 'eu', ['globex_eu_website']],
])('%s (%s, %j) sees its own %s sources, by static token and by JWT', async (userId, token, headers, region, expected) => {
	expect(slugs(await client(sb, { token, region, headers })('GET', SOURCES))).toEqual(expected);
	expect(slugs(await client(sb, { token: jwtFor(userId), region, headers })('GET', SOURCES))).toEqual(expected);
	expect(sb.requests.map((r) => [r.auth.kind, r.userId])).toEqual([['static', userId], ['jwt', userId]]);
});

test('customer-acme: a Redshift warehouse fed by its storefront, an iOS app with a Braze destination', () => {
	const acme = { user: 'customer-acme' };
	const [redshift] = sb.entities('warehouses', 'us', acme);
	expect(redshift).toMatchObject({ metadata: { slug: 'redshift' }, settings: { name: 'Acme Redshift', hostname: 'acme.redshift.amazonaws.com', password: '••••••' } });
	const sources = sb.entities('sources', 'us', acme);
	expect(sources.map((s) => [s.name, s.metadata.slug, s.labels.map((l) => `${l.key}:${l.value}`)])).toEqual([
		['Acme Storefront', 'javascript', ['platform:web', 'category:analytics']],
		['Acme iOS App', 'ios', ['platform:mobile', 'category:marketing']],
	]);
	expect(sb.connections('us', acme)).toEqual([{ warehouseId: redshift.id, sourceId: sources[0].id }]);
	expect(sb.syncReports(redshift.id, acme).map((r) => r.status)).toEqual(['SUCCESS']);
	expect(sb.entities('destinations', 'us', acme).map((d) => [d.name, d.metadata.slug, d.sourceId])).toEqual([['Acme Braze', 'braze', sources[1].id]]);
	expect(sb.labels('us', acme).map((l) => `${l.key}:${l.value}`)).toEqual(['platform:web', 'platform:mobile', 'category:analytics', 'category:marketing']);
});

test('customer-globex: a US backend with Salesforce, an EU BigQuery warehouse with a failed load', () => {
	const globex = { user: 'customer-globex' };
	expect(sb.entities('warehouses', 'us', globex)).toEqual([]);
	expect(sb.entities('destinations', 'us', globex).map((d) => [d.name, d.metadata.slug])).toEqual([['Globex Salesforce', 'salesforce']]);
	const [bigquery] = sb.entities('warehouses', 'eu', globex);
	expect(bigquery.settings).toMatchObject({ name: 'Globex EU BigQuery', 'gc-project': 'globex-eu', location: 'EU', credentials: '••••••' });
	expect(sb.syncReports(bigquery.id, { region: 'eu', ...globex }).map((r) => r.status)).toEqual(['SUCCESS', 'FAILED']);
	expect(bigquery.workspaceId).toBe(sb.workspaceId('eu', globex));
});

test('sandbox-credential-2: a marketing workspace with a HubSpot destination and no warehouse', () => {
	const second = { credential: 'sandbox-credential-2' };
	expect(sb.entities('warehouses', 'us', second)).toEqual([]);
	expect(sb.entities('sources', 'us', second).map((s) => s.name)).toEqual(['Marketing Site']);
	expect(sb.entities('destinations', 'us', second).map((d) => d.name)).toEqual(['HubSpot']);
});

test('every request of mixed users, sent at once, reached its own user\'s workspace', async () => {
	const users = ['sandbox-user', 'customer-acme', 'customer-globex'];
	const own = Object.fromEntries(users.map((userId) => [userId, sb.entities('sources', 'us', { user: userId }).map((s) => s.slug)]));
	const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => {
		const userId = users[i % 3];
		return client(sb, { token: jwtFor(userId), headers: { 'X-Item': String(i) } })('GET', SOURCES).then((answer) => ({ userId, answer }));
	}));
	for (const { userId, answer } of answers) expect(slugs(answer)).toEqual(own[userId]);
	expect(sb.requests).toHaveLength(30);
	for (const entry of sb.requests) {
		const userId = users[Number(entry.headers['x-item']) % 3];
		expect(entry).toMatchObject({ status: 200, userId, credentialId: `${userId}-credential-1`, workspaceId: sb.workspaceId('us', { user: userId }) });
		expect(entry.auth.claims.sub).toBe(userId);
	}
});

test('demo ids are stable, distinct across users, and reset brings every user\'s data back', async () => {
	const other = await startSandbox({ ...DEMO, seed: true });
	try {
		for (const user of sb.users()) {
			for (const credential of user.credentials) {
				for (const region of ['us', 'eu']) {
					const where = { credential: credential.id };
					expect(other.entities('sources', region, where)).toEqual(sb.entities('sources', region, where));
				}
			}
		}
	} finally {
		await other.close();
	}
	const ids = sb.users().flatMap((u) => u.credentials).flatMap((c) => sb.entities('sources', 'us', { credential: c.id }).map((s) => s.id));
	expect(new Set(ids).size).toBe(ids.length);
	await client(sb, { token: ACME_TOKEN })('DELETE', `/sources/${sb.entities('sources', 'us', { user: 'customer-acme' })[0].id}`);
	expect(sb.entities('sources', 'us', { user: 'customer-acme' })).toHaveLength(1);
	sb.reset();
	expect(sb.entities('sources', 'us', { user: 'customer-acme' }).map((s) => s.slug)).toEqual(['acme_storefront', 'acme_ios']);
});

test('a demo user connected alone gets its own demo data; other connected users start empty', async () => {
	const alone = await startSandbox({ seed: true, connectedUsers: ['customer-acme', 'someone-else'] });
	try {
		expect(alone.entities('sources').map((s) => s.slug)).toEqual(['acme_storefront', 'acme_ios']);
		expect(alone.entities('sources', 'us', { user: 'someone-else' })).toEqual([]);
	} finally {
		await alone.close();
	}
	// Without DEMO, seed: true is the demo of before: one user, the main demo data.
	const plain = await startSandbox({ seed: true });
	try {
		expect(plain.users().map((u) => u.id)).toEqual(['sandbox-user']);
		expect(plain.entities('sources').map((s) => s.slug)).toEqual(['website_analytics', 'mobile_app', 'backend_events', 'snowflake_models']);
	} finally {
		await plain.close();
	}
});

test('the CLI sandbox connects the demo users and its banner names their tokens and the second credential', async () => {
	const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-demo-'));
	const { sandbox, banner } = await startCliSandbox({ port: 0, keyDir });
	try {
		expect(sandbox.users()).toEqual(sb.users());
		expect(banner).toContain('  sandbox-user     User Token sandbox-user-token; another Segment account: Paragon Credential ID sandbox-credential-2');
		expect(banner).toContain('  customer-acme    User Token acme-user-token');
		expect(banner).toContain('  customer-globex  User Token globex-user-token');
		expect(slugs(await client(sandbox, { token: GLOBEX_TOKEN, region: 'eu' })('GET', SOURCES))).toEqual(['globex_eu_website']);
	} finally {
		await sandbox.close();
		fs.rmSync(keyDir, { recursive: true, force: true });
	}
});
