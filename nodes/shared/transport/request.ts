import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IAdditionalCredentialOptions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { CANCELLED_CODE, describeHttpFailure, mayHaveCreated, NETWORK_FAILURES, networkCode, TIMEOUT_CODES, wasNeverSent, type Failure } from './errors';
import type { RequestPacer } from './pacer';
import { unwrapParagonOutput } from './paragonOutput';
import { CredentialFieldError, proxyUrl, readProxySettings } from './proxyUrl';
import { errorNode, redact, secretValues } from './redact';
import { isIdempotent, isRetryableStatus, MAX_RETRIES, MAX_WAIT_MS, retryDelay, serverRequestedWait } from './retry';
import { jwtExpiry, userTokenFor } from './userToken';


export const CREDENTIAL_TYPE = 'paragonProxyApi';
/** How long one request may wait for an answer unless Options > Timeout says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Who sends: an action node's execution, the editor's list search, or a trigger's poll. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface SegmentCall {
	method: IHttpRequestMethods;
	/** Built with `segmentPath`, so ids are single encoded segments. */
	path: string;
	qs?: IDataObject;
	/** A query string the caller built and measured (e.g. rules[0][type]=…), sent exactly as given; not with `qs`. */
	query?: string;
	body?: IDataObject;
	/** Names the entity for a 404, e.g. "Warehouse wh_1". */
	notFound?: string;
	/** What a POST was creating, for the "may have been created" message. */
	creating?: string;
	/** The operation that lists what `creating` makes, for that message; default Get Many. */
	checkWith?: string;
	/** The key of the entity the answer must carry, e.g. `warehouse` in `{data:{warehouse:{...}}}`. */
	entity?: string;
	/** Paces every attempt of this call (Segment's limit on mapping writes); each attempt takes a turn. */
	pacer?: RequestPacer;
}

interface FullResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

/** What the node's Options tell the client. */
export interface ClientSettings {
	/** Per request, in ms: a request without an answer by then is aborted. */
	timeoutMs?: number;
	/** Options > Paragon User ID: the Paragon user to act for (signing-key credentials only). */
	userId?: string;
	/** Options > Paragon Credential ID: which of the user's Segment accounts, sent as X-Paragon-Credential. */
	credentialId?: string;
}

export const PARAGON_CREDENTIAL_HEADER = 'X-Paragon-Credential';

/**
 * Segment's Public API through Paragon's proxy: one instance per execution,
 * holding the credential, with retries, error mapping and secret scrubbing.
 */
export class SegmentClient {
	private credentials?: ICredentialDataDecryptedObject;
	/** Strings no error may contain: the pasted token or key, and each token signed. */
	private readonly secrets = new Set<string>();
	private signedByNode = false;
	requestsSent = 0;
	private readonly timeoutMs: number;
	/** After a 429 no request of this client goes out before this instant (items run in parallel share it; one client per Paragon user). */
	private pausedUntil = 0;
	/**
	 * The credential as read once (with the acted-for user as its User ID), handed to n8n's
	 * authentication with every request: without it n8n reads and decrypts the credential from its
	 * database again for each request (about 1.5 ms a request in the real n8n).
	 */
	private decryptedCredential?: IAdditionalCredentialOptions;

	constructor(
		private readonly fn: RequestContext,
		private readonly settings: ClientSettings = {},
	) {
		this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	}

