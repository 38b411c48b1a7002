// This package as n8n sees it: its type names, packing it and installing the tarball the way n8n
// installs a community package, the example workflows and the sandbox's credentials.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
