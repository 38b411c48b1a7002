import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from '../transport/request';
import { Params } from '../validation';

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
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: MIN_TIMEOUT_MS, maxValue: MAX_TIMEOUT_MS },
			default: DEFAULT_TIMEOUT_MS,
			description: 'Time in ms to wait for Paragon\'s proxy to answer each request before aborting it. A read that times out is retried; a create is not, as Segment may have made it.',
		},
	],
};

/** Read once, from the first item: they shape the execution's client, not one item. */
export function readRunOptions(fn: IExecuteFunctions): RunOptions {
	const params = new Params(fn, 0);
	return {
		timeoutMs: params.integer('options.timeout', 'Options > Timeout', DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS),
		concurrency: params.integer('options.concurrency', 'Options > Concurrency', 1, 1, MAX_CONCURRENCY),
	};
}
