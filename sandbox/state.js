'use strict';
// Everything one sandbox holds: options, the US and EU workspaces, catalogs, log and faults.
const crypto = require('crypto');
const { Catalogs } = require('./catalogs');
const { Workspace } = require('./workspace');
const { Faults } = require('./faults');
const { seedDemoData } = require('./seed');
const { SyncLimiter } = require('./segment/syncs');

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
};

function readPublicKey(pem) {
	if (pem === undefined || pem === null) return null;
	const key = crypto.createPublicKey(pem);
	if (key.asymmetricKeyType !== 'rsa') throw new TypeError('publicKey must be an RSA public key (SPKI PEM)');
	return key;
}

function checkOptions(options) {
	if (typeof options.projectId !== 'string' || options.projectId === '') throw new TypeError('projectId must be a non-empty string');
	if (!options.tokens || typeof options.tokens !== 'object') throw new TypeError('tokens must be an object of token -> user id');
	if (!Array.isArray(options.connectedUsers)) throw new TypeError('connectedUsers must be an array of user ids');
	if (!(Number.isFinite(options.latencyMs) && options.latencyMs >= 0)) throw new TypeError('latencyMs must be a number >= 0');
	if (options.syncsPerMinute !== null && !(Number.isInteger(options.syncsPerMinute) && options.syncsPerMinute >= 1)) {
		throw new TypeError('syncsPerMinute must be null (unlimited) or an integer >= 1');
	}
	if (!(Number.isFinite(options.syncsWindowMs) && options.syncsWindowMs > 0)) throw new TypeError('syncsWindowMs must be a number > 0');
}

function createState(input = {}) {
	const options = { ...DEFAULTS, ...input };
	checkOptions(options);
	const state = {
		options,
		projectId: options.projectId,
		tokens: { ...options.tokens },
		publicKey: readPublicKey(options.publicKey),
		connectedUsers: new Set(options.connectedUsers),
		latencyMs: options.latencyMs,
		seed: Boolean(options.seed),
		catalogs: new Catalogs(),
		workspaces: { us: new Workspace('us'), eu: new Workspace('eu') },
		log: [],
		faults: new Faults(),
		syncLimiter: new SyncLimiter(options.syncsPerMinute, options.syncsWindowMs),
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
	state.workspaces.us.clear();
	state.workspaces.eu.clear();
	state.catalogs = new Catalogs();
	// Emptied in place: callers may hold the array.
	state.log.length = 0;
	state.faults.clear();
	state.syncLimiter.clear();
	if (state.seed) seedDemoData(state);
}

module.exports = { createState, resetState, DEFAULTS };
