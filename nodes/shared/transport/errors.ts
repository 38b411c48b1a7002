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
	/** A Segment feature the call needs (e.g. Protocols). */
	feature?: string;
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
	if (status === 403 && context.feature) {
		// Segment names the feature the workspace lacks; any other 403 may be the token's role.
		if (fromSegment !== undefined && fromSegment.toLowerCase().includes(context.feature.toLowerCase())) {
			return {
				message: `This Segment workspace does not have ${context.feature}`,
				description: `${answered}. ${context.feature} is part of some Segment plans only: ask your Segment account team to enable it for this workspace, or use a workspace that has it.`,
			};
		}
		return {
			message: 'Access denied',
			description: `${answered}. These calls need ${context.feature} in the Segment workspace, and a token with access to it: check both, or reconnect Segment with a token that has Workspace Owner access.`,
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
