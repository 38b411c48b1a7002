'use strict';
// GET /events/volume: the workspace's event counts over a window, in buckets of the granularity,
// grouped by source / eventName / eventType, filtered by lists of each. Segment orders the result
// by total and returns at most 5,000 entries; the endpoint allows 60 calls a minute.
const { ok, badRequest } = require('./answers');
const { paginationFrom, pagination } = require('./query');
const { readListQuery } = require('./query-arrays');
const { readTime, readGranularity, isoSeconds } = require('./time-window');
const { aggregate } = require('../series');
const { limited } = require('../rate-limit');

const MAX_ENTRIES = 5000;
const GROUPS = { source: 'sourceId', eventName: 'eventName', eventType: 'eventType' };
const FILTERS = ['sourceId', 'eventName', 'eventType', 'appVersion'];
const QUERY = { scalars: ['granularity', 'startTime', 'endTime'], lists: ['groupBy', ...FILTERS] };

function sourceOf(ws, sourceId) {
	const record = ws.sources.get(sourceId);
	const source = { id: sourceId };
	if (record && record.name !== undefined) source.name = record.name;
	if (record) source.slug = record.slug;
	return source;
}

function toEntry(ws, group, groupBy) {
	const entry = {};
	if (groupBy.includes('source')) entry.source = sourceOf(ws, group.dims.sourceId);
	for (const name of ['eventName', 'eventType']) if (groupBy.includes(name) && group.dims[name] !== null) entry[name] = group.dims[name];
	entry.total = group.total;
	entry.series = group.series.map((point) => ({ time: isoSeconds(point.time), count: point.count }));
	return entry;
}

// Returns the parsed query or { error }.
function readVolumeQuery(params) {
	const query = readListQuery(params, QUERY);
	if (query.error) return query;
	const { scalars, lists } = query;
	const granularity = readGranularity(scalars.granularity);
	if (granularity.error) return granularity;
	for (const name of ['startTime', 'endTime']) if (scalars[name] === undefined) return { error: badRequest(`${name} is required`, name) };
	const start = readTime(scalars.startTime, 'startTime');
	if (start.error) return start;
	const end = readTime(scalars.endTime, 'endTime');
	if (end.error) return end;
	if (start.ms >= end.ms) return { error: badRequest('startTime must be before endTime', 'startTime') };
	const groupBy = lists.groupBy || [];
	const unknown = groupBy.find((name) => !Object.prototype.hasOwnProperty.call(GROUPS, name));
	if (unknown !== undefined) return { error: badRequest(`groupBy must be source, eventName or eventType (not ${unknown})`, 'groupBy') };
	return { ...granularity, scalars, lists, groupBy: [...new Set(groupBy)], startMs: start.ms, endMs: end.ms, page: query.page };
}

function volume(state, ws, params) {
	return limited(state.volumeLimiter, ws, () => {
		const query = readVolumeQuery(params);
		if (query.error) return query.error;
		const page = paginationFrom(query.page, 'events/volume', { optional: true });
		if (page && page.error) return page.error;
		const where = (entry) => FILTERS.every((name) => !query.lists[name] || query.lists[name].includes(entry.dims[name]));
		const groups = aggregate(ws.eventVolume.matching({}).filter(where), {
			startMs: query.startMs, endMs: query.endMs, stepMs: query.stepMs,
			groupBy: query.groupBy.map((name) => GROUPS[name]), alwaysOne: query.groupBy.length === 0,
		});
		// By total, largest first; ties in a stable order of their keys.
		groups.sort((a, b) => b.total - a.total || JSON.stringify(a.dims).localeCompare(JSON.stringify(b.dims)));
		const entries = groups.slice(0, MAX_ENTRIES);
		const data = {
			path: '/events/volume',
			query: { workspaceId: ws.id, granularity: query.granularity, startTime: query.scalars.startTime, endTime: query.scalars.endTime, ...query.lists, limit: MAX_ENTRIES },
		};
		if (!page) return ok({ ...data, result: entries.map((group) => toEntry(ws, group, query.groupBy)) });
		const last = page.from + page.count;
		return ok({
			...data,
			result: entries.slice(page.from, last).map((group) => toEntry(ws, group, query.groupBy)),
			pagination: pagination('events/volume', page.current, last < entries.length ? last : null, entries.length),
		});
	}, state.now());
}

module.exports = { volume, MAX_ENTRIES };
