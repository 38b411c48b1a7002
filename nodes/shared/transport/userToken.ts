import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialFieldError, readProxySettings } from './proxyUrl';

const DEFAULT_TTL_SECONDS = 3600;
const MIN_TTL_SECONDS = 60;
const MAX_TTL_SECONDS = 30 * 24 * 3600;

interface CachedToken {
	token: string;
	expiresAt: number; // epoch seconds
	reuseUntil: number; // epoch seconds
}

// One signature per user and token lifetime: keyed by a hash so no key material is kept as a map
// key; bounded (least recently used out) so a workflow over many users cannot grow it forever.
export const MAX_CACHED_TOKENS = 1000;
const tokenCache = new Map<string, CachedToken>();

function remember(key: string, token: CachedToken): void {
	tokenCache.delete(key);
	tokenCache.set(key, token);
	if (tokenCache.size > MAX_CACHED_TOKENS) tokenCache.delete(tokenCache.keys().next().value as string);
}

/** How many tokens are cached (for tests of the bound). */
export function cachedTokenCount(): number {
	return tokenCache.size;
}
let signaturesMade = 0;

/** How many JWTs this process has signed (for the benchmark and tests). */
export function signatureCount(): number {
	return signaturesMade;
}

export function clearTokenCache(): void {
	tokenCache.clear();
}

function base64url(input: Buffer | string): string {
	return Buffer.from(input).toString('base64url');
}

/** Accepts a PEM as pasted: with real newlines, with `\n` escapes, or squashed onto one line. */
export function normalisePem(raw: string): string {
	let pem = raw.trim().replace(/\\n/g, '\n').replace(/\r\n/g, '\n');
	const match = /^(-----BEGIN [A-Z ]+-----)\s*([\s\S]*?)\s*(-----END [A-Z ]+-----)$/.exec(pem);
	if (match) {
		const body = match[2].replace(/\s+/g, '');
		pem = `${match[1]}\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n${match[3]}\n`;
	}
	return pem;
}

function readPrivateKey(raw: string): KeyObject | undefined {
	try {
		return createPrivateKey({ key: normalisePem(raw), format: 'pem' });
	} catch {
		return undefined; // the caller says what is wrong with the field
	}
}

export function loadSigningKey(raw: string): KeyObject {
	if (!raw || !raw.trim()) {
		throw new CredentialFieldError('Signing Key', 'The Paragon credential has no Signing Key. Paste the private key from Paragon (Settings > SDK Setup > Generate Signing Key), including its BEGIN and END lines.');
	}
	const key = readPrivateKey(raw);
	if (!key) {
		throw new CredentialFieldError('Signing Key', 'The Signing Key in the Paragon credential is not a readable PEM private key. Paste the whole key from Paragon (Settings > SDK Setup), including "-----BEGIN PRIVATE KEY-----" and "-----END PRIVATE KEY-----".');
	}
	if (key.asymmetricKeyType !== 'rsa') {
		throw new CredentialFieldError('Signing Key', `The Signing Key in the Paragon credential is a${key.asymmetricKeyType === 'ec' ? 'n EC' : ' non-RSA'} key; Paragon signs user tokens with RS256, so it must be the RSA private key from Paragon (Settings > SDK Setup).`);
	}
	return key;
}

export function tokenLifetime(credentials: ICredentialDataDecryptedObject): number {
	const raw = credentials.tokenTtl ?? DEFAULT_TTL_SECONDS;
	const ttl = typeof raw === 'number' ? raw : Number(raw);
	if (!Number.isInteger(ttl) || ttl < MIN_TTL_SECONDS || ttl > MAX_TTL_SECONDS) {
		throw new CredentialFieldError('Token Lifetime (s)', `The Token Lifetime in the Paragon credential must be a whole number of seconds between ${MIN_TTL_SECONDS} and ${MAX_TTL_SECONDS}.`);
	}
	return ttl;
}

/** Signs a Paragon User Token (RS256) for `sub`, valid for `ttl` seconds from `now`. */
export function signUserToken(key: KeyObject, claims: { sub: string; projectId: string; ttl: number; now: number }): string {
	const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
	const payload = base64url(
		JSON.stringify({
			sub: claims.sub,
			iat: claims.now,
			exp: claims.now + claims.ttl,
			aud: `useparagon.com/${claims.projectId}`,
		}),
	);
	const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
	signaturesMade++;
	return `${header}.${payload}.${base64url(signature)}`;
}

/**
 * The bearer token for a credential: the pasted user token, or one this node
 * signs with the project's signing key and reuses until shortly before it expires.
 */
export function userTokenFor(credentials: ICredentialDataDecryptedObject, nowMs = Date.now()): string {
	if ((credentials.tokenSource ?? 'userToken') !== 'signingKey') {
		const token = String(credentials.userToken ?? '').trim();
		if (!token) {
			throw new CredentialFieldError('Paragon User Token', 'The Paragon credential has no User Token. Paste a Paragon User Token (a JWT your app issues for the user), or switch Token Source to Signing Key.');
		}
		return token;
	}

	const sub = String(credentials.userId ?? '').trim();
	if (!sub) {
		throw new CredentialFieldError('User ID', 'The Paragon credential signs its own tokens but has no User ID: enter the ID of the user who connected Segment in Paragon (the token\'s "sub").');
	}
	const { projectId } = readProxySettings(credentials);
	const ttl = tokenLifetime(credentials);
	const rawKey = String(credentials.signingKey ?? '');
	const cacheKey = createHash('sha256').update(`${rawKey}\u0000${sub}\u0000${projectId}\u0000${ttl}`).digest('hex');
	const now = Math.floor(nowMs / 1000);
	const cached = tokenCache.get(cacheKey);
	if (cached && now < cached.reuseUntil) {
		remember(cacheKey, cached); // most recently used
		return cached.token;
	}

	const token = signUserToken(loadSigningKey(rawKey), { sub, projectId, ttl, now });
	// Renew a little before expiry so a token never runs out in flight.
	const margin = Math.min(300, Math.floor(ttl / 10));
	remember(cacheKey, { token, expiresAt: now + ttl, reuseUntil: now + ttl - margin });
	return token;
}

/** The `exp` claim of a JWT, without verifying it; undefined when it is not a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown };
		return typeof payload.exp === 'number' ? payload.exp : undefined;
	} catch {
		return undefined;
	}
}
