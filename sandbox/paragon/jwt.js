'use strict';
// Verifies a Paragon User Token signed by the project's key: RS256 only, canonical base64url
// parts, aud "useparagon.com/{projectId}", a sub, numeric iat and exp.
const crypto = require('crypto');

const PART = /^[A-Za-z0-9_-]+$/;
const CLOCK_SKEW_S = 5;

function decodePart(part) {
	if (!PART.test(part)) return null;
	const bytes = Buffer.from(part, 'base64url');
	// Refuse parts that decode but are not what a signer would have written.
	if (bytes.toString('base64url') !== part) return null;
	return bytes;
}

function parseJsonPart(part) {
	const bytes = decodePart(part);
	if (!bytes) return null;
	try {
		const value = JSON.parse(bytes.toString('utf8'));
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
	} catch {
		return null;
	}
}

// Returns { ok:true, claims } or { ok:false, code:'INVALID_TOKEN'|'TOKEN_EXPIRED' }.
function verifyJwt(token, { publicKey, projectId, now = Date.now() }) {
	const invalid = { ok: false, code: 'INVALID_TOKEN' };
	const parts = token.split('.');
	if (parts.length !== 3 || !publicKey) return invalid;
	const header = parseJsonPart(parts[0]);
	const claims = parseJsonPart(parts[1]);
	const signature = decodePart(parts[2]);
	if (!header || !claims || !signature || header.alg !== 'RS256') return invalid;
	let signed = false;
	try {
		signed = crypto.verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, signature);
	} catch {
		signed = false;
	}
	if (!signed) return invalid;
	if (claims.aud !== `useparagon.com/${projectId}`) return invalid;
	if (typeof claims.sub !== 'string' || claims.sub === '') return invalid;
	if (!Number.isFinite(claims.iat) || !Number.isFinite(claims.exp)) return invalid;
	const nowS = now / 1000;
	if (claims.iat > nowS + CLOCK_SKEW_S) return invalid;
	if (claims.nbf !== undefined && !(Number.isFinite(claims.nbf) && claims.nbf <= nowS + CLOCK_SKEW_S)) return invalid;
	if (claims.exp <= nowS) return { ok: false, code: 'TOKEN_EXPIRED' };
	return { ok: true, claims };
}

module.exports = { verifyJwt };
