'use strict';
// Everything one sandbox holds: options, the connected users (each credential with its US and EU
// workspaces), catalogs, log and faults.
const crypto = require('crypto');
const { Catalogs } = require('./catalogs');
const { ConnectedUsers } = require('./users');
const { Faults } = require('./faults');
const { seedDemoData } = require('./seed');
const { WindowLimiter } = require('./rate-limit');
const { regulationSettings } = require('./regulations-api');

const DEFAULTS = {
	host: '127.0.0.1',
	port: 0,
	projectId: 'sandbox-project',
	tokens: { 'sandbox-user-token': 'sandbox-user' },
	publicKey: undefined,
	connectedUsers: ['sandbox-user'],
	seed: false,
	latencyMs: 0,
	// Calls of GET /warehouses/{id}/syncs allowed per window and workspace (Segment: 2 a
	// minute); null = unlimited, so fast tests are not slowed down.
	syncsPerMinute: null,
	syncsWindowMs: 60000,
	// Per user, overriding syncsPerMinute in that user's workspaces: { userId: n | null }.
	syncsPerMinuteByUser: {},
	// Calls of GET /events/volume allowed per window and workspace: Segment's 60 a minute
	// (null = unlimited).
	eventVolumePerMinute: 60,
	eventVolumeWindowMs: 60000,
	// Destination mapping (subscription) writes allowed per window and workspace: Segment allows
	// 5 a minute; null = unlimited.
	mappingWritesPerMinute: 5,
	mappingWritesWindowMs: 60000,
	// { now(): epoch ms } for the limiters' windows (tests share a fake clock with the node); default the real one.
	clock: null,
	// Calls of GET /tracking-plans/{id}/rules allowed per window and workspace: Segment's 200 a
	// minute (null = unlimited).
	ruleReadsPerMinute: 200,
	ruleReadsWindowMs: 60000,
	// The longest request target (path and query) answered; a longer one gets 414, as from the
	// nginx or Apache in front of a real API (both refuse a request line over 8 KB by default).
	maxUrlLength: 8192,
};

function readPublicKey(pem) {
	if (pem === undefined || pem === null) return null;
	const key = crypto.createPublicKey(pem);
	if (key.asymmetricKeyType !== 'rsa') throw new TypeError('publicKey must be an RSA public key (SPKI PEM)');
	return key;
}

function isLimit(value) {
	return value === null || (Number.isInteger(value) && value >= 1);
}

function checkSyncLimits(options, users) {
	if (!isLimit(options.syncsPerMinute)) throw new TypeError('syncsPerMinute must be null (unlimited) or an integer >= 1');
	const byUser = options.syncsPerMinuteByUser;
	if (!byUser || typeof byUser !== 'object' || Array.isArray(byUser)) throw new TypeError('syncsPerMinuteByUser must be an object of user id -> limit');
	for (const [userId, limit] of Object.entries(byUser)) {
		if (!users.has(userId)) throw new TypeError(`syncsPerMinuteByUser: ${userId} is not a connected user`);
		if (!isLimit(limit)) throw new TypeError(`syncsPerMinuteByUser: the limit of ${userId} must be null (unlimited) or an integer >= 1`);
	}
}

// Also for sb.setLimits() and POST /__sandbox/limits.
function checkMappingLimits({ mappingWritesPerMinute, mappingWritesWindowMs }) {
	if (!isLimit(mappingWritesPerMinute)) throw new TypeError('mappingWritesPerMinute must be null (unlimited) or an integer >= 1');
	if (!(Number.isFinite(mappingWritesWindowMs) && mappingWritesWindowMs > 0)) throw new TypeError('mappingWritesWindowMs must be a number > 0');
}

