'use strict';
// Ids shaped like Segment's (base62), random for created entities and
// derived from a name for demo data and catalogs, so those stay stable across restarts.
const crypto = require('crypto');

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(bytes, start, length) {
	let out = '';
	for (let i = 0; i < length; i++) out += ALPHABET[bytes[start + i] % 62];
	return out;
}

function randomId(length = 20) {
	return base62(crypto.randomBytes(length), 0, length);
}

// One buffer for many ids: bulk inserts of 100k must stay fast.
function randomIds(count, length = 20) {
	const bytes = crypto.randomBytes(count * length);
	const ids = new Array(count);
	for (let i = 0; i < count; i++) ids[i] = base62(bytes, i * length, length);
	return ids;
}

function stableId(name, length = 20) {
	const bytes = crypto.createHash('sha512').update(name).digest();
	return base62(bytes, 0, Math.min(length, bytes.length));
}

// Catalog ids look like Segment's (24 hex digits).
function stableHexId(name) {
	return crypto.createHash('sha256').update(name).digest('hex').slice(0, 24);
}

module.exports = { randomId, randomIds, stableId, stableHexId };
