'use strict';
// Splits a proxy path: /projects/{projectId}/sdk/proxy/{integration}/{segmentPath}, where
// segmentPath may start with the EU base URL (literal, or with ':' and '/' percent-encoded).

const PROXY_PATH = /^\/projects\/([^/]*)\/sdk\/proxy\/([^/]*)(\/.*)?$/s;
const EU_LITERAL = 'https://eu1.api.segmentapis.com';
const EU_ENCODED = /^https%3A%2F%2Feu1\.api\.segmentapis\.com(?=\/|$)/i;
// Anything else that looks like a full URL is an override to a host Paragon refuses
// (this includes "https:/eu1..." with its slashes collapsed).
const URL_OVERRIDE = /^https?(:|%3A)/i;

function decode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}

function splitRegion(rest) {
	const after = rest.slice(1);
	if (after.startsWith(EU_LITERAL) && (after.length === EU_LITERAL.length || after[EU_LITERAL.length] === '/')) {
		return { region: 'eu', segmentPath: after.slice(EU_LITERAL.length) };
	}
	const encoded = EU_ENCODED.exec(after);
	if (encoded) return { region: 'eu', segmentPath: after.slice(encoded[0].length) };
	if (URL_OVERRIDE.test(after)) return { region: null, segmentPath: rest, overrideRefused: true };
	return { region: 'us', segmentPath: rest };
}

// Returns { matched:false } or { matched, projectId, integration, region, segmentPath,
// segments (decoded; null when the percent-encoding is malformed), overrideRefused }.
function parseProxyPath(rawPath) {
	const match = PROXY_PATH.exec(rawPath);
	if (!match) return { matched: false, region: null, segmentPath: null, segments: [] };
	const { region, segmentPath, overrideRefused = false } = splitRegion(match[3] || '');
	let segments = [];
	if (segmentPath !== '') {
		segments = segmentPath.slice(1).split('/').map(decode);
		if (segments.includes(null)) segments = null;
	}
	return {
		matched: true,
		projectId: decode(match[1]),
		integration: decode(match[2]),
		region,
		segmentPath,
		segments,
		overrideRefused,
	};
}

// The decoded path faults match against, e.g. '/warehouses/wh/1'.
function decodedPath(target) {
	if (!target.segments) return target.segmentPath || '';
	return target.segments.length ? `/${target.segments.join('/')}` : '';
}

module.exports = { parseProxyPath, decodedPath };
