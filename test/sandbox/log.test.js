'use strict';
// The request log: one entry per proxied request, with the fields tests of the node rely on.
const { client, rawRequest, catalogId, SETTINGS, TOKEN, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

test('an entry has every field', async () => {
	const before = Date.now();
	await call('POST', '/warehouses', { metadataId: catalogId(sb, 'warehouses', 'redshift'), settings: SETTINGS.redshift, enabled: true }, { 'X-Custom': 'Yes' });
	expect(sb.requests).toHaveLength(1);
	const entry = sb.requests[0];
	expect(entry).toEqual({
		method: 'POST',
		url: '/projects/sandbox-project/sdk/proxy/segment/warehouses',
		region: 'us',
		segmentPath: '/warehouses',
		segments: ['warehouses'],
		query: {},
		rawResponse: true,
		headers: expect.objectContaining({
			authorization: `Bearer ${TOKEN}`,
			'content-type': 'application/json',
			accept: 'application/json',
			'x-custom': 'Yes',
			'x-paragon-use-raw-response': '1',
		}),
		body: { metadataId: catalogId(sb, 'warehouses', 'redshift'), settings: SETTINGS.redshift, enabled: true },
		status: 200,
		time: expect.any(Number),
		auth: { kind: 'static', userId: 'sandbox-user', tokenSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
		userId: 'sandbox-user',
		credentialId: 'sandbox-user-credential-1',
		workspaceId: sb.workspaceId('us'),
	});
	expect(entry.time).toBeGreaterThanOrEqual(before);
	expect(entry.time).toBeLessThanOrEqual(Date.now());
});

test('a percent-encoded id stays one raw segment and decodes to one segment', async () => {
	await call('GET', `/warehouses/${encodeURIComponent('../workspaces')}`);
	const entry = sb.requests[0];
	expect(entry.url).toBe('/projects/sandbox-project/sdk/proxy/segment/warehouses/..%2Fworkspaces');
	expect(entry.segmentPath).toBe('/warehouses/..%2Fworkspaces');
	expect(entry.segments).toEqual(['warehouses', '../workspaces']);
	expect(entry.status).toBe(404);
});

test('EU entries keep the raw URL and the path after the EU base URL', async () => {
	await client(sb, { region: 'eu' })('GET', `/sources/${encodeURIComponent('wh/1')}`);
	expect(sb.requests[0]).toMatchObject({
		url: '/projects/sandbox-project/sdk/proxy/segment/https://eu1.api.segmentapis.com/sources/wh%2F1',
		region: 'eu',
		segmentPath: '/sources/wh%2F1',
		segments: ['sources', 'wh/1'],
	});
});

test('repeated query keys become arrays', async () => {
	await call('GET', '/warehouses?pagination.count=2&pagination.count=3&a=1');
	expect(sb.requests[0].query).toEqual({ 'pagination.count': ['2', '3'], a: '1' });
	expect(sb.requests[0].segmentPath).toBe('/warehouses');
	expect(sb.requests[0].status).toBe(400);
});

test('a body that is not JSON is kept as a string; no body is undefined', async () => {
	await call('POST', '/labels', 'key=value');
	await call('GET', '/labels');
	expect(sb.requests[0].body).toBe('key=value');
	expect(sb.requests[1].body).toBeUndefined();
	expect(sb.requests[1]).toHaveProperty('body');
});

test('requests refused by Paragon are logged with their status', async () => {
	await client(sb, { token: null })('GET', '/labels');
	await rawRequest(sb, 'GET', '/nowhere');
	expect(sb.requests.map((r) => [r.status, r.region, r.auth])).toEqual([
		[401, 'us', null],
		[404, null, null],
	]);
	expect(sb.requests[1]).toMatchObject({ url: '/nowhere', segmentPath: null, segments: [] });
});

test('an invalid token is logged by its hash only', async () => {
	await client(sb, { token: 'wrong-token' })('GET', '/labels');
	expect(sb.requests[0].auth).toEqual({ kind: 'invalid', tokenSha256: expect.any(String) });
	expect(JSON.stringify(sb.requests[0].auth)).not.toContain('wrong-token');
});

test('entries stay in arrival order; clearRequests empties the same array', async () => {
	const log = sb.requests;
	await call('GET', '/labels');
	await call('GET', '/warehouses?pagination.count=1');
	expect(log.map((r) => r.segmentPath)).toEqual(['/labels', '/warehouses']);
	sb.clearRequests();
	expect(sb.requests).toHaveLength(0);
	expect(log).toBe(sb.requests);
});

test('control endpoints and bulk inserts are not logged', async () => {
	await fetch(`${sb.url}/__sandbox/info`);
	sb.bulk('warehouses', 5);
	expect(sb.requests).toEqual([]);
});
