/**
 * Security: ids never change the request path or query; the signed JWT carries only what SPEC
 * lists; and no token, key or password appears in any error, output item or log line, whatever
 * goes wrong (everything the engine and the node print is captured).
 */
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { clearTokenCache } from '../../nodes/shared/transport/userToken';
import { rl } from '../helpers/engine';
import {
	arrangeWorkspace,
	engine,
	keys,
	PROJECT_ID,
	runSegment,
	signingKeyCredentials,
	USER_ID,
	userTokenCredentials,
	type Sandbox,
} from '../helpers/world';
import { BIGQUERY_KEY, leaks, runTexts, secretNeedles, serialize, startCapturedWorld, tokensSeen, WAREHOUSE_PASSWORD, type Capture } from './support';

let sandbox: Sandbox;
let capture: Capture;
let ids: { warehouseId: string; sourceId: string; destinationId: string };
const everyToken = new Set<string>();
const everyText: string[] = [];
// Tokens the sandbox does not accept: secrets all the same.
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a made-up token the sandbox refuses
const FOREIGN_TOKEN = 'foreign-user-token-4b1d9c2e77';
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

beforeAll(async () => {
	({ sandbox, capture } = await startCapturedWorld());
});
afterAll(async () => {
	capture.stop();
	await sandbox.close();
	const needles = [...secretNeedles(everyToken), FOREIGN_TOKEN, ...otherKey.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'))];
	expect(capture.lines.length).toBeGreaterThan(0);
	expect(leaks([...capture.lines, ...everyText], needles)).toEqual([]);
});
beforeEach(async () => {
	sandbox.reset();
	clearTokenCache();
	ids = await arrangeWorkspace(sandbox);
});
afterEach(() => tokensSeen(sandbox).forEach((token) => everyToken.add(token)));

function decodePart(part: string): IDataObject {
	return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as IDataObject;
}

describe('the JWT the node signs', () => {
	it('has the header {alg: RS256, typ: JWT} and only the claims sub, iat, exp, aud', async () => {
		const before = Math.floor(Date.now() / 1000);
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'list' }, { credentials: signingKeyCredentials(sandbox, { tokenTtl: 900 }) });
		expect(result.error).toBeUndefined();
		const [token] = tokensSeen(sandbox);
		const [header, payload, signature] = token.split('.');
		expect(decodePart(header)).toEqual({ alg: 'RS256', typ: 'JWT' });
		const claims = decodePart(payload);
		expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'sub']);
		expect(claims).toEqual({ sub: USER_ID, aud: `useparagon.com/${PROJECT_ID}`, iat: expect.any(Number), exp: (claims.iat as number) + 900 });
		expect(claims.iat).toBeGreaterThanOrEqual(before);
		expect(claims.iat).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
		// Signed with the credential's key (RS256 = RSA PKCS#1 v1.5 with SHA-256).
		expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPublicKey(keys.publicPem), Buffer.from(signature, 'base64url'))).toBe(true);
	});
});

// Ids that look like paths, queries, fragments, encodings: each must stay one path segment.
const NASTY_IDS = ['../workspaces', '../../projects/other/sdk/proxy/segment/warehouses', 'a/b?x=1', '?pagination.count=200', '#top', '%2F', '%2e%2e', '..%2f..%2f', 'a\\b', 'ü/😀', 'x&y=z', ';jsessionid=1', '...', 'a b', '%', '%zz', '~user', "it's", '(x)', '*'];

function fuzzIds(count: number): string[] {
	// A fixed-seed generator over the characters that mean something in a URL.
	const alphabet = ['/', '?', '#', '%', '&', '=', '.', ' ', '\\', ':', '@', ';', '+', ',', '"', "'", '<', '>', '[', ']', '{', '}', '|', '^', '`', 'ü', '😀', 'a', '2', 'F', 'e'];
	let seed = 20251126;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const out: string[] = [];
	while (out.length < count) {
		const length = 1 + Math.floor(next() * 12);
		const id = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('').trim();
		// "." and ".." are refused (see the bad-input table); a leading "=" makes any n8n parameter an expression.
		if (id && id !== '.' && id !== '..' && !id.startsWith('=')) out.push(id);
	}
	return out;
}

