// Driving the real n8n application (Node 24 + n8n 2.41.1 from scripts/n8n-runtime.mjs) from
// a script: pack and install this package the way n8n installs a community package, run the
// n8n CLI (import, publish, execute), start `n8n start`, create the owner account.
// Shared by `npm start` (scripts/start.mjs) and `npm run test:e2e` (test/e2e/run.mjs).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { n8nEntry, nodeBinary } from '../n8n-runtime.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
export const packageName = packageJson.name;
/** The node's type name inside n8n: `<package name>.<node name>`. */
export const NODE_TYPE = `${packageName}.segmentParagon`;
export const TOOL_NODE_TYPE = `${packageName}.segmentParagonTool`;
export const CREDENTIAL_TYPE = 'paragonProxyApi';

/** `npm run build`, then `npm pack` into `outDir`; returns the tarball's path. */
export function buildAndPack(outDir, { build = true, quiet = false } = {}) {
	const stdio = quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'];
	if (build) {
		const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio });
		if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})${quiet ? `\n${result.stdout}${result.stderr}` : ''}`);
	}
	fs.mkdirSync(outDir, { recursive: true });
	const result = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: repoRoot, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`npm pack failed (exit ${result.status}): ${result.stderr}`);
	const [{ filename }] = JSON.parse(result.stdout);
	return path.join(outDir, filename);
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` as n8n 2.41 does for a community
 * package (CommunityPackagesService.downloadPackage): extract into node_modules/<name>, drop
 * dev/peer/optional dependencies from its package.json, record it in nodes/package.json.
 * Any earlier copy is removed first, so every call refreshes it. The package has no runtime
 * dependencies, so n8n's `npm install` inside the package folder would install nothing.
 */
export function installPackage(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', packageName);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	const tar = spawnSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	if (manifest.dependencies && Object.keys(manifest.dependencies).length) {
		throw new Error(`${packageName} has runtime dependencies (${Object.keys(manifest.dependencies).join(', ')}): n8n refuses them in community packages`);
	}
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	const listPath = path.join(nodesDir, 'package.json');
	const list = fs.existsSync(listPath) ? JSON.parse(fs.readFileSync(listPath, 'utf8')) : { name: 'installed-nodes', private: true, dependencies: {} };
	list.dependencies = { ...list.dependencies, [packageName]: manifest.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2));
	return packageDir;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

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

/**
 * Stops a child started with `detached: true` (its own process group): `signal` to the group (or
 * to the child alone), SIGKILL to the group after `graceMs`, and whatever is left in the group
 * (a task runner, a postgres backend) once the child has exited. Resolves with the child's exit.
 */
export async function stopProcessGroup(child, exitPromise, exitedNow, { signal = 'SIGTERM', group = true, graceMs = 20_000 } = {}) {
	const kill = (pid, sig) => {
		try {
			process.kill(pid, sig);
		} catch {
			// already gone
		}
	};
	if (!exitedNow()) {
		kill(group ? -child.pid : child.pid, signal);
		const timer = setTimeout(() => kill(-child.pid, 'SIGKILL'), graceMs);
		await exitPromise;
		clearTimeout(timer);
	}
	kill(-child.pid, 'SIGKILL');
	return await exitPromise;
}

/**
 * Calls `onLine` with each line of `stream`: a JSON object as parsed (n8n's N8N_LOG_FORMAT=json),
 * anything else as `{message, raw: true}`. `tee` gets the raw chunks (a log file).
 */
export function readLogLines(stream, onLine, tee) {
	let buffer = '';
	stream.on('data', (chunk) => {
		tee?.write(chunk);
		buffer += chunk;
		let index;
		while ((index = buffer.indexOf('\n')) >= 0) {
			const line = buffer.slice(0, index);
			buffer = buffer.slice(index + 1);
			if (!line.trim()) continue;
			let parsed;
			try {
				parsed = JSON.parse(line);
			} catch {
				parsed = undefined;
			}
			onLine(parsed && typeof parsed === 'object' ? parsed : { message: line, raw: true });
		}
	});
}

/**
 * Starts `n8n start` in its own process group; resolves once it answers HTTP.
 * `stop()` sends SIGTERM to the group (n8n and its task runner), SIGKILL after `graceMs`.
 */
