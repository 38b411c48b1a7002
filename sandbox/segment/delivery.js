'use strict';
// Delivery monitoring (beta in Segment): GET /delivery-overview/{step} — one step of the path an
// event takes from a source to a destination, counted over a window — and GET
// /destinations/{id}/delivery-metrics — a destination's summary. Segment's windows per
// granularity are answered 400 when broken. "successfully-received" is the source's event volume;
// the other steps are the delivery counts tests set (monitoring-data.js).
const { ok, badRequest } = require('./answers');
const { paginationFrom, pagination, encodeCursor, readQuery } = require('./query');
const { readListQuery } = require('./query-arrays');
const { readTime, readGranularity, isoSeconds, checkWindow, HOUR_MS, DAY_MS } = require('./time-window');
const { aggregate } = require('../series');
const { missing } = require('./pipelines');

const SOURCE_GROUPS = ['eventName', 'eventType', 'appVersion'];
const INGEST_GROUPS = [...SOURCE_GROUPS, 'discardReason'];
const DESTINATION_GROUPS = [...INGEST_GROUPS, 'subscriptionId', 'activationId', 'audienceId', 'spaceId'];
const STEPS = {
	'successfully-received': { groups: SOURCE_GROUPS, destination: false },
	'failed-on-ingest': { groups: INGEST_GROUPS, destination: false },
	'filtered-at-source': { groups: INGEST_GROUPS, destination: false },
	'filtered-at-destination': { groups: DESTINATION_GROUPS, destination: true },
	'failed-delivery': { groups: DESTINATION_GROUPS, destination: true },
	'successful-delivery': { groups: DESTINATION_GROUPS, destination: true },
};
const OVERVIEW_WINDOWS = {
	MINUTE: { range: 4 * HOUR_MS, oldest: 48 * HOUR_MS },
	HOUR: { range: 14 * DAY_MS, oldest: 30 * DAY_MS },
	DAY: { range: 30 * DAY_MS, oldest: 30 * DAY_MS },
};
const METRICS_WINDOWS = {
	MINUTE: { range: 4 * HOUR_MS, oldest: 48 * HOUR_MS },
	HOUR: { range: 7 * DAY_MS, oldest: 7 * DAY_MS },
	DAY: { range: 14 * DAY_MS, oldest: 14 * DAY_MS },
};
// delivery-metrics' startTime when left out (Segment: 1 hour, 7 days, 30 days; 30 days would break
// its own 14-day rule, so the sandbox starts 14 days back).
const METRICS_DEFAULT_SPAN = { MINUTE: HOUR_MS, HOUR: 7 * DAY_MS, DAY: 14 * DAY_MS };

// The source and (for destination steps) the destination, checked: { source, destination } or { error }.
function endpoints(ws, sourceId, destinationId) {
	if (sourceId === undefined) return { error: badRequest('sourceId is required', 'sourceId') };
	if (!ws.sources.get(sourceId)) return { error: missing('Source') };
	if (destinationId === undefined) return {};
	const destination = ws.destinations.get(destinationId);
	if (!destination) return { error: missing('Destination') };
	if (destination.sourceId !== sourceId) return { error: badRequest('The destination is not connected to sourceId', 'sourceId') };
	return { destination };
}

function readWindow(scalars, rules, defaultSpan) {
	const granularity = readGranularity(scalars.granularity, defaultSpan ? 'MINUTE' : undefined);
	if (granularity.error) return granularity;
	if (!defaultSpan) for (const name of ['startTime', 'endTime']) if (scalars[name] === undefined) return { error: badRequest(`${name} is required`, name) };
	const end = readTime(scalars.endTime, 'endTime');
	if (end.error) return end;
	const start = readTime(scalars.startTime, 'startTime');
	if (start.error) return start;
	const endMs = end.ms === undefined ? Date.now() : end.ms;
	const startMs = start.ms === undefined ? endMs - defaultSpan[granularity.granularity] : start.ms;
	const error = checkWindow(rules, granularity.granularity, startMs, endMs);
	return error ? { error } : { ...granularity, startMs, endMs };
}

