'use strict';
// One log entry per proxied request, kept in arrival order; the status is filled when answered
// (0 when the connection was dropped).
const { wantsRawResponse } = require('./paragon/wrap');
const { redactSecrets } = require('./secrets');

function queryObject(params) {
	const out = {};
	for (const [key, value] of params) {
		if (Object.prototype.hasOwnProperty.call(out, key)) {
			out[key] = [].concat(out[key], value);
		} else {
			// defineProperty: a key such as "__proto__" must stay a plain key.
			Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
		}
	}
	return out;
}

function loggedBody(rawBody) {
	if (!rawBody || rawBody.length === 0) return undefined;
	const text = rawBody.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function makeEntry(req, target, params, rawBody) {
	return {
		method: req.method,
		url: req.url,
		region: target.region,
		segmentPath: target.segmentPath,
		segments: target.segments ? [...target.segments] : [],
		query: queryObject(params),
		headers: { ...req.headers },
		// Whether X-Paragon-Use-Raw-Response asked for Segment's own answer (else it is wrapped).
		rawResponse: wantsRawResponse(req.headers),
		body: loggedBody(rawBody),
		status: null,
		time: Date.now(),
		auth: null,
		// The user the token named (set once it is read), then the Paragon credential and the
		// workspace that served the request (set once Paragon's checks pass); null until then.
		userId: null,
		credentialId: null,
		workspaceId: null,
	};
}

// The form served over HTTP (GET /__sandbox/requests): a response never carries a token,
// nor a secret setting of a body (password, secret, token, credentials, ...key).
function redactEntry(entry) {
	const headers = { ...entry.headers };
	if (headers.authorization !== undefined) headers.authorization = '[redacted]';
	return { ...entry, headers, body: redactSecrets(entry.body) };
}

module.exports = { makeEntry, redactEntry, queryObject };
