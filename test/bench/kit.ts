/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (process, fs, child processes), never inside n8n */
/** What the benchmark's scenarios share: the sandbox in its own process, the node in the engine, and the measuring. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../helpers/engine';
import { engine, keys, PROJECT_ID, USER_ID, USER_TOKEN } from '../helpers/world';

export interface Args {
	scenario: 'list' | 'get' | 'tokens' | 'upsert' | 'upsertIndex' | 'users' | 'regulations';
	runs: number;
	latencyMs: number;
	count?: number;
	concurrency?: number;
	/** upsert: the sources already in the workspace. */
	workspace?: number;
	/** users: the Paragon users the items act for (each connected, with a workspace of its own). */
	users?: number;
	/** regulations: also one execution with Combine Items off (one request per item). */
	separate?: boolean;
}

export interface RemoteSandbox {
	url: string;
	control<T = IDataObject>(method: string, path: string, body?: unknown): Promise<T>;
	requests(): Promise<Array<{ method: string; segments: string[] }>>;
	close(): void;
}

export async function startRemoteSandbox(latencyMs: number, extraUsers: string[] = []): Promise<RemoteSandbox> {
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the benchmark runs the sandbox in its own process
	const child = fork(join(__dirname, 'sandboxProcess.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	child.send({ projectId: PROJECT_ID, tokens: { [USER_TOKEN]: USER_ID }, publicKey: keys.publicPem, connectedUsers: [USER_ID, ...extraUsers], latencyMs });
	const answer = await new Promise<{ url?: string; error?: string }>((resolve) => child.once('message', resolve));
	if (!answer.url) throw new Error(`sandbox did not start: ${answer.error}`);
	const url = answer.url;
	const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
		return (await response.json()) as T;
	};
	return {
		url,
		control,
		requests: async () => (await control<{ requests: Array<{ method: string; segments: string[] }> }>('GET', '/__sandbox/requests')).requests,
		close: () => child.disconnect(),
	};
}

export const userToken = (url: string): ICredentialDataDecryptedObject => ({ projectId: PROJECT_ID, tokenSource: 'userToken', userToken: USER_TOKEN, proxyBaseUrl: url, region: 'us' });
export const signingKey = (url: string): ICredentialDataDecryptedObject => ({ projectId: PROJECT_ID, tokenSource: 'signingKey', signingKey: keys.privatePem, userId: USER_ID, tokenTtl: 3600, proxyBaseUrl: url, region: 'us' });

export async function runNode(parameters: INodeParameters, credentials: ICredentialDataDecryptedObject, items?: IDataObject[]): Promise<RunNodeResult> {
	const result = await engine.runNode({ nodeType: 'segmentParagon', parameters, credentials: { type: 'paragonProxyApi', data: credentials }, items });
	if (result.error) throw new Error(`node failed: ${result.error.message} ${result.error.description ?? ''}`);
	return result;
}

export interface Measured<T> {
	ms: number;
	/** Highest heap use during the call, above the heap after a full GC before it (MB). */
	peakHeapMb: number;
	value: T;
}

export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
	(globalThis as { gc?: () => void }).gc?.();
	const base = process.memoryUsage().heapUsed;
	let peak = base;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
	const started = performance.now();
	const value = await work();
	const ms = performance.now() - started;
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	clearInterval(sampler);
	return { ms, peakHeapMb: (peak - base) / 2 ** 20, value };
}
