#!/usr/bin/env node
// `npm run screenshots`: retakes the pictures in docs/ from the real n8n editor.
//
// Needs a running `npm start` (n8n with this package, the sandbox, the credential "Segment sandbox"
// and the example workflows) and Debian's Chromium, driven by playwright-core (no browser download).
//
//   docs/node-search.png        the node creator ("+") searched for "Segment"
//   docs/node-panel.png         the node creator of a new workflow showing "Segment (via Paragon)": the
//                               trigger's events and the first actions
//   docs/node-actions.png       the node's whole panel of triggers and actions (cut from a window 3,600 px tall)
//   docs/resource-list.png      the node's Resource list opened (Warehouse > Create's panel), unscrolled
//   docs/create-parameters.png  the parameters of Warehouse > Create (Snowflake), credential selected
//   docs/credential.png         the "Segment sandbox" Paragon Proxy API credential, tested
//   docs/workflow-run.png       an example workflow after "Execute workflow", with a Segment node's output
//   docs/get-syncs.png          Warehouse > Get Syncs on the demo warehouse "My Data Warehouse", executed
//   docs/test-connection.png    Warehouse > Test Connection on "Staging Postgres", executed: FAILED
//   docs/destination-filter-create.png  the parameters of Destination Filter > Create (Sample), not run
//   docs/upsert.png             Source > Create or Update on the demo "Website Analytics", executed: unchanged
//   docs/event-volume.png       Workspace > Get Event Volume by source, executed: Mobile App gone quiet
//   docs/delivery-overview.png  Source > Get Delivery Overview, Failed Delivery to Salesforce, executed
//   docs/destination-mapping-create.png  Destination Mapping > Create: GA4 Cloud's Purchase fields in the
//                               resource mapper, not run (makes a "GA4 Cloud" destination in npm start's
//                               sandbox first, once: SANDBOX_URL or SANDBOX_PORT)
//   docs/tracking-plan-upsert.png  Tracking Plan > Create or Update of the demo plan from the example's rules
//                               file, executed ("updated" on fresh demo data, "unchanged" after)
//   docs/regulation-create.png  User Deletion and Suppression > Create, executed (files a regulation in the sandbox)
//   docs/trigger.png            the trigger of the example "alert on failed warehouse syncs", Fetch Test Event run
//   docs/reverse-etl-start-sync.png  Reverse ETL > Start Sync of the demo model, executed: waited out (about 20 s)
//   (each group of pictures is a file of scripts/screenshots/, listed in scripts/screenshots/groups.mjs)
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
//   SANDBOX_URL             npm start's sandbox (default http://127.0.0.1:$SANDBOX_PORT, port 4010)
//
// What it leaves behind in n8n: one more execution of the example workflow (which only reads from
// Segment), and one of the failed-syncs alert example's trigger (Fetch Test Event, which only reads). The temporary workflows it creates for the parameter panels and the node panel, the two warehouse runs
// (which only read) and the Create or Update run (which writes nothing while the demo source matches
// its parameters) are deleted again with their executions (also on Ctrl-C, and a leftover of a
// killed run is removed by the next run); no credential is saved, no destination filter created.
// The mapper picture leaves a "GA4 Cloud" destination in the sandbox (reused by the next run).
// The tracking-plan picture makes the sandbox's demo plan match examples/repository/tracking-plan.json
// (as running that example would), once; later runs write nothing.
// regulation-create files one regulation in npm start's sandbox (refused for a credential that is
// not a local sandbox's: against Segment it would delete data).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { deleteWorkflow, repoRoot, restClient, say, TIMEOUT_MS, VIEWPORT } from './screenshots/editor.mjs';
import { GROUPS } from './screenshots/groups.mjs';
import { checkNodeInstalled, checkReachable, findCredential, login, ownerLogin } from './screenshots/session.mjs';
import { DEFAULT_WORKFLOW } from './screenshots/workflowRun.mjs';

const SHOTS = GROUPS.flatMap((group) => group.shots);

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
		const selected = GROUPS.filter((group) => group.shots.some((name) => args.only.includes(name)));
		const states = new Map();
		for (const group of selected) states.set(group, await group.prepare?.({ rest, credential, only: args.only, temporary }));
		const shared = { baseUrl, rest, credential, out: args.out, only: args.only };

		// One page per picture: nothing left open or half-edited carries over.
		for (const group of selected) {
			for (const [names, shoot] of group.steps) {
				if (!names.some((name) => args.only.includes(name))) continue;
				current = names.filter((name) => args.only.includes(name)).join(' + ');
				say(`- ${current}`);
				page = await context.newPage();
				await shoot(page, { ...shared, state: states.get(group) });
				await page.close();
				page = undefined;
			}
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
