'use strict';
// GET /audit-events: the workspace's audit trail, newest first, paged. startTime (inclusive) and
// endTime (exclusive) bound it; endTime defaults to now, and a cursor carries the endTime of its
// first page (as Segment documents: "the end time from the pagination cursor"), so entries made
// while a client pages never shift its pages.
const { ok, badRequest } = require('./answers');
const { readQuery, paginationFrom, pagination, PAGINATION_KEYS } = require('./query');
const { readTime } = require('./time-window');

const QUERY_KEYS = ['startTime', 'endTime', 'resourceId', 'resourceType', ...PAGINATION_KEYS];
const CURSOR_SCOPE = /^audit-events@(\d{1,15}):/;

// The endTime a cursor was made for, or undefined (no cursor, or not one of ours: refused later).
function endOfCursor(cursor) {
	if (cursor === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) return undefined;
	const match = CURSOR_SCOPE.exec(Buffer.from(cursor, 'base64').toString('utf8'));
	return match ? Number(match[1]) : undefined;
}

function list(ws, params) {
	const query = readQuery(params, QUERY_KEYS);
	if (query.error) return query.error;
	const values = query.values;
	const start = readTime(values.get('startTime'), 'startTime');
	if (start.error) return start.error;
	const end = readTime(values.get('endTime'), 'endTime');
	if (end.error) return end.error;
	const endMs = endOfCursor(values.get('pagination.cursor')) ?? end.ms ?? Date.now();
	if (start.ms !== undefined && start.ms >= endMs) return badRequest('startTime must be before endTime', 'startTime');
	const scope = `audit-events@${endMs}`;
	const page = paginationFrom(values, scope);
	if (page.error) return page.error;
	const resourceType = values.has('resourceType') ? values.get('resourceType').toLowerCase() : undefined;
	const resourceId = values.get('resourceId');
	const events = [];
	for (let i = ws.auditEvents.length - 1; i >= 0; i--) {
		const event = ws.auditEvents[i];
		const at = Date.parse(event.timestamp);
		if (at >= endMs) continue;
		if (start.ms !== undefined && at < start.ms) break;
		if (resourceType !== undefined && event.resourceType.toLowerCase() !== resourceType) continue;
		if (resourceId !== undefined && event.resourceId !== resourceId) continue;
		events.push(event);
	}
	const last = page.from + page.count;
	return ok({
		events: events.slice(page.from, last).map((event) => ({ ...event })),
		pagination: pagination(scope, page.current, last < events.length ? last : null, events.length),
	});
}

module.exports = { list };
