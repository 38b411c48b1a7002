'use strict';
// startSandbox(): a local server that behaves like Paragon's proxy in front of Segment's
// Public API, with the handles tests need (request log, faults, workspaces per user, bulk data, reset).
const { createServer } = require('./server');
const { createState, resetState, setMappingLimits, DEFAULTS } = require('./state');
const { workspaceApi } = require('./workspace-api');
const { regulationApi } = require('./regulations-api');
const { assertKind } = require('./catalogs');
const { DEMO } = require('./demo-users');

function listen(server, host, port) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(server.address().port);
		});
	});
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

	Object.assign(sandbox, workspaceApi(state), regulationApi(state), {
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
		catalog(kind) {
			return state.catalogs.list(kind).map((entry) => structuredClone(entry));
		},
		addCatalogEntry(kind, entry) {
			assertKind(kind);
			return structuredClone(state.catalogs.add(kind, entry));
		},
		// { mappingWritesPerMinute, mappingWritesWindowMs }: changes the mapping write limit (windows start afresh).
		setLimits(limits) {
			if (!limits || typeof limits !== 'object' || Array.isArray(limits)) throw new TypeError('limits must be an object');
			for (const key of Object.keys(limits)) {
				if (key !== 'mappingWritesPerMinute' && key !== 'mappingWritesWindowMs') throw new TypeError(`Unknown limit ${key} (use mappingWritesPerMinute, mappingWritesWindowMs)`);
			}
			return setMappingLimits(state, limits);
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

module.exports = { startSandbox, DEFAULTS, DEMO };
