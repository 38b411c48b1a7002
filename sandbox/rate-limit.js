'use strict';
// The rate-limit headers Segment puts on every answer, and the fixed windows of the endpoints
// the sandbox limits itself (syncs, event volume); everything else is limited by faults only.
// Reset is an HTTP date, as Segment documents it.

const DEFAULT_REMAINING = '1000';

function httpDate(ms) {
	// Rounded up to the next second, so a client waiting until then never waits too little.
	return new Date(Math.ceil(ms / 1000) * 1000).toUTCString();
}

function rateLimitHeaders({ remaining = DEFAULT_REMAINING, resetInMs = 1000, now = Date.now() } = {}) {
	return { 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': httpDate(now + resetInMs) };
}

// Fixed windows per key (a workspace): the first call opens one of windowMs, perMinute calls fit
// in it. Each key counts alone, so one user's 429 never holds back another's calls; byUser gives
// some users their own perMinute (null = unlimited).
class WindowLimiter {
	constructor(perMinute, windowMs, byUser = {}) {
		this.perMinute = perMinute;
		this.windowMs = windowMs;
		this.byUser = new Map(Object.entries(byUser));
		this.clear();
	}

	clear() {
		this.windows = new Map();
	}

	limitFor(userId) {
		return this.byUser.has(userId) ? this.byUser.get(userId) : this.perMinute;
	}

	// { allowed, remaining, resetInMs, consumed }; unlimited when perMinute is null.
	take(key, now = Date.now(), perMinute = this.perMinute) {
		if (perMinute === null) return { allowed: true, unlimited: true };
		let window = this.windows.get(key);
		if (!window || now >= window.start + this.windowMs) this.windows.set(key, (window = { start: now, consumed: 0 }));
		window.consumed++;
		const resetInMs = window.start + this.windowMs - now;
		const remaining = Math.max(0, perMinute - window.consumed);
		return { allowed: window.consumed <= perMinute, remaining, resetInMs, consumed: window.consumed };
	}
}

// Segment's 429 for a verdict of WindowLimiter.take.
function tooManyRequests(verdict) {
	return {
		status: 429,
		headers: rateLimitHeaders({ remaining: 0, resetInMs: verdict.resetInMs }),
		body: {
			errors: [{
				type: 'RequestError',
				message: 'Too many requests',
				data: { msBeforeNext: verdict.resetInMs, remainingPoints: 0, consumedPoints: verdict.consumed, isFirstInDuration: false },
			}],
		},
	};
}

// Runs one limited call: the 429 when over the limit, else the answer with the window's headers.
function limited(limiter, ws, answer) {
	const verdict = limiter.take(ws.id, Date.now(), limiter.limitFor(ws.userId));
	if (!verdict.allowed) return tooManyRequests(verdict);
	const result = answer();
	if (!verdict.unlimited && result.status < 400) result.headers = { ...(result.headers || {}), ...rateLimitHeaders({ remaining: verdict.remaining, resetInMs: verdict.resetInMs }) };
	return result;
}

module.exports = { rateLimitHeaders, httpDate, DEFAULT_REMAINING, WindowLimiter, tooManyRequests, limited };
