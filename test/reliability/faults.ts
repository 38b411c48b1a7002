/** The faults of the fault matrix: what each does to the call it hits, and what the node must do then. */
import type { IDataObject } from 'n8n-workflow';

import type { Step } from './scenarios';

/** What a fault does to the call it hits. */
export interface FaultKind {
	name: string;
	/** The sandbox fault for a call (writes are processed first: the answer is what gets lost). */
	make(step: Step): IDataObject;
	/** Whether the node retries that call after this fault. */
	retried(step: Step): boolean;
	/** Least wait (ms) between the faulted call and its retry; a function when it depends on the clock. */
	minGap: number | ((fault: IDataObject) => number);
	/** Least time the whole run takes when it retries (default: `minGap`). */
	minElapsed?: number;
	/** The error's message when the call is not retried. */
	message: RegExp;
}

/** Options > Timeout in the timeout rows (the others keep the default, so a slow moment never times out). */
// Long enough that the row's other requests never time out on a busy machine (the rows run side by side).
export const TIMEOUT_MS = 1500;
/** Where a fault aims: the call's method and path (a created id, unknown beforehand, by its parent path). */
const at = (step: Step) => ({ method: step.method, path: step.path.split('/{new}')[0] });
const isWrite = (step: Step) => step.method !== 'GET';
const notPost = (step: Step) => step.method !== 'POST';
// A 429 body without msBeforeNext, for the header-only hints.
const BARE_429 = { errors: [{ type: 'RequestError', message: 'Too many requests' }] };

export const FAULTS: FaultKind[] = [
	{
		name: '429 with msBeforeNext',
		make: (step) => ({ ...at(step), status: 429, msBeforeNext: 20, rateLimitRemaining: '1' }),
		retried: () => true,
		minGap: 50, // the node's floor for a hint
		message: /rate limit/,
	},
	{
		name: '429 with Retry-After',
		make: (step) => ({ ...at(step), status: 429, body: BARE_429, retryAfter: '0', rateLimitRemaining: '1' }),
		retried: () => true,
		minGap: 50,
		message: /rate limit/,
	},
	{
		name: '429 with X-RateLimit-Reset',
		make: (step) => ({ ...at(step), status: 429, body: BARE_429, rateLimitRemaining: '0', rateLimitReset: String(Date.now() + 120) }),
		retried: () => true,
		minGap: (fault) => Number(fault.rateLimitReset),
		message: /rate limit/,
	},
	{
		name: '429 without a hint',
		make: (step) => ({ ...at(step), status: 429, body: BARE_429, rateLimitRemaining: '1' }),
		retried: () => true,
		minGap: 250, // the node's own first backoff
		message: /rate limit/,
	},
	{
		name: '500',
		make: (step) => ({ ...at(step), status: 500, process: isWrite(step) }),
		retried: () => false,
		minGap: 0,
		message: /had a server error \(500\)/,
	},
	...[502, 503, 504].map((status) => {
		// 502 and 503: the gateway did not pass the request on, so it is retried, a create too.
		// 504, a gateway timeout: Segment may have done it, so a create is not sent again.
		const createsRetried = status !== 504;
		return {
			name: String(status),
			make: (step: Step) => ({ ...at(step), status, retryAfter: '0', process: isWrite(step) && !(createsRetried && step.method === 'POST') }),
			retried: createsRetried ? () => true : notPost,
			minGap: 50,
			message: new RegExp(`had a server error \\(${status}\\)`),
		};
	}),
	{
		name: 'dropped connection',
		make: (step) => ({ ...at(step), drop: true, process: isWrite(step) }),
		retried: notPost,
		minGap: 250,
		message: /the connection was dropped/,
	},
	{
		name: 'timeout',
		make: (step) => ({ ...at(step), delayMs: 3 * TIMEOUT_MS, process: isWrite(step) }),
		retried: notPost,
		// The timeout runs on the client's clock, which starts before the sandbox logs the request:
		// the gap between the two arrivals is the backoff, the run as a whole takes both.
		minGap: 250,
		minElapsed: TIMEOUT_MS + 250,
		message: new RegExp(`the connection timed out after ${TIMEOUT_MS} ms`),
	},
	{
		name: 'non-JSON body',
		make: (step) => ({ ...at(step), nonJson: true, process: isWrite(step) }),
		retried: () => false,
		minGap: 0,
		message: /returned a response that is not JSON/,
	},
];
