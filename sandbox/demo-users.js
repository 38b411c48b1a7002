'use strict';
// The demo's Paragon users (`npm run sandbox`, `npm start`): the default user with two connected
// Segment accounts, and two customers with one each. With seed: true each of these credentials
// gets its own demo workspaces (seed.js, seed-customers.js); any other connected user starts empty.

const DEFAULT_USER_ID = 'sandbox-user';
const ACME_USER_ID = 'customer-acme';
const GLOBEX_USER_ID = 'customer-globex';

const CREDENTIALS = {
	sandboxDefault: 'sandbox-user-credential-1',
	// The default user's second Segment account, chosen with X-Paragon-Credential.
	sandboxSecond: 'sandbox-credential-2',
	acme: 'customer-acme-credential-1',
	globex: 'customer-globex-credential-1',
};

const DEMO_TOKENS = {
	'sandbox-user-token': DEFAULT_USER_ID,
	'acme-user-token': ACME_USER_ID,
	'globex-user-token': GLOBEX_USER_ID,
};

const DEMO_CONNECTED_USERS = [
	{ id: DEFAULT_USER_ID, credentials: [CREDENTIALS.sandboxDefault, CREDENTIALS.sandboxSecond] },
	{ id: ACME_USER_ID, credentials: [CREDENTIALS.acme] },
	{ id: GLOBEX_USER_ID, credentials: [CREDENTIALS.globex] },
];

// Frozen: shared by every sandbox of the process, a caller must not change the demo for the others.
function deepFreeze(value) {
	if (value && typeof value === 'object') for (const inner of Object.values(Object.freeze(value))) deepFreeze(inner);
	return value;
}

// startSandbox({ ...DEMO, seed: true }): the demo's users and their static tokens.
const DEMO = deepFreeze({ tokens: DEMO_TOKENS, connectedUsers: DEMO_CONNECTED_USERS });

module.exports = { DEMO, DEMO_TOKENS, DEMO_CONNECTED_USERS, CREDENTIALS, DEFAULT_USER_ID, ACME_USER_ID, GLOBEX_USER_ID };
