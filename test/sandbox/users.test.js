'use strict';
// Connected users and their Paragon credentials: the connectedUsers option, each credential's
// own US and EU workspaces, and the module API's { user, credential } options.
const { startSandbox } = require('../../sandbox');
const { stableId } = require('../../sandbox/ids');
const { client, catalogId, warehouseBody, CREDENTIAL_HEADER, useSandbox } = require('./helpers');

const TOKENS = { 'sandbox-user-token': 'sandbox-user', 'acme-token': 'customer-acme', 'globex-token': 'customer-globex' };
const USERS = ['sandbox-user', { id: 'customer-acme', credentials: ['acme-main', 'acme-second'] }, 'customer-globex'];
const sb = useSandbox({ tokens: TOKENS, connectedUsers: USERS });
const asDefault = client(sb);
const asAcme = client(sb, { token: 'acme-token' });
const LIST = '/warehouses?pagination.count=10';
const workspaces = { us: expect.stringMatching(/^[0-9A-Za-z]{22}$/), eu: expect.stringMatching(/^[0-9A-Za-z]{22}$/) };

test('every credential has its own US and EU workspaces, all with distinct ids', () => {
	expect(sb.users()).toEqual([
		{ id: 'sandbox-user', credentials: [{ id: 'sandbox-user-credential-1', default: true, workspaces }] },
		{ id: 'customer-acme', credentials: [{ id: 'acme-main', default: true, workspaces }, { id: 'acme-second', default: false, workspaces }] },
		{ id: 'customer-globex', credentials: [{ id: 'customer-globex-credential-1', default: true, workspaces }] },
	]);
	const ids = sb.users().flatMap((user) => user.credentials.flatMap((credential) => [credential.workspaces.us, credential.workspaces.eu]));
	expect(new Set(ids).size).toBe(8);
});

test('the first connected user\'s default workspaces keep the ids the sandbox always had', async () => {
	expect(sb.workspaceId('us')).toBe(stableId('workspace:us', 22));
	expect(sb.workspaceId('eu')).toBe(stableId('workspace:eu', 22));
	const single = await startSandbox();
	try {
		expect(single.workspaceId('us')).toBe(sb.workspaceId('us'));
	} finally {
		await single.close();
	}
});

test('the module API acts on the first connected user unless { user } or { credential } names another', () => {
	const [, acme] = sb.users();
	expect(sb.workspaceId('us', { user: 'sandbox-user' })).toBe(sb.workspaceId('us'));
	expect(sb.workspaceId('us', { user: 'customer-acme' })).toBe(acme.credentials[0].workspaces.us);
	expect(sb.workspaceId('eu', { credential: 'acme-second' })).toBe(acme.credentials[1].workspaces.eu);
	expect(sb.workspaceId('eu', { user: 'customer-acme', credential: 'acme-second' })).toBe(acme.credentials[1].workspaces.eu);
	expect(sb.workspaceId(undefined, { user: 'customer-acme' })).toBe(acme.credentials[0].workspaces.us);
});

test('what a user writes through the proxy lands in that user\'s workspace only', async () => {
	const created = await asAcme('POST', '/warehouses', warehouseBody(sb, { name: 'Acme Warehouse' }));
	expect(created.status).toBe(200);
	expect(created.body.data.warehouse.workspaceId).toBe(sb.workspaceId('us', { user: 'customer-acme' }));
	expect((await asDefault('GET', LIST)).body.data.warehouses).toEqual([]);
	expect((await client(sb, { token: 'globex-token' })('GET', LIST)).body.data.warehouses).toEqual([]);
	expect((await asAcme('GET', LIST, undefined, { [CREDENTIAL_HEADER]: 'acme-second' })).body.data.warehouses).toEqual([]);
	expect((await asAcme('GET', LIST)).body.data.warehouses.map((w) => w.id)).toEqual([created.body.data.warehouse.id]);
	expect(sb.entities('warehouses', 'us', { user: 'customer-acme' }).map((w) => w.settings.name)).toEqual(['Acme Warehouse']);
	expect(sb.entities('warehouses')).toEqual([]);
	expect(sb.entities('warehouses', 'eu', { user: 'customer-acme' })).toEqual([]);
});

