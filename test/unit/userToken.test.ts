import { generateKeyPairSync, verify } from 'node:crypto';

import {
	clearTokenCache,
	jwtExpiry,
	loadSigningKey,
	normalisePem,
	signatureCount,
	userTokenFor,
} from '../../nodes/shared/transport/userToken';
import { CredentialFieldError } from '../../nodes/shared/transport/proxyUrl';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

function decode(token: string) {
	const [header, payload, signature] = token.split('.');
	return {
		header: JSON.parse(Buffer.from(header, 'base64url').toString()),
		payload: JSON.parse(Buffer.from(payload, 'base64url').toString()),
		signed: `${header}.${payload}`,
		signature: Buffer.from(signature, 'base64url'),
	};
}

const signingCredentials = { tokenSource: 'signingKey', signingKey: pem, userId: 'user-42', projectId: 'proj-1', tokenTtl: 600 };

beforeEach(() => clearTokenCache());

describe('userTokenFor in signing-key mode', () => {
	it('signs an RS256 JWT with exactly the claims Paragon expects', () => {
		const now = Date.UTC(2026, 0, 1);
		const token = userTokenFor(signingCredentials, now);
		const { header, payload, signed, signature } = decode(token);
		expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
		expect(payload).toEqual({ sub: 'user-42', iat: now / 1000, exp: now / 1000 + 600, aud: 'useparagon.com/proj-1' });
		expect(verify('RSA-SHA256', Buffer.from(signed), publicKey, signature)).toBe(true);
	});

	it('signs once per token lifetime and renews shortly before expiry', () => {
		const start = Date.UTC(2026, 0, 1);
		const before = signatureCount();
		const first = userTokenFor(signingCredentials, start);
		expect(userTokenFor(signingCredentials, start + 400_000)).toBe(first);
		expect(signatureCount() - before).toBe(1);
		// ttl 600 s: the margin is 60 s, so at 541 s a new token is signed.
		const renewed = userTokenFor(signingCredentials, start + 541_000);
		expect(renewed).not.toBe(first);
		expect(signatureCount() - before).toBe(2);
	});

	it('keeps separate tokens per user and project', () => {
		const now = Date.UTC(2026, 0, 1);
		const a = userTokenFor(signingCredentials, now);
		const b = userTokenFor({ ...signingCredentials, userId: 'user-43' }, now);
		const c = userTokenFor({ ...signingCredentials, projectId: 'proj-2' }, now);
		expect(new Set([a, b, c]).size).toBe(3);
		expect(decode(c).payload.aud).toBe('useparagon.com/proj-2');
	});

	it('accepts the key with \\n escapes, as pasted from a one-line env var', () => {
		const escaped = pem.trim().replace(/\n/g, '\\n');
		const token = userTokenFor({ ...signingCredentials, signingKey: escaped });
		const { signed, signature } = decode(token);
		expect(verify('RSA-SHA256', Buffer.from(signed), publicKey, signature)).toBe(true);
		expect(normalisePem(escaped)).toBe(pem);
	});

	it('refuses a malformed PEM and a key that is not RSA, without echoing the key', () => {
		expect(() => loadSigningKey('-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----')).toThrow(CredentialFieldError);
		const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		let message = '';
		try {
			loadSigningKey(ec);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/EC key.*RS256/);
		expect(message).not.toContain(ec.split('\n')[1]);
	});

	it('needs a User ID and a sane lifetime', () => {
		expect(() => userTokenFor({ ...signingCredentials, userId: ' ' })).toThrow(/no User ID/);
		expect(() => userTokenFor({ ...signingCredentials, tokenTtl: 5 })).toThrow(/Token Lifetime/);
	});
});

describe('userTokenFor in user-token mode', () => {
	it('returns the pasted token, trimmed, and never signs', () => {
		const before = signatureCount();
		expect(userTokenFor({ tokenSource: 'userToken', userToken: '  abc.def.ghi \n', projectId: 'p' })).toBe('abc.def.ghi');
		expect(signatureCount()).toBe(before);
	});

	it('refuses an empty token', () => {
		expect(() => userTokenFor({ tokenSource: 'userToken', userToken: '', projectId: 'p' })).toThrow(/no User Token/);
	});
});

describe('jwtExpiry', () => {
	it('reads exp without verifying, and gives up on non-JWTs', () => {
		const token = userTokenFor(signingCredentials, 1_000_000_000_000);
		expect(jwtExpiry(token)).toBe(1_000_000_000 + 600);
		expect(jwtExpiry('opaque-token')).toBeUndefined();
		expect(jwtExpiry('a.%%%.c')).toBeUndefined();
	});
});
