import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from '../../shared/transport/request';
import { Params } from '../../shared/validation';

// Below 100 ms nothing but a local sandbox answers; above 10 minutes a hung proxy holds the workflow.
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 600_000;
// Segment's rate limit is per workspace: a few requests in flight pay, many only earn 429s.
export const MAX_CONCURRENCY = 10;

/** How the execution as a whole talks to Segment (not one item's data). */
export interface RunOptions {
	timeoutMs: number;
	concurrency: number;
}

/** The Options collection, shown for every resource and operation. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: 1,
			description: 'How many input items to work on at the same time. Output keeps the order of the input; on a rate limit (429) every item waits.',
		},
		{
			displayName: 'Paragon Credential ID',
			name: 'paragonCredentialId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 8d4c1d0e-3a52-4d1b-9d3b-2f1c6a7b9e10',
			description: 'For a user who connected more than one Segment workspace: the Paragon credential to use (sent as X-Paragon-Credential). Empty: the user\'s default.',
		},
		{
			displayName: 'Paragon User ID',
			name: 'paragonUserId',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.userId }}',
			description: 'The Paragon user to act for on this item, usually from an expression; needs a Signing Key credential. Empty: the credential\'s User ID.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: MIN_TIMEOUT_MS, maxValue: MAX_TIMEOUT_MS },
			default: DEFAULT_TIMEOUT_MS,
			description: 'Time in ms to wait for Paragon\'s proxy to answer each request before aborting it. A read that times out is retried; a create is not, as Segment may have made it.',
		},
	],
};

/** Who an item acts as: a Paragon user (signing-key credentials) and one of their Segment credentials. */
export interface ActingAs {
	userId?: string;
	credentialId?: string;
}

/** Whether Options holds Paragon User ID or Paragon Credential ID at all (as stored: a value or an expression). */
export function usesActingOptions(fn: IExecuteFunctions): boolean {
	const options = fn.getNode().parameters.options;
	if (!options || typeof options !== 'object' || Array.isArray(options)) return false;
	const stored = options as Record<string, unknown>;
	return ['paragonUserId', 'paragonCredentialId'].some((name) => stored[name] !== undefined && stored[name] !== '');
}

/** Read per item: each item may act for its own Paragon user (checked like an id). */
export function readActingAs(params: Params): ActingAs {
	const userId = params.id('options.paragonUserId', 'Options > Paragon User ID', true);
	const credentialId = params.id('options.paragonCredentialId', 'Options > Paragon Credential ID', true);
	return { userId: userId || undefined, credentialId: credentialId || undefined };
}

/** The per-request timeout's name in an operation whose own Options have a Timeout (Start Sync's, in minutes). */
export const REQUEST_TIMEOUT_OPTION = 'requestTimeout';

/**
 * Read once, from the first item: they shape the execution's client, not one item. When the
 * operation has a Timeout of its own, the per-request one is Options > Request Timeout.
 */
export function readRunOptions(fn: IExecuteFunctions, ownTimeout = false): RunOptions {
	const params = new Params(fn, 0);
	const [name, label] = ownTimeout ? [REQUEST_TIMEOUT_OPTION, 'Request Timeout'] : ['timeout', 'Timeout'];
	return {
		timeoutMs: params.integer(`options.${name}`, `Options > ${label}`, DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS),
		concurrency: params.integer('options.concurrency', 'Options > Concurrency', 1, 1, MAX_CONCURRENCY),
	};
}
