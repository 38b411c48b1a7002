'use strict';
// The main demo's regulations (US workspace): one of each outcome, their statuses set (so they
// do not move with the clock), and one past Segment's 90 days (kept, but neither listed nor found).
const { streamsOf } = require('./segment/regulation-book');
const { stableId } = require('./ids');

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

// [key, scope, source?, regulationType, subjectType, subjectIds, age in ms, status, failing destination?]
function seedRegulations(ws, now, { website, salesforce }) {
	const entries = [
		['finished', 'workspace', null, 'SUPPRESS_WITH_DELETE', 'USER_ID', ['user-4021'], 10 * DAY_MS, 'FINISHED'],
		['failed', 'workspace', null, 'DELETE_ONLY', 'USER_ID', ['user-1138', 'user-2187'], 3 * DAY_MS, 'FAILED', salesforce],
		['archive', 'source', website, 'DELETE_ARCHIVE_ONLY', 'ANONYMOUS_ID', ['anon-5f2c9e'], 5 * DAY_MS, 'FINISHED'],
		['running', 'workspace', null, 'SUPPRESS_WITH_DELETE', 'USER_ID', ['user-7777'], HOUR_MS, 'RUNNING'],
		['expired', 'workspace', null, 'SUPPRESS_ONLY', 'USER_ID', ['user-0001'], 120 * DAY_MS, 'FINISHED'],
	].sort((a, b) => b[6] - a[6]);
	for (const [key, scope, source, regulationType, subjectType, subjectIds, age, status, failing] of entries) {
		const record = ws.regulations.add({
			id: stableId(`seed:${ws.key}:regulation:${key}`, 27),
			scope,
			sourceId: source ? source.id : undefined,
			regulationType,
			subjectType,
			subjectIds,
			createdAt: now - age,
			streams: streamsOf(ws, scope, source ? source.id : undefined, regulationType),
		});
		const errString = failing ? 'Salesforce answered INSUFFICIENT_ACCESS_OR_READONLY: the connected user may not delete Contact records' : undefined;
		ws.regulations.pin(record, status, { destinationId: failing ? failing.id : undefined, errString }, status === 'RUNNING' ? now : now - age + 2 * HOUR_MS);
	}
}

module.exports = { seedRegulations };
