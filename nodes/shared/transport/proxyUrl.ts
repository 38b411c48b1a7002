import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const DEFAULT_PROXY_BASE_URL = 'https://proxy.useparagon.com';
export const EU_SEGMENT_API = 'https://eu1.api.segmentapis.com';
/** Asks Paragon's proxy for Segment's own status, headers and body instead of `{output: body}`. */
export const RAW_RESPONSE_HEADER = 'X-Paragon-Use-Raw-Response';

/** The credential fields the transport needs, validated and normalised. */
export interface ProxySettings {
	projectId: string;
	proxyBaseUrl: string;
	region: 'us' | 'eu';
}

/** A credential field that cannot be used: `field` is the field's display name. */
export class CredentialFieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
	}
}

// Paragon project ids are UUIDs; anything with a path or query character would change the URL.
const PROJECT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function readProxySettings(credentials: ICredentialDataDecryptedObject): ProxySettings {
	const projectId = String(credentials.projectId ?? '').trim();
	if (!projectId) {
		throw new CredentialFieldError('Project ID', 'The Paragon credential has no Project ID. Copy it from the Paragon dashboard (Copy Project ID, under the environment switcher).');
	}
	if (!PROJECT_ID.test(projectId)) {
		throw new CredentialFieldError('Project ID', 'The Project ID in the Paragon credential may only contain letters, digits, "-" and "_" (a Paragon project ID looks like 38b1f170-0c43-4eae-9a04-ab85325d99f7).');
	}

	const rawBase = String(credentials.proxyBaseUrl ?? '').trim() || DEFAULT_PROXY_BASE_URL;
	const base = URL.canParse(rawBase) ? new URL(rawBase) : undefined;
	if (!base) {
		throw new CredentialFieldError('Proxy Base URL', `The Proxy Base URL in the Paragon credential is not a URL. Use ${DEFAULT_PROXY_BASE_URL} (Paragon cloud) or https://worker-proxy.<your host> (on-premise).`);
	}
	if (base.protocol !== 'https:' && base.protocol !== 'http:') {
		throw new CredentialFieldError('Proxy Base URL', `The Proxy Base URL in the Paragon credential must start with https:// (or http:// for a local sandbox), not ${base.protocol}//.`);
	}
	if (base.search || base.hash || base.username || base.password) {
		throw new CredentialFieldError('Proxy Base URL', 'The Proxy Base URL in the Paragon credential must not contain a query, a fragment or a user name: give only the scheme, host and optional path.');
	}

	const region = String(credentials.region ?? 'us');
	if (region !== 'us' && region !== 'eu') {
		throw new CredentialFieldError('Segment Region', 'The Segment Region in the Paragon credential must be "us" or "eu".');
	}

	return { projectId, proxyBaseUrl: base.href.replace(/\/+$/, ''), region };
}

/**
 * The URL under which Segment's Public API is reached for this credential:
 * Paragon's proxy for the `segment` integration, with Segment's EU host as a
 * full-URL override for EU workspaces (Paragon's documented base-URL override).
 */
export function proxyUrl(settings: ProxySettings): string {
	const root = `${settings.proxyBaseUrl}/projects/${settings.projectId}/sdk/proxy/segment`;
	return settings.region === 'eu' ? `${root}/${EU_SEGMENT_API}` : root;
}

// URL parsers resolve "." and ".." segments (even percent-encoded ones), so they cannot be sent as ids.
const DOT_SEGMENT = /^\.{1,2}$/;

export function isDotSegment(part: string): boolean {
	return DOT_SEGMENT.test(part);
}

/** A Segment path from fixed words and ids: each id is exactly one percent-encoded segment. */
export function segmentPath(...parts: string[]): string {
	const dots = parts.find(isDotSegment);
	if (dots !== undefined) throw new Error(`"${dots}" cannot be sent as an ID: it would change the request path`);
	return '/' + parts.map((part) => encodeURIComponent(part)).join('/');
}
