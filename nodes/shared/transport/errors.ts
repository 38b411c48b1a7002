import type { IDataObject } from 'n8n-workflow';

/** What went wrong on the wire, in the words a user can act on. */
export interface Failure {
	message: string;
	description: string;
}

interface SegmentErrorEntry {
	type?: string;
	message?: string;
	field?: string;
}

/** Segment answers `{errors:[...]}`; Paragon answers `{message, code?, status?}`. */
export function segmentErrors(body: unknown): SegmentErrorEntry[] | undefined {
	const errors = (body as IDataObject | undefined)?.errors;
	return Array.isArray(errors) ? (errors as SegmentErrorEntry[]) : undefined;
}

function paragonMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const message = (body as IDataObject).message;
	return typeof message === 'string' && message.trim() ? message.trim() : undefined;
}

function segmentMessage(errors: SegmentErrorEntry[]): string {
	const parts = errors.map((error) => {
		const text = error.message?.trim() || error.type || 'unknown error';
		return error.field ? `${error.field}: ${text}` : text;
	});
	return parts.join('; ');
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body.replace(/\s+/g, ' ').trim().slice(0, 200);
	try {
		return JSON.stringify(body).slice(0, 200);
	} catch {
		return String(body);
	}
}

export interface FailureContext {
	/** e.g. "Warehouse wh_1", for "... was not found". */
	notFound?: string;
	/** The token the request carried has an `exp` in the past. */
	tokenExpired: boolean;
	/** The token was signed by the node (signing-key mode). */
	signedByNode: boolean;
	retries: number;
	/** The request's Segment path, e.g. `/destinations/d1/subscriptions`. */
	path?: string;
}

/** Endpoints that need a Segment feature turned on for the workspace: a 403 there says which to ask Segment for. */
const FEATURE_ENDPOINTS: Array<{ path: RegExp; feature: string; what: string; meanwhile: string }> = [
	{
		path: /^\/destinations\/[^/]+\/subscriptions(\/|$)/,
		feature: 'Destination Subscriptions',
		what: 'destination mappings',
		meanwhile: 'until then, make the mappings in Segment\'s app (the destination\'s Mappings tab)',
	},
	{
		path: /^\/tracking-plans(\/|$)/,
		feature: 'Protocols',
		what: 'tracking plans',
		meanwhile: 'Protocols is part of some Segment plans only; until then, use a workspace that has it',
	},
];

function featureOf(path: string | undefined) {
	return path === undefined ? undefined : FEATURE_ENDPOINTS.find((endpoint) => endpoint.path.test(path));
}

