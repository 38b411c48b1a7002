'use strict';
// A warehouse's sync reports (GET /warehouses/{id}/syncs) and the endpoint's own rate limit:
// Segment allows 2 calls a minute; the sandbox only limits when syncsPerMinute(ByUser) is set.
const { ok } = require('./answers');
const { readPagination, pagination } = require('./query');
const { limited } = require('../rate-limit');
const { missing } = require('./pipelines');

const STATUSES = new Set(['SUCCESS', 'FAILED', 'IN_PROGRESS', 'PARTIAL_SUCCESS']);

function listSyncs(state, ws, warehouseId, params) {
	return limited(state.syncLimiter, ws, () => {
		const scope = `warehouses/${warehouseId}/syncs`;
		const page = readPagination(params, scope);
		if (page.error) return page.error;
		if (!ws.warehouses.get(warehouseId)) return missing('Warehouse');
		const reports = ws.syncReports.get(warehouseId) || [];
		const end = page.from + page.count;
		return ok({
			reports: reports.slice(page.from, end).map((report) => structuredClone(report)),
			pagination: pagination(scope, page.current, end < reports.length ? end : null, reports.length),
		});
	}, state.now());
}

function humanDuration(seconds) {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = Math.round(seconds % 60);
	return [h ? `${h}h` : '', m ? `${m}m` : '', `${s}s`].filter(Boolean).join(' ');
}

function fail(message) {
	throw new TypeError(`Invalid sync report: ${message}`);
}

// A report completed to Segment's shape {sourceId, start, end, status, duration, humanDuration, count, notices}.
function makeReport(input, defaultSourceId, now = Date.now()) {
	if (input === null || typeof input !== 'object') fail('a report must be an object');
	const status = input.status === undefined ? 'SUCCESS' : input.status;
	if (!STATUSES.has(status)) fail(`status must be one of ${[...STATUSES].join(', ')}`);
	const sourceId = input.sourceId === undefined ? defaultSourceId : input.sourceId;
	if (typeof sourceId !== 'string' || !sourceId) fail('sourceId is needed (the warehouse has no connected source to default to)');
	const start = input.start === undefined ? new Date(now - 3600 * 1000).toISOString() : input.start;
	if (Number.isNaN(Date.parse(start))) fail('start must be an ISO date');
	const inProgress = status === 'IN_PROGRESS';
	let duration = input.duration;
	if (duration === undefined) duration = inProgress ? Math.round((now - Date.parse(start)) / 1000) : 300;
	if (!(Number.isFinite(duration) && duration >= 0)) fail('duration must be a number of seconds >= 0');
	const end = input.end !== undefined ? input.end : inProgress ? null : new Date(Date.parse(start) + duration * 1000).toISOString();
	const count = input.count === undefined ? (status === 'FAILED' ? 0 : 1000) : input.count;
	if (!(Number.isInteger(count) && count >= 0)) fail('count must be an integer >= 0');
	const notices = input.notices === undefined ? [] : input.notices;
	if (!Array.isArray(notices)) fail('notices must be an array');
	return {
		sourceId, start, end, status, duration,
		humanDuration: input.humanDuration === undefined ? humanDuration(duration) : input.humanDuration,
		count,
		notices: notices.map((n) => ({ level: n.level || 'ERROR', message: String(n.message || ''), createdAt: n.createdAt || end || start })),
	};
}

// sb.addSyncReports(): appends reports to a warehouse; returns them completed.
function addSyncReports(ws, warehouseId, inputs) {
	if (!ws.warehouses.get(warehouseId)) throw new TypeError(`Unknown warehouse "${warehouseId}" in the ${ws.description}`);
	if (!Array.isArray(inputs)) throw new TypeError('reports must be an array');
	const defaultSourceId = ws.connections.sourcesOf(warehouseId)[0];
	const reports = inputs.map((input) => makeReport(input, defaultSourceId));
	if (!ws.syncReports.has(warehouseId)) ws.syncReports.set(warehouseId, []);
	ws.syncReports.get(warehouseId).push(...reports);
	return structuredClone(reports);
}

module.exports = { listSyncs, addSyncReports, makeReport, humanDuration };
