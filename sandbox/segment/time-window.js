'use strict';
// Times in Segment's monitoring queries: ISO 8601 date-times, a granularity (DAY, HOUR, MINUTE,
// upper case as API 73 sends it) and the windows Segment allows per granularity, answered 400.
const { badRequest } = require('./answers');

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const STEPS = { MINUTE: MINUTE_MS, HOUR: HOUR_MS, DAY: DAY_MS };
// A request takes time to arrive: a window checked by the client a moment earlier still fits.
const WINDOW_SLACK_MS = 60 * 1000;

// 2026-11-03T10:00:00Z, with optional seconds, fraction and an offset instead of Z.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

// Returns { ms } or { error }; undefined stays undefined (the caller's default applies).
function readTime(value, name) {
	if (value === undefined) return { ms: undefined };
	const ms = ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN;
	if (Number.isNaN(ms)) return { error: badRequest(`${name} must be an ISO 8601 date-time, e.g. 2026-11-03T10:00:00Z`, name) };
	return { ms };
}

// Returns { granularity, stepMs } or { error }.
function readGranularity(value, fallback) {
	const granularity = value === undefined ? fallback : value;
	if (granularity === undefined) return { error: badRequest('granularity is required', 'granularity') };
	if (!Object.prototype.hasOwnProperty.call(STEPS, granularity)) return { error: badRequest('granularity must be one of DAY, HOUR, MINUTE', 'granularity') };
	return { granularity, stepMs: STEPS[granularity] };
}

// Segment writes bucket times without milliseconds.
function isoSeconds(ms) {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function describe(ms) {
	return ms % DAY_MS === 0 && ms > 2 * DAY_MS ? `${ms / DAY_MS} days` : `${ms / HOUR_MS} hours`;
}

/**
 * rules: { MINUTE: { range, oldest }, ... } in ms. Returns an answer (400) or null. The start
 * must come before the end, the range be at most `range` and the start at most `oldest` ago.
 */
function checkWindow(rules, granularity, startMs, endMs, now = Date.now()) {
	if (startMs >= endMs) return badRequest('startTime must be before endTime', 'startTime');
	const rule = rules[granularity];
	if (!rule) return null;
	if (endMs - startMs > rule.range) return badRequest(`With granularity ${granularity} the time range (endTime - startTime) can be at most ${describe(rule.range)}`, 'endTime');
	if (startMs < now - rule.oldest - WINDOW_SLACK_MS) return badRequest(`With granularity ${granularity} startTime can be at most ${describe(rule.oldest)} in the past`, 'startTime');
	return null;
}

module.exports = { readTime, readGranularity, isoSeconds, checkWindow, STEPS, MINUTE_MS, HOUR_MS, DAY_MS };
