'use strict';
// Signing-key mode: RS256 tokens the user's backend (or the node) signs with the project's key.
const crypto = require('crypto');
const { startSandbox } = require('../../sandbox');
const { client, signJwt, claimsFor, generateKeys, b64url, PARAGON } = require('./helpers');

const keys = generateKeys();
const otherKeys = generateKeys();
const LIST = '/warehouses?pagination.count=1';
let sb;

beforeAll(async () => {
	sb = await startSandbox({ publicKey: keys.publicKeyPem, connectedUsers: ['sandbox-user', 'jwt-user'] });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

function callWith(token) {
	return client(sb, { token })('GET', LIST);
}

function claims(overrides) {
	return claimsFor('sandbox-project', 'jwt-user', overrides);
}

test('a valid token is accepted and its sub is the user', async () => {
	const answer = await callWith(signJwt(keys.privateKey, claims()));
	expect(answer.status).toBe(200);
	expect(sb.requests[0].auth).toEqual({
		kind: 'jwt',
		userId: 'jwt-user',
		claims: claims({ iat: expect.any(Number), exp: expect.any(Number) }),
		tokenSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
	});
});

test('static tokens still work in signing-key mode', async () => {
	expect((await client(sb)('GET', LIST)).status).toBe(200);
	expect(sb.requests[0].auth).toEqual({ kind: 'static', userId: 'sandbox-user', tokenSha256: expect.any(String) });
});

test('an expired token answers 401 TOKEN_EXPIRED', async () => {
	const now = Math.floor(Date.now() / 1000);
	const answer = await callWith(signJwt(keys.privateKey, claims({ iat: now - 7200, exp: now - 10 })));
	expect(answer.status).toBe(401);
	expect(answer.body).toEqual(PARAGON.expired);
});

test.each([
	['a wrong aud', () => signJwt(keys.privateKey, claims({ aud: 'useparagon.com/other-project' }))],
	['an aud without the project', () => signJwt(keys.privateKey, claims({ aud: 'useparagon.com' }))],
	['an aud given as an array', () => signJwt(keys.privateKey, claims({ aud: ['useparagon.com/sandbox-project'] }))],
	['another key', () => signJwt(otherKeys.privateKey, claims())],
	['iat a minute in the future', () => signJwt(keys.privateKey, claims({ iat: Math.floor(Date.now() / 1000) + 60 }))],
	['no sub', () => signJwt(keys.privateKey, claims({ sub: undefined }))],
	['an empty sub', () => signJwt(keys.privateKey, claims({ sub: '' }))],
	['a numeric sub', () => signJwt(keys.privateKey, claims({ sub: 42 }))],
	['no exp', () => signJwt(keys.privateKey, claims({ exp: undefined }))],
	['no iat', () => signJwt(keys.privateKey, claims({ iat: undefined }))],
	['exp as a string', () => signJwt(keys.privateKey, claims({ exp: String(Math.floor(Date.now() / 1000) + 60) }))],
	['alg HS256', () => signJwt(keys.privateKey, claims(), { alg: 'HS256', typ: 'JWT' })],
	['alg none', () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`],
	['alg none with a signature', () => signJwt(keys.privateKey, claims(), { alg: 'none' })],
	['RS512', () => {
		const input = `${b64url({ alg: 'RS512', typ: 'JWT' })}.${b64url(claims())}`;
		return `${input}.${crypto.sign('RSA-SHA512', Buffer.from(input), keys.privateKey).toString('base64url')}`;
	}],
	['an extra dot', () => `${signJwt(keys.privateKey, claims())}.`],
	['four parts', () => `${signJwt(keys.privateKey, claims())}.abc`],
	['two parts', () => signJwt(keys.privateKey, claims()).split('.').slice(0, 2).join('.')],
	['standard base64 padding', () => {
		const [h, p, s] = signJwt(keys.privateKey, claims()).split('.');
		return `${h}.${p}.${Buffer.from(s, 'base64url').toString('base64')}`;
	}],
	['a payload that is not JSON', () => {
		const input = `${b64url({ alg: 'RS256' })}.${b64url('not json')}`;
		return `${input}.${crypto.sign('RSA-SHA256', Buffer.from(input), keys.privateKey).toString('base64url')}`;
	}],
	['a tampered payload', () => {
		const [h, , s] = signJwt(keys.privateKey, claims()).split('.');
		return `${h}.${b64url(claims({ sub: 'sandbox-user' }))}.${s}`;
	}],
	['garbage', () => 'a.b.c'],
])('a token with %s answers 401 INVALID_TOKEN', async (name, make) => {
	const token = make();
	const answer = await callWith(token);
	expect(answer.status).toBe(401);
	expect(answer.body).toEqual(PARAGON.invalidToken);
	expect(answer.text).not.toContain(token);
});

test('iat a few seconds ahead (clock skew) is accepted', async () => {
	const iat = Math.floor(Date.now() / 1000) + 3;
	expect((await callWith(signJwt(keys.privateKey, claims({ iat, exp: iat + 60 })))).status).toBe(200);
});

test('a valid token for a user who has not connected Segment answers 400 INTEGRATION_NOT_ENABLED', async () => {
	const answer = await callWith(signJwt(keys.privateKey, claimsFor('sandbox-project', 'someone-else')));
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual(PARAGON.notEnabled);
});

test('without a public key, a JWT is just an unknown token', async () => {
	const plain = await startSandbox();
	try {
		const answer = await client(plain, { token: signJwt(keys.privateKey, claimsFor('sandbox-project')) })('GET', LIST);
		expect(answer.status).toBe(401);
		expect(answer.body).toEqual(PARAGON.invalidToken);
	} finally {
		await plain.close();
	}
});

test('the aud follows the configured project id', async () => {
	const other = await startSandbox({ projectId: 'proj-123', publicKey: keys.publicKeyPem });
	try {
		const good = await client(other, { token: signJwt(keys.privateKey, claimsFor('proj-123')) })('GET', LIST);
		expect(good.status).toBe(200);
		const bad = await client(other, { token: signJwt(keys.privateKey, claimsFor('sandbox-project')) })('GET', LIST);
		expect(bad.body).toEqual(PARAGON.invalidToken);
	} finally {
		await other.close();
	}
});

test('a public key that is not RSA is refused at start', async () => {
	const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
	await expect(startSandbox({ publicKey: publicKey.export({ type: 'spki', format: 'pem' }) })).rejects.toThrow(/RSA/);
});
