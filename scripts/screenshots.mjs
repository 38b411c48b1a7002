#!/usr/bin/env node
// `npm run screenshots`: retakes the pictures in docs/ from the real n8n editor.
//
// Needs a running `npm start` (n8n with this package, the sandbox, the credential "Segment sandbox"
// and the example workflows) and Debian's Chromium, driven by playwright-core (no browser download).
//
//   docs/node-search.png        the node creator ("+") searched for "Segment"
//   docs/node-panel.png         the node creator showing "Segment (via Paragon)" and its actions
//   docs/create-parameters.png  the parameters of Warehouse > Create (Snowflake), credential selected
//   docs/credential.png         the "Segment sandbox" Paragon Proxy API credential, tested
//   docs/workflow-run.png       an example workflow after "Execute workflow", with a Segment node's output
//   docs/get-syncs.png          Warehouse > Get Syncs on the demo warehouse "My Data Warehouse", executed
//   docs/test-connection.png    Warehouse > Test Connection on "Staging Postgres", executed: FAILED
//   docs/destination-filter-create.png  the parameters of Destination Filter > Create (Sample), not run
//   docs/upsert.png             Source > Create or Update on the demo "Website Analytics", executed: unchanged
//   (those four: scripts/screenshots/pipelines.mjs)
//   docs/regulation-create.png  User Deletion and Suppression > Create run from its panel (scripts/screenshots/regulations.mjs;
//                               files a regulation in npm start's sandbox, refused for a credential that is not a local sandbox's)
//
// Options: --only=<name>[,<name>...] (e.g. --only=credential,workflow-run), --out=<dir> (default docs/),
// --help.
// Environment:
//   N8N_URL                 default http://127.0.0.1:5678
//   N8N_OWNER_EMAIL,        the login; default: the one `npm start` saved in .n8n-local/owner.json,
//   N8N_OWNER_PASSWORD      else the defaults of scripts/start.mjs
//   CHROMIUM_PATH           default /usr/bin/chromium
//   SCREENSHOT_WORKFLOW     id or name of the workflow to run (default: the nightly inventory example)
//   SCREENSHOT_CREDENTIAL   name of the credential to show (default: Segment sandbox)
//
// What it leaves behind in n8n: one more execution of the example workflow (which only reads from
// Segment). The temporary workflows it creates for the parameter panels, the two warehouse runs
// (which only read) and the Create or Update run (which writes nothing while the demo source matches
// its parameters) are deleted again with their executions (also on Ctrl-C, and a leftover of a
// killed run is removed by the next run); no credential is saved, no destination filter created.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import {
	capture,
	checkToasts,
	createTriggerAndNodeWorkflow,
	CREDENTIAL_TYPE,
	deleteWorkflow,
	listScratch,
	NODE_DISPLAY_NAME,
	NODE_TYPE,
	repoRoot,
	restClient,
	say,
	TIMEOUT_MS,
	VIEWPORT,
	waitForCanvasStill,
	waitForEditor,
	waitForExecution,
	waitForShown,
} from './screenshots/editor.mjs';
import { createPipelineScratch, PIPELINE_SHOTS, PIPELINE_STEPS } from './screenshots/pipelines.mjs';
import { createRegulationScratch, REGULATION_SHOTS, REGULATION_STEPS } from './screenshots/regulations.mjs';

// The temporary workflow's name shows in the pictures; leftovers are recognised by name and node id.
const SCRATCH_NAME = 'Create a Snowflake warehouse in Segment';
const SCRATCH_NODE_ID = 'a3c1b4e2-0000-4000-8000-5c4ee4540002';
const DEFAULT_WORKFLOW = 'SegExNightlyInv01';
const SHOTS = ['node-search', 'node-panel', 'create-parameters', 'credential', 'workflow-run', ...PIPELINE_SHOTS, ...REGULATION_SHOTS];