export async function startServer({ env, port, onLine, readyTimeoutMs = 120_000 }) {
	const child = spawn(nodeBinary, [n8nEntry, 'start'], { env: { ...env, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const logs = [];
	let exited = null;
	const exitPromise = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		}),
	);
	for (const stream of [child.stdout, child.stderr]) {
		readLogLines(stream, (parsed) => {
			logs.push(parsed);
			if (onLine) onLine(parsed);
		});
	}

	const baseUrl = `http://127.0.0.1:${port}`;
	let stopping;
	const server = {
		child,
		baseUrl,
		logs,
		exited: exitPromise,
		stop(graceMs = 20_000) {
			stopping ||= stopProcessGroup(child, exitPromise, () => exited, { graceMs });
			return stopping;
		},
	};
	const deadline = Date.now() + readyTimeoutMs;
	while (Date.now() < deadline) {
		if (exited) {
			const tail = logs.slice(-15).map((line) => line.message).join('\n');
			throw new Error(`n8n start exited (${exited.code ?? exited.signal}) before it was ready:\n${tail}`);
		}
		try {
			const response = await fetch(`${baseUrl}/healthz/readiness`);
			if (response.ok) return server;
		} catch {}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await server.stop();
	throw new Error(`n8n start was not ready on ${baseUrl} after ${readyTimeoutMs / 1000} s`);
}

function cookieOf(response) {
	const cookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
	return cookies.map((cookie) => cookie.split(';')[0]).join('; ');
}

/**
 * Creates the owner account of a fresh instance (`POST /rest/owner/setup`). Returns
 * `{ created: true, cookie }`, or `{ created: false }` when the instance has an owner already.
 */
export async function setupOwner(baseUrl, { email, password, firstName = 'Sandbox', lastName = 'Owner' }) {
	// The public settings say whether the instance still waits for its owner (no error logged then).
	try {
		const settings = await (await fetch(`${baseUrl}/rest/settings`)).json();
		if (settings?.data?.userManagement?.showSetupOnFirstLoad === false) return { created: false };
	} catch {}
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password, firstName, lastName }),
	});
	const text = await response.text();
	if (response.ok) return { created: true, cookie: cookieOf(response) };
	if (response.status === 400 && /already/i.test(text)) return { created: false };
	throw new Error(`POST /rest/owner/setup answered ${response.status}: ${text.slice(0, 300)}`);
}

/** `POST /rest/login`; returns the session cookie. */
export async function login(baseUrl, { email, password }) {
	const response = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (!response.ok) throw new Error(`POST /rest/login answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
	return cookieOf(response);
}

/** Reads every example workflow (`examples/*.json`), sorted by file name. */
export function readExamples(dir = path.join(repoRoot, 'examples')) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, path: path.join(dir, file), workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

export function tempDir(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The credentials every example workflow refers to (fixed ids: importing twice replaces them). */
export const SANDBOX_CREDENTIAL = { id: 'SegmentSandboxUT', name: 'Segment sandbox' };
export const SANDBOX_SIGNING_CREDENTIAL = { id: 'SegmentSandboxSK', name: 'Segment sandbox (signing key)' };
export const SANDBOX_PROJECT_ID = 'sandbox-project';
export const SANDBOX_USER_TOKEN = 'sandbox-user-token';
export const SANDBOX_USER_ID = 'sandbox-user';

/** The two "Paragon Proxy API" credentials of a sandbox: user-token mode and signing-key mode. */
export function sandboxCredentials({ url, privateKeyPem, projectId = SANDBOX_PROJECT_ID, userToken = SANDBOX_USER_TOKEN, userId = SANDBOX_USER_ID }) {
	const common = { projectId, proxyBaseUrl: url, region: 'us' };
	return [
		{ ...SANDBOX_CREDENTIAL, type: CREDENTIAL_TYPE, data: { ...common, tokenSource: 'userToken', userToken } },
		{ ...SANDBOX_SIGNING_CREDENTIAL, type: CREDENTIAL_TYPE, data: { ...common, tokenSource: 'signingKey', signingKey: privateKeyPem, userId, tokenTtl: 3600 } },
	];
}
