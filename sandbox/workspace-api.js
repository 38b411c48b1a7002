'use strict';
// The module API's direct reads and writes of workspaces (never logged): entities, labels,
// connections, sync reports, filters, mappings, features, bulk inserts, audit trail, event volume, delivery counts,
// tracking plans, Reverse ETL. Each acts on the first connected user's
// default credential unless told otherwise: the functions with a positional region take
// { user, credential } after it; those with an options object take { region, user, credential }.
const { bulkInsert } = require('./bulk');
const { assertResource, assertFeature } = require('./workspace');
const { KINDS } = require('./segment/router');
const { addSyncReports } = require('./segment/syncs');
const filters = require('./segment/filters');
const { setConnectionState } = require('./segment/pipelines');
const { addAuditEvents } = require('./audit');
const { setEventVolume, setDeliveryCounts } = require('./monitoring-data');
const subscriptions = require('./segment/subscriptions');
const { protocolsApi } = require('./protocols-api');
const { reverseEtlApi } = require('./reverse-etl-api');

const WHERE = ['user', 'credential'];
const WHERE_WITH_REGION = ['region', ...WHERE];

// A misspelt option must not silently fall back to the default user's workspace.
function checkOptions(options, allowed) {
	if (options === undefined) return {};
	if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError(`Options must be an object of ${allowed.join(', ')}`);
	for (const key of Object.keys(options)) if (!allowed.includes(key)) throw new TypeError(`Unknown option ${key} (use ${allowed.join(', ')})`);
	return options;
}

function knownPair(ws, warehouseId, sourceId) {
	if (!ws.warehouses.get(warehouseId)) throw new TypeError(`Unknown warehouse "${warehouseId}" in the ${ws.description}`);
	if (!ws.sources.get(sourceId)) throw new TypeError(`Unknown source "${sourceId}" in the ${ws.description}`);
}

function workspaceApi(state) {
	// sb.entities(resource, region, { user, credential }) and the like.
	const at = (region, where) => state.users.workspace(region, checkOptions(where, WHERE));
	// sb.bulk(resource, count, { region, user, credential }) and the like.
	const from = (options) => {
		const { region = 'us', ...where } = checkOptions(options, WHERE_WITH_REGION);
		return state.users.workspace(region, where);
	};
	return {
		users() {
			return state.users.describe();
		},
		workspaceId(region = 'us', where) {
			return at(region, where).id;
		},
		bulk(resource, count, options) {
			return bulkInsert(state, from(options), resource, count);
		},
		entities(resource, region = 'us', where) {
			assertResource(resource);
			const ws = at(region, where);
			return ws[resource].all().map((record) => KINDS[resource].toApi(ws, record));
		},
		labels(region = 'us', where) {
			return at(region, where).labels.map((label) => ({ ...label }));
		},
		connections(region = 'us', where) {
			const ws = at(region, where);
			const pairs = [];
			for (const [warehouseId, sourceIds] of ws.connections.byWarehouse) for (const sourceId of sourceIds) pairs.push({ warehouseId, sourceId });
			return pairs;
		},
		connect(warehouseId, sourceId, options) {
			const ws = from(options);
			knownPair(ws, warehouseId, sourceId);
			ws.connections.connect(warehouseId, sourceId);
		},
		disconnect(warehouseId, sourceId, options) {
			const ws = from(options);
			knownPair(ws, warehouseId, sourceId);
			ws.connections.disconnect(warehouseId, sourceId);
		},
		addSyncReports(warehouseId, reports, options) {
			return addSyncReports(from(options), warehouseId, reports);
		},
		syncReports(warehouseId, options) {
			return structuredClone(from(options).syncReports.get(warehouseId) || []);
		},
		// Monitoring data (monitoring-data.js, audit.js).
		setEventVolume(spec, options) {
			return setEventVolume(from(options), spec);
		},
		setDeliveryCounts(spec, options) {
			return setDeliveryCounts(from(options), spec);
		},
		addAuditEvents(events, options) {
			return addAuditEvents(from(options), events);
		},
		auditEvents(options) {
			return structuredClone(from(options).auditEvents).reverse();
		},
		setConnectionState(warehouseId, connectionState, options) {
			setConnectionState(from(options), warehouseId, connectionState);
		},
		filters(destinationId, options) {
			const ws = from(options);
			return ws.filters.has(destinationId) ? ws.filters.get(destinationId).all().map(filters.toApi) : [];
		},
		// The destination's mappings (Segment's subscriptions), as the API returns them.
		subscriptions(destinationId, options) {
			const ws = from(options);
			return ws.subscriptions.has(destinationId) ? ws.subscriptions.get(destinationId).all().map(subscriptions.toApi) : [];
		},
		// setFeature('destinationSubscriptions', false, { region, user, credential }): its endpoints answer 403.
		setFeature(feature, enabled, options) {
			assertFeature(feature);
			if (typeof enabled !== 'boolean') throw new TypeError('enabled must be true or false');
			from(options).features[feature] = enabled;
		},
		...protocolsApi(from),
		...reverseEtlApi(from, state),
	};
}

module.exports = { workspaceApi, checkOptions, WHERE, WHERE_WITH_REGION };
