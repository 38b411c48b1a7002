import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionOptions, readTimeout } from '../../shared/options';
import { Params } from '../../shared/validation';

// Segment's rate limit is per workspace: a few requests in flight pay, many only earn 429s.
export const MAX_CONCURRENCY = 10;

/** How the execution as a whole talks to Segment (not one item's data). */
export interface RunOptions {
	timeoutMs: number;
	concurrency: number;
}

/** The Options collection, shown for every resource and operation: Concurrency, then what the trigger shows too. */
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
		...connectionOptions('item'),
	],
};

/** The per-request timeout's name in an operation whose own Options have a Timeout (Start Sync's, in minutes). */
export const REQUEST_TIMEOUT_OPTION = 'requestTimeout';

/**
 * Read once, from the first item: they shape the execution's client, not one item. When the
 * operation has a Timeout of its own, the per-request one is Options > Request Timeout.
 */
export function readRunOptions(fn: IExecuteFunctions, ownTimeout = false): RunOptions {
	const params = new Params(fn, 0);
	return {
		timeoutMs: ownTimeout ? readTimeout(params, REQUEST_TIMEOUT_OPTION, 'Request Timeout') : readTimeout(params),
		concurrency: params.integer('options.concurrency', 'Options > Concurrency', 1, 1, MAX_CONCURRENCY),
	};
}
