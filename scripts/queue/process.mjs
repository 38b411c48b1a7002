// A long-running process in its own process group, its output kept line by line and stopped by
// its pid; waiting for it to be ready.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

import { readLogLines, stopProcessGroup } from '../e2e/n8n-app.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A process in its own process group, its output kept line by line (JSON lines parsed, each
 * with `receivedAt`) and appended to `logFile`. `stop()` sends `signal` (to the group unless `group: false`), then
 * SIGKILL to the group after `graceMs`.
 */
export function startProcess({ name, command, args = [], env = process.env, cwd, logFile, uid, gid, onLine }) {
	const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(uid !== undefined ? { uid, gid } : {}) });
	const out = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
	const lines = [];
	let exited = null;
	const exitPromise = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		});
		child.on('error', (error) => {
			exited = { code: null, signal: null, error };
			resolve(exited);
		});
	});
	for (const stream of [child.stdout, child.stderr]) {
		readLogLines(
			stream,
			(parsed) => {
				parsed.receivedAt = Date.now();
				lines.push(parsed);
				onLine?.(parsed);
			},
			out,
		);
	}
	let stopping;
	const proc = {
		name,
		pid: child.pid,
		child,
		lines,
		exited: exitPromise,
		get running() {
			return !exited;
		},
		/** The last `n` lines of output, as text. */
		tail(n = 15) {
			return lines
				.slice(-n)
				.map((line) => (typeof line.message === 'string' ? line.message : JSON.stringify(line)))
				.join('\n');
		},
		stop({ signal = 'SIGTERM', group = true, graceMs = 15_000 } = {}) {
			stopping ||= (async () => {
				await stopProcessGroup(child, exitPromise, () => exited, { signal, group, graceMs });
				await new Promise((resolve) => (out ? out.end(resolve) : resolve()));
				return exited;
			})();
			return stopping;
		},
	};
	return proc;
}

/** Waits until `test()` is true, the process exits (an error with its output), or the timeout. */
export async function waitFor(proc, what, test, { timeoutMs = 120_000, intervalMs = 200 } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!proc.running) throw new Error(`${proc.name} exited (${JSON.stringify(await proc.exited)}) before ${what}:\n${proc.tail()}`);
		if (await test()) return;
		await sleep(intervalMs);
	}
	throw new Error(`${proc.name}: no ${what} after ${timeoutMs / 1000} s:\n${proc.tail()}`);
}

/** Whether a URL answers 2xx. */
export async function answers(url) {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
		await response.arrayBuffer();
		return response.ok;
	} catch {
		return false;
	}
}

/** Runs `fn`; when it throws, stops `proc` (started, but not handed to the caller) first. */
export async function stopOnFailure(proc, fn) {
	try {
		return await fn();
	} catch (error) {
		await proc.stop();
		throw error;
	}
}
