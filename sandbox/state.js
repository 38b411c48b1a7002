'use strict';
// Everything one sandbox holds: options, the connected users (each credential with its US and EU
// workspaces), catalogs, log and faults.
const crypto = require('crypto');
const { Catalogs } = require('./catalogs');
const { ConnectedUsers } = require('./users');
const { Faults } = require('./faults');
const { seedDemoData } = require('./seed');
const { SyncLimiter } = require('./segment/syncs');
const { WindowLimiter } = require('./rate-limit');

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

function checkOptions(options) {
	if (typeof options.projectId !== 'string' || options.projectId === '') throw new TypeError('projectId must be a non-empty string');
	if (!options.tokens || typeof options.tokens !== 'object') throw new TypeError('tokens must be an object of token -> user id');
	if (!(Number.isFinite(options.latencyMs) && options.latencyMs >= 0)) throw new TypeError('latencyMs must be a number >= 0');
	if (!(Number.isFinite(options.syncsWindowMs) && options.syncsWindowMs > 0)) throw new TypeError('syncsWindowMs must be a number > 0');
	if (!isLimit(options.eventVolumePerMinute)) throw new TypeError('eventVolumePerMinute must be null (unlimited) or an integer >= 1');
	if (!(Number.isFinite(options.eventVolumeWindowMs) && options.eventVolumeWindowMs > 0)) throw new TypeError('eventVolumeWindowMs must be a number > 0');
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
		syncLimiter: new SyncLimiter(options.syncsPerMinute, options.syncsWindowMs, { ...options.syncsPerMinuteByUser }),
		volumeLimiter: new WindowLimiter(options.eventVolumePerMinute, options.eventVolumeWindowMs),
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
	if (state.seed) seedDemoData(state);
}

module.exports = { createState, resetState, DEFAULTS };
