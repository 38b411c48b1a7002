// n8n workers and webhook processes (`n8n worker`, `n8n webhook`), each with its own host name
// when the machine allows it.
import { spawnSync } from 'node:child_process';

import { n8nEntry, nodeBinary } from '../n8n-runtime.mjs';
import { isRoot, startProcess } from './process.mjs';

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
