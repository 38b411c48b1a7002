'use strict';
// startSandbox(): a local server that behaves like Paragon's proxy in front of Segment's
// Public API, with the handles tests need (request log, faults, bulk data, reset).
const { createServer } = require('./server');
const { createState, resetState, DEFAULTS } = require('./state');
const { bulkInsert } = require('./bulk');
const { assertResource, assertRegion } = require('./workspace');
const { assertKind } = require('./catalogs');
const { KINDS } = require('./segment/router');
const { addSyncReports } = require('./segment/syncs');
const filters = require('./segment/filters');

function listen(server, host, port) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(server.address().port);
		});
	});
}

function workspace(state, region) {
	assertRegion(region);
	return state.workspaces[region];
}

function knownPair(ws, warehouseId, sourceId) {
	if (!ws.warehouses.get(warehouseId)) throw new TypeError(`Unknown warehouse "${warehouseId}" in the ${ws.region} workspace`);
	if (!ws.sources.get(sourceId)) throw new TypeError(`Unknown source "${sourceId}" in the ${ws.region} workspace`);
}

// Pipelines and filters, read and set directly (not logged): connections, sync reports, filters.
function pipelineApi(state) {
	return {
		connections(region = 'us') {
			const ws = workspace(state, region);
			const pairs = [];
			for (const [warehouseId, sourceIds] of ws.connections.byWarehouse) for (const sourceId of sourceIds) pairs.push({ warehouseId, sourceId });
			return pairs;
		},
		connect(warehouseId, sourceId, { region = 'us' } = {}) {
			const ws = workspace(state, region);
			knownPair(ws, warehouseId, sourceId);
			ws.connections.connect(warehouseId, sourceId);
		},
		disconnect(warehouseId, sourceId, { region = 'us' } = {}) {
			const ws = workspace(state, region);
			knownPair(ws, warehouseId, sourceId);
			ws.connections.disconnect(warehouseId, sourceId);
		},
		addSyncReports(warehouseId, reports, { region = 'us' } = {}) {
			return addSyncReports(workspace(state, region), warehouseId, reports);
		},
		syncReports(warehouseId, { region = 'us' } = {}) {
			return structuredClone(workspace(state, region).syncReports.get(warehouseId) || []);
		},
		filters(destinationId, { region = 'us' } = {}) {
			const ws = workspace(state, region);
			return ws.filters.has(destinationId) ? ws.filters.get(destinationId).all().map(filters.toApi) : [];
		},
	};
}

function baseUrl(host, port) {
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function startSandbox(options = {}) {
	const state = createState(options);
	const host = options.host || DEFAULTS.host;
	const sandbox = {};
	const server = createServer(sandbox, state);
	const port = await listen(server, host, options.port === undefined ? DEFAULTS.port : options.port);
	state.url = baseUrl(host, port);
	let closing = null;

	Object.assign(sandbox, pipelineApi(state), {
		url: state.url,
		port,
		projectId: state.projectId,
		get requests() {
			return state.log;
		},
		clearRequests() {
			state.log.length = 0;
		},
		addFault(fault) {
			return state.faults.add(fault);
		},
		clearFaults() {
			state.faults.clear();
		},
		bulk(resource, count, bulkOptions = {}) {
			return bulkInsert(state, resource, count, bulkOptions);
		},
		entities(resource, region = 'us') {
			assertResource(resource);
			assertRegion(region);
			const ws = state.workspaces[region];
			return ws[resource].all().map((record) => KINDS[resource].toApi(ws, record));
		},
		labels(region = 'us') {
			assertRegion(region);
			return state.workspaces[region].labels.map((label) => ({ ...label }));
		},
		catalog(kind) {
			return state.catalogs.list(kind).map((entry) => structuredClone(entry));
		},
		addCatalogEntry(kind, entry) {
			assertKind(kind);
			return structuredClone(state.catalogs.add(kind, entry));
		},
		workspaceId(region = 'us') {
			assertRegion(region);
			return state.workspaces[region].id;
		},
		reset() {
			resetState(state);
		},
		close() {
			if (!closing) {
				closing = new Promise((resolve) => {
					for (const timer of state.timers) clearTimeout(timer);
					state.timers.clear();
					server.close(() => resolve());
					server.closeAllConnections();
				});
			}
			return closing;
		},
	});
	return sandbox;
}

module.exports = { startSandbox, DEFAULTS };
