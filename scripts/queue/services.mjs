// Long-running processes for a queue-mode run of the real n8n: Redis and a throwaway
// PostgreSQL cluster (Debian's packages), n8n workers and webhook processes, each started
// in its own process group and stopped by its pid; memory (RSS) read from /proc.
// Used by `npm run test:queue` (test/queue/run.mjs). `n8n start` itself is started with
// startServer() from scripts/e2e/n8n-app.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { portInUse, readLogLines, stopProcessGroup } from '../e2e/n8n-app.mjs';
import { n8nEntry, nodeBinary } from '../n8n-runtime.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function onPath(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Installs Debian's redis-server unless `redis-server` is on PATH: `apt-get install
 * --no-upgrade` (nothing already installed is upgraded), with one `apt-get update` first only
 * when the install fails without it. Returns what it did.
 */
export function ensureRedis({ log = () => {} } = {}) {
	if (onPath('redis-server')) return 'present';
	if (!isRoot()) throw new Error('redis-server is not installed and this is not root: install Debian\'s redis-server (apt-get install --no-upgrade redis-server) first');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => spawnSync('apt-get', ['install', '-y', '--no-upgrade', '--no-install-recommends', 'redis-server'], { env, encoding: 'utf8' });
	log('redis-server missing: apt-get install -y --no-upgrade --no-install-recommends redis-server');
	let result = install();
	if (result.status !== 0) {
		log('apt-get install failed; apt-get update once, then again');
		const update = spawnSync('apt-get', ['update'], { env, encoding: 'utf8' });
		if (update.status !== 0) throw new Error(`apt-get update failed (exit ${update.status}): ${update.stderr.slice(-500)}`);
		result = install();
	}
	if (result.status !== 0 || !onPath('redis-server')) throw new Error(`apt-get install redis-server failed (exit ${result.status}): ${result.stderr.slice(-500)}`);
	return 'installed';
}

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql (Debian's layout). */
export function postgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres'))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	if (!versions.length) throw new Error(`no PostgreSQL server under ${root} (Debian's postgresql package)`);
	return path.join(root, versions[0], 'bin');
}

/** The uid/gid of the `postgres` account when running as root (initdb and postgres refuse root). */
function postgresAccount() {
	if (!isRoot()) return {};
	const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
	if (uid.status !== 0 || gid.status !== 0) throw new Error('running as root, but there is no "postgres" account to run PostgreSQL as');
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

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

/** `redis-server` on 127.0.0.1:port, nothing persisted; resolves once it accepts connections. */
export async function startRedis({ port, dir, logFile }) {
	const proc = startProcess({
		name: 'redis',
		command: 'redis-server',
		args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'],
		logFile,
	});
	await stopOnFailure(proc, () => waitFor(proc, `connections on port ${port}`, () => portInUse(port), { timeoutMs: 20_000 }));
	return proc;
}

/** Runs `fn`; when it throws, stops `proc` (started, but not handed to the caller) first. */
async function stopOnFailure(proc, fn) {
	try {
		return await fn();
	} catch (error) {
		await proc.stop();
		throw error;
	}
}

/**
 * A throwaway PostgreSQL cluster in `dir` (owned by the postgres account when running as
 * root), listening on 127.0.0.1:port, with a database and user for n8n. Durability is off
 * (fsync, synchronous_commit): the cluster lives for one test run. Returns the server process
 * with `connection` ({host, port, database, user, password}) and `query(sql)` (psql, rows as
 * arrays of text).
 */
export async function startPostgres({ port, dir, database = 'n8n', user = 'n8n', password = 'n8n-queue-test' }) {
	const bin = postgresBin();
	const account = postgresAccount();
	const data = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	fs.mkdirSync(socketDir, { recursive: true });
	if (account.uid !== undefined) for (const folder of [dir, socketDir]) fs.chownSync(folder, account.uid, account.gid);
	const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { encoding: 'utf8', cwd: dir, ...account });
	if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}): ${(init.stderr || init.stdout).slice(-800)}`);
	const proc = startProcess({
		name: 'postgres',
		command: path.join(bin, 'postgres'),
		args: ['-D', data, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
		cwd: dir,
		logFile: path.join(dir, 'postgres.log'),
		...account,
	});
	// SIGINT is PostgreSQL's "fast shutdown" (the postmaster stops its backends).
	const stop = proc.stop;
	proc.stop = (options = {}) => stop({ signal: 'SIGINT', group: false, graceMs: 10_000, ...options });
	const psql = (sql, { as = 'postgres', db = 'postgres' } = {}) =>
		spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', as, '-d', db, '-v', 'ON_ERROR_STOP=1', '-At', '-F', '\t', '-c', sql], { encoding: 'utf8', env: { ...process.env, PGPASSWORD: password } });
	await stopOnFailure(proc, async () => {
		await waitFor(proc, `connections on port ${port}`, async () => (await portInUse(port)) && psql('SELECT 1').status === 0, { timeoutMs: 30_000 });
		for (const sql of [`CREATE USER ${user} PASSWORD '${password}'`, `CREATE DATABASE ${database} OWNER ${user}`]) {
			const result = psql(sql);
			if (result.status !== 0) throw new Error(`psql "${sql}" failed: ${result.stderr}`);
		}
	});
	proc.connection = { host: '127.0.0.1', port, database, user, password };
	proc.query = (sql) => {
		const result = psql(sql, { as: user, db: database });
		if (result.status !== 0) throw new Error(`psql "${sql}" failed: ${result.stderr}`);
		return result.stdout
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('\t'));
	};
	return proc;
}

