'use strict';
// The rate-limit headers Segment puts on every answer, and the fixed windows of the endpoints
// the sandbox limits itself (warehouse syncs, event volume, mapping writes); faults play any other 429.
// Reset is an HTTP date, as Segment documents it.

const DEFAULT_REMAINING = '1000';

function httpDate(ms) {
	// Rounded up to the next second, so a client waiting until then never waits too little.
	return new Date(Math.ceil(ms / 1000) * 1000).toUTCString();
}

function rateLimitHeaders({ remaining = DEFAULT_REMAINING, resetInMs = 1000, now = Date.now() } = {}) {
	return { 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': httpDate(now + resetInMs) };
}

// Fixed windows per key (a workspace), as Segment's limiter counts: the first call opens a window
// of windowMs, `limit` calls fit in it. Each key counts alone, so one workspace's 429 never holds
// back another's calls; byUser gives some users their own limit (null = unlimited).
class WindowLimiter {
	constructor(limit, windowMs, byUser = {}) {
		this.limit = limit;
		this.windowMs = windowMs;
		this.byUser = new Map(Object.entries(byUser));
		this.clear();
	}

	clear() {
		this.windows = new Map();
	}

	limitFor(userId) {
		return this.byUser.has(userId) ? this.byUser.get(userId) : this.limit;
	}

	// { allowed, remaining, resetInMs, consumed }; unlimited when the limit is null.
	take(key, now = Date.now(), limit = this.limit) {
		if (limit === null) return { allowed: true, unlimited: true };
		let window = this.windows.get(key);
		if (!window || now >= window.start + this.windowMs) this.windows.set(key, (window = { start: now, consumed: 0 }));
		window.consumed++;
		const resetInMs = window.start + this.windowMs - now;
		const remaining = Math.max(0, limit - window.consumed);
		return { allowed: window.consumed <= limit, remaining, resetInMs, consumed: window.consumed };
	}
}

// Segment's 429: msBeforeNext and the other fields of its limiter, and the headers.
function tooManyRequests(verdict, now = Date.now()) {
	return {
		status: 429,
		headers: rateLimitHeaders({ remaining: 0, resetInMs: verdict.resetInMs, now }),
		body: {
			errors: [{
				type: 'RequestError',
				message: 'Too many requests',
				data: { msBeforeNext: verdict.resetInMs, remainingPoints: 0, consumedPoints: verdict.consumed, isFirstInDuration: false },
			}],
		},
	};
}

// The headers of an answer the limiter let through.
function limitedHeaders(verdict, now = Date.now()) {
	return verdict.unlimited ? undefined : rateLimitHeaders({ remaining: verdict.remaining, resetInMs: verdict.resetInMs, now });
}

// Runs one limited call of a workspace: the 429 when over its limit, else the answer with the window's headers.
function limited(limiter, ws, answer, now = Date.now()) {
	const verdict = limiter.take(ws.id, now, limiter.limitFor(ws.userId));
	if (!verdict.allowed) return tooManyRequests(verdict, now);
	const result = answer();
	if (!verdict.unlimited && result.status < 400) result.headers = { ...(result.headers || {}), ...limitedHeaders(verdict, now) };
	return result;
}

/** The most of `times` (sorted, ms) inside any window of `windowMs`: what a test checks a limit against. */
function mostInAnyWindow(times, windowMs) {
	let most = 0;
	for (let first = 0; first < times.length; first++) {
		let last = first;
		while (last + 1 < times.length && times[last + 1] < times[first] + windowMs) last++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

module.exports = { mostInAnyWindow, rateLimitHeaders, httpDate, DEFAULT_REMAINING, WindowLimiter, tooManyRequests, limitedHeaders, limited };
