'use strict';
// Paragon's wrapped answers: without X-Paragon-Use-Raw-Response: 1, Segment's answer comes as
// {"output": <body>} with the same status and none of Segment's headers; Paragon's own errors
// are never wrapped.
const { client, warehouseBody, PARAGON, NOT_FOUND, useSandbox } = require('./helpers');

const sb = useSandbox();
const wrapped = client(sb, { raw: false });
const raw = client(sb);

test('a success is wrapped in output, same status, no rate-limit headers', async () => {
	const answer = await wrapped('GET', '/warehouses?pagination.count=5');
	expect(answer.status).toBe(200);
	expect(answer.headers.get('content-type')).toBe('application/json');
	expect(answer.body).toEqual({ output: { data: { warehouses: [], pagination: { current: expect.any(String), totalEntries: 0 } } } });
	expect(answer.headers.get('x-ratelimit-remaining')).toBeNull();
	expect(answer.headers.get('x-ratelimit-reset')).toBeNull();
	expect(sb.requests[0].rawResponse).toBe(false);
});

test('with the header: Segment\'s own body and headers', async () => {
	const answer = await raw('GET', '/warehouses?pagination.count=5');
	expect(answer.body).toEqual({ data: { warehouses: [], pagination: expect.any(Object) } });
	expect(answer.headers.get('x-ratelimit-remaining')).toBe('1000');
	expect(sb.requests[0].rawResponse).toBe(true);
	expect(sb.requests[0].headers['x-paragon-use-raw-response']).toBe('1');
});

test.each(['true', 'TRUE', ' 1 '])('"%s" also asks for the raw answer', async (value) => {
	const answer = await client(sb, { raw: false, headers: { 'X-Paragon-Use-Raw-Response': value } })('GET', '/labels');
	expect(answer.body).toEqual({ data: { labels: [] } });
});

test.each(['0', 'false', 'yes', ''])('"%s" does not', async (value) => {
	const answer = await client(sb, { raw: false, headers: { 'X-Paragon-Use-Raw-Response': value } })('GET', '/labels');
	expect(answer.body).toEqual({ output: { data: { labels: [] } } });
});

test('Segment\'s errors are wrapped too, with their status (404, 422, 400, 405)', async () => {
	const missing = await wrapped('GET', '/warehouses/nope');
	expect(missing.status).toBe(404);
	expect(missing.body).toEqual({ output: NOT_FOUND });
	const invalid = await wrapped('POST', '/warehouses', { settings: {} });
	expect(invalid.status).toBe(422);
	expect(invalid.body.output.errors[0]).toMatchObject({ type: 'ValidationError', field: 'metadataId' });
	const badQuery = await wrapped('GET', '/warehouses');
	expect(badQuery.status).toBe(400);
	expect(badQuery.body.output.errors[0].field).toBe('pagination.count');
	const method = await wrapped('PUT', '/warehouses', {});
	expect(method.status).toBe(405);
	expect(method.body.output.errors[0].type).toBe('method-not-allowed');
	expect(method.headers.get('allow')).toBeNull();
});

test('a create is wrapped: the entity is under output.data', async () => {
	const answer = await wrapped('POST', '/warehouses', warehouseBody(sb));
	expect(answer.status).toBe(200);
	expect(answer.body.output.data.warehouse.settings.name).toBe('My Data Warehouse');
	expect(sb.entities('warehouses')).toHaveLength(1);
});

test('Paragon\'s own errors are never wrapped', async () => {
	expect((await client(sb, { raw: false, token: null })('GET', '/labels')).body).toEqual(PARAGON.unauthorized);
	expect((await client(sb, { raw: false, token: 'wrong' })('GET', '/labels')).body).toEqual(PARAGON.invalidToken);
	const other = await fetch(`${sb.url}/projects/other/sdk/proxy/segment/labels`, { headers: { Authorization: 'Bearer sandbox-user-token' } });
	expect(await other.json()).toEqual(PARAGON.projectNotFound);
	const eu = await fetch(`${sb.url}/projects/${sb.projectId}/sdk/proxy/segment/https://evil.example.com/labels`, { headers: { Authorization: 'Bearer sandbox-user-token' } });
	expect(await eu.json()).toEqual(PARAGON.invalidBaseUrl);
});

test('a fault after Paragon\'s checks stands for Segment: wrapped, Retry-After kept, rate-limit headers dropped', async () => {
	sb.addFault({ path: '/labels', status: 429, msBeforeNext: 2000, retryAfter: '2' });
	const answer = await wrapped('GET', '/labels');
	expect(answer.status).toBe(429);
	expect(answer.body).toEqual({ output: { errors: [{ type: 'RequestError', message: 'Too many requests', data: expect.objectContaining({ msBeforeNext: 2000 }) }] } });
	expect(answer.headers.get('retry-after')).toBe('2');
	expect(answer.headers.get('x-ratelimit-remaining')).toBeNull();
});

test('a fault before Paragon\'s checks and a non-JSON page are never wrapped', async () => {
	sb.addFault({ beforeAuth: true, status: 502 });
	expect((await wrapped('GET', '/labels')).body).toEqual({ errors: [{ type: 'BadGateway', message: 'Bad Gateway' }] });
	sb.addFault({ status: 504, nonJson: true });
	const page = await wrapped('GET', '/labels');
	expect(page.headers.get('content-type')).toMatch(/^text\/html/);
});
