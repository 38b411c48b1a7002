#!/usr/bin/env node
// `npm start`: this package inside the real n8n, against the local sandbox, ready to click.
//
//   1. the n8n runtime (Node 24 + n8n 2.41.1, installed once into a shared cache folder)
//   2. build + pack this package, install the tarball into .n8n-local/ as n8n installs a
//      community package (refreshed on every start)
//   3. the sandbox (Paragon's proxy + Segment's API) on 127.0.0.1:4010
//   4. the credentials "Segment sandbox" (user token) and "Segment sandbox (signing key)",
//      and every workflow of examples/
//   5. `n8n start` on http://127.0.0.1:5678, the owner account, the login line
// Ctrl-C stops n8n (and its task runner) and the sandbox.
//
// Options: --no-sandbox (or SEGMENT_SANDBOX=0), --reimport, --verbose, --help.
// Environment: N8N_PORT (5678), SANDBOX_PORT (4010), N8N_OWNER_EMAIL, N8N_OWNER_PASSWORD,
// N8N_RUNTIME_DIR (where the runtime is cached); other N8N_* variables reach n8n as they are.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ensureRuntime, N8N_VERSION, runtimeDir, runtimeReady } from './n8n-runtime.mjs';
import {
	buildAndPack,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	killRunningCommands,
	n8nEnv,
	newEncryptionKey,
	portInUse,
	readExamples,
	repoRoot,
	sandboxCredentials,
	SANDBOX_CREDENTIAL,
	SANDBOX_SIGNING_CREDENTIAL,
	setupOwner,
	startServer,
} from './e2e/n8n-app.mjs';

const require = createRequire(import.meta.url);

const HELP = `Usage: npm start [-- --no-sandbox] [-- --reimport] [-- --verbose]

Builds this package, installs it into a local n8n (${N8N_VERSION}) in .n8n-local/, starts the
sandbox on 127.0.0.1:4010 and n8n on http://127.0.0.1:5678, with the credentials
"Segment sandbox" / "Segment sandbox (signing key)" and the workflows of examples/.

  --no-sandbox   no sandbox and no sandbox credentials (also SEGMENT_SANDBOX=0): create your
                 own "Paragon Proxy API" credential in n8n
  --reimport     import the example workflows again even if unchanged (replaces your edits)
  --verbose      show all of n8n's log lines (default: errors only; all go to .n8n-local/n8n.log)

Environment: N8N_PORT (default 5678), SANDBOX_PORT (default 4010), N8N_OWNER_EMAIL,
N8N_OWNER_PASSWORD (the owner account created on the first start), N8N_RUNTIME_DIR.`;

const DEFAULT_OWNER = { email: 'admin@example.com', password: 'Segment-Sandbox-2024!' };
const localDir = path.join(repoRoot, '.n8n-local');

function say(message = '') {
	process.stdout.write(`${message}\n`);
}

function step(message) {
	say(`\n==> ${message}`);
}

function parseArgs(argv) {
	const args = { sandbox: !['0', 'false', 'no', 'off'].includes(String(process.env.SEGMENT_SANDBOX ?? '').toLowerCase()), reimport: false, verbose: false };
	for (const arg of argv) {
		if (arg === '--no-sandbox') args.sandbox = false;
		else if (arg === '--reimport') args.reimport = true;
		else if (arg === '--verbose') args.verbose = true;
		else if (arg === '--help' || arg === '-h') args.help = true;
		else throw new Error(`Unknown argument ${arg} (try --help)`);
	}
	return args;
}

function portFrom(name, fallback) {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) throw new Error(`${name} must be a port number (1-65535), got "${value}"`);
	return Number(value);
}

/** The user folder's encryption key, kept in .n8n-local/encryption-key (n8n's own config wins if it exists). */
function encryptionKey() {
	const keyFile = path.join(localDir, 'encryption-key');
	const configFile = path.join(localDir, '.n8n', 'config');
	if (fs.existsSync(keyFile)) return fs.readFileSync(keyFile, 'utf8').trim();
	let key;
	if (fs.existsSync(configFile)) {
		try {
			key = JSON.parse(fs.readFileSync(configFile, 'utf8')).encryptionKey;
		} catch {}
	}
	key ||= newEncryptionKey();
	fs.writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
	return key;
}

function readJson(file, fallback) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return fallback;
	}
}

const sha = (value) => crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');

let sandbox;
let n8n;
let stopping = false;

