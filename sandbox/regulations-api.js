'use strict';
// Regulations beyond Segment's API: the sandbox's options (how fast statuses move, the limit per
// group of types), the module API (sb.regulations, sb.regulation, sb.suppressions,
// sb.addRegulation, sb.setRegulationStatus) and its control endpoints.
const { WindowLimiter } = require('./rate-limit');
const { listEntry, detail, streamsOf } = require('./segment/regulation-book');
const { STATUSES, checkCreate } = require('./segment/regulation-rules');
const { REGULATION_ID_LENGTH } = require('./segment/regulations');
const { checkOptions, WHERE, WHERE_WITH_REGION } = require('./workspace-api');
const { randomId } = require('./ids');

const REGULATION_DEFAULTS = {
	// How long a regulation stays INITIALIZED, then RUNNING, before it ends; null: it never moves by itself.
	regulationStepMs: 60000,
	// Creates allowed per window, workspace and group of types; null (default): unlimited.
	regulationsPerWindow: null,
	regulationsWindowMs: 60000,
};

const isLimit = (value) => value === null || (Number.isInteger(value) && value >= 1);

// state.regulations: { stepMs, limiter }; bad options throw a TypeError (startSandbox rejects).
function regulationSettings(input) {
	const options = { ...REGULATION_DEFAULTS };
	for (const key of Object.keys(REGULATION_DEFAULTS)) if (input[key] !== undefined) options[key] = input[key];
	const { regulationStepMs: stepMs, regulationsPerWindow: perWindow, regulationsWindowMs: windowMs } = options;
	if (!(stepMs === null || (Number.isFinite(stepMs) && stepMs >= 0))) throw new TypeError('regulationStepMs must be null (never moves) or a number of ms >= 0');
	if (!isLimit(perWindow)) throw new TypeError('regulationsPerWindow must be null (unlimited) or an integer >= 1');
	if (!(Number.isFinite(windowMs) && windowMs > 0)) throw new TypeError('regulationsWindowMs must be a number > 0');
	return { stepMs, limiter: new WindowLimiter(perWindow, windowMs) };
}

function instant(value, now) {
	if (value === undefined) return now;
	const ms = typeof value === 'number' ? value : Date.parse(value);
	if (!Number.isFinite(ms)) throw new TypeError('createdAt must be an ISO date or epoch ms');
	return ms;
}

const SCOPES = ['workspace', 'source', 'cloudSource'];

// sb.addRegulation(): a regulation made directly (not logged, no limit), e.g. one made long ago.
function addRegulation(ws, input, now = Date.now()) {
	if (!input || typeof input !== 'object') throw new TypeError('A regulation must be an object');
	const { scope = 'workspace', sourceId, createdAt, status, ...body } = input;
	if (!SCOPES.includes(scope)) throw new TypeError(`scope must be one of ${SCOPES.join(', ')}`);
	const source = scope === 'workspace' ? null : ws.sources.get(sourceId);
	if (scope !== 'workspace' && !source) throw new TypeError(`Unknown source "${sourceId}" in the ${ws.description}`);
	const full = { regulationType: 'SUPPRESS_WITH_DELETE', subjectType: scope === 'cloudSource' ? 'OBJECT_ID' : 'USER_ID', ...body };
	const errors = checkCreate(scope, full, source ? source.meta.slug : null);
	if (errors.length) throw new TypeError(`Invalid regulation: ${errors.map((error) => error.message).join('; ')}`);
	const record = ws.regulations.add({
		id: randomId(REGULATION_ID_LENGTH),
		scope,
		sourceId: source ? source.id : undefined,
		collection: full.collection,
		regulationType: full.regulationType,
		subjectType: full.subjectType,
		subjectIds: [...full.subjectIds],
		createdAt: instant(createdAt, now),
		streams: streamsOf(ws, scope, sourceId, full.regulationType),
	});
	if (status !== undefined) pin(ws, record, status, {}, now);
	return record;
}

function pin(ws, record, status, { destinationId, errString } = {}, now = Date.now()) {
	if (!STATUSES.includes(status)) throw new TypeError(`status must be one of ${STATUSES.join(', ')}`);
	ws.regulations.pin(record, status, { destinationId, errString }, now);
}

// What the module API shows of a regulation: its list entry, with where it was filed.
function describe(record, now, stepMs) {
	const entry = { ...listEntry(record, now, stepMs), scope: record.scope };
	if (record.sourceId !== undefined) entry.sourceId = record.sourceId;
	if (record.collection !== undefined) entry.collection = record.collection;
	return entry;
}

function regulationApi(state) {
	const at = (region, where) => state.users.workspace(region, checkOptions(where, WHERE));
	const from = (options, extra = []) => {
		const { region = 'us', ...rest } = checkOptions(options, [...WHERE_WITH_REGION, ...extra]);
		const where = {};
		for (const key of WHERE) if (rest[key] !== undefined) where[key] = rest[key];
		return { ws: state.users.workspace(region, where), rest };
	};
	const find = (ws, regulateId) => {
		const record = ws.regulations.get(regulateId);
		if (!record) throw new TypeError(`Unknown regulation "${regulateId}" in the ${ws.description}`);
		return record;
	};
	return {
		// Every regulation of the workspace, oldest first (also those past Segment's 90 days).
		regulations(region = 'us', where) {
			const now = state.now();
			return at(region, where).regulations.records.map((record) => describe(record, now, state.regulations.stepMs));
		},
		regulation(regulateId, options) {
			const { ws } = from(options);
			return detail(ws.id, find(ws, regulateId), state.now(), state.regulations.stepMs);
		},
		suppressions(region = 'us', where) {
			return at(region, where).regulations.suppressions().map((subject) => ({ ...subject }));
		},
		addRegulation(input, options) {
			const { ws } = from(options);
			const now = state.now();
			return describe(addRegulation(ws, input, now), now, state.regulations.stepMs);
		},
		setRegulationStatus(regulateId, status, options) {
			const { ws, rest } = from(options, ['destinationId', 'errString']);
			const record = find(ws, regulateId);
			const now = state.now();
			pin(ws, record, status, rest, now);
			return detail(ws.id, record, now, state.regulations.stepMs);
		},
	};
}

const WHERE_KEYS = new Set(WHERE_WITH_REGION);
const pick = (body, keys) => Object.fromEntries(Object.entries(body || {}).filter(([key]) => keys.has(key)));
const omit = (body, keys) => Object.fromEntries(Object.entries(body || {}).filter(([key]) => !keys.has(key)));

// Control endpoints (control.js): the same as the module API, over HTTP.
const REGULATION_CONTROL_ROUTES = {
	'/__sandbox/regulations': {
		POST: (sandbox, state, body) => ({ ok: true, regulation: sandbox.addRegulation(omit(body, WHERE_KEYS), pick(body, WHERE_KEYS)) }),
	},
	'/__sandbox/regulations/status': {
		POST: (sandbox, state, body) => {
			const { regulateId, status, ...options } = body && typeof body === 'object' ? body : {};
			return { ok: true, regulation: sandbox.setRegulationStatus(regulateId, status, options) };
		},
	},
};

module.exports = { regulationSettings, regulationApi, addRegulation, pin, REGULATION_DEFAULTS, REGULATION_CONTROL_ROUTES };
