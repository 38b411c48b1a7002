'use strict';
// Segment counts regulation creates in two groups of types (Segment-only, and Segment &
// destinations), each with its own X-RateLimit-* headers and its own 429.
const { startSandbox } = require('../../sandbox');
const { client, useSandbox } = require('./helpers');

const WINDOW_MS = 400;
const sb = useSandbox({ regulationsPerWindow: 2, regulationsWindowMs: WINDOW_MS });
const call = client(sb);
const create = (regulationType, subjectIds = ['u1']) => call('POST', '/regulations', { regulationType, subjectType: 'USER_ID', subjectIds });

test('each group has its own window: the third SUPPRESS_WITH_DELETE is refused while Segment-only types still go', async () => {
	const first = await create('SUPPRESS_WITH_DELETE');
	expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
	expect(Date.parse(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() - 1000);
	expect((await create('DELETE_ONLY')).headers.get('x-ratelimit-remaining')).toBe('0');
	const refused = await create('SUPPRESS_WITH_DELETE');
	expect(refused.status).toBe(429);
	expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
	expect(refused.body.errors).toEqual([{ type: 'RequestError', message: 'Too many requests', data: expect.objectContaining({ msBeforeNext: expect.any(Number), remainingPoints: 0 }) }]);
	expect(refused.body.errors[0].data.msBeforeNext).toBeLessThanOrEqual(WINDOW_MS);

	// The other group counts apart.
	const internal = await create('DELETE_INTERNAL');
	expect(internal.status).toBe(200);
	expect(internal.headers.get('x-ratelimit-remaining')).toBe('1');
	expect(sb.regulations().map((r) => r.regulationType)).toEqual(['SUPPRESS_WITH_DELETE', 'DELETE_ONLY', 'DELETE_INTERNAL']);

	await new Promise((resolve) => setTimeout(resolve, refused.body.errors[0].data.msBeforeNext + 20));
	expect((await create('SUPPRESS_WITH_DELETE')).status).toBe(200);
});

test('a refused body is not counted; reads are never limited', async () => {
	expect((await create('SUPPRESS_ONLY', [])).status).toBe(422);
	expect((await create('SUPPRESS_ONLY')).headers.get('x-ratelimit-remaining')).toBe('1');
	for (let i = 0; i < 5; i++) expect((await call('GET', '/regulations?pagination.count=10')).status).toBe(200);
});

test('bad limit options are refused; unlimited (the default) sends the usual headers', async () => {
	await expect(startSandbox({ regulationsPerWindow: 0 })).rejects.toThrow(/regulationsPerWindow/);
	await expect(startSandbox({ regulationsWindowMs: 0 })).rejects.toThrow(/regulationsWindowMs/);
	await expect(startSandbox({ regulationStepMs: -1 })).rejects.toThrow(/regulationStepMs/);
	const plain = await startSandbox();
	try {
		const answer = await client(plain)('POST', '/regulations', { regulationType: 'SUPPRESS_ONLY', subjectType: 'USER_ID', subjectIds: ['u'] });
		expect(answer.headers.get('x-ratelimit-remaining')).toBe('1000');
	} finally {
		await plain.close();
	}
});