async function stop(reason, code = 0) {
	if (stopping) return;
	stopping = true;
	killRunningCommands();
	if (n8n || sandbox) say(`\n${reason}: stopping ${[n8n && 'n8n', sandbox && 'the sandbox'].filter(Boolean).join(' and ')}...`);
	if (n8n) await n8n.stop();
	if (sandbox) await sandbox.close();
	if (n8n || sandbox) say('Stopped.');
	process.exit(code);
}

async function main() {
	process.on('SIGINT', () => stop('Ctrl-C'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGHUP', () => stop('SIGHUP'));

	let args;
	let n8nPort;
	let sandboxPort;
	try {
		args = parseArgs(process.argv.slice(2));
		n8nPort = portFrom('N8N_PORT', 5678);
		sandboxPort = portFrom('SANDBOX_PORT', 4010);
	} catch (error) {
		console.error(error.message);
		process.exit(2);
	}
	if (args.help) return say(HELP);
	const owner = { email: process.env.N8N_OWNER_EMAIL || DEFAULT_OWNER.email, password: process.env.N8N_OWNER_PASSWORD || DEFAULT_OWNER.password };

	if (await portInUse(n8nPort)) throw new Error(`Port ${n8nPort} is in use (another n8n?). Stop it, or set N8N_PORT to another port.`);
	if (args.sandbox && (await portInUse(sandboxPort))) {
		throw new Error(`Port ${sandboxPort} is in use (a sandbox from \`npm run sandbox\`?). Stop it, set SANDBOX_PORT, or run \`npm start -- --no-sandbox\`.`);
	}

	step(`n8n runtime: Node 24 + n8n ${N8N_VERSION} in ${runtimeDir}`);
	const runtimeStarted = Date.now();
	if (!runtimeReady()) say('Not installed yet: installing it once (about 4-8 minutes and 3 GB; every later start reuses it).');
	ensureRuntime();
	say(`Runtime ready (${((Date.now() - runtimeStarted) / 1000).toFixed(1)} s).`);

	step('Building and packing the package, installing it into .n8n-local/ as a community package');
	fs.mkdirSync(localDir, { recursive: true });
	const tarball = buildAndPack(path.join(localDir, 'package'));
	const installed = installPackage(tarball, localDir);
	fs.rmSync(tarball, { force: true });
	say(`Installed ${path.relative(repoRoot, installed)}`);

	const key = encryptionKey();
	const brokerPort = process.env.N8N_RUNNERS_BROKER_PORT ? Number(process.env.N8N_RUNNERS_BROKER_PORT) : (await portInUse(n8nPort + 1)) ? await freePort() : n8nPort + 1;
	const baseUrl = `http://127.0.0.1:${n8nPort}`;
	const env = n8nEnv({
		userFolder: localDir,
		encryptionKey: key,
		brokerPort,
		inherit: true,
		extra: { N8N_WEBHOOK_URL: `${baseUrl}/`, N8N_EDITOR_BASE_URL: baseUrl, N8N_HOST: '127.0.0.1' },
	});

	const state = readJson(path.join(localDir, 'imported.json'), {});
	if (args.sandbox) {
		step(`Starting the sandbox on 127.0.0.1:${sandboxPort}`);
		const { startCliSandbox } = require('../sandbox/cli');
		const started = await startCliSandbox({ port: sandboxPort });
		sandbox = started.sandbox;
		say(`Sandbox: ${sandbox.url} (demo data; signing key in ${path.relative(repoRoot, started.keys.privateKeyPath)}; control: ${sandbox.url}/__sandbox/info)`);
		const credentials = sandboxCredentials({ url: sandbox.url, privateKeyPem: started.keys.privateKeyPem });
		if (state.credentials !== sha(credentials) || args.reimport) {
			step(`Importing the credentials "${SANDBOX_CREDENTIAL.name}" and "${SANDBOX_SIGNING_CREDENTIAL.name}"`);
			await importCredentials(credentials, { env, workDir: localDir });
			state.credentials = sha(credentials);
		}
	}

	const examples = readExamples();
	const changed = examples.filter(({ file, workflow }) => args.reimport || state.workflows?.[file] !== sha(workflow));
	if (changed.length) {
		step(`Importing ${changed.length} example workflow(s): ${changed.map(({ file }) => file).join(', ')}`);
		await importWorkflows(
			changed.map(({ workflow }) => workflow),
			{ env, workDir: localDir },
		);
		state.workflows = { ...state.workflows };
		for (const { file, workflow } of changed) state.workflows[file] = sha(workflow);
	} else if (examples.length) {
		say(`\nExample workflows already imported and unchanged (npm start -- --reimport imports them again).`);
	}
	fs.writeFileSync(path.join(localDir, 'imported.json'), `${JSON.stringify(state, null, 2)}\n`);

	step(`Starting n8n on ${baseUrl}`);
	const startedAt = Date.now();
	const logFile = path.join(localDir, 'n8n.log');
	const logStream = fs.createWriteStream(logFile, { flags: 'a' });
	say(`n8n's log: ${path.relative(repoRoot, logFile)}${args.verbose ? '' : ' (errors are shown here too; --verbose shows everything)'}`);
	n8n = await startServer({
		env,
		port: n8nPort,
		onLine: (line) => {
			const time = line.metadata?.timestamp ?? new Date().toISOString();
			const text = `${time} ${line.level ?? 'info'} ${line.message}`;
			logStream.write(`${text}\n`);
			// Offline machines: n8n's calls home (templates, versions, licenses) fail; not worth a line.
			const noise = /ENOTFOUND|EAI_AGAIN|api\.n8n\.io|license|system task run failed/i.test(line.message);
			if (args.verbose || (line.level === 'error' && !noise)) say(`[n8n] ${line.level ?? ''} ${line.message}`);
		},
	});
	n8n.exited.then(({ code, signal }) => {
		if (!stopping) stop(`n8n exited (${code ?? signal})`, code || 1);
	});

	const ownerFile = path.join(localDir, 'owner.json');
	const setup = await setupOwner(baseUrl, owner);
	let login = owner;
	let ownerNote = '';
	if (setup.created) {
		fs.writeFileSync(ownerFile, `${JSON.stringify(owner, null, 2)}\n`, { mode: 0o600 });
	} else {
		const saved = readJson(ownerFile, undefined);
		if (saved) login = saved;
		if (!saved) ownerNote = ' (the owner account existed already: if this password fails, use the one you set, or delete .n8n-local/ to start over)';
		else if (saved.email !== owner.email || saved.password !== owner.password) ownerNote = ' (the owner account was created on an earlier start; N8N_OWNER_* only apply to a new .n8n-local/)';
	}

	const byName = Object.fromEntries(examples.map(({ workflow }) => [workflow.id, workflow.name]));
	const inventory = byName.SegExNightlyInv01 ?? examples[0]?.workflow.name;
	say('');
	say('='.repeat(78));
	say(`n8n ${N8N_VERSION} with n8n-nodes-segment-paragon is running (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s).`);
	say('');
	say(`n8n login: ${login.email} / ${login.password}${ownerNote}`);
	say('');
	if (!sandbox) {
		say('No sandbox (--no-sandbox): create a "Paragon Proxy API" credential (Overview > Credentials > Create)');
		say('with your Paragon project ID and user token or signing key, and pick it in the Segment nodes.');
		say('');
	}
	say(`Open ${baseUrl}, sign in, then open the workflow`);
	if (inventory) say(`  "${inventory}"`);
	say(`and click "Execute workflow": it lists the ${sandbox ? 'sandbox\'s' : 'workspace\'s'} warehouses, sources and destinations${sandbox ? '' : ' (once the three Segment nodes use your credential)'}.`);
	if (examples.length > 1) {
		say('Other examples (Overview > Workflows):');
		for (const { workflow } of examples) {
			const needsModel = workflow.nodes.some((node) => node.type.startsWith('@n8n/n8n-nodes-langchain.lmChat'));
			if (workflow.name !== inventory) say(`  - ${workflow.name}${needsModel ? ' (needs a chat model credential, e.g. OpenAI)' : ''}`);
		}
	}
	say('');
	if (sandbox) {
		say(`Credentials: "${SANDBOX_CREDENTIAL.name}" (user token) and "${SANDBOX_SIGNING_CREDENTIAL.name}", both for the sandbox at ${sandbox.url}.`);
		say(`Webhook example: curl -X POST ${baseUrl}/webhook-test/segment/new-source -H 'content-type: application/json' \\`);
		say(`  -d '{"name":"Landing Page","slug":"landing_page","platform":"web","categories":["analytics"]}'   (after "Execute workflow" in the editor)`);
	}
	say('Press Ctrl-C to stop.');
	say('='.repeat(78));
}

main().catch((error) => {
	console.error(`\nnpm start failed: ${error.message}`);
	stop('Failed', 1);
});
