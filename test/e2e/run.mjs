#!/usr/bin/env node
// `npm run test:e2e`: this package inside the real n8n (2.41.1 on Node 24), against the sandbox.
//
// Packs the package and installs it into a fresh n8n user folder as n8n installs a community
// package, starts the sandbox in this process, imports the credentials, the example workflows and
// the test workflows, then runs the case groups of cases/ (cases/index.mjs lists them and describes
// a group): the ones that run workflows with `n8n execute` and check the items that come out and
// the requests the sandbox saw, then, through one shared `n8n start`, the ones that need the server
// (the published webhook example's production URL, the owner account, the editor's node types).
//
// Prints PASS/FAIL per case and "N passed, N failed"; exits 1 on any failure.
// Options: --only=<group>[,<group>...] runs some groups (E2E_ONLY=<group>,... likewise).
// Environment: N8N_RUNTIME_DIR (runtime cache), E2E_KEEP=1 keeps the temporary user folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ensureRuntime, N8N_VERSION, runtimeDir, runtimeReady } from '../../scripts/n8n-runtime.mjs';
import {
	buildAndPack,
	executeWorkflow,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	killRunningCommands,
	n8nEnv,
	newEncryptionKey,
	publishWorkflow,
	readExamples,
	sandboxCredentials,
	setupOwner,
	startServer,
	tempDir,
} from '../../scripts/e2e/n8n-app.mjs';
import { createCases, log, seconds, short } from '../../scripts/e2e/cases.mjs';
import { GROUPS } from './cases/index.mjs';
import { startFakeOpenAi } from './fake-openai.mjs';
import { ANSWER_LATENCY_MS } from './support.mjs';
import { FAKE_MODEL_CREDENTIAL, LONELY_TOKEN, LONELY_USER } from './workflows.mjs';

const require = createRequire(import.meta.url);
const { startCliSandbox } = require('../../sandbox/cli');
const { DEMO } = require('../../sandbox/demo-users');

const OWNER_CASE = 'n8n start: owner account created with POST /rest/owner/setup';

const started = Date.now();
const { results, check, failAll, summary } = createCases();

/** The groups --only (or E2E_ONLY) names, in the order of cases/index.mjs; all without either. */
function selectedGroups(argv, env) {
	const flag = argv.find((arg) => arg.startsWith('--only='));
	const value = flag ? flag.slice('--only='.length) : env.E2E_ONLY;
	if (!value) return GROUPS;
	const names = value.split(',').map((name) => name.trim()).filter(Boolean);
	const unknown = names.filter((name) => !GROUPS.some((group) => group.name === name));
	if (unknown.length || !names.length) {
		throw new Error(`--only / E2E_ONLY takes some of ${GROUPS.map((group) => group.name).join(', ')}; got "${value}"`);
	}
	return GROUPS.filter((group) => names.includes(group.name));
}

/** Runs a group; a group that throws outside its cases is one failure, and the run goes on. */
async function runGroup(group, ctx) {
	try {
		await group.run(ctx);
	} catch (error) {
		results.push({ name: `group ${group.name}`, ok: false });
		log(`FAIL  group ${group.name} aborted: ${short(error)}`);
	}
}

/** Publishes what the server groups ask for, starts `n8n start`, creates the owner; runs the groups. */
// `onStarted` hands the server to the run's cleanup as soon as it is up.
async function runServerGroups(groups, ctx, onStarted) {
	const caseCtx = { ...ctx, server: null };
	let publishMs;
	let n8nServer;
	let t = Date.now();
	try {
		for (const id of groups.flatMap((group) => group.publish?.(ctx) ?? [])) await publishWorkflow(id, { env: ctx.env });
		publishMs = Date.now() - t;
		t = Date.now();
		n8nServer = await startServer({ env: ctx.env, port: await freePort() });
		onStarted(n8nServer);
	} catch (error) {
		failAll([OWNER_CASE], error);
		const notRun = async (name) => failAll([name], error);
		for (const group of groups) await runGroup(group, { ...caseCtx, check: notRun });
		return;
	}
	const startMs = Date.now() - t;
	const server = { baseUrl: n8nServer.baseUrl, cookie: undefined };
	await check(OWNER_CASE, async () => {
		const setup = await setupOwner(server.baseUrl, { email: 'e2e@example.com', password: 'E2e-Owner-Passw0rd!' });
		assert.equal(setup.created, true);
		assert.match(setup.cookie, /n8n-auth=/);
		server.cookie = setup.cookie;
		return `publish:workflow ${seconds(publishMs)}, n8n start ready in ${seconds(startMs)}`;
	});
	for (const group of groups) await runGroup(group, { ...caseCtx, server });
}

