'use strict';
// /__sandbox/* control endpoints, for end-to-end tests in another process.
const { startSandbox } = require('../../sandbox');
const { client, generateKeys, catalogId, SETTINGS, TOKEN, useSandbox } = require('./helpers');

const sb = useSandbox({ seed: true, publicKey: generateKeys().publicKeyPem });

async function control(method, path, body) {
	const init = { method };
	if (body !== undefined) {
		init.headers = { 'Content-Type': 'application/json' };
		init.body = typeof body === 'string' ? body : JSON.stringify(body);
	}
	const response = await fetch(`${sb.url}/__sandbox${path}`, init);
	return { status: response.status, body: await response.json() };
}

test('GET /__sandbox/info', async () => {
	const answer = await control('GET', '/info');
	expect(answer).toEqual({
		status: 200,
		body: {
			url: sb.url,
			projectId: 'sandbox-project',
			audience: 'useparagon.com/sandbox-project',
			userIds: ['sandbox-user'],
			connectedUsers: ['sandbox-user'],
			signingKeyMode: true,
			seed: true,
			workspaces: { us: sb.workspaceId('us'), eu: sb.workspaceId('eu') },
			users: [{ id: 'sandbox-user', credentials: [{ id: 'sandbox-user-credential-1', default: true, workspaces: { us: sb.workspaceId('us'), eu: sb.workspaceId('eu') } }] }],
			connectionsAccepted: expect.any(Number),
		},
	});
	expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
});

test('connectionsAccepted counts TCP connections: one keep-alive agent makes one, fresh connections one each', async () => {
	const http = require('node:http');
	const get = (agent) =>
		new Promise((resolve, reject) => {
			http.get(`${sb.url}/__sandbox/info`, { agent }, (response) => {
				response.resume();
				response.on('end', resolve);
			}).on('error', reject);
		});
	const accepted = async () => (await control('GET', '/info')).body.connectionsAccepted;
	const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
	let before = await accepted();
	for (let n = 0; n < 5; n++) await get(keepAlive);
	keepAlive.destroy();
	// The control call that reads the figure opens one connection of its own (fetch keeps it for the next read).
	expect((await accepted()) - before).toBeLessThanOrEqual(2);
	before = await accepted();
	for (let n = 0; n < 5; n++) await get(new http.Agent({ keepAlive: false }));
	expect((await accepted()) - before).toBeGreaterThanOrEqual(5);
});

test('signingKeyMode is false without a public key', async () => {
	const plain = await startSandbox();
	try {
		const info = await (await fetch(`${plain.url}/__sandbox/info`)).json();
		expect(info.signingKeyMode).toBe(false);
		expect(info.seed).toBe(false);
	} finally {
		await plain.close();
	}
});

test('GET /__sandbox/requests serves the log with the token redacted; DELETE clears it', async () => {
	await client(sb)('GET', '/labels');
	const answer = await control('GET', '/requests');
	expect(answer.status).toBe(200);
	expect(answer.body.requests).toHaveLength(1);
	expect(answer.body.requests[0]).toMatchObject({ method: 'GET', segmentPath: '/labels', status: 200, region: 'us', segments: ['labels'] });
	expect(answer.body.requests[0].headers.authorization).toBe('[redacted]');
	expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
	expect(sb.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
	expect(await control('DELETE', '/requests')).toEqual({ status: 200, body: { ok: true } });
	expect(sb.requests).toEqual([]);
});

test('GET /__sandbox/requests never serves a secret setting of a body (the in-process log keeps it)', async () => {
	const settings = { ...SETTINGS.redshift, password: 'pw-in-clear' };
	await client(sb)('POST', '/warehouses', { metadataId: catalogId(sb, 'warehouses', 'redshift'), name: 'W', enabled: true, settings });
	await client(sb)('POST', '/warehouses/validation', { metadataId: catalogId(sb, 'warehouses', 'bigquery'), settings: { ...SETTINGS.bigquery, credentials: 'sa-json-secret' } });
	await client(sb)('POST', '/labels', { label: { key: 'team', value: 'data' } });
	const served = (await control('GET', '/requests')).body.requests;
	expect(JSON.stringify(served)).not.toMatch(/pw-in-clear|sa-json-secret/);
	expect(served[0].body.settings).toMatchObject({ password: '[redacted]', hostname: settings.hostname });
	expect(served[1].body.settings.credentials).toBe('[redacted]');
	expect(served[2].body).toEqual({ label: { key: 'team', value: 'data' } });
	expect(sb.requests[0].body.settings.password).toBe('pw-in-clear');
});

test('POST /__sandbox/faults adds a fault (times "Infinity" or null = always); GET lists; DELETE clears', async () => {
	const added = await control('POST', '/faults', { path: '/warehouses', status: 503, times: 'Infinity' });
	expect(added.status).toBe(200);
	expect(added.body).toMatchObject({ ok: true, faults: 1, fault: { path: '/warehouses', status: 503, times: 'Infinity' } });
	await control('POST', '/faults', { status: 429, times: null, region: 'eu' });
	expect((await control('GET', '/faults')).body.faults).toHaveLength(2);
	for (let i = 0; i < 3; i++) expect((await client(sb)('GET', '/warehouses?pagination.count=1')).status).toBe(503);
	expect((await client(sb, { region: 'eu' })('GET', '/labels')).status).toBe(429);
	expect(await control('DELETE', '/faults')).toEqual({ status: 200, body: { ok: true } });
	expect((await client(sb)('GET', '/warehouses?pagination.count=1')).status).toBe(200);
});

test('a bad fault answers 400 with a message', async () => {
	expect(await control('POST', '/faults', { status: 'soon' })).toEqual({ status: 400, body: { message: 'Invalid fault: status must be an HTTP status code' } });
	expect(await control('POST', '/faults', '{oops')).toEqual({ status: 400, body: { message: 'Body is not valid JSON' } });
	expect((await control('POST', '/faults')).status).toBe(400);
});

test('POST /__sandbox/reset restores the seeded data', async () => {
	const before = sb.entities('warehouses');
	await client(sb)('DELETE', `/warehouses/${before[0].id}`);
	expect(sb.entities('warehouses')).toHaveLength(before.length - 1);
	expect(await control('POST', '/reset')).toEqual({ status: 200, body: { ok: true } });
	expect(sb.entities('warehouses')).toEqual(before);
	expect(sb.requests).toEqual([]);
});

test('POST /__sandbox/bulk inserts entities and answers their ids', async () => {
	const answer = await control('POST', '/bulk', { resource: 'destinations', count: 3, region: 'eu' });
	expect(answer.status).toBe(200);
	expect(answer.body).toMatchObject({ ok: true, count: 3 });
	expect(answer.body.ids).toHaveLength(3);
	expect(sb.entities('destinations', 'eu').slice(-3).map((d) => d.id)).toEqual(answer.body.ids);
	expect(sb.requests).toEqual([]);
	expect((await control('POST', '/bulk', { resource: 'widgets', count: 1 })).status).toBe(400);
	expect((await control('POST', '/bulk', { resource: 'sources', count: -1 })).status).toBe(400);
});

test('unknown control paths answer 404, wrong methods 405', async () => {
	expect(await control('GET', '/nope')).toEqual({ status: 404, body: { message: 'No control endpoint /__sandbox/nope' } });
	expect(await control('POST', '/info', {})).toEqual({ status: 405, body: { message: 'Use GET on /__sandbox/info' } });
	expect(await control('GET', '/reset')).toEqual({ status: 405, body: { message: 'Use POST on /__sandbox/reset' } });
});
