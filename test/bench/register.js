'use strict';
// Lets Node load the TypeScript sources (the node, the test helpers, the benchmark) without a
// build: each .ts file is transpiled when required, file by file and without type checking,
// as ts-jest does. Use: node -r ./test/bench/register.js file.ts
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
	module: ts.ModuleKind.CommonJS,
	target: ts.ScriptTarget.ES2022,
	esModuleInterop: true,
	inlineSourceMap: true,
};

function compileTypeScript(module, filename) {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
	module._compile(outputText, filename);
}

// Node tries extensions in the order they were registered: .ts goes first, or an import of
// "SegmentParagon.node" would find the codex file SegmentParagon.node.json.
const others = Object.entries(require.extensions);
for (const [extension] of others) delete require.extensions[extension];
require.extensions['.ts'] = compileTypeScript;
for (const [extension, load] of others) require.extensions[extension] = load;