let unshareWorks;
/** Whether `unshare --uts` works here (needs CAP_SYS_ADMIN): each worker then gets its own host name. */
export function canSetHostname() {
	if (unshareWorks === undefined) unshareWorks = isRoot() && spawnSync('unshare', ['--uts', 'sh', '-c', 'hostname queue-probe'], { encoding: 'utf8' }).status === 0;
	return unshareWorks;
}

/**
 * `n8n <command> <args>` (a worker, a webhook process) in its own process group; with
 * `hostname`, inside a new UTS namespace with that host name, so workers on one machine do
 * not share n8n's host id. The pid is n8n's own (unshare and sh exec into it).
 */
export function startN8nProcess({ name, command, args = [], env, hostname, logFile }) {
	const n8n = [nodeBinary, n8nEntry, command, ...args];
	const withHostname = hostname && canSetHostname();
	return startProcess({
		name,
		command: withHostname ? 'unshare' : n8n[0],
		args: withHostname ? ['--uts', 'sh', '-c', 'hostname "$1" && shift && exec "$@"', 'sh', hostname, ...n8n] : n8n.slice(1),
		env,
		logFile,
	});
}

// ---------------------------------------------------------------- memory

/** VmRSS of a pid in KiB (undefined when it is gone). */
export function rssKb(pid) {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return undefined;
	}
}

/** Every live descendant of `pid` (children, their children, ...). */
export function descendants(pid) {
	const children = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(entry));
		} catch {}
	}
	const found = [];
	const queue = [...(children.get(pid) ?? [])];
	while (queue.length) {
		const next = queue.shift();
		found.push(next);
		queue.push(...(children.get(next) ?? []));
	}
	return found;
}

/** RSS of a process alone and with its descendants (n8n's task runners), in KiB. */
export function memoryOf(pid) {
	const own = rssKb(pid);
	if (own === undefined) return undefined;
	const kids = descendants(pid).map(rssKb).filter((kb) => kb !== undefined);
	return { ownKb: own, treeKb: own + kids.reduce((a, b) => a + b, 0), children: kids.length };
}

/** Samples `memoryOf` for named pids every `intervalMs`; `stop()` returns the peaks (each figure's own maximum) and the last sample. */
export function sampleMemory(pids, { intervalMs = 500 } = {}) {
	const peak = {};
	const last = {};
	const take = () => {
		for (const [name, pid] of Object.entries(pids)) {
			const memory = memoryOf(pid);
			if (!memory) continue;
			last[name] = memory;
			const before = peak[name] ?? { ownKb: 0, treeKb: 0, children: 0 };
			peak[name] = { ownKb: Math.max(before.ownKb, memory.ownKb), treeKb: Math.max(before.treeKb, memory.treeKb), children: Math.max(before.children, memory.children) };
		}
	};
	take();
	const timer = setInterval(take, intervalMs);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			take();
			return { peak, last };
		},
	};
}
