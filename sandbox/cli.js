#!/usr/bin/env node
'use strict';
// `npm run sandbox`: the sandbox with demo data and signing-key mode, and what to paste
// into the "Paragon Proxy API" credential. startCliSandbox() does the same for other scripts.
const { startSandbox } = require('./index');
const { loadOrCreateKeyPair, oneLinePem, DEFAULT_KEY_DIR } = require('./keys');
const { DEMO } = require('./demo-users');

const DEFAULT_PORT = 4010;
const USER_TOKEN = 'sandbox-user-token';
const USER_ID = 'sandbox-user';

function parsePort(value, from) {
	if (!/^\d+$/.test(String(value)) || Number(value) > 65535) throw new Error(`${from} must be a port number (0-65535), got "${value}"`);
	return Number(value);
}

function parseArgs(argv, env = process.env) {
	const args = { port: env.SANDBOX_PORT !== undefined && env.SANDBOX_PORT !== '' ? parsePort(env.SANDBOX_PORT, 'SANDBOX_PORT') : DEFAULT_PORT };
	args.keyDir = env.SANDBOX_KEY_DIR || DEFAULT_KEY_DIR;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (flag === '--port') args.port = parsePort(value(), '--port');
		else if (flag === '--key-dir') args.keyDir = value();
		else if (flag === '--help' || flag === '-h') args.help = true;
		else throw new Error(`Unknown argument ${argv[i]} (try --help)`);
	}
	return args;
}

async function startCliSandbox({ port = DEFAULT_PORT, host = '127.0.0.1', keyDir = DEFAULT_KEY_DIR, ...options } = {}) {
	const keys = loadOrCreateKeyPair(keyDir);
	const settings = { host, port, seed: true, ...DEMO, publicKey: keys.publicKeyPem, ...options };
	const sandbox = await startSandbox(settings);
	return { sandbox, keys, banner: banner(sandbox, keys, settings.tokens) };
}

// One line per connected user: its static tokens and its other Segment accounts (credential ids).
function userLines(users, tokens) {
	const width = Math.max(...users.map((user) => user.id.length));
	return users.map((user) => {
		const own = Object.keys(tokens).filter((token) => tokens[token] === user.id);
		const extra = user.credentials.filter((credential) => !credential.default).map((credential) => credential.id);
		const accounts = extra.length ? `; another Segment account: Paragon Credential ID ${extra.join(', ')}` : '';
		return `  ${user.id.padEnd(width)}  User Token ${own.join(', ') || '(none: signing key only)'}${accounts}`;
	});
}

function banner(sandbox, keys, tokens = DEMO.tokens) {
	return [
		'Segment sandbox (Paragon proxy in front of Segment\'s Public API) is running.',
		'',
		'Credential "Paragon Proxy API":',
		`  Proxy Base URL:      ${sandbox.url}`,
		`  Project ID:          ${sandbox.projectId}`,
		'  Segment Region:      us or eu (separate demo workspaces)',
		'',
		'Token Source "User Token":',
		`  Paragon User Token:  ${USER_TOKEN}`,
		'',
		'Token Source "Signing Key":',
		`  Signing Key file:    ${keys.privateKeyPath}`,
		`  Signing Key (one line, paste as is): ${oneLinePem(keys.privateKeyPem)}`,
		`  User ID:             ${USER_ID}`,
		'',
		'Connected users, each with their own us and eu workspaces (a signing key acts for any of them:',
		'Options > Paragon User ID; a second account: Options > Paragon Credential ID):',
		...userLines(sandbox.users(), tokens),
		'',
		`Control endpoints:     ${sandbox.url}/__sandbox/info (requests, faults, reset, bulk)`,
		'Press Ctrl-C to stop.',
	].join('\n');
}

const HELP = `Usage: npm run sandbox -- [--port N] [--key-dir DIR]
  --port N       port to listen on (default ${DEFAULT_PORT}, or SANDBOX_PORT; 0 = any free port)
  --key-dir DIR  where the signing key pair is kept (default .sandbox/, or SANDBOX_KEY_DIR)`;

async function main(argv) {
	let args;
	try {
		args = parseArgs(argv);
	} catch (error) {
		console.error(error.message);
		process.exitCode = 2;
		return;
	}
	if (args.help) return console.log(HELP);
	let started;
	try {
		started = await startCliSandbox({ port: args.port, keyDir: args.keyDir });
	} catch (error) {
		console.error(`Could not start the sandbox: ${error.message}`);
		process.exitCode = 1;
		return;
	}
	// Handlers first: whoever reads the banner may signal at once.
	let stopping = false;
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox.`);
		started.sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	console.log(started.banner);
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { startCliSandbox, parseArgs, banner, DEFAULT_PORT, USER_TOKEN, USER_ID };