async function main() {
	let groups;
	try {
		groups = selectedGroups(process.argv.slice(2), process.env);
	} catch (error) {
		log(error.message);
		process.exitCode = 2;
		return;
	}
	log(`End-to-end: ${process.env.npm_package_name || 'n8n-nodes-segment-paragon'} in n8n ${N8N_VERSION} (runtime ${runtimeDir})${groups === GROUPS ? '' : `; groups ${groups.map((group) => group.name).join(', ')}`}`);
	const runtimeStarted = Date.now();
	const cold = !runtimeReady();
	if (cold) log('The n8n runtime is not installed yet: installing it (first run only, several minutes).');
	ensureRuntime();
	log(`runtime ${cold ? 'installed' : 'ready'} in ${seconds(Date.now() - runtimeStarted)}`);

	const workDir = tempDir('segment-paragon-e2e-');
	const userFolder = path.join(workDir, 'user');
	fs.mkdirSync(userFolder);
	let sandbox;
	let server;
	let fakeModel;
	const groupCleanups = []; // what groups started (ctx.onCleanup), stopped first
	const cleanup = async () => {
		killRunningCommands();
		for (const stop of groupCleanups.splice(0).reverse()) await Promise.resolve().then(stop).catch((error) => log(`cleanup: ${short(error)}`));
		if (server) await server.stop();
		if (sandbox) await sandbox.close();
		if (fakeModel) await fakeModel.close();
		if (process.env.E2E_KEEP === '1') log(`kept ${workDir}`);
		else fs.rmSync(workDir, { recursive: true, force: true });
	};
	const onSignal = async (signal) => {
		log(`\n${signal}: cleaning up`);
		await cleanup();
		process.exit(130);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	try {
		let t = Date.now();
		const tarball = buildAndPack(path.join(workDir, 'pack'), { quiet: true });
		installPackage(tarball, userFolder);
		log(`built, packed (${path.basename(tarball)}) and installed into ${userFolder}/.n8n/nodes in ${seconds(Date.now() - t)}`);

		const cli = await startCliSandbox({
			port: 0,
			keyDir: path.join(workDir, 'keys'),
			// The demo's users (sandbox-user, customer-acme, customer-globex) and one who never connected Segment.
			tokens: { ...DEMO.tokens, [LONELY_TOKEN]: LONELY_USER },
			connectedUsers: DEMO.connectedUsers,
			latencyMs: ANSWER_LATENCY_MS,
		});
		sandbox = cli.sandbox;
		fakeModel = await startFakeOpenAi({ destinationName: 'Facebook Ads' });
		log(`sandbox on ${sandbox.url}, fake OpenAI on ${fakeModel.url}`);

		const env = n8nEnv({ userFolder, encryptionKey: newEncryptionKey(), brokerPort: await freePort() });
		const examples = Object.fromEntries(readExamples().map(({ workflow }) => [workflow.id, workflow]));
		const ctx = {
			sandbox,
			privateKeyPem: cli.keys.privateKeyPem,
			fakeModel,
			env,
			workDir,
			examples,
			seedIds: (resource) => Object.fromEntries(sandbox.entities(resource).map((entity) => [entity.name ?? entity.settings?.name, entity.id])),
			catalogId: (kind, slug) => sandbox.catalog(kind).find((entry) => entry.slug === slug).id,
			check,
			failAll,
			onCleanup: (stop) => groupCleanups.push(stop),
			/** Resets the sandbox (demo data, empty log), runs the workflow, then the checks on it. */
			async runCases(id, cases) {
				let execution;
				try {
					execution = await executeWorkflow(id, { env, beforeAttempt: () => sandbox.reset() });
				} catch (error) {
					failAll(
						cases.map(([name]) => name),
						error,
					);
					return;
				}
				const retried = `${execution.attempts > 1 ? ', retried after exit 139 without a result' : ''}${execution.crashed ? ', exit 139 after printing the result' : ''}`;
				for (const [index, [name, fn]] of cases.entries()) {
					await check(name, async () => {
						const note = await fn(execution.run, execution);
						// The first case of a run carries its time.
						return [note, index === 0 && `${id}: n8n execute ${seconds(execution.ms)}${retried}`].filter(Boolean).join('; ');
					});
				}
			},
		};
		for (const group of groups) await group.start?.(ctx);
		const workflows = [...Object.values(examples), ...groups.flatMap((group) => group.workflows?.(ctx) ?? [])];

		await check('setup: import both credential modes and all workflows with the n8n CLI', async () => {
			const credentials = [
				...sandboxCredentials({ url: sandbox.url, privateKeyPem: cli.keys.privateKeyPem }),
				{ ...FAKE_MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-e2e-fake', url: fakeModel.url } },
				...groups.flatMap((group) => group.credentials?.(ctx) ?? []),
			];
			t = Date.now();
			await importCredentials(credentials, { env, workDir });
			const credMs = Date.now() - t;
			t = Date.now();
			const imported = await importWorkflows(workflows, { env, workDir });
			const text = imported.lines.map((line) => line.message).join('\n');
			assert.match(text, new RegExp(`Successfully imported ${workflows.length} workflows`), text);
			return `${workflows.length} workflows (${Object.keys(examples).length} examples); credentials ${seconds(credMs)}, workflows ${seconds(Date.now() - t)}`;
		});
		if (results.some((result) => !result.ok)) throw new Error('setup failed');

		for (const group of groups.filter((candidate) => !candidate.needsServer)) await runGroup(group, ctx);
		const serverGroups = groups.filter((group) => group.needsServer);
		if (serverGroups.length) await runServerGroups(serverGroups, ctx, (up) => (server = up));
	} catch (error) {
		results.push({ name: 'run', ok: false });
		log(`FAIL  run aborted: ${short(error)}`);
	} finally {
		await cleanup();
	}

	const { failed, line } = summary();
	log(`\ntotal ${seconds(Date.now() - started)}`);
	log(line);
	process.exitCode = failed ? 1 : 0;
}

main();
