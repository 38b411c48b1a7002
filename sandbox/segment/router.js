'use strict';
// One Segment request: route → method → query → body shape, then the handler (which checks
// that ids exist, then the fields). The routes themselves are in routes.js.
const { matchRoute, KINDS } = require('./routes');
const { routeNotFound, methodNotAllowed, malformedPath, badRequest } = require('./answers');
const { checkQuery } = require('./query');
const { readJsonBody } = require('./body');

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);

// A bodiless call may still carry an empty JSON object (some clients always send one).
function checkNoBody(headers, rawBody) {
	const text = rawBody ? rawBody.toString('utf8').trim() : '';
	if (text === '' || text === '{}') return null;
	return badRequest('This request takes no body');
}

// request: { method, segments, path, params (URLSearchParams), headers, rawBody }
function handleSegment(state, ws, request) {
	if (!request.segments) return malformedPath();
	const methods = matchRoute(request.segments);
	if (!methods) return routeNotFound(request.method, request.path);
	const run = Object.prototype.hasOwnProperty.call(methods, request.method) ? methods[request.method] : null;
	if (!run) return methodNotAllowed(request.method, Object.keys(methods));
	if (!run.paged && !run.readsQuery) {
		const error = checkQuery(request.params, []);
		if (error) return error;
	}
	let body;
	if (run.bodiless) {
		const error = checkNoBody(request.headers, request.rawBody);
		if (error) return error;
	} else if (BODY_METHODS.has(request.method)) {
		const parsed = readJsonBody(request.headers, request.rawBody);
		if (parsed.error) return parsed.error;
		body = parsed.body;
	}
	return run({ state, ws, params: request.params, body });
}

module.exports = { handleSegment, KINDS };
