// A throwaway PostgreSQL cluster (Debian's postgresql) for a queue-mode run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { portInUse } from '../e2e/n8n-app.mjs';
import { isRoot, startProcess, stopOnFailure, waitFor } from './process.mjs';

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

