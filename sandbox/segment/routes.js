'use strict';
// Segment's Public API routes (paths without /v1): which handler answers a method on a path.
// Handlers get { state, ws, params (URLSearchParams), body }.
const resources = require('./resources');
const labels = require('./labels');
const warehouses = require('./warehouses');
const sources = require('./sources');
const destinations = require('./destinations');
const pipelines = require('./pipelines');
const filters = require('./filters');
const { listSyncs } = require('./syncs');
const { subscriptionRoutes } = require('./subscriptions');
const { ok, notFound } = require('./answers');
const { readPagination, pagination } = require('./query');
const { paged, bodiless } = require('./route-marks');
const { monitoringRoutes, rootRoutes } = require('./monitoring-routes');
const { trackingPlanRoutes } = require('./tracking-plan-routes');
const { regulationRoutes } = require('./regulations');
const { reverseEtlRoutes } = require('./reverse-etl-routes');

const KINDS = { warehouses, sources, destinations };
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

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

// GET /catalog/{kind}/{metadataId}: one entry, whole (a destination's actions and presets too).
const METADATA_KEY = { warehouses: 'warehouseMetadata', sources: 'sourceMetadata', destinations: 'destinationMetadata' };

function getCatalogEntry(state, kind, id) {
	const entry = state.catalogs.find(kind, id);
	return entry ? ok({ [METADATA_KEY[kind]]: structuredClone(entry) }) : notFound();
}

function entityRoutes(kind, id) {
	return {
		GET: (c) => resources.get(c.state, c.ws, kind, id),
		PATCH: (c) => resources.update(c.state, c.ws, kind, id, c.body),
		DELETE: (c) => resources.remove(c.state, c.ws, kind, id),
	};
}

// /warehouses/{id}/... and /sources/{id}/...
function subRoutes(first, id, rest) {
	const [third, fourth] = rest;
	if (first === 'warehouses' && rest.length === 1) {
		if (third === 'connected-sources') return { GET: paged((c) => pipelines.connectedSources(c.ws, id, c.params)) };
		if (third === 'connection-state') return { GET: (c) => pipelines.connectionState(c.ws, id) };
		if (third === 'syncs') return { GET: paged((c) => listSyncs(c.state, c.ws, id, c.params)) };
	}
	if (first === 'warehouses' && rest.length === 2 && third === 'connected-sources') {
		return {
			POST: bodiless((c) => pipelines.connect(c.ws, id, fourth)),
			DELETE: (c) => pipelines.disconnect(c.ws, id, fourth),
		};
	}
	if (first === 'sources' && rest.length === 1) {
		if (third === 'labels') {
			return { PUT: (c) => (c.ws.sources.get(id) ? labels.setForSource(c.ws, c.ws.sources.get(id), c.body) : notFound()) };
		}
		if (third === 'connected-warehouses') return { GET: paged((c) => pipelines.connectedWarehouses(c.ws, id, c.params)) };
		if (third === 'connected-destinations') return { GET: paged((c) => pipelines.connectedDestinations(c.ws, id, c.params)) };
	}
	return null;
}

// /destination/{destinationId}/filters[/{filterId}] (singular "destination", as Segment spells it)
function filterRoutes(segments) {
	const [, destinationId, third, filterId] = segments;
	if (third !== 'filters') return null;
	if (segments.length === 3) {
		return {
			GET: paged((c) => filters.list(c.ws, destinationId, c.params)),
			POST: (c) => filters.create(c.ws, destinationId, c.body),
		};
	}
	if (segments.length === 4) {
		return {
			GET: (c) => filters.get(c.ws, destinationId, filterId),
			PATCH: (c) => filters.update(c.ws, destinationId, filterId, c.body),
			DELETE: (c) => filters.remove(c.ws, destinationId, filterId),
		};
	}
	return null;
}

// The routes of warehouses, sources, destinations, filters, catalogs and labels.
function coreRoutes(segments) {
	const [first, second] = segments;
	const kind = has(KINDS, first) ? KINDS[first] : null;
	if (kind && segments.length === 1) {
		return {
			GET: paged((c) => resources.list(c.state, c.ws, kind, c.params)),
			POST: (c) => resources.create(c.state, c.ws, kind, c.body),
		};
	}
	if (kind && segments.length === 2) {
		// POST /warehouses/validation shares its path with the warehouse "validation".
		if (first === 'warehouses' && second === 'validation') {
			return { ...entityRoutes(kind, second), POST: (c) => pipelines.validate(c.state, c.body) };
		}
		return entityRoutes(kind, second);
	}
	if (kind && segments.length > 2) return subRoutes(first, second, segments.slice(2));
	if (first === 'destination' && segments.length >= 3) return filterRoutes(segments);
	if (first === 'catalog' && segments.length === 2 && has(KINDS, second)) {
		return { GET: paged((c) => listCatalog(c.state, second, c.params)) };
	}
	if (first === 'catalog' && segments.length === 3 && has(KINDS, second)) {
		return { GET: (c) => getCatalogEntry(c.state, second, segments[2]) };
	}
	if (first === 'labels' && segments.length === 1) {
		return { GET: (c) => labels.list(c.ws), POST: (c) => labels.create(c.ws, c.body) };
	}
	return null;
}

// Each resource module answers the paths it owns (segments → { METHOD: handler } or null).
// A new resource adds its own function here, in its own file.
const ROUTE_TABLES = [coreRoutes, monitoringRoutes, subscriptionRoutes, trackingPlanRoutes, regulationRoutes, reverseEtlRoutes];

function matchRoute(segments) {
	// The API's root, "/" (also when the proxy path ends at the integration name): the workspace.
	if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) return rootRoutes;
	if (segments.some((segment) => segment === '')) return null;
	for (const table of ROUTE_TABLES) {
		const methods = table(segments);
		if (methods) return methods;
	}
	return null;
}

module.exports = { matchRoute, KINDS };
