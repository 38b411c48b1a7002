'use strict';
// Faults on demand: statuses, rate limits, delays, drops, non-JSON answers, processed writes,
// countdown, and matching by method, path and region.
const { startSandbox } = require('../../sandbox');
const { client, catalogId, warehouseBody: validWarehouseBody, PARAGON } = require('./helpers');

let sb;
let call;
let eu;
beforeAll(async () => {
	sb = await startSandbox();
	call = client(sb);
	eu = client(sb, { region: 'eu' });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const LIST = '/warehouses?pagination.count=5';

function warehouseBody() {
	return validWarehouseBody(sb, { name: 'W' });
}

test('429 answers Segment\'s rate-limit body and headers', async () => {
	sb.addFault({ path: '/warehouses', status: 429, msBeforeNext: 1500 });
	const before = Date.now();
	const answer = await call('GET', LIST);
	expect(answer.status).toBe(429);
	expect(answer.body).toEqual({
		errors: [{ type: 'RequestError', message: 'Too many requests', data: { msBeforeNext: 1500, remainingPoints: 0, consumedPoints: 51, isFirstInDuration: false } }],
	});
	expect(answer.headers.get('content-type')).toBe('application/json');
	expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
	const reset = Date.parse(answer.headers.get('x-ratelimit-reset'));
	expect(reset).toBeGreaterThanOrEqual(before + 1500 - 1000);
	expect(reset).toBeLessThanOrEqual(Date.now() + 1500 + 1000);
	expect(answer.headers.get('retry-after')).toBeNull();
	expect((await call('GET', LIST)).status).toBe(200);
});

test('429 without msBeforeNext uses 1000 ms', async () => {
	sb.addFault({ status: 429 });
	const answer = await call('GET', LIST);
	expect(answer.body.errors[0].data.msBeforeNext).toBe(1000);
});

test('retryAfter, rateLimitReset and rateLimitRemaining set those headers', async () => {
	sb.addFault({ status: 429, retryAfter: '2', rateLimitReset: String(Date.now() + 3000), rateLimitRemaining: '0' });
	const answer = await call('GET', LIST);
	expect(answer.headers.get('retry-after')).toBe('2');
	expect(answer.headers.get('x-ratelimit-reset')).toMatch(/^\d{13}$/);
	expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
});

test('a fault with only headers changes the real answer\'s headers', async () => {
	sb.addFault({ retryAfter: '7', rateLimitRemaining: '3' });
	const answer = await call('GET', LIST);
	expect(answer.status).toBe(200);
	expect(answer.body.data.warehouses).toEqual([]);
	expect(answer.headers.get('retry-after')).toBe('7');
	expect(answer.headers.get('x-ratelimit-remaining')).toBe('3');
});

test.each([
	[500, 'InternalServerError', 'Internal Server Error'],
	[502, 'BadGateway', 'Bad Gateway'],
	[503, 'ServiceUnavailable', 'Service Unavailable'],
	[504, 'GatewayTimeout', 'Gateway Timeout'],
	[501, 'ServerError', 'Not Implemented'],
	[403, 'RequestError', 'Forbidden'],
])('status %i answers the errors envelope', async (status, type, message) => {
	sb.addFault({ status });
	const answer = await call('GET', LIST);
	expect(answer.status).toBe(status);
	expect(answer.body).toEqual({ errors: [{ type, message }] });
	expect(answer.headers.get('x-ratelimit-remaining')).toBe('1000');
	expect(sb.requests[0].status).toBe(status);
});

test('body overrides the answer, as JSON or as a raw string', async () => {
	sb.addFault({ status: 401, body: { message: 'Custom', code: 'X' } });
	sb.addFault({ status: 200, body: '{"data":' });
	const first = await call('GET', LIST);
	expect(first.status).toBe(401);
	expect(first.body).toEqual({ message: 'Custom', code: 'X' });
	const second = await call('GET', LIST);
	expect(second.status).toBe(200);
	expect(second.text).toBe('{"data":');
	expect(second.headers.get('content-type')).toBe('application/json');
});

test('nonJson answers an HTML page, 200 by default', async () => {
	sb.addFault({ nonJson: true });
	sb.addFault({ nonJson: true, status: 502 });
	sb.addFault({ nonJson: true, status: 503, body: 'Service down' });
	const first = await call('GET', LIST);
	expect(first.status).toBe(200);
	expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
	expect(first.text).toContain('<h1>200 OK</h1>');
	expect(first.body).toBeUndefined();
	const second = await call('GET', LIST);
	expect(second.status).toBe(502);
	expect(second.text).toContain('<title>502 Bad Gateway</title>');
	expect(second.headers.get('x-ratelimit-remaining')).toBeNull();
	const third = await call('GET', LIST);
	expect(third.status).toBe(503);
	expect(third.text).toBe('Service down');
});

test('delayMs delays the real answer', async () => {
	sb.addFault({ delayMs: 250 });
	const started = Date.now();
	const answer = await call('GET', LIST);
	expect(Date.now() - started).toBeGreaterThanOrEqual(240);
	expect(answer.status).toBe(200);
});

test('delayMs with a status delays the fault', async () => {
	sb.addFault({ delayMs: 150, status: 504 });
	const started = Date.now();
	expect((await call('GET', LIST)).status).toBe(504);
	expect(Date.now() - started).toBeGreaterThanOrEqual(140);
});

test('a client timeout on a delayed request does not stop the server', async () => {
	sb.addFault({ delayMs: 5000 });
	await expect(fetch(`${sb.url}/projects/sandbox-project/sdk/proxy/segment${LIST}`, {
		headers: { Authorization: 'Bearer sandbox-user-token' },
		signal: AbortSignal.timeout(100),
	})).rejects.toThrow();
	expect((await call('GET', '/labels')).status).toBe(200);
	expect(sb.requests[0].status).toBeNull();
});

test('drop destroys the socket without answering; it is logged with status 0', async () => {
	sb.addFault({ drop: true });
	await expect(call('GET', LIST)).rejects.toThrow(/fetch failed/);
	expect(sb.requests[0].status).toBe(0);
	expect((await call('GET', LIST)).status).toBe(200);
});

test('process: the write happens, the client sees the fault', async () => {
	sb.addFault({ method: 'POST', path: '/warehouses', status: 500, process: true });
	const answer = await call('POST', '/warehouses', warehouseBody());
	expect(answer.status).toBe(500);
	expect(answer.body).toEqual({ errors: [{ type: 'InternalServerError', message: 'Internal Server Error' }] });
	expect(sb.entities('warehouses')).toHaveLength(1);
	expect(sb.entities('warehouses')[0].settings.name).toBe('W');
});

test('process with drop: written, then the connection is lost', async () => {
	sb.addFault({ method: 'POST', path: '/warehouses', drop: true, process: true, delayMs: 20 });
	await expect(call('POST', '/warehouses', warehouseBody())).rejects.toThrow();
	expect(sb.entities('warehouses')).toHaveLength(1);
	expect(sb.requests[0].status).toBe(0);
});

test('without process, a faulted write does not happen', async () => {
	sb.addFault({ method: 'POST', path: '/warehouses', status: 500 });
	expect((await call('POST', '/warehouses', warehouseBody())).status).toBe(500);
	expect(sb.entities('warehouses')).toHaveLength(0);
});

test('times counts down; Infinity never runs out', async () => {
	sb.addFault({ status: 503, times: 2 });
	const statuses = [];
	for (let i = 0; i < 3; i++) statuses.push((await call('GET', LIST)).status);
	expect(statuses).toEqual([503, 503, 200]);
	sb.addFault({ status: 502, times: Infinity });
	for (let i = 0; i < 5; i++) expect((await call('GET', LIST)).status).toBe(502);
	sb.clearFaults();
	expect((await call('GET', LIST)).status).toBe(200);
});

test('faults apply in the order added', async () => {
	sb.addFault({ status: 502 });
	sb.addFault({ status: 503 });
	expect((await call('GET', LIST)).status).toBe(502);
	expect((await call('GET', LIST)).status).toBe(503);
	expect((await call('GET', LIST)).status).toBe(200);
});

test('method matching', async () => {
	sb.addFault({ method: 'post', status: 500 });
	expect((await call('GET', LIST)).status).toBe(200);
	expect((await call('POST', '/warehouses', warehouseBody())).status).toBe(500);
});

test('path matching is by decoded path prefix, segment by segment', async () => {
	sb.addFault({ path: '/warehouses', status: 500, times: Infinity });
	sb.addFault({ path: '/sources/a/b', status: 503, times: Infinity });
	expect((await call('GET', LIST)).status).toBe(500);
	expect((await call('GET', '/warehouses/abc')).status).toBe(500);
	expect((await call('GET', '/sources?pagination.count=1')).status).toBe(200);
	expect((await call('GET', '/catalog/warehouses?pagination.count=1')).status).toBe(200);
	expect((await call('GET', `/sources/${encodeURIComponent('a/b')}`)).status).toBe(503);
});

test('"" and "/" match every path', async () => {
	sb.addFault({ path: '', status: 502 });
	sb.addFault({ path: '/', status: 503 });
	expect((await call('GET', '/labels')).status).toBe(502);
	expect((await call('GET', '/catalog/sources?pagination.count=1')).status).toBe(503);
});

test('region matching', async () => {
	sb.addFault({ region: 'eu', status: 503 });
	expect((await call('GET', LIST)).status).toBe(200);
	expect((await eu('GET', LIST)).status).toBe(503);
});

test('faults apply after auth by default: a refused request does not use them up', async () => {
	sb.addFault({ status: 503 });
	const refused = await client(sb, { token: 'bad' })('GET', LIST);
	expect(refused.status).toBe(401);
	expect(refused.body).toEqual(PARAGON.invalidToken);
	expect((await call('GET', LIST)).status).toBe(503);
});

test('beforeAuth faults apply before Paragon\'s checks', async () => {
	sb.addFault({ status: 502, beforeAuth: true, nonJson: true });
	const answer = await client(sb, { token: null })('GET', LIST);
	expect(answer.status).toBe(502);
	expect((await client(sb, { token: null })('GET', LIST)).status).toBe(401);
});

test('every faulted request is logged with the status answered', async () => {
	sb.addFault({ status: 429 });
	sb.addFault({ nonJson: true, status: 502 });
	await call('GET', LIST);
	await call('GET', LIST);
	await call('GET', LIST);
	expect(sb.requests.map((r) => r.status)).toEqual([429, 502, 200]);
});

test('invalid faults are refused', () => {
	expect(() => sb.addFault({ status: 'x' })).toThrow(TypeError);
	expect(() => sb.addFault({ status: 99 })).toThrow(TypeError);
	expect(() => sb.addFault({ times: 0 })).toThrow(TypeError);
	expect(() => sb.addFault({ region: 'ap' })).toThrow(TypeError);
	expect(() => sb.addFault({ delayMs: -1 })).toThrow(TypeError);
	expect(() => sb.addFault({ drop: 'yes' })).toThrow(TypeError);
	expect(() => sb.addFault({ statusCode: 500 })).toThrow(/unknown field statusCode/);
	expect(() => sb.addFault(null)).toThrow(TypeError);
});

test('latencyMs delays every proxied request', async () => {
	const slow = await startSandbox({ latencyMs: 400 });
	try {
		const started = Date.now();
		expect((await client(slow, { token: null })('GET', LIST)).status).toBe(401);
		expect(Date.now() - started).toBeGreaterThanOrEqual(390);
		// Control endpoints are not delayed (a wide margin: a busy machine is slow, never 400 ms early).
		const info = Date.now();
		await fetch(`${slow.url}/__sandbox/info`);
		expect(Date.now() - info).toBeLessThan(300);
	} finally {
		await slow.close();
	}
});