describe('ids never change the request path or query', () => {
	const operations: Array<[string, (id: string) => INodeParameters, string[]]> = [
		['warehouse get', (id) => ({ resource: 'warehouse', operation: 'get', warehouseId: rl(id) }), ['warehouses']],
		['warehouse update', (id) => ({ resource: 'warehouse', operation: 'update', warehouseId: rl(id), updateFields: { name: 'N' } }), ['warehouses']],
		['warehouse delete', (id) => ({ resource: 'warehouse', operation: 'delete', warehouseId: rl(id) }), ['warehouses']],
		['source get', (id) => ({ resource: 'source', operation: 'get', sourceId: rl(id) }), ['sources']],
		['source update', (id) => ({ resource: 'source', operation: 'update', sourceId: rl(id), updateFields: { name: 'N' } }), ['sources']],
		['source delete', (id) => ({ resource: 'source', operation: 'delete', sourceId: rl(id) }), ['sources']],
		['destination get', (id) => ({ resource: 'destination', operation: 'get', destinationId: rl(id) }), ['destinations']],
		['destination update', (id) => ({ resource: 'destination', operation: 'update', destinationId: rl(id), updateFields: { enabled: false } }), ['destinations']],
		['destination delete', (id) => ({ resource: 'destination', operation: 'delete', destinationId: rl(id) }), ['destinations']],
	];

	it.each(operations)('%s: %#', async (_name, parameters, prefix) => {
		for (const id of [...NASTY_IDS, ...fuzzIds(12)]) {
			sandbox.clearRequests();
			const result = await runSegment(sandbox, parameters(id));
			expect(sandbox.requests).toHaveLength(1);
			const [request] = sandbox.requests;
			expect({ id, segments: request.segments }).toEqual({ id, segments: [...prefix, id] });
			expect({ id, raw: request.segmentPath }).toEqual({ id, raw: `/${prefix.join('/')}/${encodeURIComponent(id)}` });
			expect({ id, query: request.query }).toEqual({ id, query: {} });
			expect(result.error.httpCode).toBe('404');
			everyText.push(...runTexts(result));
		}
	});

	it('the label path of a source update keeps the id one segment too', async () => {
		const id = '../../labels';
		const result = await runSegment(sandbox, { resource: 'source', operation: 'update', sourceId: rl(id), updateFields: { platform: 'web' } });
		expect(sandbox.requests.map((request) => request.segments)).toEqual([['sources', id]]);
		expect(result.error.message).toBe(`Source ${id} was not found`);
	});

	it('a list search page token stays one query value', async () => {
		const token = 'abc&pagination.count=1#frag';
		await engine.listSearch({ nodeType: 'segmentParagon', method: 'searchWarehouses', credentials: { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) }, paginationToken: token }).catch(() => undefined);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].query).toEqual({ 'pagination.count': '200', 'pagination.cursor': token });
	});
});