function overview(ws, step, params) {
	const spec = STEPS[step];
	const query = readListQuery(params, {
		scalars: ['sourceId', 'startTime', 'endTime', 'granularity', ...(spec.destination ? ['destinationConfigId'] : [])],
		lists: ['groupBy'],
		objects: { filter: spec.groups },
	});
	if (query.error) return query.error;
	const { scalars } = query;
	if (spec.destination && scalars.destinationConfigId === undefined) return badRequest('destinationConfigId is required', 'destinationConfigId');
	const window = readWindow(scalars, OVERVIEW_WINDOWS);
	if (window.error) return window.error;
	const groupBy = [...new Set(query.lists.groupBy || [])];
	const unknown = groupBy.find((name) => !spec.groups.includes(name));
	if (unknown !== undefined) return badRequest(`groupBy must be among ${spec.groups.join(', ')} for ${step} (not ${unknown})`, 'groupBy');
	const found = endpoints(ws, scalars.sourceId, scalars.destinationConfigId);
	if (found.error) return found.error;
	const scope = `delivery-overview/${step}`;
	const page = paginationFrom(query.page, scope, { optional: true });
	if (page && page.error) return page.error;

	const filter = (query.objects.filter || {});
	const entries = (step === 'successfully-received'
		? ws.eventVolume.matching({ sourceId: scalars.sourceId })
		: ws.deliveryCounts.matching({ step, sourceId: scalars.sourceId, destinationId: scalars.destinationConfigId })
	).filter((entry) => Object.entries(filter).every(([name, values]) => values.includes(entry.dims[name])));
	const groups = aggregate(entries, { startMs: window.startMs, endMs: window.endMs, stepMs: window.stepMs, groupBy, alwaysOne: groupBy.length === 0 });
	groups.sort((a, b) => b.total - a.total || JSON.stringify(a.dims).localeCompare(JSON.stringify(b.dims)));
	const dataset = groups.map((group) => {
		const entry = {};
		for (const name of groupBy) if (group.dims[name] !== null && group.dims[name] !== undefined) entry[name] = group.dims[name];
		return { ...entry, total: group.total, series: group.series.map((point) => ({ time: isoSeconds(point.time), count: point.count })) };
	});
	const total = dataset.reduce((sum, entry) => sum + entry.total, 0);
	const from = page ? page.from : 0;
	const last = page ? from + page.count : dataset.length;
	const current = page ? page.current : encodeCursor(scope, 0);
	return ok({ total, dataset: dataset.slice(from, last), pagination: pagination(scope, current, last < dataset.length ? last : null, dataset.length) });
}

// One metric of a destination's summary: its total and, for failures and filtered, per reason.
function metric(ws, metricName, step, where, window) {
	const entries = ws.deliveryCounts.matching({ step, ...where });
	const [all] = aggregate(entries, { ...window, stepMs: window.endMs - window.startMs, groupBy: [], alwaysOne: true });
	const result = { metricName, total: all.total };
	if (step === 'successful-delivery') return result;
	const reasons = aggregate(entries, { ...window, stepMs: window.endMs - window.startMs, groupBy: ['discardReason'] });
	result.breakdown = reasons.filter((group) => group.total > 0).map((group) => ({ metricName: group.dims.discardReason === null ? 'unknown' : group.dims.discardReason, value: group.total }));
	return result;
}

function metrics(ws, destinationId, params) {
	const query = readQuery(params, ['sourceId', 'startTime', 'endTime', 'granularity']);
	if (query.error) return query.error;
	const scalars = Object.fromEntries(query.values);
	const window = readWindow(scalars, METRICS_WINDOWS, METRICS_DEFAULT_SPAN);
	if (window.error) return window.error;
	if (!ws.destinations.get(destinationId)) return missing('Destination');
	const found = endpoints(ws, scalars.sourceId, destinationId);
	if (found.error) return found.error;
	const where = { sourceId: scalars.sourceId, destinationId };
	const span = { startMs: window.startMs, endMs: window.endMs };
	return ok({
		deliveryMetricsSummary: {
			sourceId: scalars.sourceId,
			destinationMetadataId: found.destination.meta.id,
			metrics: [metric(ws, 'successes', 'successful-delivery', where, span), metric(ws, 'failures', 'failed-delivery', where, span), metric(ws, 'filtered', 'filtered-at-destination', where, span)],
		},
	});
}

module.exports = { overview, metrics, STEPS, OVERVIEW_WINDOWS, METRICS_WINDOWS };