/** Turns an error answer from Paragon's proxy or Segment into a message and a hint. */
export function describeHttpFailure(status: number, body: unknown, context: FailureContext): Failure {
	const errors = segmentErrors(body);
	const fromSegment = errors ? segmentMessage(errors) : undefined;
	const fromParagon = errors ? undefined : paragonMessage(body);
	const said = fromSegment ?? fromParagon ?? (body === undefined || body === '' ? '' : bodyText(body));
	const who = errors ? 'Segment' : 'Paragon';
	const answered = said ? `${who} answered ${status}: ${said}` : `${who} answered ${status} with no message.`;

	if (fromParagon && /integration not enabled/i.test(fromParagon)) {
		return {
			message: 'Segment is not connected for this Paragon user',
			description: `${answered}. Connect Segment for this user in Paragon (the Connect Portal), or check that the credential's token or User ID belongs to the user who connected it.`,
		};
	}
	if (status === 401) {
		if (context.tokenExpired || /expired/i.test(said)) {
			return {
				message: 'The Paragon user token has expired',
				description: `${answered}. ${context.signedByNode ? 'Check the machine clock and the Token Lifetime in the credential.' : 'Issue a new Paragon User Token and paste it into the credential, or switch Token Source to Signing Key so the node signs fresh tokens itself.'}`,
			};
		}
		return {
			message: 'Paragon rejected the user token',
			description: `${answered}. ${context.signedByNode ? 'Check that the Signing Key is the one of this Paragon project (Settings > SDK Setup) and that the User ID is right.' : 'Check that the Paragon User Token was signed for this project and is complete.'}`,
		};
	}
	const feature = status === 403 ? featureOf(context.path) : undefined;
	if (feature) {
		// Segment names the feature a workspace lacks; another 403 here may be the token's role.
		if (fromSegment !== undefined && fromSegment.toLowerCase().includes(feature.feature.toLowerCase())) {
			return {
				message: `This Segment workspace does not have ${feature.feature}`,
				description: `${answered.replace(/\.$/, '')}. Ask Segment (your account team, or Segment support) to turn on "${feature.feature}" (Public API access to ${feature.what}) for this workspace; ${feature.meanwhile}.`,
			};
		}
		return {
			message: 'Access denied',
			description: `${answered.replace(/\.$/, '')}. ${feature.what[0].toUpperCase()}${feature.what.slice(1)} need Segment's "${feature.feature}" in the workspace and a token with access to it: check both, or reconnect Segment with a token that has Workspace Owner access.`,
		};
	}
	if (status === 403) {
		return {
			message: 'Access denied',
			description: `${answered}. The Segment account connected in Paragon may lack permission for this workspace: reconnect Segment with a token that has Workspace Owner access.`,
		};
	}
	if (status === 404) {
		if (fromParagon !== undefined && /credential/i.test(fromParagon)) {
			return {
				message: 'Paragon has no such Segment credential for this user',
				description: `${answered}. Check Options > Paragon Credential ID: it must be the ID of a Segment account this Paragon user connected (leave it empty for the user's default account).`,
			};
		}
		// Paragon says which of its own things is missing; anything else on an entity's path is the entity.
		const paragonMissing = fromParagon !== undefined && (!context.notFound || /project|integration/i.test(fromParagon));
		if (context.notFound && !paragonMissing) {
			return { message: `${context.notFound} was not found`, description: `${answered}. Check the ID, or pick it From list.` };
		}
		if (paragonMissing) {
			return {
				message: 'Paragon could not find this project or integration',
				description: `${answered}. Check the Project ID and the Proxy Base URL in the credential, and that Segment is an integration of this Paragon project.`,
			};
		}
		return { message: 'Not found', description: `${answered}.` };
	}
	if (status === 400 || status === 409 || status === 422) {
		return {
			message: `Segment refused the request: ${fromSegment ?? fromParagon ?? `status ${status}`}`,
			description: `${answered}. Correct the parameter named above and run the node again.`,
		};
	}
	if (status === 429) {
		return {
			message: 'Segment rate limit still exceeded',
			description: `${answered}. The node waited and retried ${context.retries} time(s); run it again later, or spread the items over time.`,
		};
	}
	if (status >= 500) {
		return {
			message: `${who === 'Segment' ? 'Segment' : 'Paragon\'s proxy'} had a server error (${status})`,
			description: `${answered}.${context.retries ? ` The node retried ${context.retries} time(s).` : ''} Try again later.`,
		};
	}
	return { message: `Unexpected answer (${status})`, description: `${answered}.` };
}

/** Connection-level failures (no HTTP answer), by the code Node.js or axios gives them. */
export function networkCode(error: unknown): string {
	let current = error as IDataObject | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
		current = current.cause as IDataObject | undefined;
	}
	return 'ECONNRESET';
}

// axios says ECONNABORTED when its own timeout fires, ETIMEDOUT when the socket's does.
export const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
// The user stopped the execution: no retry, and no "check the network" hint.
export const CANCELLED_CODE = 'ERR_CANCELED';

export const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'was refused',
	ECONNRESET: 'was dropped',
	EPIPE: 'was dropped',
	ENOTFOUND: 'found no such host',
	EAI_AGAIN: 'found no such host',
};

/** The hint for a create whose answer never arrived intact (with a leading space); '' for any other call. */
export function mayHaveCreated(call: { method: string; creating?: string; checkWith?: string }): string {
	if (call.method !== 'POST' || !call.creating) return '';
	return ` Segment may or may not have created the ${call.creating}: check with ${call.checkWith ?? 'Get Many'} before running this item again (the node never sends a create twice).`;
}

/** Where this failure left the request: refused before sending, or possibly processed. */
export function wasNeverSent(code: string): boolean {
	return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
