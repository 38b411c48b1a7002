/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (perf_hooks), never inside n8n */
/**
 * Issue 19's figures (SPEC §8): regulation Create over 10,000 items of one ID each — the requests
 * it sends, and the node's own time per item: its execute() minus the time its requests spent on
 * the wire and in the sandbox, and minus n8n resolving the parameters it reads (the expression
 * `{{ $json.userId }}` of each item is n8n's work). All three are measured here, around the real
 * methods, and shown apart.
 */
import { performance } from 'node:perf_hooks';

import { ExecuteContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { SegmentParagon } from '../../nodes/SegmentParagon/SegmentParagon.node';
import { SegmentClient } from '../../nodes/shared/transport/request';
import { measure, runNode, userToken, type Args, type RemoteSandbox } from './kit';

/** Times spent in the node's execute(), in its requests and in n8n's parameter resolution. */
const spent = { executeMs: 0, requestMs: 0, parameterMs: 0, requestsInFlight: 0 };

function instrument(): void {
	const execute = SegmentParagon.prototype.execute;
	SegmentParagon.prototype.execute = async function (this: unknown, ...args: unknown[]) {
		const started = performance.now();
		try {
			return await (execute as (...a: unknown[]) => ReturnType<typeof execute>).apply(this, args);
		} finally {
			spent.executeMs += performance.now() - started;
		}
	} as typeof execute;
	// Each context's getNodeParameter calls the prototype's _getNodeParameter; synchronous, never nested: the calls add up.
	const prototype = ExecuteContext.prototype as unknown as { _getNodeParameter: (...args: unknown[]) => unknown };
	const getNodeParameter = prototype._getNodeParameter;
	prototype._getNodeParameter = function (this: unknown, ...args: unknown[]) {
		const started = performance.now();
		try {
			return getNodeParameter.apply(this, args);
		} finally {
			spent.parameterMs += performance.now() - started;
		}
	};
	const request = SegmentClient.prototype.request;
	// Wall time with at least one request in flight: overlapping requests are counted once.
	let since = 0;
	SegmentClient.prototype.request = async function (this: SegmentClient, ...args: Parameters<typeof request>) {
		if (spent.requestsInFlight++ === 0) since = performance.now();
		try {
			return await request.apply(this, args);
		} finally {
			if (--spent.requestsInFlight === 0) spent.requestMs += performance.now() - since;
		}
	} as typeof request;
}

export async function regulationsScenario(sandbox: RemoteSandbox, args: Args) {
	instrument();
	const count = args.count ?? 10_000;
	const items = Array.from({ length: count }, (_v, n) => ({ userId: `bench-user-${n}` }));
	const parameters = (combineItems: boolean): INodeParameters => ({ resource: 'regulation', operation: 'create', subjectIds: '={{ $json.userId }}', ...(combineItems ? {} : { options: { combineItems: false } }) });
	const execution = async (combineItems: boolean) => {
		await sandbox.control('POST', '/__sandbox/reset');
		Object.assign(spent, { executeMs: 0, requestMs: 0, parameterMs: 0 });
		const measured = await measure(() => runNode(parameters(combineItems), userToken(sandbox.url), items));
		const requests = await sandbox.requests();
		const out = measured.value.items;
		if (out.length !== count || out.some((item, index) => (item.pairedItem as { item: number }).item !== index || !item.json.regulateId)) throw new Error('an item came out unpaired or without its regulateId');
		const ownMs = spent.executeMs - spent.requestMs - spent.parameterMs;
		const { executeMs, requestMs, parameterMs } = spent;
		return { combineItems, ms: measured.ms, executeMs, requestMs, parameterMs, ownMs, requests: requests.length, regulations: new Set(out.map((item) => item.json.regulateId)).size };
	};
	const runs = [];
	for (let run = 0; run < args.runs; run++) runs.push(await execution(true));
	// One request per item, for comparison: once per latency (it sends 10,000 requests).
	const separate = args.separate ? await execution(false) : undefined;
	return { count, runs, separate };
}
