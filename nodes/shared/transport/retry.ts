import type { IDataObject } from 'n8n-workflow';

export const MAX_RETRIES = 4;
const BASE_DELAY_MS = 250;
/** Longer than this and the node stops and says so, rather than hold a workflow hostage. */
export const MAX_WAIT_MS = 60_000;

/** Statuses that say "not now": retried for every method. */
const RATE_LIMITED = 429;
/** Answers of a gateway in between: retried (SPEC: 429 and 502/503/504 are retried). */
const GATEWAY_ERRORS = new Set([502, 503, 504]);
/**
 * A gateway timeout: Segment may have taken the request and only its answer was lost, so a
 * create is not sent again after it (like a timeout of our own or a 500).
 */
const GATEWAY_TIMEOUT = 504;

export function isIdempotent(method: string): boolean {
	return method !== 'POST';
}

export function isRetryableStatus(status: number, method: string): boolean {
	if (status === RATE_LIMITED) return true;
	return GATEWAY_ERRORS.has(status) && (isIdempotent(method) || status !== GATEWAY_TIMEOUT);
}

function header(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

/** A point in time as Segment or a proxy writes it: HTTP date, epoch seconds or epoch milliseconds. */
function parseInstant(value: string): number | undefined {
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		const n = Number(trimmed);
		return n > 1e12 ? n : n * 1000;
	}
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : date;
}

/**
 * How long the server asked us to wait, in ms: the largest of Segment's
 * `msBeforeNext`, a `Retry-After` (seconds or date) and, when no calls remain,
 * `X-RateLimit-Reset`. Undefined when it gave no hint.
 */
export function serverRequestedWait(status: number, headers: IDataObject | undefined, body: unknown, nowMs: number): number | undefined {
	const hints: number[] = [];
	const errors = (body as IDataObject | undefined)?.errors;
	if (Array.isArray(errors)) {
		for (const error of errors as IDataObject[]) {
			const ms = (error?.data as IDataObject | undefined)?.msBeforeNext;
			if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) hints.push(ms);
		}
	}
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const trimmed = retryAfter.trim();
		if (/^\d+(\.\d+)?$/.test(trimmed)) hints.push(Number(trimmed) * 1000);
		else {
			const at = Date.parse(trimmed);
			if (!Number.isNaN(at)) hints.push(Math.max(0, at - nowMs));
		}
	}
	const remaining = header(headers, 'x-ratelimit-remaining');
	const reset = header(headers, 'x-ratelimit-reset');
	if (status === RATE_LIMITED && reset !== undefined && (remaining === undefined || Number(remaining) <= 0)) {
		const at = parseInstant(reset);
		if (at !== undefined) hints.push(Math.max(0, at - nowMs));
	}
	return hints.length ? Math.ceil(Math.max(...hints)) : undefined;
}

const MIN_HINTED_DELAY_MS = 50;

/** What the server asked for when it said (at least 50 ms); else exponential backoff: 250 ms, 500 ms, 1 s, 2 s. */
export function retryDelay(attempt: number, requested: number | undefined): number {
	return requested === undefined ? BASE_DELAY_MS * 2 ** attempt : Math.max(requested, MIN_HINTED_DELAY_MS);
}
