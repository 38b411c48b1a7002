'use strict';
// The users who have connected Segment in Paragon, and their Paragon credentials: one per
// connected Segment account, each with its own US and EU workspaces. A user's first credential
// is the default one, used when a request names none with X-Paragon-Credential (as Paragon does).
const { Workspace, assertRegion } = require('./workspace');

const REGIONS = ['us', 'eu'];
const ENTRY_FIELDS = new Set(['id', 'credentials']);

// The credential of a user listed by id alone (Paragon's own ids are UUIDs; these say whose they are).
function defaultCredentialId(userId) {
	return `${userId}-credential-1`;
}

function fail(message) {
	throw new TypeError(`connectedUsers: ${message}`);
}

function isNonEmptyString(value) {
	return typeof value === 'string' && value !== '';
}

// 'user-id' or { id: 'user-id', credentials: ['default-credential-id', 'another', ...] }.
function normalizeEntry(entry, index) {
	if (typeof entry === 'string') {
		if (entry === '') fail(`entry ${index} is an empty user id`);
		return { id: entry, credentials: [defaultCredentialId(entry)] };
	}
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) fail(`entry ${index} must be a user id or {id, credentials}`);
	for (const key of Object.keys(entry)) if (!ENTRY_FIELDS.has(key)) fail(`entry ${index} has an unknown field ${key}`);
	if (!isNonEmptyString(entry.id)) fail(`entry ${index} needs an id (a non-empty string)`);
	const credentials = entry.credentials === undefined ? [defaultCredentialId(entry.id)] : entry.credentials;
	if (!Array.isArray(credentials) || credentials.length === 0 || !credentials.every(isNonEmptyString)) {
		fail(`the credentials of ${entry.id} must be a non-empty array of credential ids`);
	}
	return { id: entry.id, credentials };
}

class ConnectedUsers {
	constructor(entries) {
		if (!Array.isArray(entries)) throw new TypeError('connectedUsers must be an array of user ids or {id, credentials}');
		this.users = new Map();
		this.credentialsById = new Map();
		entries.forEach((entry, index) => this.add(normalizeEntry(entry, index)));
	}

	add({ id, credentials }) {
		if (this.users.has(id)) fail(`user ${id} is listed twice`);
		const user = { id, credentials: [] };
		for (const credentialId of credentials) {
			// Credential ids are unique across users, as Paragon's UUIDs are.
			if (this.credentialsById.has(credentialId)) fail(`credential ${credentialId} is listed twice`);
			// The very first credential keeps the workspace ids the single-workspace sandbox had.
			const primary = this.credentialsById.size === 0;
			const credential = { id: credentialId, userId: id, isDefault: user.credentials.length === 0, workspaces: {} };
			for (const region of REGIONS) {
				const key = primary ? region : `${id}/${credentialId}/${region}`;
				credential.workspaces[region] = new Workspace(region, key, { userId: id, credentialId });
			}
			user.credentials.push(credential);
			this.credentialsById.set(credentialId, credential);
		}
		this.users.set(id, user);
	}

	has(userId) {
		return this.users.has(userId);
	}

	ids() {
		return [...this.users.keys()];
	}

	// The first connected user: the one the module API acts on unless told otherwise.
	get defaultUserId() {
		const first = this.users.keys().next();
		return first.done ? null : first.value;
	}

	// The credential serving a request: the one X-Paragon-Credential names (it must be this
	// user's), else the user's default. null when there is no such credential for this user.
	credentialFor(userId, credentialId) {
		const user = this.users.get(userId);
		if (!user) return null;
		if (credentialId === undefined) return user.credentials[0];
		const credential = this.credentialsById.get(credentialId);
		return credential && credential.userId === userId ? credential : null;
	}

	// Module API: { user, credential } -> that credential; the default user's and the user's
	// default credential when left out. Unknown or mismatched ones throw a TypeError.
	resolve({ user, credential } = {}) {
		if (credential !== undefined) {
			const found = this.credentialsById.get(credential);
			if (!found) throw new TypeError(`Unknown credential "${credential}" (credentials: ${[...this.credentialsById.keys()].join(', ')})`);
			if (user !== undefined && found.userId !== user) throw new TypeError(`Credential "${credential}" belongs to ${found.userId}, not ${user}`);
			return found;
		}
		const userId = user === undefined ? this.defaultUserId : user;
		if (userId === null) throw new TypeError('No connected user: give connectedUsers, or name a user');
		if (!this.users.has(userId)) throw new TypeError(`Unknown user "${userId}" (connected users: ${this.ids().join(', ')})`);
		return this.users.get(userId).credentials[0];
	}

	workspace(region, where) {
		assertRegion(region);
		return this.resolve(where).workspaces[region];
	}

	credentials() {
		return [...this.credentialsById.values()];
	}

	workspaces() {
		return this.credentials().flatMap((credential) => REGIONS.map((region) => credential.workspaces[region]));
	}

	// Users, credentials and workspace ids, as sb.users() and GET /__sandbox/info show them.
	describe() {
		return [...this.users.values()].map((user) => ({
			id: user.id,
			credentials: user.credentials.map((credential) => ({
				id: credential.id,
				default: credential.isDefault,
				workspaces: { us: credential.workspaces.us.id, eu: credential.workspaces.eu.id },
			})),
		}));
	}
}

module.exports = { ConnectedUsers, defaultCredentialId };
