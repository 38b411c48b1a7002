// Lints the package the way n8n's community-package scanner does: the
// TypeScript sources (package.json, nodes/, credentials/) and then the packed
// tarball's compiled .js and package.json, with inline eslint-disable comments
// ignored. Exits 1 on any error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { scanConfig: config } = await import(path.join(root, 'scripts', 'scan-config.mjs'));

async function lint(cwd, patterns, label) {
	const eslint = new ESLint({ cwd, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false });
	const results = await eslint.lintFiles(patterns);
	const formatter = await eslint.loadFormatter('stylish');
	const text = await formatter.format(results);
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	if (text.trim()) process.stdout.write(text + '\n');
	console.log(`lint ${label}: ${results.length} files, ${errors} errors, ${warnings} warnings`);
	return errors;
}

let errors = await lint(root, ['package.json', '{nodes,credentials}/**/*.{ts,json}'], 'sources');

if (!process.argv.includes('--sources-only')) {
	// The scanner also lints what is published: build, pack and lint the tarball.
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'segment-paragon-pack-'));
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root }).toString().trim().split('\n').pop();
	execFileSync('tar', ['-xzf', path.join(packDir, tarball), '-C', packDir]);
	errors += await lint(path.join(packDir, 'package'), ['**/*.js', 'package.json'], 'packed tarball');
	fs.rmSync(packDir, { recursive: true, force: true });
}

process.exit(errors ? 1 : 0);
