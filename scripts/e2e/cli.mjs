// The n8n CLI run to the end: the environment of a user folder, `n8n import:credentials`,
// `import:workflow`, `publish:workflow` and `execute --rawOutput` (with the run it prints).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { n8nEntry, nodeBinary } from '../n8n-runtime.mjs';

/** The environment every n8n command of one user folder runs with. */
export function n8nEnv({ userFolder, encryptionKey, brokerPort, inherit = false, extra = {} }) {
	const env = { ...process.env };
	// Unless asked to (npm start), n8n settings of the caller's shell do not leak into the app.
	if (!inherit) for (const key of Object.keys(env)) if (/^(N8N_|DB_|WEBHOOK_URL$|EXECUTIONS_|GENERIC_TIMEZONE$)/.test(key)) delete env[key];
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_LEVEL: 'info',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		...extra,
	};
}

/** A new random encryption key. */
export function newEncryptionKey() {
	return crypto.randomBytes(24).toString('base64url');
}

function parseLines(text) {
	const lines = [];
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		try {
			lines.push(JSON.parse(line));
		} catch {
			lines.push({ message: line, raw: true });
		}
	}
	return lines;
}

const running = new Set();

/** Kills every n8n CLI command still running (e.g. on Ctrl-C during an import). */
export function killRunningCommands() {
	for (const pid of running) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {}
	}
	running.clear();
}

/** Runs `n8n <args>` to the end (asynchronously: an in-process sandbox keeps answering). */
export function runN8n(args, { env, timeoutMs = 120_000 } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(nodeBinary, [n8nEntry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		running.add(child.pid);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			running.delete(child.pid);
			// The task runner n8n starts for `execute` is in the same process group.
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
			const timedOut = Date.now() - started >= timeoutMs;
			resolve({ code: code ?? (signal === 'SIGSEGV' ? 139 : 128), signal, stdout, stderr, lines: parseLines(stdout), ms: Date.now() - started, timedOut });
		});
	});
}

function failure(what, result) {
	const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
	return new Error(`${what} exited ${result.code}${result.timedOut ? ' (timed out)' : ''}:\n${tail}`);
}

/** `n8n import:credentials --input=<file>` with an array of credentials (plain `data` is encrypted on import). */
export async function importCredentials(credentials, { env, workDir }) {
	const file = path.join(workDir, `credentials-${process.pid}-${Date.now()}.json`);
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	try {
		const result = await runN8n(['import:credentials', `--input=${file}`], { env });
		if (result.code !== 0) throw failure('n8n import:credentials', result);
		return result;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** `n8n import:workflow --input=<file>` with an array of workflows (same id = replaced). */
export async function importWorkflows(workflows, { env, workDir }) {
	const file = path.join(workDir, `workflows-${process.pid}-${Date.now()}.json`);
	fs.writeFileSync(file, JSON.stringify(workflows, null, 2));
	try {
		const result = await runN8n(['import:workflow', `--input=${file}`], { env });
		if (result.code !== 0) throw failure('n8n import:workflow', result);
		return result;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** `n8n publish:workflow --id=<id>` (n8n 2.x: the next `n8n start` activates the published version). */
export async function publishWorkflow(id, { env }) {
	const result = await runN8n(['publish:workflow', `--id=${id}`], { env });
	if (result.code !== 0 || result.lines.some((line) => line.level === 'error')) throw failure(`n8n publish:workflow --id=${id}`, result);
	return result;
}

/**
 * `n8n execute --id=<id> --rawOutput`: `{ code, run, ms, attempts, crashed }` where `run` is the
 * execution (`{ data: { resultData: { runData, error? } }, ... }`), from the log line whose
 * message is the JSON document. A failed run exits 1 and prints the run too. n8n rarely exits 139
 * on its way out: after printing the run, that run is the result (`crashed: true`, `code` from
 * the run: 1 when it holds an error); without one the command is run once more.
 * `beforeAttempt()` is called before each attempt (e.g. to reset a sandbox).
 */
export async function executeWorkflow(id, { env, retries = 1, beforeAttempt }) {
	let result;
	for (let attempt = 1; attempt <= retries + 1; attempt++) {
		if (beforeAttempt) await beforeAttempt();
		result = await runN8n(['execute', `--id=${id}`, '--rawOutput'], { env });
		const run = findRun(result.lines);
		if (run && result.code === 139) return { code: run.data.resultData.error ? 1 : 0, run, ms: result.ms, attempts: attempt, crashed: true, lines: result.lines };
		if (run) return { code: result.code, run, ms: result.ms, attempts: attempt, crashed: false, lines: result.lines };
		if (result.code !== 139) break;
	}
	throw failure(`n8n execute --id=${id} printed no run;`, result);
}

function findRun(lines) {
	for (let i = lines.length - 1; i >= 0; i--) {
		const message = lines[i].message;
		if (typeof message !== 'string' || !message.trimStart().startsWith('{')) continue;
		try {
			const parsed = JSON.parse(message);
			if (parsed && parsed.data && parsed.data.resultData) return parsed;
		} catch {}
	}
	return undefined;
}

/** The items a node put out in a run: `[{json, pairedItem}, ...]` of its first run and output. */
export function nodeItems(run, nodeName, { output = 0, runIndex = 0 } = {}) {
	const task = run.data.resultData.runData[nodeName]?.[runIndex];
	if (!task) return undefined;
	return task.data?.main?.[output] ?? [];
}
