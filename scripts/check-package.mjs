// Checks what `npm pack` would publish, as n8n's community-package rules want it:
// dist/ only, no runtime dependencies, n8n-workflow as the only peer, and the
// "n8n" field naming files that exist in the tarball.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const failures = [];
const check = (ok, message) => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
	if (!ok) failures.push(message);
};

execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root }).toString());
const files = packed.files.map((file) => file.path);

check(files.every((file) => file.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE', 'LICENSE.md', 'CHANGELOG.md', 'index.js'].includes(file)), `the tarball holds dist/ and package metadata only (${files.length} files)`);
check(!files.some((file) => /\.test\.|^test\/|^sandbox\/|^src\//.test(file)), 'no tests, sandbox or sources in the tarball');
check(Object.keys(pkg.dependencies ?? {}).length === 0, 'dependencies is empty');
check(JSON.stringify(Object.keys(pkg.peerDependencies ?? {})) === '["n8n-workflow"]', 'n8n-workflow is the only peer dependency');
check(pkg.keywords?.includes('n8n-community-node-package'), 'keyword n8n-community-node-package');
check(pkg.n8n?.n8nNodesApiVersion === 1 && pkg.n8n?.strict === true, 'n8n.n8nNodesApiVersion 1 and n8n.strict true');
for (const entry of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
	check(files.includes(entry), `n8n field entry ${entry} is in the tarball`);
}
check(pkg.n8n?.nodes?.length === 2 && pkg.n8n?.credentials?.length === 1, 'two nodes (the node and its trigger) and one credential registered');
const nodeFiles = ['SegmentParagon', 'SegmentParagonTrigger'].flatMap((node) => [`dist/nodes/${node}/segment.svg`, `dist/nodes/${node}/segment.dark.svg`, `dist/nodes/${node}/${node}.node.json`]);
for (const icon of [...nodeFiles, 'dist/credentials/paragon.svg', 'dist/credentials/paragon.dark.svg']) {
	check(files.includes(icon), `${icon} is in the tarball`);
}
check(!pkg.scripts?.prepare && !pkg.scripts?.postinstall && !pkg.scripts?.preinstall && !pkg.overrides, 'no install lifecycle scripts, no overrides');
check(Boolean(pkg.author?.email && pkg.homepage && pkg.repository?.url && pkg.license === 'MIT'), 'author with email, homepage, repository, MIT license');

// The node class must be named after its file, or n8n cannot install the package.
const { SegmentParagon } = await import(path.join(root, 'dist/nodes/SegmentParagon/SegmentParagon.node.js'));
const description = new SegmentParagon().description;
check(description.name === 'segmentParagon' && description.usableAsTool === true, 'node segmentParagon loads from dist and is usable as a tool');
const { SegmentParagonTrigger } = await import(path.join(root, 'dist/nodes/SegmentParagonTrigger/SegmentParagonTrigger.node.js'));
const trigger = new SegmentParagonTrigger();
check(trigger.description.name === 'segmentParagonTrigger' && trigger.description.polling === true && typeof trigger.poll === 'function', 'trigger segmentParagonTrigger loads from dist and polls');

console.log(failures.length ? `${failures.length} package check(s) failed` : 'package checks passed');
process.exit(failures.length ? 1 : 0);
