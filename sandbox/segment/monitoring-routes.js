'use strict';
// The monitoring routes (SPEC §4.12): the workspace itself, its audit trail, event volume,
// daily usage and delivery metrics. Handlers marked paged read their query themselves.
const { ok } = require('./answers');
const { paged } = require('./route-marks');
const auditEvents = require('./audit-events');
const { volume } = require('./event-volume');
const { usage, USAGE_PATHS } = require('./usage');
const delivery = require('./delivery');

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// GET / (the path the SDK sends for "Get Workspace").
const rootRoutes = {
	GET: (c) => ok({ workspace: { id: c.ws.id, slug: c.ws.slug, name: c.ws.name } }),
};

function monitoringRoutes(segments) {
	const [first, second, third] = segments;
	const path = segments.join('/');
	if (path === 'audit-events') return { GET: paged((c) => auditEvents.list(c.ws, c.params)) };
	if (path === 'events/volume') return { GET: paged((c) => volume(c.state, c.ws, c.params)) };
	if (first === 'usage' && USAGE_PATHS.includes(segments.slice(1).join('/'))) {
		return { GET: paged((c) => usage(c.ws, segments.slice(1).join('/'), c.params)) };
	}
	if (first === 'delivery-overview' && segments.length === 2 && has(delivery.STEPS, second)) {
		return { GET: paged((c) => delivery.overview(c.ws, second, c.params)) };
	}
	if (first === 'destinations' && segments.length === 3 && third === 'delivery-metrics') {
		return { GET: paged((c) => delivery.metrics(c.ws, second, c.params)) };
	}
	return null;
}

module.exports = { monitoringRoutes, rootRoutes };
