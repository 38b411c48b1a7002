/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs in Node.js beside n8n (process, fs, child processes), never inside n8n */
/** What the benchmark's scenarios share: the sandbox in its own process, the node in the engine, and the measuring. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../helpers/engine';
import { engine, keys, PROJECT_ID, USER_ID, USER_TOKEN } from '../helpers/world';

export interface Args {
	/** The table whose scenario the worker runs (its `name`). */
	scenario: string;
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
	/** trigger: the event polled. */
	event?: string;
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each table reads the figures of its own scenario
type Figures = Record<string, any>;

/** A worker's answer: the arguments, what the table's scenario returned, and the worker's peak RSS. */
export interface WorkerOutput {
	result: Figures & { runs: Figures[] };
	maxRssMb: number;
}

/** What run.js hands a table to make its rows. */
export interface TableKit {
	/** Runs this table's scenario in a fresh worker process (`runs`: the run's --runs unless given). */
	run(args: Omit<Partial<Args>, 'scenario'>): WorkerOutput;
	median(values: number[]): number;
	/** A duration: "12 ms", "1.25 s". */
	ms(value: number): string;
	/** A number with thousands separators. */
	count(value: number): string;
	/** '' when `ok`; else ' ⚠' for the row, and the benchmark exits 1 saying `message`. */
	check(ok: boolean, message: string): string;
	RUNS: number;
	/** The sandbox latencies each table is measured at (ms per request). */
	LATENCIES: number[];
	/** Options > Concurrency where a table uses it. */
	CONCURRENCY: number;
}

/**
 * A table of `npm run bench`: one file in tables/ (its default export), listed in tables/index.ts.
 * `scenario` runs in the worker process (the node in the engine, the sandbox in its own process)
 * and returns figures; `table` runs in run.js, calls `kit.run(...)` for each measurement and
 * returns markdown rows (header first).
 */
export interface BenchTable {
	/** What --only names, and the worker's `scenario` argument. */
	name: string;
	/** Printed above the table. */
	title: string | ((kit: TableKit) => string);
	scenario(sandbox: RemoteSandbox, args: Args): Promise<unknown>;
	table(kit: TableKit): string[];
	/** Paragon users the sandbox must know besides the default one (connected, each with a workspace). */
	sandboxUsers?(args: Args): string[];
}
