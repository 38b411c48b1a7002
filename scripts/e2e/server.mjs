// Long-running n8n: `n8n start` in its own process group (ready once it answers HTTP, stopped by
// its group), its JSON log lines, free ports, and the owner account and login of its REST API.
import { spawn } from 'node:child_process';
import net from 'node:net';

import { n8nEntry, nodeBinary } from '../n8n-runtime.mjs';

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
