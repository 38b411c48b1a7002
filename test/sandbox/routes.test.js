'use strict';
// Segment's routing and request checks: unknown routes, methods, bodies, query, headers.
const { client, rawRequest, catalogId, validation, warehouseBody, TOKEN, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

const PREFIX = '/projects/sandbox-project/sdk/proxy/segment';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'x-paragon-use-raw-response': '1' };

test.each([
	['GET', '/v1/warehouses', 'No route for GET /v1/warehouses'],
	['GET', '/workspaces', 'No route for GET /workspaces'],
	['GET', '/warehouses/a/b', 'No route for GET /warehouses/a/b'],
	['GET', '/warehouses/', 'No route for GET /warehouses/'],
	['GET', '/catalog/labels', 'No route for GET /catalog/labels'],
	['GET', '//', 'No route for GET //'],
	['GET', '/events', 'No route for GET /events'],
	['GET', '/usage/mtu', 'No route for GET /usage/mtu'],
])('%s %s answers 404 with the errors envelope', async (method, path, message) => {
	const answer = await rawRequest(sb, method, PREFIX + path, { headers: AUTH });
	expect(answer.status).toBe(404);
	expect(answer.body).toEqual({ errors: [{ type: 'not-found', message }] });
	expect(answer.headers['x-ratelimit-remaining']).toBe('1000');
});

test.each([
	['PUT', '/warehouses', 'GET, POST'],
	['DELETE', '/sources', 'GET, POST'],
	['POST', '/warehouses/abc', 'GET, PATCH, DELETE'],
	['PUT', '/destinations/abc', 'GET, PATCH, DELETE'],
	['DELETE', '/labels', 'GET, POST'],
	['HEAD', '/warehouses', 'GET, POST'],
])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
	const answer = await rawRequest(sb, method, PREFIX + path, { headers: AUTH });
	expect(answer.status).toBe(405);
	expect(answer.headers.allow).toBe(allow);
	if (method !== 'HEAD') {
		expect(answer.body).toEqual({ errors: [{ type: 'method-not-allowed', message: `Method ${method} is not allowed here (allowed: ${allow})` }] });
	}
});

describe('request bodies', () => {
	test.each([
		['not JSON', '{"metadataId":', 'Request body is not valid JSON'],
		['an array', '[]', 'Request body must be a JSON object'],
		['a string', '"settings"', 'Request body must be a JSON object'],
		['null', 'null', 'Request body must be a JSON object'],
		['empty', '', 'Request body must be a JSON object'],
	])('a body that is %s answers 400', async (name, body, message) => {
		const answer = await rawRequest(sb, 'POST', `${PREFIX}/warehouses`, { headers: { ...AUTH, 'content-type': 'application/json' }, body });
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({ errors: [validation(message)] });
	});

	test.each([undefined, 'text/plain', 'application/x-www-form-urlencoded'])('Content-Type %s answers 415', async (contentType) => {
		const headers = { ...AUTH };
		if (contentType) headers['content-type'] = contentType;
		const answer = await rawRequest(sb, 'POST', `${PREFIX}/labels`, { headers, body: '{"label":{"key":"a","value":"b"}}' });
		expect(answer.status).toBe(415);
		expect(answer.body).toEqual({ errors: [{ type: 'UnsupportedMediaType', message: 'Content-Type must be application/json' }] });
		expect(sb.labels()).toEqual([]);
	});

	test('application/json with a charset is fine', async () => {
		const answer = await call('POST', '/labels', { label: { key: 'a', value: 'b' } }, { 'Content-Type': 'application/json; charset=utf-8' });
		expect(answer.status).toBe(200);
	});

	test('PATCH and PUT need a JSON object too', async () => {
		const created = await call('POST', '/warehouses', warehouseBody(sb));
		const patch = await call('PATCH', `/warehouses/${created.body.data.warehouse.id}`, '[1]');
		expect(patch.status).toBe(400);
		const put = await call('PUT', '/sources/any/labels', 'nope');
		expect(put.status).toBe(400);
	});
});

test.each([
	['GET', '/warehouses/abc?expand=true'],
	['DELETE', '/warehouses/abc?force=true'],
	['GET', '/labels?x=1'],
])('%s %s: a query where none is taken answers 400', async (method, path) => {
	const answer = await call(method, path);
	expect(answer.status).toBe(400);
	expect(answer.body.errors[0].type).toBe('ValidationError');
	expect(answer.body.errors[0].message).toMatch(/^Unknown query parameter: /);
});

test('POST with a query answers 400 before anything is created', async () => {
	const answer = await call('POST', '/labels?dryRun=true', { label: { key: 'a', value: 'b' } });
	expect(answer.status).toBe(400);
	expect(sb.labels()).toEqual([]);
});

test('malformed percent-encoding in the path answers 400', async () => {
	const answer = await rawRequest(sb, 'GET', `${PREFIX}/warehouses/%E0%A4%A`, { headers: AUTH });
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [{ type: 'RequestError', message: 'Malformed percent-encoding in the path' }] });
});

test('literal dot segments are not resolved: they are an unknown route', async () => {
	const answer = await rawRequest(sb, 'GET', `${PREFIX}/warehouses/../workspaces`, { headers: AUTH });
	expect(answer.status).toBe(404);
	expect(answer.body.errors[0].type).toBe('not-found');
});

test('a percent-encoded id with a slash or a query stays one id', async () => {
	for (const id of ['../workspaces', 'a/b?x=1', 'wh 1#x']) {
		const answer = await call('GET', `/warehouses/${encodeURIComponent(id)}`);
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual({ errors: [{ type: 'resource-not-found', message: 'Resource not found' }] });
	}
	expect(sb.requests.map((r) => r.segments)).toEqual([
		['warehouses', '../workspaces'],
		['warehouses', 'a/b?x=1'],
		['warehouses', 'wh 1#x'],
	]);
	expect(sb.requests.map((r) => r.query)).toEqual([{}, {}, {}]);
});

test('every Segment answer carries X-RateLimit-Remaining and an HTTP-date X-RateLimit-Reset', async () => {
	const answers = [
		await call('GET', '/warehouses?pagination.count=1'),
		await call('GET', '/warehouses/missing'),
		await call('POST', '/warehouses', {}),
		await call('GET', '/labels'),
		await call('GET', '/warehouses'),
	];
	for (const answer of answers) {
		expect(answer.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
		const reset = answer.headers.get('x-ratelimit-reset');
		expect(reset).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		expect(Date.parse(reset)).toBeGreaterThan(Date.now() - 1000);
		expect(answer.headers.get('content-type')).toBe('application/json');
	}
});
