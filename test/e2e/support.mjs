// What the e2e case groups (test/e2e/cases/*.mjs) share to look at a run: the requests the
// in-process sandbox saw while a node ran, a node's output items, and the usual assertions.
import assert from 'node:assert/strict';

import { nodeItems } from '../../scripts/e2e/n8n-app.mjs';

/** `GET /warehouses/<decoded id>` for a logged request. */
export const call = (request) => `${request.method} /${request.segments.join('/')}`;

/** The requests the sandbox received while a node ran (its task's start and execution time). */
// The sandbox answers every request ANSWER_LATENCY_MS late, so a node ends at least that long
// after its last request arrived: a request logged in the millisecond a node ends belongs to the
// next node, and the half-open window [start, end) attributes every request to exactly one node
// (times are whole milliseconds on both sides; the margin covers timers that fire a little early).
export const ANSWER_LATENCY_MS = 3;

/**
 * A GET of the editor's REST API, tried again once when the connection itself failed: on a loaded
 * machine n8n's server now and then resets a kept-alive socket (undici's "fetch failed").
 */
export async function fetchEditor(url, init) {
	try {
		return await fetch(url, init);
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		return await fetch(url, init);
	}
}

export function requestsOf(sandbox, run, nodeName) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	if (!task) throw new Error(`node "${nodeName}" did not run (nodes that ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	const from = task.startTime;
	const to = task.startTime + task.executionTime;
	return sandbox.requests.filter((request) => request.time >= from && request.time < to);
}

export function itemsOf(run, nodeName, output = 0) {
	const items = nodeItems(run, nodeName, { output });
	if (!items) throw new Error(`node "${nodeName}" did not run (nodes that ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return items.map((item) => item.json);
}

export function runError(run) {
	return run.data.resultData.error;
}

export function assertRan(execution) {
	const error = runError(execution.run);
	assert.equal(execution.code, 0, `n8n execute exited ${execution.code}${error ? `: ${error.message} — ${error.description ?? ''}` : ''}`);
	assert.equal(error, undefined);
}

export function assertAuth(requests, kind, userId = 'sandbox-user') {
	for (const request of requests) {
		assert.equal(request.auth?.kind, kind, `${call(request)} was authenticated as ${request.auth?.kind}, expected ${kind}`);
		assert.equal(request.auth?.userId, userId);
	}
}
