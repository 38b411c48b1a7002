import { isRetryableStatus, retryDelay, serverRequestedWait } from '../../nodes/shared/transport/retry';

const now = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('serverRequestedWait', () => {
	it('reads Segment\'s msBeforeNext', () => {
		expect(serverRequestedWait(429, {}, { errors: [{ type: 'RequestError', data: { msBeforeNext: 1234 } }] }, now)).toBe(1234);
	});

	it('reads Retry-After in seconds and as a date', () => {
		expect(serverRequestedWait(503, { 'retry-after': '3' }, undefined, now)).toBe(3000);
		expect(serverRequestedWait(503, { 'retry-after': new Date(now + 5000).toUTCString() }, undefined, now)).toBe(5000);
	});

	it('reads X-RateLimit-Reset as a date or epoch milliseconds when no calls remain', () => {
		const headers = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(now + 2000).toUTCString() };
		expect(serverRequestedWait(429, headers, undefined, now)).toBe(2000);
		expect(serverRequestedWait(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 700) }, undefined, now)).toBe(700);
		// Calls remain: the reset time is no reason to wait.
		expect(serverRequestedWait(429, { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': String(now + 700) }, undefined, now)).toBeUndefined();
	});

	it('takes the largest hint', () => {
		expect(serverRequestedWait(429, { 'retry-after': '2' }, { errors: [{ data: { msBeforeNext: 500 } }] }, now)).toBe(2000);
	});

	it('gives undefined without hints', () => {
		expect(serverRequestedWait(502, {}, '<html>bad gateway</html>', now)).toBeUndefined();
	});
});

describe('retry policy', () => {
	it('retries 429, 502, 503 always; 504 only where sending twice is harmless; 500 never', () => {
		expect(isRetryableStatus(429, 'POST')).toBe(true);
		expect(isRetryableStatus(503, 'GET')).toBe(true);
		expect(isRetryableStatus(504, 'DELETE')).toBe(true);
		expect(isRetryableStatus(502, 'POST')).toBe(true);
		expect(isRetryableStatus(503, 'POST')).toBe(true);
		expect(isRetryableStatus(504, 'POST')).toBe(false);
		expect(isRetryableStatus(504, 'PATCH')).toBe(true);
		expect(isRetryableStatus(500, 'GET')).toBe(false);
		expect(isRetryableStatus(500, 'POST')).toBe(false);
	});

	it('waits at least what the server asked, else backs off exponentially', () => {
		expect(retryDelay(0, 1500)).toBe(1500);
		expect(retryDelay(3, 10)).toBe(50);
		expect([0, 1, 2, 3].map((attempt) => retryDelay(attempt, undefined))).toEqual([250, 500, 1000, 2000]);
	});
});
