'use strict';
// Query strings: Segment refuses parameters it does not know, and every list needs
// pagination.count (1-200). Cursors are opaque to clients: base64 of "<scope>:<position>".
const { badRequest } = require('./answers');

const MAX_COUNT = 200;
const PAGINATION_KEYS = ['pagination.count', 'pagination.cursor'];

function checkQuery(params, allowed) {
	for (const key of new Set(params.keys())) {
		if (!allowed.includes(key)) return badRequest(`Unknown query parameter: ${key}`, key);
		if (params.getAll(key).length > 1) return badRequest(`${key} must be given once`, key);
	}
	return null;
}

function encodeCursor(scope, position) {
	return Buffer.from(`${scope}:${position}`, 'utf8').toString('base64');
}

// Only cursors this server could have produced, for this list, are accepted.
function decodeCursor(scope, cursor) {
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) return null;
	const text = Buffer.from(cursor, 'base64').toString('utf8');
	if (encodeCursor(scope, text.slice(scope.length + 1)) !== cursor) return null;
	const match = /^(.+):(0|[1-9]\d{0,14})$/.exec(text);
	if (!match || match[1] !== scope) return null;
	return Number(match[2]);
}

// Returns { count, from, current } or { error } (an answer to send).
function readPagination(params, scope) {
	const error = checkQuery(params, PAGINATION_KEYS);
	if (error) return { error };
	const rawCount = params.get('pagination.count');
	if (rawCount === null) return { error: badRequest('pagination.count is required', 'pagination.count') };
	const count = /^[1-9]\d{0,3}$/.test(rawCount) ? Number(rawCount) : NaN;
	if (!(count >= 1 && count <= MAX_COUNT)) {
		return { error: badRequest(`pagination.count must be an integer from 1 to ${MAX_COUNT}`, 'pagination.count') };
	}
	const cursor = params.get('pagination.cursor');
	if (cursor === null) return { count, from: 0, current: encodeCursor(scope, 0) };
	const from = decodeCursor(scope, cursor);
	if (from === null) return { error: badRequest('pagination.cursor is not a valid cursor', 'pagination.cursor') };
	return { count, from, current: cursor };
}

function pagination(scope, current, nextPosition, totalEntries) {
	const result = { current };
	// Segment leaves "next" out on the last page.
	if (nextPosition !== null) result.next = encodeCursor(scope, nextPosition);
	result.totalEntries = totalEntries;
	return result;
}

module.exports = { checkQuery, readPagination, pagination, encodeCursor, decodeCursor, MAX_COUNT };
