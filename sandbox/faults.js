'use strict';
// Faults on demand: each matches requests by method, decoded path prefix, region, user and
// credential, counts down "times", and decides what the client gets instead of (or after) the real answer.
const http = require('http');
const { rateLimitHeaders } = require('./rate-limit');

const FIELDS = new Set([
	'method', 'path', 'region', 'times', 'status', 'body', 'msBeforeNext', 'retryAfter', 'rateLimitReset',
	'rateLimitRemaining', 'delayMs', 'drop', 'nonJson', 'process', 'beforeAuth', 'user', 'credential',
]);
// Known only once Paragon has read the token and picked the credential.
const AFTER_AUTH_TARGETS = ['user', 'credential'];
const BOOLEANS = ['drop', 'nonJson', 'process', 'beforeAuth'];
const HEADER_STRINGS = ['retryAfter', 'rateLimitReset', 'rateLimitRemaining'];
const DEFAULT_MS_BEFORE_NEXT = 1000;

function fail(message) {
	throw new TypeError(`Invalid fault: ${message}`);
}

function normalizePath(path) {
	if (path === undefined) return '';
	if (typeof path !== 'string') fail('path must be a string');
	const withSlash = path.startsWith('/') ? path : `/${path}`;
	return withSlash.replace(/\/+$/, '');
}

// JSON has no Infinity: the control endpoint sends null or "Infinity" for "always".
function normalizeTimes(times) {
	if (times === undefined) return 1;
	if (times === null || times === 'Infinity' || times === Infinity) return Infinity;
	if (!Number.isInteger(times) || times < 1) fail('times must be a positive integer or Infinity');
	return times;
}

function normalizeFault(input) {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) fail('a fault must be an object');
	for (const key of Object.keys(input)) if (!FIELDS.has(key)) fail(`unknown field ${key}`);
	const fault = { ...input, path: normalizePath(input.path), times: normalizeTimes(input.times) };
	if (fault.method !== undefined) {
		if (typeof fault.method !== 'string') fail('method must be a string');
		fault.method = fault.method.toUpperCase();
	}
	if (fault.region !== undefined && fault.region !== 'us' && fault.region !== 'eu') fail('region must be us or eu');
	for (const key of AFTER_AUTH_TARGETS) {
		if (fault[key] === undefined) continue;
		if (typeof fault[key] !== 'string' || fault[key] === '') fail(`${key} must be a non-empty string`);
		if (fault.beforeAuth) fail(`${key} cannot be used with beforeAuth (what is in front of Paragon does not know the user)`);
	}
	if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
		fail('status must be an HTTP status code');
	}
	for (const key of ['delayMs', 'msBeforeNext']) {
		if (fault[key] !== undefined && !(Number.isFinite(fault[key]) && fault[key] >= 0)) fail(`${key} must be a number >= 0`);
	}
	for (const key of BOOLEANS) if (fault[key] !== undefined && typeof fault[key] !== 'boolean') fail(`${key} must be a boolean`);
	for (const key of HEADER_STRINGS) {
		if (fault[key] !== undefined) {
			if (typeof fault[key] !== 'string' && typeof fault[key] !== 'number') fail(`${key} must be a string`);
			fault[key] = String(fault[key]);
		}
	}
	fault.remaining = fault.times;
	return fault;
}

function pathMatches(prefix, path) {
	return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

class Faults {
	constructor() {
		this.list = [];
	}

	add(input) {
		const fault = normalizeFault(input);
		this.list.push(fault);
		return fault;
	}

	clear() {
		this.list = [];
	}

	// The first fault, in the order added, that matches; counts it down.
	take(request, beforeAuth) {
		const index = this.list.findIndex(
			(f) =>
				Boolean(f.beforeAuth) === beforeAuth &&
				(f.method === undefined || f.method === request.method) &&
				(f.region === undefined || f.region === request.region) &&
				(f.user === undefined || f.user === request.user) &&
				(f.credential === undefined || f.credential === request.credential) &&
				pathMatches(f.path, request.path),
		);
		if (index < 0) return null;
		const fault = this.list[index];
		fault.remaining--;
		if (fault.remaining <= 0) this.list.splice(index, 1);
		return fault;
	}
}

// Whether the fault replaces the answer (otherwise it only delays it or changes its headers).
function replacesAnswer(fault) {
	return fault.status !== undefined || fault.nonJson === true || fault.body !== undefined;
}

function defaultBody(status, fault) {
	if (status === 429) {
		const msBeforeNext = fault.msBeforeNext === undefined ? DEFAULT_MS_BEFORE_NEXT : fault.msBeforeNext;
		return {
			errors: [
				{
					type: 'RequestError',
					message: 'Too many requests',
					data: { msBeforeNext, remainingPoints: 0, consumedPoints: 51, isFirstInDuration: false },
				},
			],
		};
	}
	const types = { 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout' };
	const type = types[status] || (status >= 500 ? 'ServerError' : 'RequestError');
	return { errors: [{ type, message: http.STATUS_CODES[status] || 'Error' }] };
}

function htmlPage(status) {
	const title = `${status} ${http.STATUS_CODES[status] || ''}`.trim();
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

// The header changes a fault makes, to its own answer or to the real one.
function headerOverrides(fault) {
	const headers = {};
	if (fault.rateLimitRemaining !== undefined) headers['X-RateLimit-Remaining'] = fault.rateLimitRemaining;
	if (fault.rateLimitReset !== undefined) headers['X-RateLimit-Reset'] = fault.rateLimitReset;
	if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
	return headers;
}

// { status, headers, payload } for a fault that replaces the answer.
function faultAnswer(fault, now = Date.now()) {
	if (fault.nonJson) {
		const status = fault.status === undefined ? 200 : fault.status;
		const payload = fault.body === undefined ? htmlPage(status) : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
		return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headerOverrides(fault) }, payload };
	}
	const status = fault.status === undefined ? 200 : fault.status;
	const body = fault.body === undefined ? defaultBody(status, fault) : fault.body;
	const limits =
		status === 429
			? rateLimitHeaders({ remaining: 0, resetInMs: fault.msBeforeNext === undefined ? DEFAULT_MS_BEFORE_NEXT : fault.msBeforeNext, now })
			: rateLimitHeaders({ now });
	return {
		status,
		headers: { 'Content-Type': 'application/json', ...limits, ...headerOverrides(fault) },
		payload: typeof body === 'string' ? body : JSON.stringify(body),
	};
}

// A fault as the control endpoint lists it (JSON has no Infinity).
function describeFault(fault) {
	const out = { ...fault };
	if (out.times === Infinity) out.times = 'Infinity';
	if (out.remaining === Infinity) out.remaining = 'Infinity';
	return out;
}

module.exports = { Faults, normalizeFault, faultAnswer, headerOverrides, replacesAnswer, describeFault, DEFAULT_MS_BEFORE_NEXT };