	/** Reads and checks the credential once; a bad field fails the item before anything is sent. */
	async prepare(itemIndex: number): Promise<void> {
		if (!this.credentials) {
			// A poll context takes no item index; the extra argument is ignored there.
			this.credentials = await (this.fn as IExecuteFunctions).getCredentials(CREDENTIAL_TYPE, itemIndex);
			for (const field of ['userToken', 'signingKey']) {
				const value = this.credentials[field];
				if (typeof value === 'string' && value.trim()) this.secrets.add(value).add(value.trim());
			}
			this.signedByNode = this.credentials.tokenSource === 'signingKey';
			if (this.settings.userId !== undefined && this.signedByNode) this.credentials = { ...this.credentials, userId: this.settings.userId };
			const reference = this.fn.getNode().credentials?.[CREDENTIAL_TYPE];
			this.decryptedCredential = { credentialsDecrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data: this.credentials } };
		}
		if (this.settings.userId !== undefined && !this.signedByNode) {
			throw new NodeOperationError(errorNode(this.fn.getNode()), 'Options > Paragon User ID needs a credential with Token Source "Signing Key"', {
				itemIndex,
				description: 'A pasted Paragon User Token belongs to one user and cannot act for another. Switch the credential to Signing Key (the node then signs a token for each user), or remove the option.',
			});
		}
		try {
			readProxySettings(this.credentials);
			this.secrets.add(userTokenFor(this.credentials));
		} catch (error) {
			if (error instanceof CredentialFieldError) {
				throw new NodeOperationError(errorNode(this.fn.getNode()), `Paragon credential: ${error.message}`, {
					itemIndex,
					description: `Fix the "${error.field}" field of the Paragon Proxy API credential.`,
				});
			}
			throw new NodeOperationError(errorNode(this.fn.getNode()), 'The Paragon credential could not be read', { itemIndex });
		}
	}

	/** The full URL a Segment path (and query) is sent to: the credential's proxy URL, region included, then the path. */
	async urlOf(pathAndQuery: string, itemIndex: number): Promise<string> {
		await this.prepare(itemIndex);
		return `${proxyUrl(readProxySettings(this.credentials!))}${pathAndQuery}`;
	}

	/** Sends one Segment call and returns the `data` of Segment's envelope. */
	async request<T = IDataObject>(call: SegmentCall, itemIndex: number): Promise<T> {
		await this.prepare(itemIndex);
		const secrets = [...this.secrets, ...secretValues(call.body)];
		let uncertain = false; // an earlier attempt may have reached Segment

		for (let attempt = 0; ; attempt++) {
			await this.waitForRateLimit();
			let response: FullResponse;
			const release = await this.turnOf(call, itemIndex);
			try {
				this.requestsSent++;
				response = (await this.fn.helpers.httpRequestWithAuthentication.call(this.fn, CREDENTIAL_TYPE, this.options(call), this.decryptedCredential)) as FullResponse;
				release?.();
			} catch (error) {
				release?.();
				const code = networkCode(error);
				const sent = !wasNeverSent(code);
				if (code === CANCELLED_CODE) throw this.cancelledError(call, itemIndex);
				if ((!sent || isIdempotent(call.method)) && attempt < MAX_RETRIES) {
					uncertain ||= sent;
					await sleep(retryDelay(attempt, undefined));
					continue;
				}
				throw this.networkError(call, code, sent, attempt, itemIndex);
			}

			const { statusCode: status, headers } = response;
			const body = unwrapParagonOutput(response.body);
			if (status >= 200 && status < 300) return this.readSuccess(call, status, body, itemIndex, secrets) as T;
			// A DELETE whose earlier attempt got lost and now finds nothing: that attempt did it.
			if (status === 404 && uncertain && call.method === 'DELETE') return { status: 'SUCCESS' } as T;

			if (isRetryableStatus(status, call.method) && attempt < MAX_RETRIES) {
				const wait = retryDelay(attempt, serverRequestedWait(status, headers, body, Date.now()));
				if (wait <= MAX_WAIT_MS) {
					uncertain ||= status !== 429;
					if (status === 429) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
					await sleep(wait);
					continue;
				}
			}
			const failure = describeHttpFailure(status, body, {
				notFound: call.notFound,
				tokenExpired: this.tokenExpired(),
				signedByNode: this.signedByNode,
				retries: attempt,
				path: call.path,
			});
			if (status >= 500) failure.description += mayHaveCreated(call);
			throw this.apiError({ status, body: body as JsonObject }, failure, status, itemIndex, secrets);
		}
	}

	/** The `data` of a success; an answer that is not Segment's (not JSON, no entity) is an error. */
	private readSuccess(call: SegmentCall, status: number, body: unknown, itemIndex: number, secrets: string[]): IDataObject {
		// A success status carrying something else than Segment's answer: the create may have gone through.
		const creatingHint = mayHaveCreated(call);
		// 204 No Content (a delete, from some proxies): success with nothing to read.
		const empty = status === 204 || body === undefined || body === null || body === '';
		if (!empty && (typeof body !== 'object' || Array.isArray(body))) {
			throw this.apiError({ status, body: '[not JSON]' }, {
				message: 'Paragon\'s proxy returned a response that is not JSON',
				description: `Expected Segment's JSON answer to ${call.method} ${call.path}, got ${typeof body === 'string' ? `"${body.replace(/\s+/g, ' ').slice(0, 80)}"` : typeof body}. Check the Proxy Base URL in the credential.${creatingHint}`,
			}, status, itemIndex, secrets);
		}
		const data = empty ? {} : (((body as IDataObject).data ?? {}) as IDataObject);
		const entity = call.entity === undefined ? undefined : data[call.entity];
		if (call.entity !== undefined && (!entity || typeof entity !== 'object' || Array.isArray(entity))) {
			throw this.apiError({ status, body: empty ? '[empty]' : (body as JsonObject) }, {
				message: `Segment's answer has no ${call.entity}`,
				description: `Expected {"data":{"${call.entity}":{...}}} in the answer to ${call.method} ${call.path} (status ${status}). Check the Proxy Base URL in the credential.${creatingHint}`,
			}, status, itemIndex, secrets);
		}
		return data;
	}

	private options(call: SegmentCall): IHttpRequestOptions {
		return {
			method: call.method,
			url: call.query ? `${call.path}?${call.query}` : call.path,
			qs: call.qs,
			body: call.body,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(this.settings.credentialId ? { [PARAGON_CREDENTIAL_HEADER]: this.settings.credentialId } : {}) },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.timeoutMs,
		};
	}

	private tokenExpired(): boolean {
		if (!this.credentials || this.signedByNode) return false;
		const exp = jwtExpiry(String(this.credentials.userToken ?? '').trim());
		return exp !== undefined && exp * 1000 <= Date.now();
	}

	/** Waits for the call's turn under its pacer; a stop of the execution while waiting ends the call unsent. */
	private async turnOf(call: SegmentCall, itemIndex: number): Promise<(() => void) | undefined> {
		if (!call.pacer) return undefined;
		try {
			return await call.pacer.acquire(this.cancelSignal());
		} catch {
			throw this.cancelledError(call, itemIndex, false);
		}
	}

	/** The execution's stop signal (none in the editor's list searches). */
	private cancelSignal(): AbortSignal | undefined {
		const fn = this.fn as Partial<IExecuteFunctions>;
		return typeof fn.getExecutionCancelSignal === 'function' ? fn.getExecutionCancelSignal() : undefined;
	}

	/** Holds back while an earlier 429 of this execution asks every request to wait. */
	private async waitForRateLimit(): Promise<void> {
		const pause = this.pausedUntil - Date.now();
		if (pause > 0) await sleep(pause);
	}

	private cancelledError(call: SegmentCall, itemIndex: number, sent = true): NodeApiError {
		return this.apiError({ connectionError: CANCELLED_CODE }, {
			message: 'The execution was cancelled while waiting for Segment',
			description: sent ? `${call.method} ${call.path} was aborted and not retried.${mayHaveCreated(call)}` : `${call.method} ${call.path} was waiting for its turn under Segment's rate limit and was not sent.`,
		}, undefined, itemIndex, [...this.secrets]);
	}

	private networkError(call: SegmentCall, code: string, sent: boolean, retries: number, itemIndex: number): NodeApiError {
		const timedOut = TIMEOUT_CODES.has(code);
		const what = timedOut ? `timed out after ${this.timeoutMs} ms` : (NETWORK_FAILURES[code] ?? 'failed');
		const check = timedOut ? 'Raise Options > Timeout if Segment is slow, or check the Proxy Base URL in the credential.' : 'Check the Proxy Base URL in the credential and the network.';
		let description = `The connection to Paragon's proxy ${what} (${code}) for ${call.method} ${call.path}. ${check}`;
		if (retries) description += ` The node retried ${retries} time(s).`;
		if (sent && call.method === 'POST' && call.creating) {
			description = `The connection to Paragon's proxy ${what} (${code}) before an answer came, so it is not known whether Segment created the ${call.creating}. Check with ${call.checkWith ?? 'Get Many'} before running this item again (the node never sends a create twice).`;
		}
		// The message names no error code: n8n swaps messages containing one for its generic text.
		return this.apiError({ connectionError: code }, { message: `Could not reach Segment through Paragon: the connection ${what}`, description }, undefined, itemIndex, [...this.secrets]);
	}

	private apiError(response: JsonObject, failure: Failure, status: number | undefined, itemIndex: number, secrets: string[]): NodeApiError {
		const scrub = (text: string) => redact(text, secrets);
		const safeResponse = JSON.parse(scrub(JSON.stringify(response))) as JsonObject;
		return new NodeApiError(errorNode(this.fn.getNode(), secrets), safeResponse, {
			message: scrub(failure.message),
			description: scrub(failure.description),
			httpCode: status === undefined ? undefined : String(status),
			itemIndex,
		});
	}
}
