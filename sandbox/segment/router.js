'use strict';
// Segment's Public API routes (paths without /v1): which handler answers a method on a path.
const resources = require('./resources');
const labels = require('./labels');
const warehouses = require('./warehouses');
const sources = require('./sources');
const destinations = require('./destinations');
const { ok, notFound, routeNotFound, methodNotAllowed, malformedPath } = require('./answers');
const { checkQuery, readPagination, pagination } = require('./query');
const { readJsonBody } = require('./body');

const KINDS = { warehouses, sources, destinations };
const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);

// Handlers marked paged read the query themselves (pagination.*); the others take none.
function paged(run) {
	run.paged = true;
	return run;
}

function listCatalog(state, kind, params) {
	const scope = `catalog/${kind}`;
	const page = readPagination(params, scope);
	if (page.error) return page.error;
	const entries = state.catalogs.list(kind);
	const end = page.from + page.count;
	return ok({
		[`${kind}Catalog`]: entries.slice(page.from, end).map((entry) => structuredClone(entry)),
		pagination: pagination(scope, page.current, end < entries.length ? end : null, entries.length),
	});
}

function matchRoute(segments) {
	if (segments.length === 0 || segments.some((segment) => segment === '')) return null;
	const [first, second, third] = segments;
	const kind = Object.prototype.hasOwnProperty.call(KINDS, first) ? KINDS[first] : null;
	if (kind && segments.length === 1) {
		return {
			GET: paged((c) => resources.list(c.state, c.ws, kind, c.params)),
			POST: (c) => resources.create(c.state, c.ws, kind, c.body),
		};
	}
	if (kind && segments.length === 2) {
		return {
			GET: (c) => resources.get(c.state, c.ws, kind, second),
			PATCH: (c) => resources.update(c.state, c.ws, kind, second, c.body),
			DELETE: (c) => resources.remove(c.state, c.ws, kind, second),
		};
	}
	if (first === 'sources' && third === 'labels' && segments.length === 3) {
		return {
			PUT: (c) => {
				const source = c.ws.sources.get(second);
				return source ? labels.setForSource(c.ws, source, c.body) : notFound();
			},
		};
	}
	if (first === 'catalog' && segments.length === 2 && Object.prototype.hasOwnProperty.call(KINDS, second)) {
		return { GET: paged((c) => listCatalog(c.state, second, c.params)) };
	}
	if (first === 'labels' && segments.length === 1) {
		return { GET: (c) => labels.list(c.ws), POST: (c) => labels.create(c.ws, c.body) };
	}
	return null;
}

// request: { method, segments, path, params (URLSearchParams), headers, rawBody }
function handleSegment(state, ws, request) {
	if (!request.segments) return malformedPath();
	const methods = matchRoute(request.segments);
	if (!methods) return routeNotFound(request.method, request.path);
	const run = Object.prototype.hasOwnProperty.call(methods, request.method) ? methods[request.method] : null;
	if (!run) return methodNotAllowed(request.method, Object.keys(methods));
	if (!run.paged) {
		const error = checkQuery(request.params, []);
		if (error) return error;
	}
	let body;
	if (BODY_METHODS.has(request.method)) {
		const parsed = readJsonBody(request.headers, request.rawBody);
		if (parsed.error) return parsed.error;
		body = parsed.body;
	}
	return run({ state, ws, params: request.params, body });
}

module.exports = { handleSegment, KINDS };
