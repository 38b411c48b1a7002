'use strict';
// User deletion and suppression (Segment's regulations): create in a workspace, source or cloud
// source scope, list (last 90 days), get one, list the workspace's suppressions. There is no
// DELETE: Segment removed the cancel call (405 with Allow: GET).
const { ok, notFound, unprocessable } = require('./answers');
const { readPagination, pagination } = require('./query');
const { paged } = require('./route-marks');
const { rateLimitHeaders, tooManyRequests } = require('../rate-limit');
const { randomId } = require('../ids');
const { recordAudit } = require('../audit');
const { checkCreate, readListQuery, limitGroup } = require('./regulation-rules');
const { listEntry, detail, streamsOf } = require('./regulation-book');

const REGULATION_ID_LENGTH = 27;

// The regulation limiter of the sandbox (state.regulations): each workspace and group of types
// has its own window; unlimited unless regulationsPerWindow is set. Times are the state's clock.
function takeLimit(state, ws, group) {
	const { limiter } = state.regulations;
	return limiter.take(`${ws.id}:${group}`, state.now(), limiter.perMinute);
}

function create(state, ws, scope, sourceId, body) {
	const source = sourceId === undefined ? null : ws.sources.get(sourceId);
	if (sourceId !== undefined && !source) return notFound();
	const errors = checkCreate(scope, body, source ? source.meta.slug : null);
	if (errors.length) return unprocessable(errors);
	const verdict = takeLimit(state, ws, limitGroup(body.regulationType));
	if (!verdict.allowed) return tooManyRequests(verdict);
	const record = ws.regulations.add({
		id: randomId(REGULATION_ID_LENGTH),
		scope,
		sourceId: source ? source.id : undefined,
		collection: scope === 'cloudSource' ? body.collection : undefined,
		regulationType: body.regulationType,
		subjectType: body.subjectType,
		subjectIds: [...body.subjectIds],
		createdAt: state.now(),
		streams: streamsOf(ws, scope, sourceId, body.regulationType),
	});
	// Segment's audit trail names Workspace and Source regulations (a cloud source's is a Source one).
	const type = scope === 'workspace' ? 'Workspace Regulation Created' : 'Source Regulation Created';
	recordAudit(ws, { type, resourceType: 'regulation', resourceId: record.id, resourceName: `${record.regulationType} of ${record.subjectIds.length} subject(s)` });
	const answer = ok({ regulateId: record.id });
	if (!verdict.unlimited) answer.headers = rateLimitHeaders({ remaining: verdict.remaining, resetInMs: verdict.resetInMs });
	return answer;
}

// GET /regulations (Workspace-scoped ones, paged) or /regulations/sources/{id} (that source's,
// cloud-source ones included; Segment's answer to it has no pagination).
function list(state, ws, params, sourceId) {
	const scope = sourceId === undefined ? 'workspace' : 'source';
	const query = readListQuery(params, scope);
	if (query.error) return query.error;
	const cursorScope = sourceId === undefined ? 'regulations' : `regulations/sources/${sourceId}`;
	const page = readPagination(query.pagination, cursorScope);
	if (page.error) return page.error;
	if (sourceId !== undefined && !ws.sources.get(sourceId)) return notFound();
	const now = state.now();
	const { stepMs } = state.regulations;
	const inScope = sourceId === undefined ? (record) => record.scope === 'workspace' : (record) => record.scope !== 'workspace' && record.sourceId === sourceId;
	const matching = ws.regulations
		.retained(now, (record) => inScope(record) && (!query.types.length || query.types.includes(record.regulationType)))
		.map((record) => listEntry(record, now, stepMs))
		.filter((entry) => query.status === null || entry.status === query.status);
	const end = page.from + page.count;
	const regulations = matching.slice(page.from, end);
	if (sourceId !== undefined) return ok({ regulations });
	return ok({ regulations, pagination: pagination(cursorScope, page.current, end < matching.length ? end : null, matching.length) });
}

function get(state, ws, regulateId) {
	const record = ws.regulations.get(regulateId);
	const now = state.now();
	if (!record || !ws.regulations.isRetained(record, now)) return notFound();
	return ok({ regulation: detail(ws.id, record, now, state.regulations.stepMs) });
}

// GET /suppressions: a page of suppressed subjects (count = subjects), grouped by subject type.
function suppressions(ws, params) {
	const page = readPagination(params, 'suppressions');
	if (page.error) return page.error;
	const all = ws.regulations.suppressions();
	const end = page.from + page.count;
	const groups = new Map();
	for (const { subjectType, subjectId } of all.slice(page.from, end)) {
		if (!groups.has(subjectType)) groups.set(subjectType, []);
		groups.get(subjectType).push(subjectId);
	}
	const suppressed = [...groups].map(([subjectType, subjectIds]) => ({ subjectType, subjectIds }));
	return ok({ suppressed, pagination: pagination('suppressions', page.current, end < all.length ? end : null, all.length) });
}

// The route table of regulations and suppressions (see routes.js ROUTE_TABLES).
function regulationRoutes(segments) {
	const [first, second, third] = segments;
	if (first === 'suppressions' && segments.length === 1) return { GET: paged((c) => suppressions(c.ws, c.params)) };
	if (first !== 'regulations') return null;
	if (segments.length === 1) {
		return {
			GET: paged((c) => list(c.state, c.ws, c.params)),
			POST: (c) => create(c.state, c.ws, 'workspace', undefined, c.body),
		};
	}
	if (segments.length === 2) return { GET: (c) => get(c.state, c.ws, second) };
	if (segments.length === 3 && second === 'sources') {
		return {
			GET: paged((c) => list(c.state, c.ws, c.params, third)),
			POST: (c) => create(c.state, c.ws, 'source', third, c.body),
		};
	}
	if (segments.length === 3 && second === 'cloudsources') return { POST: (c) => create(c.state, c.ws, 'cloudSource', third, c.body) };
	return null;
}

module.exports = { regulationRoutes, REGULATION_ID_LENGTH };
