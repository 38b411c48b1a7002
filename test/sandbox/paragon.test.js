'use strict';
// Paragon's front: proxy path, project, Authorization, integration, connected user, EU override.
const { startSandbox } = require('../../sandbox');
const { client, rawRequest, proxyBase, readAnswer, PARAGON, TOKEN } = require('./helpers');

let sb;
beforeAll(async () => {
	sb = await startSandbox({
		tokens: { 'sandbox-user-token': 'sandbox-user', 'other-token': 'not-connected-user' },
	});
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const LIST = '/warehouses?pagination.count=5';

test('a valid static token reaches Segment', async () => {
	const answer = await client(sb)('GET', LIST);
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({ data: { warehouses: [], pagination: { current: expect.any(String), totalEntries: 0 } } });
});

test('no Authorization header answers 401 UNAUTHORIZED', async () => {
	const answer = await client(sb, { token: null })('GET', LIST);
	expect(answer.status).toBe(401);
	expect(answer.body).toEqual(PARAGON.unauthorized);
	expect(answer.headers.get('content-type')).toBe('application/json');
});

test.each([
	['Basic c2FuZGJveDp4', 'another scheme'],
	['Bearer', 'a scheme without token'],
	['Bearer ', 'an empty token'],
	[`Bearer  ${TOKEN}`, 'two spaces'],
	[TOKEN, 'a bare token'],
])('Authorization "%s" (%s) answers 401 UNAUTHORIZED', async (authorization) => {
	const answer = await rawRequest(sb, 'GET', `/projects/sandbox-project/sdk/proxy/segment${LIST}`, { headers: { authorization } });
	expect(answer.status).toBe(401);
	expect(answer.body).toEqual(PARAGON.unauthorized);
});

test('the Bearer scheme is case-insensitive', async () => {
	const answer = await rawRequest(sb, 'GET', `/projects/sandbox-project/sdk/proxy/segment${LIST}`, { headers: { authorization: `bearer ${TOKEN}` } });
	expect(answer.status).toBe(200);
});

test('an unknown static token answers 401 INVALID_TOKEN and is never echoed', async () => {
	const answer = await client(sb, { token: 'not-a-known-token' })('GET', LIST);
	expect(answer.status).toBe(401);
	expect(answer.body).toEqual(PARAGON.invalidToken);
	expect(answer.text).not.toContain('not-a-known-token');
});

test('an unknown project answers 404 PROJECT_NOT_FOUND', async () => {
	const response = await fetch(`${sb.url}/projects/other-project/sdk/proxy/segment${LIST}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
	const answer = await readAnswer(response);
	expect(answer.status).toBe(404);
	expect(answer.body).toEqual(PARAGON.projectNotFound);
});

test('the project is checked before the token', async () => {
	const response = await fetch(`${sb.url}/projects/other-project/sdk/proxy/segment${LIST}`);
	expect(response.status).toBe(404);
	expect(await response.json()).toEqual(PARAGON.projectNotFound);
});

test('an integration other than segment answers 404 INTEGRATION_NOT_FOUND', async () => {
	const response = await fetch(`${sb.url}/projects/sandbox-project/sdk/proxy/hubspot${LIST}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
	expect(response.status).toBe(404);
	expect(await response.json()).toEqual(PARAGON.integrationNotFound);
});

test('a user who has not connected Segment gets 400 INTEGRATION_NOT_ENABLED', async () => {
	const answer = await client(sb, { token: 'other-token' })('GET', LIST);
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual(PARAGON.notEnabled);
});

test.each(['/', '/projects/sandbox-project', '/projects/sandbox-project/sdk/proxy', '/v1/warehouses', '/projects/sandbox-project/proxy/segment/warehouses'])(
	'a path that is not a proxy path (%s) answers 404 NOT_FOUND',
	async (path) => {
		const answer = await rawRequest(sb, 'GET', path, { headers: { authorization: `Bearer ${TOKEN}` } });
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual(PARAGON.notFound);
	},
);

describe('base URL override', () => {
	const prefix = '/projects/sandbox-project/sdk/proxy/segment/';
	const auth = { authorization: `Bearer ${TOKEN}` };

	test.each([
		['https://eu1.api.segmentapis.com/warehouses?pagination.count=5', 'literal'],
		['https%3A%2F%2Feu1.api.segmentapis.com/warehouses?pagination.count=5', 'percent-encoded'],
		['https%3a%2f%2feu1.api.segmentapis.com/warehouses?pagination.count=5', 'lower-case percent-encoding'],
	])('the EU base URL is accepted %s (%s)', async (rest) => {
		const answer = await rawRequest(sb, 'GET', prefix + rest, { headers: auth });
		expect(answer.status).toBe(200);
		expect(sb.requests[0].region).toBe('eu');
		expect(sb.requests[0].segmentPath).toBe('/warehouses');
	});

	test.each([
		'https://api.segmentapis.com/warehouses?pagination.count=5',
		'https://evil.example.com/warehouses?pagination.count=5',
		'http://eu1.api.segmentapis.com/warehouses?pagination.count=5',
		'https:/eu1.api.segmentapis.com/warehouses?pagination.count=5',
		'https%3A%2F%2Fevil.example.com/warehouses?pagination.count=5',
		'https://eu1.api.segmentapis.com.evil.example.com/warehouses?pagination.count=5',
	])('any other full URL (%s) answers 400', async (rest) => {
		const answer = await rawRequest(sb, 'GET', prefix + rest, { headers: auth });
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual(PARAGON.invalidBaseUrl);
		expect(sb.requests[0].region).toBeNull();
	});

	test('fetch keeps the literal EU URL as the node will send it', async () => {
		const answer = await client(sb, { region: 'eu' })('GET', LIST);
		expect(answer.status).toBe(200);
		expect(sb.requests[0].url).toBe('/projects/sandbox-project/sdk/proxy/segment/https://eu1.api.segmentapis.com/warehouses?pagination.count=5');
	});
});

test('Paragon errors carry no Segment rate-limit headers, Segment answers do', async () => {
	const refused = await client(sb, { token: null })('GET', LIST);
	expect(refused.headers.get('x-ratelimit-remaining')).toBeNull();
	const answered = await client(sb)('GET', LIST);
	expect(answered.headers.get('x-ratelimit-remaining')).toBe('1000');
	expect(new Date(answered.headers.get('x-ratelimit-reset')).toUTCString()).toBe(answered.headers.get('x-ratelimit-reset'));
});

test('the proxy base is what the SPEC says', () => {
	expect(proxyBase(sb)).toBe(`${sb.url}/projects/sandbox-project/sdk/proxy/segment`);
});
