// Redis for a queue-mode run: Debian's redis-server (installed when missing), on a free port.
import { spawnSync } from 'node:child_process';

import { portInUse } from '../e2e/n8n-app.mjs';
import { isRoot, startProcess, stopOnFailure, waitFor } from './process.mjs';

function onPath(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

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

