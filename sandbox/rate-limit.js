'use strict';
// The rate-limit headers Segment puts on every answer. The sandbox never limits by itself
// (faults do that); Reset is an HTTP date, as Segment documents it.

const DEFAULT_REMAINING = '1000';

function httpDate(ms) {
	// Rounded up to the next second, so a client waiting until then never waits too little.
	return new Date(Math.ceil(ms / 1000) * 1000).toUTCString();
}

function rateLimitHeaders({ remaining = DEFAULT_REMAINING, resetInMs = 1000, now = Date.now() } = {}) {
	return { 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': httpDate(now + resetInMs) };
}

module.exports = { rateLimitHeaders, httpDate, DEFAULT_REMAINING };