const HELP = `Usage: npm run screenshots [-- --only=<name>,...] [-- --out=<dir>]

Takes ${SHOTS.map((name) => `${name}.png`).join(', ')} into docs/ from a running \`npm start\`.

Environment: N8N_URL (default http://127.0.0.1:5678), N8N_OWNER_EMAIL / N8N_OWNER_PASSWORD
(default: .n8n-local/owner.json, else the defaults of npm start), CHROMIUM_PATH (default
/usr/bin/chromium), SCREENSHOT_WORKFLOW (id or name; default ${DEFAULT_WORKFLOW}),
SCREENSHOT_CREDENTIAL (default "Segment sandbox").`;

class UsageError extends Error {}

function parseArgs(argv) {
	const args = { only: SHOTS, out: path.join(repoRoot, 'docs') };
	for (const arg of argv) {
		if (arg === '--help' || arg === '-h') args.help = true;
		else if (arg.startsWith('--only=')) {
			args.only = arg.slice('--only='.length).split(',').map((name) => name.trim().replace(/\.png$/, '')).filter(Boolean);
			const unknown = args.only.filter((name) => !SHOTS.includes(name));
			if (unknown.length || !args.only.length) throw new UsageError(`--only takes some of ${SHOTS.join(', ')}; got "${arg.slice(7)}"`);
		} else if (arg.startsWith('--out=')) args.out = path.resolve(arg.slice('--out='.length));
		else throw new UsageError(`Unknown argument ${arg} (try --help)`);
	}
	return args;
}

/** The login: N8N_OWNER_* first, then what `npm start` saved, then start.mjs's defaults. */
function ownerLogin() {
	let fallback = { email: 'admin@example.com', password: 'Segment-Sandbox-2024!', from: 'the defaults of npm start' };
	try {
		// Kept in step with scripts/start.mjs (its DEFAULT_OWNER) without running it.
		const source = fs.readFileSync(path.join(repoRoot, 'scripts', 'start.mjs'), 'utf8');
		const match = /DEFAULT_OWNER\s*=\s*\{\s*email:\s*'([^']+)',\s*password:\s*'([^']+)'/.exec(source);
		if (match) fallback = { email: match[1], password: match[2], from: 'the defaults of npm start (scripts/start.mjs)' };
	} catch {}
	let saved;
	try {
		saved = JSON.parse(fs.readFileSync(path.join(repoRoot, '.n8n-local', 'owner.json'), 'utf8'));
	} catch {}
	const email = process.env.N8N_OWNER_EMAIL || saved?.email || fallback.email;
	const password = process.env.N8N_OWNER_PASSWORD || saved?.password || fallback.password;
	const from = process.env.N8N_OWNER_PASSWORD ? 'N8N_OWNER_EMAIL / N8N_OWNER_PASSWORD' : saved?.password ? '.n8n-local/owner.json (saved by npm start)' : fallback.from;
	return { email, password, from };
}

async function checkReachable(baseUrl) {
	let response;
	try {
		response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) });
	} catch (error) {
		const reason = error.cause?.code || error.name || error.message;
		throw new Error(`n8n is not reachable at ${baseUrl} (${reason}): start it with npm start first (or set N8N_URL to where it runs).`);
	}
	if (!response.ok) throw new Error(`n8n at ${baseUrl} answered /healthz with ${response.status}: start it with npm start first and wait for its "n8n login:" line.`);
}

