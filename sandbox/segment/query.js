'use strict';
// Query strings: Segment refuses parameters it does not know, and every list needs
// pagination.count (1-200). Segment takes the dotted form (pagination.count) and the bracket
// form its own SDK sends (pagination[count]); both forms of one key at once is a repetition.
// Cursors are opaque to clients: base64 of "<scope>:<position>".
const { badRequest } = require('./answers');

const MAX_COUNT = 200;
const PAGINATION_KEYS = ['pagination.count', 'pagination.cursor'];
const BRACKET = /^([A-Za-z]+)\[([A-Za-z]+)\]$/;

// The dotted name of a key: pagination[count] -> pagination.count.
function canonicalKey(key) {
	const bracket = BRACKET.exec(key);
	return bracket ? `${bracket[1]}.${bracket[2]}` : key;
}

// Returns { error } or { values: Map(canonical key -> value) }.
function readQuery(params, allowed) {
	const values = new Map();
	for (const [key, value] of params) {
		const name = canonicalKey(key);
		if (!allowed.includes(name)) return { error: badRequest(`Unknown query parameter: ${key}`, key) };
		if (values.has(name)) return { error: badRequest(`${name} must be given once`, name) };
		values.set(name, value);
	}
	return { values };
}

function checkQuery(params, allowed) {
	return readQuery(params, allowed).error || null;
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
	const query = readQuery(params, PAGINATION_KEYS);
	if (query.error) return { error: query.error };
	return paginationFrom(query.values, scope);
}

// The pagination of a query already read (a Map with pagination.count / pagination.cursor);
// optional: null when neither is there (the endpoints whose pagination Segment makes optional).
function paginationFrom(values, scope, { optional = false } = {}) {
	const rawCount = values.has('pagination.count') ? values.get('pagination.count') : null;
	if (rawCount === null && optional && !values.has('pagination.cursor')) return null;
	if (rawCount === null) return { error: badRequest('pagination.count is required', 'pagination.count') };
	const count = /^[1-9]\d{0,3}$/.test(rawCount) ? Number(rawCount) : NaN;
	if (!(count >= 1 && count <= MAX_COUNT)) {
		return { error: badRequest(`pagination.count must be an integer from 1 to ${MAX_COUNT}`, 'pagination.count') };
	}
	const cursor = values.has('pagination.cursor') ? values.get('pagination.cursor') : null;
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

// One page of records sorted by seq (lists that are not a whole Collection: connections...).
function pageBySeq(records, from, count) {
	const sorted = records.filter((record) => record.seq >= from).sort((a, b) => a.seq - b.seq);
	const items = sorted.slice(0, count);
	return { items, nextSeq: sorted.length > count ? sorted[count].seq : null };
}

module.exports = { checkQuery, readQuery, readPagination, paginationFrom, PAGINATION_KEYS, pagination, pageBySeq, encodeCursor, decodeCursor, canonicalKey, MAX_COUNT };