function checkOptions(options) {
	if (typeof options.projectId !== 'string' || options.projectId === '') throw new TypeError('projectId must be a non-empty string');
	if (!options.tokens || typeof options.tokens !== 'object') throw new TypeError('tokens must be an object of token -> user id');
	if (!(Number.isFinite(options.latencyMs) && options.latencyMs >= 0)) throw new TypeError('latencyMs must be a number >= 0');
	if (!(Number.isFinite(options.syncsWindowMs) && options.syncsWindowMs > 0)) throw new TypeError('syncsWindowMs must be a number > 0');
	if (!isLimit(options.eventVolumePerMinute)) throw new TypeError('eventVolumePerMinute must be null (unlimited) or an integer >= 1');
	if (!(Number.isFinite(options.eventVolumeWindowMs) && options.eventVolumeWindowMs > 0)) throw new TypeError('eventVolumeWindowMs must be a number > 0');
	checkMappingLimits(options);
	if (options.clock !== null && !(options.clock && typeof options.clock.now === 'function')) throw new TypeError('clock must be null or an object with now()');
	if (!isLimit(options.ruleReadsPerMinute)) throw new TypeError('ruleReadsPerMinute must be null (unlimited) or an integer >= 1');
	if (!(Number.isFinite(options.ruleReadsWindowMs) && options.ruleReadsWindowMs > 0)) throw new TypeError('ruleReadsWindowMs must be a number > 0');
	if (!(Number.isInteger(options.maxUrlLength) && options.maxUrlLength >= 256)) throw new TypeError('maxUrlLength must be an integer >= 256');
}

function createState(input = {}) {
	const options = { ...DEFAULTS, ...input };
	checkOptions(options);
	const users = new ConnectedUsers(options.connectedUsers);
	checkSyncLimits(options, users);
	const state = {
		options,
		projectId: options.projectId,
		tokens: { ...options.tokens },
		publicKey: readPublicKey(options.publicKey),
		users,
		latencyMs: options.latencyMs,
		seed: Boolean(options.seed),
		catalogs: new Catalogs(),
		log: [],
		connectionsAccepted: 0,
		faults: new Faults(),
		syncLimiter: new WindowLimiter(options.syncsPerMinute, options.syncsWindowMs, { ...options.syncsPerMinuteByUser }),
		volumeLimiter: new WindowLimiter(options.eventVolumePerMinute, options.eventVolumeWindowMs),
		mappingLimiter: new WindowLimiter(options.mappingWritesPerMinute, options.mappingWritesWindowMs),
		now: options.clock ? () => options.clock.now() : () => Date.now(),
		ruleReadLimiter: new WindowLimiter(options.ruleReadsPerMinute, options.ruleReadsWindowMs),
		maxUrlLength: options.maxUrlLength,
		// How regulation statuses move and the regulation limits (regulations-api.js).
		regulations: regulationSettings(options),
		timers: new Set(),
		url: null,
		sleep(ms) {
			return new Promise((resolve) => {
				const timer = setTimeout(() => {
					state.timers.delete(timer);
					resolve();
				}, ms);
				state.timers.add(timer);
			});
		},
	};
	if (state.seed) seedDemoData(state);
	return state;
}

function resetState(state) {
	for (const ws of state.users.workspaces()) ws.clear();
	state.catalogs = new Catalogs();
	// Emptied in place: callers may hold the array.
	state.log.length = 0;
	state.faults.clear();
	state.syncLimiter.clear();
	state.volumeLimiter.clear();
	setMappingLimits(state, state.options);
	state.ruleReadLimiter.clear();
	state.regulations.limiter.clear();
	if (state.seed) seedDemoData(state);
}

// Changes the mapping write limit of a running sandbox (its windows start afresh); reset() restores the started ones.
function setMappingLimits(state, limits) {
	const next = { mappingWritesPerMinute: state.mappingLimiter.limit, mappingWritesWindowMs: state.mappingLimiter.windowMs, ...limits };
	checkMappingLimits(next);
	state.mappingLimiter.limit = next.mappingWritesPerMinute;
	state.mappingLimiter.windowMs = next.mappingWritesWindowMs;
	state.mappingLimiter.clear();
	return next;
}

module.exports = { createState, resetState, setMappingLimits, DEFAULTS };