describe('no secret in any error, output item or log line', () => {
	const createRedshift: INodeParameters = { resource: 'warehouse', operation: 'create', name: 'Secret Warehouse', type: 'redshift', host: 'h', database: 'd', username: 'u', password: WAREHOUSE_PASSWORD };
	const createBigQuery: INodeParameters = { resource: 'warehouse', operation: 'create', name: 'BQ', type: 'bigquery', projectId: 'my-gcp-project', location: 'US', serviceAccountKey: BIGQUERY_KEY };
	const privateKeyLine = JSON.parse(BIGQUERY_KEY).private_key.split('\n')[2] as string;
	// A server that quotes back what it was sent (the password; the key, whole and in parts): the worst case for leaks.
	const answer = (status: number, message: string) => ({ status, body: { errors: [{ type: 'ServerError', message, field: 'settings' }] } });
	const echoPassword = (status: number) => answer(status, `login failed for password=${WAREHOUSE_PASSWORD}`);
	const echoKey = (status: number) => answer(status, `bad key ${JSON.parse(BIGQUERY_KEY).private_key_id}: line ${privateKeyLine} in ${BIGQUERY_KEY}`);

	type Case = [string, INodeParameters, IDataObject | null, (sandbox: Sandbox) => ICredentialDataDecryptedObject];
	const user = (sb: Sandbox) => userTokenCredentials(sb);
	const signing = (sb: Sandbox) => signingKeyCredentials(sb);
	const cases: Case[] = [
		['a 422 quoting the password (user token)', createRedshift, { method: 'POST', path: '/warehouses', ...echoPassword(422) }, user],
		['a 500 quoting the password (signing key)', createRedshift, { method: 'POST', path: '/warehouses', ...echoPassword(500) }, signing],
		['a 503 quoting the service account key, every retry (signing key)', createBigQuery, { method: 'POST', path: '/warehouses', ...echoKey(503), retryAfter: '0', times: 'Infinity' }, signing],
		['a 400 quoting the service account key', createBigQuery, { method: 'POST', path: '/warehouses', ...echoKey(400) }, user],
		['a dropped create (signing key)', createRedshift, { method: 'POST', path: '/warehouses', drop: true, process: true }, signing],
		['an HTML page quoting the password', createRedshift, { method: 'POST', path: '/warehouses', nonJson: true, status: 504, body: `<html>password=${WAREHOUSE_PASSWORD}</html>` }, user],
		['a timed-out create (signing key)', { ...createBigQuery, options: { timeout: 200 } }, { method: 'POST', path: '/warehouses', delayMs: 600, process: true }, signing],
		['a 429 that never ends (signing key)', { resource: 'warehouse', operation: 'list' }, { method: 'GET', path: '/warehouses', status: 429, msBeforeNext: 5, rateLimitRemaining: '1', times: 'Infinity' }, signing],
		['a token Paragon does not know', createRedshift, null, (sb) => userTokenCredentials(sb, { userToken: FOREIGN_TOKEN })],
		['a signing key Paragon does not know', createRedshift, null, (sb) => signingKeyCredentials(sb, { signingKey: otherKey })],
		['a user who has not connected Segment', createRedshift, null, (sb) => userTokenCredentials(sb, { userToken: 'lonely-user-token' })],
		['an unknown project', createRedshift, null, (sb) => signingKeyCredentials(sb, { projectId: 'other-project' })],
		['a malformed signing key', createRedshift, null, (sb) => signingKeyCredentials(sb, { signingKey: keys.privatePem.slice(0, 400) })],
		['a 404 (signing key)', { resource: 'warehouse', operation: 'update', warehouseId: rl('nope'), updateFields: { connection: JSON.stringify({ password: WAREHOUSE_PASSWORD }) } }, null, signing],
	];

	it.each(cases)('%s', async (_what, parameters, fault, credentials) => {
		if (fault) sandbox.addFault(fault);
		for (const continueOnFail of [false, true]) {
			sandbox.clearRequests();
			const result = await runSegment(sandbox, parameters, { credentials: credentials(sandbox), continueOnFail });
			everyText.push(...runTexts(result));
			const failed = continueOnFail ? result.items.find((item) => item.json.error) : result;
			expect(failed).toBeDefined();
			// The secrets were really in play: the body sent to Segment carried them.
			const sent = serialize(sandbox.requests.map((request) => request.body));
			if (parameters === createRedshift && sandbox.requests.some((request) => request.method === 'POST')) expect(sent).toContain(WAREHOUSE_PASSWORD);
			const needles = [...secretNeedles(tokensSeen(sandbox)), FOREIGN_TOKEN];
			expect(leaks(runTexts(result), needles)).toEqual([]);
			expect(leaks(capture.lines, needles)).toEqual([]);
			if (fault) sandbox.addFault(fault);
		}
	});

	it('a multi-line service account key longer than 1000 characters is sent intact, and kept out of the output', async () => {
		expect(BIGQUERY_KEY.length).toBeGreaterThan(1000);
		const result = await runSegment(sandbox, createBigQuery, { credentials: signingKeyCredentials(sandbox) });
		expect(result.error).toBeUndefined();
		const post = sandbox.requests.find((request) => request.method === 'POST');
		expect((post?.body as IDataObject).settings).toEqual({ 'gc-project': 'my-gcp-project', location: 'US', credentials: BIGQUERY_KEY });
		expect(result.items[0].json.connection).toEqual({ 'gc-project': 'my-gcp-project', location: 'US' });
		everyText.push(...runTexts(result));
	});

	it('nothing printed mentions the user token, even in the debug log of a whole run', () => {
		// The engine logged (debug) while running: the capture saw real output.
		expect(capture.lines.some((line) => line.startsWith('log.debug'))).toBe(true);
		expect(ids.warehouseId).toBeTruthy();
	});
});