test('a slug and a label may exist once in each user\'s workspace', async () => {
	const body = { slug: 'website', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') };
	expect((await asDefault('POST', '/sources', body)).status).toBe(200);
	expect((await asAcme('POST', '/sources', body)).status).toBe(200);
	expect((await asAcme('POST', '/sources', body)).status).toBe(422);
	const label = { label: { key: 'platform', value: 'web' } };
	expect((await asDefault('POST', '/labels', label)).status).toBe(200);
	expect((await asAcme('POST', '/labels', label)).status).toBe(200);
	expect(sb.labels('us', { user: 'customer-acme' })).toEqual([{ key: 'platform', value: 'web' }]);
	expect(sb.labels('us', { user: 'customer-globex' })).toEqual([]);
});

test('bulk, connections, sync reports and filters take { region, user, credential }', async () => {
	const acme = { user: 'customer-acme' };
	const [warehouseId] = sb.bulk('warehouses', 1, acme);
	const [sourceId] = sb.bulk('sources', 1, acme);
	const [destinationId] = sb.bulk('destinations', 2, { region: 'eu', credential: 'acme-second' });
	expect(sb.entities('warehouses', 'us', acme).map((w) => w.id)).toEqual([warehouseId]);
	expect(sb.entities('warehouses')).toEqual([]);
	// A bulk destination reads from a source of its own workspace.
	const euSources = sb.entities('sources', 'eu', { credential: 'acme-second' });
	expect(sb.entities('destinations', 'eu', { credential: 'acme-second' }).map((d) => d.sourceId)).toEqual([euSources[0].id, euSources[0].id]);
	expect(sb.entities('sources')).toEqual([]);

	sb.connect(warehouseId, sourceId, acme);
	expect(sb.connections('us', acme)).toEqual([{ warehouseId, sourceId }]);
	expect(sb.connections()).toEqual([]);
	expect(() => sb.connect(warehouseId, sourceId)).toThrow(/Unknown warehouse .* us workspace of sandbox-user/);
	expect(sb.addSyncReports(warehouseId, [{ status: 'FAILED' }], acme)).toEqual([expect.objectContaining({ sourceId, status: 'FAILED' })]);
	expect(sb.syncReports(warehouseId, acme)).toHaveLength(1);
	expect(sb.syncReports(warehouseId)).toEqual([]);
	sb.disconnect(warehouseId, sourceId, acme);
	expect(sb.connections('us', acme)).toEqual([]);

	const filter = { sourceId: euSources[0].id, if: 'type = "track"', actions: [{ type: 'DROP' }], title: 'Drop tracks', enabled: true };
	const euSecond = client(sb, { token: 'acme-token', region: 'eu', headers: { [CREDENTIAL_HEADER]: 'acme-second' } });
	expect((await euSecond('POST', `/destination/${destinationId}/filters`, filter)).status).toBe(200);
	expect(sb.filters(destinationId, { region: 'eu', credential: 'acme-second' }).map((f) => f.title)).toEqual(['Drop tracks']);
	expect(sb.filters(destinationId, { region: 'eu', user: 'customer-acme' })).toEqual([]);
});

test('reset empties every user\'s workspaces', async () => {
	sb.bulk('sources', 3, { user: 'customer-globex' });
	sb.bulk('sources', 3, { region: 'eu', credential: 'acme-second' });
	await asAcme('POST', '/labels', { label: { key: 'k', value: 'v' } });
	sb.reset();
	for (const user of sb.users()) {
		for (const credential of user.credentials) {
			for (const region of ['us', 'eu']) {
				expect(sb.entities('sources', region, { credential: credential.id })).toEqual([]);
				expect(sb.labels(region, { credential: credential.id })).toEqual([]);
			}
		}
	}
});

test('an unknown user, credential or option is a TypeError, never the default workspace', () => {
	expect(() => sb.entities('warehouses', 'us', { user: 'nobody' })).toThrow(/Unknown user "nobody" \(connected users: sandbox-user, customer-acme, customer-globex\)/);
	expect(() => sb.entities('warehouses', 'us', { credential: 'nope' })).toThrow(/Unknown credential "nope"/);
	expect(() => sb.labels('us', { user: 'sandbox-user', credential: 'acme-main' })).toThrow(/Credential "acme-main" belongs to customer-acme, not sandbox-user/);
	expect(() => sb.entities('warehouses', 'us', { usr: 'customer-acme' })).toThrow(/Unknown option usr \(use user, credential\)/);
	expect(() => sb.entities('warehouses', 'us', { region: 'eu' })).toThrow(/Unknown option region/);
	expect(() => sb.bulk('warehouses', 1, { region: 'us', userId: 'customer-acme' })).toThrow(/Unknown option userId \(use region, user, credential\)/);
	expect(() => sb.syncReports('w', { user: 'nobody' })).toThrow(TypeError);
	expect(() => sb.workspaceId('ap', { user: 'customer-acme' })).toThrow(/Unknown region/);
	expect(() => sb.labels('us', 'customer-acme')).toThrow(/Options must be an object/);
});

test('GET /__sandbox/info lists users, credentials and workspaces; POST /__sandbox/bulk takes user and credential', async () => {
	const info = await (await fetch(`${sb.url}/__sandbox/info`)).json();
	expect(info.connectedUsers).toEqual(['sandbox-user', 'customer-acme', 'customer-globex']);
	expect(info.users).toEqual(sb.users());
	expect(info.workspaces).toEqual({ us: sb.workspaceId('us'), eu: sb.workspaceId('eu') });
	const bulk = async (body) => {
		const response = await fetch(`${sb.url}/__sandbox/bulk`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		return { status: response.status, body: await response.json() };
	};
	const made = await bulk({ resource: 'sources', count: 2, region: 'eu', user: 'customer-acme', credential: 'acme-second' });
	expect(made).toMatchObject({ status: 200, body: { ok: true, count: 2 } });
	expect(sb.entities('sources', 'eu', { credential: 'acme-second' }).map((s) => s.id)).toEqual(made.body.ids);
	expect(await bulk({ resource: 'sources', count: 1, user: 'nobody' })).toEqual({ status: 400, body: { message: expect.stringMatching(/Unknown user "nobody"/) } });
});

describe('the connectedUsers option', () => {
	test('no connected user: the module API says so and info has no default workspaces', async () => {
		const nobody = await startSandbox({ connectedUsers: [] });
		try {
			expect(() => nobody.entities('warehouses')).toThrow(/No connected user/);
			const info = await (await fetch(`${nobody.url}/__sandbox/info`)).json();
			expect(info).toMatchObject({ connectedUsers: [], users: [], workspaces: null });
			expect((await client(nobody)('GET', LIST)).status).toBe(400);
		} finally {
			await nobody.close();
		}
	});

	test.each([
		[[''], /entry 0 is an empty user id/],
		[[null], /entry 0 must be a user id or \{id, credentials\}/],
		[[['sandbox-user']], /entry 0 must be a user id/],
		[[{}], /entry 0 needs an id/],
		[[{ id: 'u', credentials: [] }], /credentials of u must be a non-empty array/],
		[[{ id: 'u', credentials: [''] }], /credentials of u/],
		[[{ id: 'u', credentials: 'c' }], /credentials of u/],
		[[{ id: 'u', credential: 'c' }], /unknown field credential/],
		[['u', 'u'], /user u is listed twice/],
		[[{ id: 'a', credentials: ['c'] }, { id: 'b', credentials: ['c'] }], /credential c is listed twice/],
		[[{ id: 'a', credentials: ['c', 'c'] }], /credential c is listed twice/],
	])('connectedUsers %j is refused', async (connectedUsers, message) => {
		await expect(startSandbox({ connectedUsers })).rejects.toThrow(message);
	});
});
