'use strict';
// /__sandbox/* endpoints, for tests that run n8n in another process. Not logged, not
// authenticated, and never carrying a token (the request log is served redacted).
const { redactEntry } = require('./request-log');
const { describeFault } = require('./faults');
const { REGULATION_CONTROL_ROUTES } = require('./regulations-api');

function info(sandbox, state) {
	return {
		url: sandbox.url,
		projectId: state.projectId,
		audience: `useparagon.com/${state.projectId}`,
		userIds: [...new Set(Object.values(state.tokens))],
		connectedUsers: state.users.ids(),
		signingKeyMode: Boolean(state.publicKey),
		seed: state.seed,
		// The default user's default workspaces, then every user's credentials and workspaces.
		workspaces: state.users.defaultUserId === null ? null : { us: sandbox.workspaceId('us'), eu: sandbox.workspaceId('eu') },
		users: sandbox.users(),
		// TCP connections accepted since the sandbox started (never reset).
		connectionsAccepted: state.connectionsAccepted,
	};
}

function objectBody(body) {
	return body && typeof body === 'object' && !Array.isArray(body) ? body : {};
}

// Only the keys given: an undefined one must not count as an unknown option.
function where(options) {
	return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

const ROUTES = {
	'/__sandbox/info': {
		GET: (sandbox, state) => info(sandbox, state),
	},
	'/__sandbox/requests': {
		GET: (sandbox, state) => ({ requests: state.log.map(redactEntry) }),
		DELETE: (sandbox) => {
			sandbox.clearRequests();
			return { ok: true };
		},
	},
	'/__sandbox/faults': {
		GET: (sandbox, state) => ({ faults: state.faults.list.map(describeFault) }),
		POST: (sandbox, state, body) => {
			const fault = sandbox.addFault(body);
			return { ok: true, fault: describeFault(fault), faults: state.faults.list.length };
		},
		DELETE: (sandbox) => {
			sandbox.clearFaults();
			return { ok: true };
		},
	},
	'/__sandbox/reset': {
		POST: (sandbox) => {
			sandbox.reset();
			return { ok: true };
		},
	},
	// Monitoring data: body = the spec (or {events}) plus region, user, credential.
	'/__sandbox/event-volume': {
		POST: (sandbox, state, body) => {
			const { region, user, credential, ...spec } = objectBody(body);
			return { ok: true, ...sandbox.setEventVolume(spec, where({ region, user, credential })) };
		},
	},
	'/__sandbox/delivery-counts': {
		POST: (sandbox, state, body) => {
			const { region, user, credential, ...spec } = objectBody(body);
			return { ok: true, ...sandbox.setDeliveryCounts(spec, where({ region, user, credential })) };
		},
	},
	'/__sandbox/audit-events': {
		POST: (sandbox, state, body) => {
			const { events, region, user, credential } = objectBody(body);
			return { ok: true, events: sandbox.addAuditEvents(events, where({ region, user, credential })) };
		},
	},
	'/__sandbox/limits': {
		POST: (sandbox, state, body) => {
			const { mappingWritesPerMinute, mappingWritesWindowMs } = sandbox.setLimits(body === undefined ? {} : body);
			return { ok: true, limits: { mappingWritesPerMinute, mappingWritesWindowMs } };
		},
	},
	'/__sandbox/features': {
		POST: (sandbox, state, body) => {
			const { feature, enabled, ...where } = body && typeof body === 'object' ? body : {};
			sandbox.setFeature(feature, enabled, where);
			return { ok: true };
		},
	},
	// Takes Protocols away from a workspace (or gives them back): { enabled, region?, user?, credential? }.
	'/__sandbox/protocols': {
		POST: (sandbox, state, body) => {
			const { enabled, region, user, credential } = objectBody(body);
			sandbox.setProtocols(enabled, where({ region, user, credential }));
			return { ok: true, enabled };
		},
	},
	// What a trigger watches, made to happen from another process: a sync report, a connection going down and up.
	'/__sandbox/sync-reports': {
		POST: (sandbox, state, body) => {
			const { warehouseId, reports, ...options } = objectBody(body);
			return { ok: true, reports: sandbox.addSyncReports(warehouseId, reports, where(options)) };
		},
	},
	'/__sandbox/connection-state': {
		POST: (sandbox, state, body) => {
			const { warehouseId, connectionState, ...options } = objectBody(body);
			sandbox.setConnectionState(warehouseId, connectionState === undefined ? null : connectionState, where(options));
			return { ok: true };
		},
	},
	...REGULATION_CONTROL_ROUTES,
	// How the next manual Reverse ETL syncs end: { outcomes?, default?, syncStatusKey?, region?, user?, credential? }.
	'/__sandbox/reverse-etl/syncs': {
		POST: (sandbox, state, body) => {
			const { region, user, credential, ...script } = objectBody(body);
			return { ok: true, ...sandbox.scriptReverseEtlSyncs(script, where({ region, user, credential })) };
		},
	},
	// A mapping's sync history: { mappingId, syncs: [{ syncStatus, startedAt?, afterSeconds?, error?, errorCode? }], region?, ... }.
	'/__sandbox/reverse-etl/history': {
		POST: (sandbox, state, body) => {
			const { mappingId, syncs, region, user, credential } = objectBody(body);
			return { ok: true, syncs: sandbox.addReverseEtlSyncs(mappingId, syncs, where({ region, user, credential })) };
		},
	},
	'/__sandbox/bulk': {
		POST: (sandbox, state, body) => {
			const { resource, count, ...where } = body && typeof body === 'object' ? body : {};
			const ids = sandbox.bulk(resource, count, where);
			return { ok: true, count: ids.length, ids };
		},
	},
};

function send(res, status, body) {
	const payload = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
	res.end(payload);
}

function parseBody(rawBody) {
	const text = rawBody.toString('utf8');
	if (text.trim() === '') return undefined;
	return JSON.parse(text);
}

function handleControl(sandbox, state, req, res, rawBody) {
	const path = req.url.split('?')[0];
	const methods = Object.prototype.hasOwnProperty.call(ROUTES, path) ? ROUTES[path] : null;
	if (!methods) return send(res, 404, { message: `No control endpoint ${path}` });
	const run = Object.prototype.hasOwnProperty.call(methods, req.method) ? methods[req.method] : null;
	if (!run) return send(res, 405, { message: `Use ${Object.keys(methods).join(' or ')} on ${path}` });
	let body;
	try {
		body = parseBody(rawBody);
	} catch {
		return send(res, 400, { message: 'Body is not valid JSON' });
	}
	try {
		return send(res, 200, run(sandbox, state, body));
	} catch (error) {
		if (error instanceof TypeError) return send(res, 400, { message: error.message });
		throw error;
	}
}

module.exports = { handleControl };