async function login(rest, baseUrl, owner) {
	try {
		await rest.post('/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	} catch (error) {
		if (error.status === 401 || error.status === 400) {
			throw new Error(`n8n at ${baseUrl} refused the login ${owner.email} (from ${owner.from}): set N8N_OWNER_EMAIL and N8N_OWNER_PASSWORD to the account printed by npm start ("n8n login: ...").`);
		}
		throw error;
	}
}

async function checkNodeInstalled(rest, baseUrl) {
	const types = await rest.get('/types/nodes.json');
	const list = Array.isArray(types) ? types : [];
	if (!list.some((type) => type.name === NODE_TYPE)) {
		throw new Error(`n8n at ${baseUrl} does not know the node ${NODE_TYPE}: is this the n8n of npm start (it installs the package)?`);
	}
}

async function findCredential(rest) {
	const wanted = process.env.SCREENSHOT_CREDENTIAL || 'Segment sandbox';
	const credentials = (await rest.get('/rest/credentials')).filter((credential) => credential.type === CREDENTIAL_TYPE);
	const credential = credentials.find((candidate) => candidate.name === wanted) ?? (process.env.SCREENSHOT_CREDENTIAL ? undefined : credentials[0]);
	if (!credential) {
		throw new Error(`No Paragon Proxy API credential named "${wanted}" in n8n (${credentials.length ? `there are: ${credentials.map((c) => `"${c.name}"`).join(', ')}` : 'there is none'}): npm start imports "Segment sandbox" unless run with --no-sandbox.`);
	}
	return credential;
}

async function findWorkflow(rest) {
	const wanted = process.env.SCREENSHOT_WORKFLOW || DEFAULT_WORKFLOW;
	const all = await rest.get('/rest/workflows');
	const list = Array.isArray(all) ? all : (all?.data ?? []);
	const summary = list.find((workflow) => workflow.id === wanted || workflow.name === wanted);
	if (!summary) {
		throw new Error(`No workflow "${wanted}" in n8n: npm start imports the examples (examples/*.json); set SCREENSHOT_WORKFLOW to the id or name of a workflow with a manual trigger.`);
	}
	const workflow = await rest.get(`/rest/workflows/${summary.id}`);
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger' && !node.disabled);
	if (!trigger) throw new Error(`Workflow "${workflow.name}" has no manual trigger to run it from the editor: set SCREENSHOT_WORKFLOW to another one.`);
	const segmentNodes = workflow.nodes.filter((node) => node.type === NODE_TYPE && !node.disabled);
	if (!segmentNodes.length) throw new Error(`Workflow "${workflow.name}" has no ${NODE_DISPLAY_NAME} node: set SCREENSHOT_WORKFLOW to another one.`);
	const writes = segmentNodes.filter((node) => !['list', 'get'].includes(node.parameters?.operation ?? 'list'));
	if (writes.length) say(`  note: "${workflow.name}" changes the Segment workspace (${writes.map((node) => node.name).join(', ')}); every run of the screenshots does it again`);
	// The output shown: the Segment node listing sources if there is one (the sandbox has three), else the first.
	const shown = segmentNodes.find((node) => node.parameters?.resource === 'source') ?? segmentNodes[0];
	return { workflow, trigger, shown };
}

/** A workflow of our own for the parameter panel (so no example is touched): trigger + Warehouse > Create. */
async function createScratchWorkflow(rest, credential) {
	for (const old of await listScratch(rest, SCRATCH_NAME, SCRATCH_NODE_ID)) await deleteWorkflow(rest, old.id);
	const workflow = await createTriggerAndNodeWorkflow(rest, credential, {
		name: SCRATCH_NAME,
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540001',
		node: {
			id: SCRATCH_NODE_ID,
			name: 'Create a warehouse',
			parameters: {
				resource: 'warehouse',
				operation: 'create',
				name: 'Analytics Warehouse',
				type: 'snowflake',
				connectionMode: 'fields',
				account: 'my_snowflake_account',
				warehouse: 'COMPUTE_WH',
				database: 'analytics',
				username: 'segment_user',
				schema: 'public',
			},
		},
	});
	return { workflow, nodeId: SCRATCH_NODE_ID };
}

async function shootNodeCreator(page, { baseUrl, scratch, out, only }) {
	await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}`);
	await waitForEditor(page);
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	const search = page.locator('input[data-test-id="node-creator-search-bar"], [data-test-id="node-creator-search-bar"] input').first();
	await search.waitFor();
	await search.fill('Segment');
	const item = page.locator('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]').filter({ hasText: NODE_DISPLAY_NAME });
	await item.waitFor();
	await item.locator('img, svg').first().waitFor(); // its icon
	await checkToasts(page);
	if (only.includes('node-search')) await capture(page, path.join(out, 'node-search.png'));
	if (only.includes('node-panel')) {
		await item.click();
		await page.locator('[data-test-id="node-creator"]').getByText('Create a warehouse', { exact: true }).waitFor();
		await page.locator('[data-test-id="node-creator"]').getByText(/^Actions \(\d+\)$/).waitFor();
		await page.locator('[data-test-id="node-creator"]').getByText(NODE_DISPLAY_NAME, { exact: true }).first().waitFor();
		await checkToasts(page);
		await capture(page, path.join(out, 'node-panel.png'));
	}
}

async function shootCreateParameters(page, { baseUrl, scratch, credential, out }) {
	await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}/${scratch.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await waitForShown(ndv.locator('[data-test-id="parameter-input-type"]'), 'Snowflake', 'the Type parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-account"]'), 'my_snowflake_account', 'the Account parameter');
	await waitForShown(ndv.locator('[data-test-id="node-credentials-select"]'), credential.name, 'the credential');
	await page.waitForLoadState('networkidle');
	await checkToasts(page);
	await capture(page, path.join(out, 'create-parameters.png'));
}

async function shootCredential(page, { baseUrl, credential, out }) {
	await page.goto(`${baseUrl}/home/credentials/${credential.id}`);
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.waitFor();
	await modal.locator('[data-test-id="credential-name"] [data-test-id="inline-edit-preview"]').getByText(credential.name).waitFor();
	await modal.locator('[data-test-id="parameter-input-projectId"]').waitFor();
	// n8n tests a saved credential when it is opened: wait for the verdict.
	const success = modal.locator('[data-test-id="credentials-config-container-test-success"]');
	try {
		await success.waitFor({ timeout: 30_000 });
	} catch {
		const text = (await modal.innerText()).replace(/\s+/g, ' ').slice(0, 400);
		throw new Error(`The credential "${credential.name}" did not test successfully in n8n (is the sandbox of npm start running?): ${text}`);
	}
	await page.waitForLoadState('networkidle');
	await checkToasts(page);
	await capture(page, path.join(out, 'credential.png'));
}

async function shootWorkflowRun(page, { baseUrl, rest, run, out }) {
	const { workflow, trigger, shown } = run;
	await page.goto(`${baseUrl}/workflow/${workflow.id}`);
	await waitForEditor(page);
	const chooser = page.getByRole('button', { name: 'Select trigger node' });
	if (await chooser.isVisible()) {
		// Several triggers: run from the manual one.
		await chooser.click();
		await page.locator(`[data-test-id="action-${trigger.name}"]`).click();
		await page.locator('[data-test-id="execute-workflow-button"]').getByText(trigger.name).waitFor();
	}
	const started = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().startsWith(`${baseUrl}/rest/workflows/${workflow.id}/run`), { timeout: TIMEOUT_MS });
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	const response = await started;
	const { data } = await response.json().catch(() => ({}));
	if (!response.ok() || !data?.executionId) throw new Error(`Starting "${workflow.name}" failed: ${response.status()} ${(await response.text()).slice(0, 300)}`);
	const execution = await waitForExecution(rest, data.executionId);
	if (execution.status !== 'success') {
		const error = execution.data?.resultData?.error;
		throw new Error(`"${workflow.name}" ran with status ${execution.status}${error ? `: ${error.message}` : ''} (see ${baseUrl}/workflow/${workflow.id}/executions/${data.executionId})`);
	}
	// The editor learns of the end over its push connection: wait until it shows it.
	const shownNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${shown.name}"]`);
	await shownNode.locator('[data-test-id="canvas-node-status-success"]').waitFor();
	await page.locator('[data-test-id="execute-workflow-button"]:not([disabled])').waitFor();
	if ((await page.locator('[data-test-id="canvas-node-status-error"]').count()) > 0) throw new Error(`The editor shows a failed node in "${workflow.name}"`);

	// The logs panel, with the chosen Segment node's output.
	const logs = page.locator('[data-test-id="logs-panel"]');
	if (!(await logs.locator('[data-test-id="logs-overview-body"]').isVisible())) await logs.locator('[data-test-id="logs-overview-header"]').click();
	await logs.locator('[data-test-id="logs-overview-status"]').getByText(/Success/).waitFor();
	await logs.locator('[role="treeitem"]').filter({ hasText: shown.name }).first().click();
	await logs.locator('[data-test-id="log-details-header"]').getByText(shown.name).waitFor();
	await logs.locator('[data-test-id="log-details-output"] [data-test-id="ndv-data-container"]').waitFor();
	// The whole workflow, a step smaller than "fit" so the floating "Execute workflow" button covers no node.
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	await page.locator('[data-test-id="zoom-out-button"]').click();
	await waitForCanvasStill(page);
	await page.waitForLoadState('networkidle');
	await checkToasts(page, { keep: true });
	await capture(page, path.join(out, 'workflow-run.png'));
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(error.message);
		process.exit(2);
	}
	if (args.help) return say(HELP);

	const baseUrl = (process.env.N8N_URL || 'http://127.0.0.1:5678').replace(/\/+$/, '');
	const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!fs.existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
	await checkReachable(baseUrl);
	const owner = ownerLogin();
	fs.mkdirSync(args.out, { recursive: true });

	say(`Taking ${args.only.join(', ')} from ${baseUrl} as ${owner.email} (login from ${owner.from})`);
	const browser = await chromium.launch({
		executablePath,
		headless: true,
		// Our own handlers close it after the temporary workflow is deleted (which needs the browser's login).
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
		// A fresh, temporary profile on every launch (playwright's default); no traffic to the closed network.
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	let rest;
	let scratch;
	const temporary = []; // every scratch workflow created, deleted again at the end
	let page;
	let current = 'login';
	let cleaning;
	const cleanup = () =>
		(cleaning ??= (async () => {
			for (const workflow of rest ? temporary : []) {
				await deleteWorkflow(rest, workflow.id).catch((error) => say(`  could not delete the temporary workflow ${workflow.id}: ${error.message}`));
			}
			await browser.close().catch(() => {});
		})());
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, async () => {
			say(`\n${signal}: cleaning up`);
			await cleanup();
			process.exit(130);
		});
	}
	try {
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC', colorScheme: 'light' });
		context.setDefaultTimeout(TIMEOUT_MS);
		rest = restClient(context, baseUrl);
		await login(rest, baseUrl, owner);
		await checkNodeInstalled(rest, baseUrl);
		const credential = await findCredential(rest);
		const run = args.only.includes('workflow-run') ? await findWorkflow(rest) : undefined;
		if (args.only.some((name) => ['node-search', 'node-panel', 'create-parameters'].includes(name))) {
			scratch = await createScratchWorkflow(rest, credential);
			temporary.push(scratch.workflow);
		}
		const pipelines = await createPipelineScratch(rest, credential, args.only, temporary);
		const regulations = await createRegulationScratch(rest, credential, args.only, temporary);
		const shared = { baseUrl, rest, credential, scratch, pipelines, regulations, run, out: args.out, only: args.only };

		// One page per picture: nothing left open or half-edited carries over.
		const steps = [
			[['node-search', 'node-panel'], shootNodeCreator],
			[['create-parameters'], shootCreateParameters],
			[['credential'], shootCredential],
			[['workflow-run'], shootWorkflowRun],
			...PIPELINE_STEPS,
			...REGULATION_STEPS,
		];
		for (const [names, shoot] of steps) {
			if (!names.some((name) => args.only.includes(name))) continue;
			current = names.filter((name) => args.only.includes(name)).join(' + ');
			say(`- ${current}`);
			page = await context.newPage();
			await shoot(page, { ...shared });
			await page.close();
			page = undefined;
		}
	} catch (error) {
		if (page && !page.isClosed()) {
			const debug = path.join(os.tmpdir(), `n8n-screenshots-failed-${current.replace(/\W+/g, '-')}.png`);
			await page.screenshot({ path: debug }).catch(() => {});
			error.message += `\n(the page at that moment: ${debug}, URL ${page.url()})`;
		}
		throw error;
	} finally {
		await cleanup();
	}
	say('Done.');
}

main().catch((error) => {
	console.error(`\nnpm run screenshots failed: ${error.message}`);
	process.exit(1);
});
