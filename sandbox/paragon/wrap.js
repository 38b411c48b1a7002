'use strict';
// Paragon's proxy answers {"output": <Segment's body>}, with the same status and none of
// Segment's headers, unless the request asks for the raw answer (X-Paragon-Use-Raw-Response: 1).
// Paragon's own errors are never wrapped (proxy.js does not pass them through here).

const RAW_HEADER = 'x-paragon-use-raw-response';
const RAW_VALUES = new Set(['1', 'true']);
// A proxy in between may add Retry-After; it is not one of Segment's headers.
const KEPT_WHEN_WRAPPED = ['Retry-After'];

function wantsRawResponse(headers) {
	const value = headers[RAW_HEADER];
	return typeof value === 'string' && RAW_VALUES.has(value.trim().toLowerCase());
}

function parsedOrText(payload) {
	try {
		return JSON.parse(payload);
	} catch {
		return payload;
	}
}

// { headers, payload } of the wrapped form of an answer whose body is given as JSON text.
function wrapAnswer(headers, payload) {
	const kept = { 'Content-Type': 'application/json' };
	for (const name of KEPT_WHEN_WRAPPED) if (headers[name] !== undefined) kept[name] = headers[name];
	return { headers: kept, payload: JSON.stringify({ output: parsedOrText(payload) }) };
}

module.exports = { wantsRawResponse, wrapAnswer, RAW_HEADER };
