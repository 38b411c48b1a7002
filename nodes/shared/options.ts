import type { IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS, SegmentClient, type ClientSettings, type RequestContext } from './transport/request';
import { Workspace } from './transport/workspace';
import type { Params } from './validation';

// Below 100 ms nothing but a local sandbox answers; above 10 minutes a hung proxy holds the workflow.
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 600_000;

/** Who a run acts as: a Paragon user (signing-key credentials) and one of their Segment credentials. */
export interface ActingAs {
	userId?: string;
	credentialId?: string;
}

/**
 * Options > Paragon Credential ID, Paragon User ID and Timeout, as both nodes show them.
 * `scope` says what one choice covers: each input item (the action node) or the whole trigger.
 */
export function connectionOptions(scope: 'item' | 'trigger'): INodeProperties[] {
	return [
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
			placeholder: scope === 'item' ? 'e.g. {{ $json.userId }}' : 'e.g. customer-acme',
			description:
				scope === 'item'
					? 'The Paragon user to act for on this item, usually from an expression; needs a Signing Key credential. Empty: the credential\'s User ID.'
					: 'The Paragon user whose Segment workspace this trigger watches (one user per trigger); needs a Signing Key credential. Empty: the credential\'s User ID.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: MIN_TIMEOUT_MS, maxValue: MAX_TIMEOUT_MS },
			default: DEFAULT_TIMEOUT_MS,
			description:
				scope === 'item'
					? 'Time in ms to wait for Paragon\'s proxy to answer each request before aborting it. A read that times out is retried; a create is not, as Segment may have made it.'
					: 'Time in ms to wait for Paragon\'s proxy to answer each request before aborting it. A read that times out is retried.',
		},
	];
}

/** Whether Options holds Paragon User ID or Paragon Credential ID at all (as stored: a value or an expression). */
export function usesActingOptions(fn: IExecuteFunctions | IPollFunctions): boolean {
	const options = fn.getNode().parameters.options;
	if (!options || typeof options !== 'object' || Array.isArray(options)) return false;
	const stored = options as Record<string, unknown>;
	return ['paragonUserId', 'paragonCredentialId'].some((name) => stored[name] !== undefined && stored[name] !== '');
}

/** Options > Paragon User ID and Paragon Credential ID, each checked like an id. */
export function readActingAs(params: Params): ActingAs {
	const userId = params.id('options.paragonUserId', 'Options > Paragon User ID', true);
	const credentialId = params.id('options.paragonCredentialId', 'Options > Paragon Credential ID', true);
	return { userId: userId || undefined, credentialId: credentialId || undefined };
}

/** Options > Timeout (or the option an operation shows in its place), in ms. */
export function readTimeout(params: Params, name = 'timeout', label = 'Timeout'): number {
	return params.integer(`options.${name}`, `Options > ${label}`, DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS);
}

/** The workspace (client, lookups, rate-limit pause) these settings reach: one per Paragon user and credential. */
export function openWorkspace(fn: RequestContext, settings: ClientSettings): Workspace {
	return new Workspace(new SegmentClient(fn, settings));
}
