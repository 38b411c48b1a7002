'use strict';
// Shared by the sandbox tests: a small client that speaks to the sandbox as the node will
// (SPEC section 2), and RS256 signing done by hand.
const crypto = require('crypto');
const http = require('http');
const { startSandbox } = require('../../sandbox');

const TOKEN = 'sandbox-user-token';
// The demo's other users (sandbox/demo-users.js) and the header that picks a user's Segment account.
const ACME_TOKEN = 'acme-user-token';
const GLOBEX_TOKEN = 'globex-user-token';
const CREDENTIAL_HEADER = 'X-Paragon-Credential';
const EU_BASE = 'https://eu1.api.segmentapis.com';
const RAW = { 'X-Paragon-Use-Raw-Response': '1' };

function proxyBase(sb, region = 'us') {
	const base = `${sb.url}/projects/${sb.projectId}/sdk/proxy/segment`;
	return region === 'eu' ? `${base}/${EU_BASE}` : base;
}

async function readAnswer(response) {
	const text = await response.text();
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: response.status, headers: response.headers, body, text };
}

// call('GET', '/warehouses?pagination.count=10') or call('POST', '/warehouses', {...}).
// Like the node, it asks for Segment's raw answer; raw: false gets Paragon's wrapped form.
function client(sb, { token = TOKEN, region = 'us', raw = true, headers: extra = {} } = {}) {
	return async (method, path, body, headers = {}) => {
		const init = { method, headers: { Accept: 'application/json', ...(raw ? RAW : {}), ...extra, ...headers } };
		if (token !== null) init.headers.Authorization = `Bearer ${token}`;
		if (body !== undefined) {
			init.headers['Content-Type'] = init.headers['Content-Type'] || 'application/json';
			init.body = typeof body === 'string' ? body : JSON.stringify(body);
		}
		return readAnswer(await fetch(`${proxyBase(sb, region)}${path}`, init));
	};
}

// For paths fetch would normalise (dots, raw characters): sent byte for byte.
function rawRequest(sb, method, path, { headers = {}, body } = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(`${sb.url}/`, { method, path, headers }, (res) => {
			const chunks = [];
			res.on('data', (chunk) => chunks.push(chunk));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let json;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				resolve({ status: res.statusCode, headers: res.headers, body: json, text });
			});
		});
		req.on('error', reject);
		if (body !== undefined) req.write(body);
		req.end();
	});
}

function b64url(value) {
	return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function signJwt(privateKey, claims, header = { alg: 'RS256', typ: 'JWT' }) {
	const signingInput = `${b64url(header)}.${b64url(claims)}`;
	const signature = crypto.sign('RSA-SHA256', Buffer.from(signingInput), privateKey).toString('base64url');
	return `${signingInput}.${signature}`;
}

function claimsFor(projectId, sub = 'sandbox-user', overrides = {}) {
	const iat = Math.floor(Date.now() / 1000);
	return { sub, aud: `useparagon.com/${projectId}`, iat, exp: iat + 3600, ...overrides };
}

function generateKeys() {
	const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
	return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) };
}

function catalogId(sb, kind, slug) {
	return sb.catalog(kind).find((entry) => entry.slug === slug).id;
}

// Valid settings of each seeded warehouse type (their catalog options), and a create body.
const SETTINGS = {
	redshift: { hostname: 'example.redshift.amazonaws.com', port: '5439', database: 'analytics', username: 'user', password: 'pw-123' },
	bigquery: { 'gc-project': 'my-gcp-project', location: 'US', credentials: '{"type":"service_account"}' },
	snowflake: { account: 'acme', warehouse: 'COMPUTE_WH', database: 'ANALYTICS', username: 'user', password: 'pw-123' },
	postgres: { hostname: 'db.example.com', port: '5432', database: 'analytics', username: 'user', password: 'pw-123' },
};

function warehouseBody(sb, { type = 'redshift', ...extra } = {}) {
	return { metadataId: catalogId(sb, 'warehouses', type), name: 'My Data Warehouse', enabled: true, settings: { ...SETTINGS[type] }, ...extra };
}

const PARAGON = {
	unauthorized: { message: 'Unauthorized. Provide a Paragon User Token in the Authorization header.', code: 'UNAUTHORIZED', status: 401 },
	invalidToken: { message: 'Invalid Paragon User Token.', code: 'INVALID_TOKEN', status: 401 },
	expired: { message: 'Paragon User Token expired.', code: 'TOKEN_EXPIRED', status: 401 },
	projectNotFound: { message: 'Project not found.', code: 'PROJECT_NOT_FOUND', status: 404 },
	integrationNotFound: { message: 'Integration not found.', code: 'INTEGRATION_NOT_FOUND', status: 404 },
	notEnabled: { message: 'Integration not enabled for user.', code: 'INTEGRATION_NOT_ENABLED', status: 400 },
	credentialNotFound: { message: 'Credential not found.', code: 'CREDENTIAL_NOT_FOUND', status: 404 },
	notFound: { message: 'Not found.', code: 'NOT_FOUND', status: 404 },
	invalidBaseUrl: {
		message: 'Invalid base URL override for segment: only https://eu1.api.segmentapis.com/ may follow the integration name.',
		code: 'INVALID_BASE_URL',
		status: 400,
	},
};

const NOT_FOUND = { errors: [{ type: 'resource-not-found', message: 'Resource not found' }] };

function validation(message, field) {
	return field === undefined ? { type: 'ValidationError', message } : { type: 'ValidationError', message, field };
}

// A sandbox for the whole test file (started in beforeAll, reset before each test, closed in
// afterAll); reads of the returned stand-in reach the live sandbox.
function useSandbox(options) {
	let live;
	beforeAll(async () => {
		live = await startSandbox(options);
	});
	afterAll(() => live.close());
	beforeEach(() => live.reset());
	return new Proxy({}, {
		get(_target, property) {
			if (!live) throw new Error('the sandbox is used before beforeAll started it');
			const value = Reflect.get(live, property, live);
			return typeof value === 'function' ? value.bind(live) : value;
		},
	});
}

module.exports = {
	useSandbox,
	TOKEN, ACME_TOKEN, GLOBEX_TOKEN, CREDENTIAL_HEADER, EU_BASE, RAW, PARAGON, NOT_FOUND, proxyBase, client, rawRequest, readAnswer, signJwt, claimsFor, generateKeys, catalogId, validation, b64url, SETTINGS, warehouseBody,
};
