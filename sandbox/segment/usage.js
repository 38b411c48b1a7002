'use strict';
// Daily usage of a month (GET /usage/mtu/daily, /usage/mtu/sources/daily, /usage/api-calls/daily,
// /usage/api-calls/sources/daily): cumulative counts per day, as text (Segment's bigints), paged.
// The sandbox derives them from the event volume it holds, so a test that sets volume sees the
// usage move: API calls = the events counted so far in the month; MTUs from the calls (anonymous =
// calls / 10, identified = calls / 25, anonymousIdentified = calls / 50, neverIdentified =
// anonymous - anonymousIdentified, each rounded down).
const { ok, badRequest } = require('./answers');
const { readQuery, paginationFrom, pagination, PAGINATION_KEYS } = require('./query');
const { DAY_MS, isoSeconds } = require('./time-window');

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])-01(T00:00(:00(\.0{1,9})?)?(Z|\+00:00))?$/;
const KINDS = {
	'mtu/daily': { key: 'dailyWorkspaceMTUUsage', perSource: false, mtu: true },
	'mtu/sources/daily': { key: 'dailyPerSourceMTUUsage', perSource: true, mtu: true },
	'api-calls/daily': { key: 'dailyWorkspaceAPICallsUsage', perSource: false, mtu: false },
	'api-calls/sources/daily': { key: 'dailyPerSourceAPICallsUsage', perSource: true, mtu: false },
};

// The month's days up to today: [{ start, end }] in ms.
function daysOf(monthStart, monthEnd, now) {
	const days = [];
	for (let day = monthStart; day < monthEnd && day <= now; day += DAY_MS) days.push({ start: day, end: day + DAY_MS });
	return days;
}

// Events counted per source from monthStart up to the end of each day: Map(sourceId -> [cumulative per day]).
function cumulativeCalls(ws, monthStart, days) {
	const bySource = new Map();
	for (const source of ws.sources.all()) bySource.set(source.id, new Array(days.length).fill(0));
	for (const entry of ws.eventVolume.matching({})) {
		if (!bySource.has(entry.dims.sourceId)) bySource.set(entry.dims.sourceId, new Array(days.length).fill(0));
		const perDay = bySource.get(entry.dims.sourceId);
		for (const [minute, count] of entry.minutes) {
			const index = Math.floor((minute - monthStart) / DAY_MS);
			if (index >= 0 && index < days.length) perDay[index] += count;
		}
	}
	for (const perDay of bySource.values()) for (let i = 1; i < perDay.length; i++) perDay[i] += perDay[i - 1];
	return bySource;
}

function snapshot(kind, calls, day, period, sourceId) {
	const entry = sourceId === undefined ? {} : { sourceId };
	if (!kind.mtu) return { ...entry, apiCalls: String(calls), timestamp: isoSeconds(day.start) };
	const anonymous = Math.floor(calls / 10);
	const anonymousIdentified = Math.floor(calls / 50);
	return {
		...entry,
		periodStart: period.start / 1000,
		periodEnd: period.end / 1000,
		anonymous: String(anonymous),
		anonymousIdentified: String(anonymousIdentified),
		identified: String(Math.floor(calls / 25)),
		neverIdentified: String(anonymous - anonymousIdentified),
		timestamp: isoSeconds(day.start),
	};
}

function usage(ws, kindPath, params) {
	const kind = KINDS[kindPath];
	const query = readQuery(params, ['period', ...PAGINATION_KEYS]);
	if (query.error) return query.error;
	const period = query.values.get('period');
	if (period === undefined) return badRequest('period is required', 'period');
	const match = PERIOD.exec(period);
	if (!match) return badRequest('period must be the first day of a month in ISO 8601, e.g. 2026-11-01', 'period');
	const scope = `usage/${kindPath}@${period}`;
	const page = paginationFrom(query.values, scope);
	if (page.error) return page.error;
	const start = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
	const end = Date.UTC(Number(match[1]), Number(match[2]), 1);
	const days = daysOf(start, end, Date.now());
	const calls = cumulativeCalls(ws, start, days);
	const entries = [];
	days.forEach((day, i) => {
		if (kind.perSource) for (const [sourceId, perDay] of calls) entries.push(snapshot(kind, perDay[i], day, { start, end }, sourceId));
		else entries.push(snapshot(kind, [...calls.values()].reduce((sum, perDay) => sum + perDay[i], 0), day, { start, end }));
	});
	const last = page.from + page.count;
	return ok({ [kind.key]: entries.slice(page.from, last), pagination: pagination(scope, page.current, last < entries.length ? last : null, entries.length) });
}

module.exports = { usage, USAGE_PATHS: Object.keys(KINDS) };
