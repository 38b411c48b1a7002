'use strict';
// `npm run sandbox`: starts on the port asked for, prints what the credential needs,
// makes the signing key once and reuses it, and stops cleanly on SIGTERM.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { signJwt, claimsFor, PARAGON } = require('./helpers');
const { parseArgs, DEFAULT_PORT } = require('../../sandbox/cli');

const CLI = path.resolve(__dirname, '../../sandbox/cli.js');
let keyDir;
beforeAll(() => {
	keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-cli-'));
});
afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }));

function startCli(args, env = {}) {
	const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, SANDBOX_KEY_DIR: keyDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	const ready = new Promise((resolve, reject) => {
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (stdout.includes('Press Ctrl-C to stop.')) resolve(stdout);
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		child.on('exit', (code) => reject(new Error(`cli exited ${code}: ${stderr}`)));
	});
	// Tests that expect an early exit never wait for ready.
	ready.catch(() => {});
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
	return { child, ready, exited, output: () => stdout };
}

function field(output, label) {
	const line = output.split('\n').find((l) => l.trimStart().startsWith(label));
	return line && line.slice(line.indexOf(label) + label.length).trim();
}

test('prints the credential values; they work; SIGTERM stops it with exit code 0', async () => {
	const cli = startCli(['--port', '0']);
	const output = await cli.ready;
	const url = field(output, 'Proxy Base URL:');
	expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	expect(field(output, 'Project ID:')).toBe('sandbox-project');
	expect(field(output, 'Paragon User Token:')).toBe('sandbox-user-token');
	expect(field(output, 'User ID:')).toBe('sandbox-user');
	const keyPath = field(output, 'Signing Key file:');
	expect(keyPath).toBe(path.join(keyDir, 'signing-key.pem'));
	const oneLine = field(output, 'Signing Key (one line, paste as is):');
	expect(oneLine).toMatch(/^-----BEGIN PRIVATE KEY-----\\n.+\\n-----END PRIVATE KEY-----\\n$/);
	const pem = oneLine.replace(/\\n/g, '\n');
	expect(pem).toBe(fs.readFileSync(keyPath, 'utf8'));
	expect(fs.statSync(keyPath).mode & 0o777).toBe(0o600);

	const info = await (await fetch(`${url}/__sandbox/info`)).json();
	expect(info).toMatchObject({ url, projectId: 'sandbox-project', signingKeyMode: true, seed: true });

	const list = `${url}/projects/sandbox-project/sdk/proxy/segment/warehouses?pagination.count=10`;
	const withStatic = await fetch(list, { headers: { Authorization: 'Bearer sandbox-user-token', 'X-Paragon-Use-Raw-Response': '1' } });
	expect(withStatic.status).toBe(200);
	expect((await withStatic.json()).data.warehouses.map((w) => w.settings.name)).toEqual(['My Data Warehouse', 'BigQuery Warehouse', 'Staging Postgres']);
	const jwt = signJwt(pem, claimsFor('sandbox-project', 'sandbox-user'));
	expect((await fetch(list, { headers: { Authorization: `Bearer ${jwt}` } })).status).toBe(200);
	const otherUser = signJwt(pem, claimsFor('sandbox-project', 'someone'));
	expect(await (await fetch(list, { headers: { Authorization: `Bearer ${otherUser}` } })).json()).toEqual(PARAGON.notEnabled);

	cli.child.kill('SIGTERM');
	const { code } = await cli.exited;
	expect(code).toBe(0);
	expect(cli.output()).toContain('SIGTERM: stopping the sandbox.');
	await expect(fetch(list)).rejects.toThrow();
});

test('the key pair is reused on the next start; SANDBOX_PORT sets the port', async () => {
	const before = fs.readFileSync(path.join(keyDir, 'signing-key.pem'), 'utf8');
	const cli = startCli([], { SANDBOX_PORT: '0' });
	const output = await cli.ready;
	expect(field(output, 'Signing Key (one line, paste as is):').replace(/\\n/g, '\n')).toBe(before);
	expect(field(output, 'Proxy Base URL:')).not.toBe(`http://127.0.0.1:${DEFAULT_PORT}`);
	cli.child.kill('SIGINT');
	expect((await cli.exited).code).toBe(0);
});

test('a bad argument exits with code 2 and says why', async () => {
	const cli = startCli(['--port', 'eighty']);
	const result = await cli.exited;
	expect(result.code).toBe(2);
	expect(result.stderr).toContain('--port must be a port number (0-65535), got "eighty"');
});

test('argument parsing', () => {
	expect(parseArgs([], {})).toMatchObject({ port: 4010 });
	expect(parseArgs(['--port=5000'], {})).toMatchObject({ port: 5000 });
	expect(parseArgs(['--port', '5001'], { SANDBOX_PORT: '6000' })).toMatchObject({ port: 5001 });
	expect(parseArgs([], { SANDBOX_PORT: '6000' })).toMatchObject({ port: 6000 });
	expect(parseArgs(['--key-dir', '/tmp/k'], {})).toMatchObject({ keyDir: '/tmp/k' });
	expect(() => parseArgs(['--verbose'], {})).toThrow(/Unknown argument --verbose/);
	expect(() => parseArgs(['--port', '70000'], {})).toThrow(/port number/);
});

test('startCliSandbox starts the same sandbox in-process', async () => {
	const { startCliSandbox } = require('../../sandbox/cli');
	const { sandbox, keys, banner } = await startCliSandbox({ port: 0, keyDir });
	try {
		expect(banner).toContain(`Proxy Base URL:      ${sandbox.url}`);
		expect(keys.privateKeyPath).toBe(path.join(keyDir, 'signing-key.pem'));
		expect(sandbox.entities('warehouses')).toHaveLength(3);
	} finally {
		await sandbox.close();
	}
});
