#!/usr/bin/env node
// `npm run test:e2e`: this package inside the real n8n (2.41.1 on Node 24), against the sandbox.
//
// Packs the package and installs it into a fresh n8n user folder as n8n installs a community
// package, starts the sandbox in this process, imports both credential modes, the example
// workflows and the test workflows, then runs them with `n8n execute` and checks the items
// that come out and the requests the sandbox saw. Last, `n8n start` with the published webhook
// example: an HTTP call to its production URL, the owner account, and the node types the editor
// offers (the Segment node and its AI-tool variant).
//
// Prints PASS/FAIL per case and "N passed, N failed"; exits 1 on any failure.
// Environment: N8N_RUNTIME_DIR (runtime cache), E2E_KEEP=1 keeps the temporary user folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ensureRuntime, N8N_VERSION, runtimeDir, runtimeReady } from '../../scripts/n8n-runtime.mjs';
import {
	buildAndPack,
	CREDENTIAL_TYPE,
	executeWorkflow,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	killRunningCommands,
	n8nEnv,
	newEncryptionKey,
	NODE_TYPE,
	nodeItems,
	publishWorkflow,
	readExamples,
	sandboxCredentials,
	SANDBOX_PROJECT_ID,
	setupOwner,
	startServer,
	tempDir,
	TOOL_NODE_TYPE,
} from '../../scripts/e2e/n8n-app.mjs';
import { createCases, log, seconds, short } from '../../scripts/e2e/cases.mjs';
import { startFakeOpenAi } from './fake-openai.mjs';
import { errorWorkflows, EU_CREDENTIAL, FAKE_MODEL_CREDENTIAL, headlessAgentCopy, headlessWebhookCopy, httpRequestWorkflow, IDS, LONELY_CREDENTIAL, MISSING_WAREHOUSE_ID, seedWorkflows, WAREHOUSE_SECRET } from './workflows.mjs';

const require = createRequire(import.meta.url);
const { startCliSandbox } = require('../../sandbox/cli');
const { DEMO } = require('../../sandbox/demo-users');

const EXAMPLE = { desired: 'SegExDesiredSt01', perCustomer: 'SegExPerCustomer01', inventory: 'SegExNightlyInv01', webhook: 'SegExWebhookSrc01', audit: 'SegExAuditDest01', agent: 'SegExAiAgentTool01', health: 'SegExWarehouseHlth', dropEvent: 'SegExDropEventFlt' };
const LONELY_TOKEN = 'lonely-user-token';
const LONELY_USER = 'lonely-user';

const started = Date.now();
const { results, check, failAll, summary } = createCases();

// ---------------------------------------------------------------- the sandbox's view

/** `GET /warehouses/<decoded id>` for a logged request. */
const call = (request) => `${request.method} /${request.segments.join('/')}`;

/** The requests the sandbox received while a node ran (its task's start and execution time). */
// The sandbox answers every request ANSWER_LATENCY_MS late, so a node ends at least that long
// after its last request arrived: a request logged in the millisecond a node ends belongs to the
// next node, and the half-open window [start, end) attributes every request to exactly one node
// (times are whole milliseconds on both sides; the margin covers timers that fire a little early).
const ANSWER_LATENCY_MS = 3;

/**
 * A GET of the editor's REST API, tried again once when the connection itself failed: on a loaded
 * machine n8n's server now and then resets a kept-alive socket (undici's "fetch failed").
 */
async function fetchEditor(url, init) {
	try {
		return await fetch(url, init);
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		return await fetch(url, init);
	}
}

function requestsOf(sandbox, run, nodeName) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	if (!task) throw new Error(`node "${nodeName}" did not run (nodes that ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	const from = task.startTime;
	const to = task.startTime + task.executionTime;
	return sandbox.requests.filter((request) => request.time >= from && request.time < to);
}

function itemsOf(run, nodeName, output = 0) {
	const items = nodeItems(run, nodeName, { output });
	if (!items) throw new Error(`node "${nodeName}" did not run (nodes that ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return items.map((item) => item.json);
}

function runError(run) {
	return run.data.resultData.error;
}

function assertRan(execution) {
	const error = runError(execution.run);
	assert.equal(execution.code, 0, `n8n execute exited ${execution.code}${error ? `: ${error.message} — ${error.description ?? ''}` : ''}`);
	assert.equal(error, undefined);
}

function assertAuth(requests, kind, userId = 'sandbox-user') {
	for (const request of requests) {
		assert.equal(request.auth?.kind, kind, `${call(request)} was authenticated as ${request.auth?.kind}, expected ${kind}`);
		assert.equal(request.auth?.userId, userId);
	}
}

const SIMPLE_KEYS = {
	warehouse: ['id', 'name', 'type', 'connection', 'status', 'workspaceId'],
	source: ['id', 'name', 'slug', 'metadata', 'status', 'writeKeys', 'catalog'],
	destination: ['id', 'name', 'slug', 'metadata', 'status', 'sourceId'],
};

function assertShape(kind, item) {
	assert.deepEqual(Object.keys(item).sort(), [...SIMPLE_KEYS[kind]].sort(), `${kind} item keys`);
}

// ---------------------------------------------------------------- main

async function main() {
	log(`End-to-end: ${process.env.npm_package_name || 'n8n-nodes-segment-paragon'} in n8n ${N8N_VERSION} (runtime ${runtimeDir})`);
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
	const cleanup = async () => {
		killRunningCommands();
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
		const seedIds = (resource) => Object.fromEntries(sandbox.entities(resource).map((entity) => [entity.name ?? entity.settings?.name, entity.id]));
		const webhookBody = {
			name: 'Landing Page',
			slug: 'landing_page',
			platform: 'web',
			categories: ['analytics', 'marketing'],
			destination: { name: 'Landing Page GA', slug: 'google-analytics', settings: { trackingId: 'UA-12345-1' } },
		};
		const workflows = [
			...Object.values(examples),
			headlessWebhookCopy(examples[EXAMPLE.webhook], webhookBody),
			headlessAgentCopy(examples[EXAMPLE.agent], 'Please disable the Facebook Ads destination.'),
			headlessWebhookCopy(examples[EXAMPLE.dropEvent], { sourceId: seedIds('sources')['Website Analytics'], event: 'Test Event' }, IDS.dropEventCopy),
			...seedWorkflows({ backendEventsId: seedIds('sources')['Backend Events'] }),
			...errorWorkflows(),
			httpRequestWorkflow(`${sandbox.url}/projects/${SANDBOX_PROJECT_ID}/sdk/proxy/segment`),
		];

		await check('setup: import both credential modes and all workflows with the n8n CLI', async () => {
			const credentials = [
				...sandboxCredentials({ url: sandbox.url, privateKeyPem: cli.keys.privateKeyPem }),
				{ ...LONELY_CREDENTIAL, type: CREDENTIAL_TYPE, data: { projectId: SANDBOX_PROJECT_ID, tokenSource: 'userToken', userToken: LONELY_TOKEN, proxyBaseUrl: sandbox.url, region: 'us' } },
				{ ...FAKE_MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-e2e-fake', url: fakeModel.url } },
				{ ...EU_CREDENTIAL, type: CREDENTIAL_TYPE, data: { projectId: SANDBOX_PROJECT_ID, tokenSource: 'userToken', userToken: 'sandbox-user-token', proxyBaseUrl: sandbox.url, region: 'eu' } },
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

		/** Resets the sandbox (demo data, empty log), runs the workflow, then the checks on it. */
		const runCases = async (id, cases) => {
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
		};

		// ------------------------------------------------------------ the fifteen operations
		const catalogId = (kind, slug) => sandbox.catalog(kind).find((entry) => entry.slug === slug).id;

		{
			const seeds = sandbox.entities('warehouses');
			await runCases(IDS.warehouses, [
				[
					'warehouse Get Many: seed warehouses in the simplified shape; GET /warehouses?pagination.count=50',
					(run) => {
						const requests = requestsOf(sandbox, run, 'Warehouse: Get Many');
						assert.deepEqual(requests.map(call), ['GET /warehouses']);
						assert.deepEqual(requests[0].query, { 'pagination.count': '50' });
						assertAuth(requests, 'static');
						const items = itemsOf(run, 'Warehouse: Get Many');
						items.forEach((item) => assertShape('warehouse', item));
						assert.deepEqual(
							items.map(({ id, name, type, status }) => ({ id, name, type, status })),
							seeds.map((w) => ({ id: w.id, name: w.settings.name, type: w.metadata.slug, status: 'active' })),
						);
						// connection = Segment's settings without the name, Segment's bookkeeping and secrets.
						const visible = ([key]) => !['name', 'ciphertext', 'encrypted'].includes(key) && !/password|secret|token|key|credentials/i.test(key);
						assert.deepEqual(items[0].connection, Object.fromEntries(Object.entries(seeds[0].settings).filter(visible)));
						assert.equal(items[0].connection.hostname, 'example.redshift.amazonaws.com');
						assert.ok(requests.every((request) => request.headers['x-paragon-use-raw-response'] === '1'), 'a request without the raw-response header');
					},
				],
				[
					'warehouse Create with Type from an expression: n8n runs it; catalog metadataId, fields -> the entry\'s settings, enabled true; password not in the output',
					(run) => {
						const requests = requestsOf(sandbox, run, 'Warehouse: Create');
						assert.deepEqual(requests.map(call), ['GET /catalog/warehouses', 'POST /warehouses']);
						assert.equal(requests[0].query['pagination.count'], '200');
						assert.deepEqual(requests[1].body, {
							metadataId: catalogId('warehouses', 'snowflake'),
							name: 'E2E Warehouse',
							enabled: true,
							settings: { account: 'e2e_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'segment_user', password: WAREHOUSE_SECRET, role: 'SYSADMIN' },
						});
						assert.equal(requests[1].status, 200);
						const [item, ...rest] = itemsOf(run, 'Warehouse: Create');
						assert.equal(rest.length, 0);
						assertShape('warehouse', item);
						assert.equal(item.name, 'E2E Warehouse');
						assert.equal(item.type, 'snowflake');
						assert.equal(item.status, 'active');
						assert.deepEqual(item.connection, { account: 'e2e_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'segment_user', role: 'SYSADMIN' });
						assert.ok(!JSON.stringify(item).includes(WAREHOUSE_SECRET), 'the password leaked into the output');
					},
				],
				[
					'warehouse Get: GET /warehouses/{created id}',
					(run) => {
						const id = itemsOf(run, 'Warehouse: Create')[0].id;
						const requests = requestsOf(sandbox, run, 'Warehouse: Get');
						assert.deepEqual(requests.map(call), [`GET /warehouses/${id}`]);
						const [item] = itemsOf(run, 'Warehouse: Get');
						assertShape('warehouse', item);
						assert.deepEqual({ id: item.id, name: item.name, type: item.type, status: item.status }, { id, name: 'E2E Warehouse', type: 'snowflake', status: 'active' });
					},
				],
				[
					'warehouse Update: connection checked against the warehouse\'s own entry (GET it), PATCH with settings/name/enabled; output renamed and inactive',
					(run) => {
						const id = itemsOf(run, 'Warehouse: Create')[0].id;
						const requests = requestsOf(sandbox, run, 'Warehouse: Update');
						assert.deepEqual(requests.map(call), [`GET /warehouses/${id}`, 'GET /catalog/warehouses', `PATCH /warehouses/${id}`]);
						assert.deepEqual(requests[2].body, { settings: { role: 'LOADER' }, name: 'E2E Warehouse Renamed', enabled: false });
						const [item] = itemsOf(run, 'Warehouse: Update');
						assert.deepEqual({ id: item.id, name: item.name, status: item.status, role: item.connection.role }, { id, name: 'E2E Warehouse Renamed', status: 'inactive', role: 'LOADER' });
					},
				],
				[
					'warehouse Delete: DELETE /warehouses/{id}; {id, deleted, status 204, message}; gone from the sandbox',
					(run) => {
						const id = itemsOf(run, 'Warehouse: Create')[0].id;
						const requests = requestsOf(sandbox, run, 'Warehouse: Delete');
						assert.deepEqual(requests.map(call), [`DELETE /warehouses/${id}`]);
						assert.deepEqual(itemsOf(run, 'Warehouse: Delete'), [{ id, deleted: true, status: 204, message: 'Warehouse deleted successfully.' }]);
						assert.ok(!sandbox.entities('warehouses').some((w) => w.id === id));
					},
				],
				[
					'warehouse Get Many, EU region: the full EU base URL after the integration name reaches the EU workspace',
					(run) => {
						const requests = requestsOf(sandbox, run, 'Warehouse: Get Many (EU)');
						assert.deepEqual(
							requests.map((request) => [call(request), request.region]),
							[['GET /warehouses', 'eu']],
						);
						assert.ok(requests[0].url.startsWith(`/projects/${SANDBOX_PROJECT_ID}/sdk/proxy/segment/https://eu1.api.segmentapis.com/warehouses?`), requests[0].url);
						assert.deepEqual(
							itemsOf(run, 'Warehouse: Get Many (EU)').map((item) => item.name),
							sandbox.entities('warehouses', 'eu').map((w) => w.settings.name),
						);
						assert.equal(sandbox.requests.length, 9, `requests in the whole run: ${sandbox.requests.map(call).join(', ')}`);
					},
				],
			]);
		}

		{
			const seeds = sandbox.entities('sources');
			let tokens;
			await runCases(IDS.sources, [
				[
					'source Get Many (limit 2, offset 1, signing key): one page of 3, the 2nd and 3rd sources',
					(run) => {
						const requests = requestsOf(sandbox, run, 'Source: Get Many');
						assert.deepEqual(requests.map(call), ['GET /sources']);
						assert.deepEqual(requests[0].query, { 'pagination.count': '3' });
						const items = itemsOf(run, 'Source: Get Many');
						items.forEach((item) => assertShape('source', item));
						assert.deepEqual(
							items.map((item) => item.id),
							seeds.slice(1, 3).map((s) => s.id),
						);
						assert.deepEqual(items[0].metadata, { platform: 'mobile', categories: ['marketing'] });
						// Signing-key mode: RS256 tokens the node signed, one token reused for the whole run.
						assertAuth(sandbox.requests, 'jwt');
						tokens = new Set(sandbox.requests.map((request) => request.auth.tokenSha256));
						assert.equal(tokens.size, 1, `${tokens.size} different tokens over ${sandbox.requests.length} requests`);
						const claims = sandbox.requests[0].auth.claims;
						assert.equal(claims.aud, `useparagon.com/${SANDBOX_PROJECT_ID}`);
						assert.equal(claims.exp - claims.iat, 3600);
						return `all ${sandbox.requests.length} requests of the run carried one signed token`;
					},
				],
				[
					'source Create: catalog entry of the platform, labels checked, POST /sources without a name, PATCH the name, PUT labels',
					(run) => {
						const [item, ...rest] = itemsOf(run, 'Source: Create');
						assert.equal(rest.length, 0);
						const requests = requestsOf(sandbox, run, 'Source: Create');
						assert.deepEqual(requests.map(call), ['GET /catalog/sources', 'GET /labels', 'POST /sources', `PATCH /sources/${item.id}`, `PUT /sources/${item.id}/labels`]);
						assert.deepEqual(requests[2].body, { slug: 'e2e_source', enabled: true, metadataId: catalogId('sources', 'http-api') });
						assert.deepEqual(requests[3].body, { name: 'E2E Source' });
						assert.deepEqual(requests[4].body, {
							labels: [
								{ key: 'platform', value: 'server' },
								{ key: 'category', value: 'crm' },
								{ key: 'category', value: 'marketing' },
							],
						});
						assertShape('source', item);
						assert.deepEqual(
							{ ...item, id: undefined, writeKeys: undefined, catalog: undefined },
							{ id: undefined, name: 'E2E Source', slug: 'e2e_source', metadata: { platform: 'server', categories: ['crm', 'marketing'] }, status: 'active', writeKeys: undefined, catalog: undefined },
						);
						assert.deepEqual({ ...item.catalog, id: undefined }, { id: undefined, slug: 'http-api', name: sandbox.catalog('sources').find((e) => e.slug === 'http-api').name });
						assert.equal(item.writeKeys.length, 1);
					},
				],
				[
					'source Get: GET /sources/{id}, labels read back as platform/categories',
					(run) => {
						const id = itemsOf(run, 'Source: Create')[0].id;
						assert.deepEqual(requestsOf(sandbox, run, 'Source: Get').map(call), [`GET /sources/${id}`]);
						const [item] = itemsOf(run, 'Source: Get');
						assert.deepEqual({ id: item.id, slug: item.slug, metadata: item.metadata, status: item.status }, { id, slug: 'e2e_source', metadata: { platform: 'server', categories: ['crm', 'marketing'] }, status: 'active' });
					},
				],
				[
					'source Update: PATCH name/enabled, platform label replaced, category labels kept',
					(run) => {
						const id = itemsOf(run, 'Source: Create')[0].id;
						const requests = requestsOf(sandbox, run, 'Source: Update');
						assert.deepEqual(requests.map(call), [`GET /sources/${id}`, 'GET /labels', `PATCH /sources/${id}`, `PUT /sources/${id}/labels`]);
						assert.deepEqual(requests[2].body, { name: 'E2E Source Renamed', enabled: false });
						assert.deepEqual(requests[3].body, {
							labels: [
								{ key: 'category', value: 'crm' },
								{ key: 'category', value: 'marketing' },
								{ key: 'platform', value: 'web' },
							],
						});
						const [item] = itemsOf(run, 'Source: Update');
						assert.deepEqual({ name: item.name, status: item.status, metadata: item.metadata }, { name: 'E2E Source Renamed', status: 'inactive', metadata: { platform: 'web', categories: ['crm', 'marketing'] } });
					},
				],
				[
					'source Delete: DELETE /sources/{id}; gone from the sandbox',
					(run) => {
						const id = itemsOf(run, 'Source: Create')[0].id;
						assert.deepEqual(requestsOf(sandbox, run, 'Source: Delete').map(call), [`DELETE /sources/${id}`]);
						assert.deepEqual(itemsOf(run, 'Source: Delete'), [{ id, deleted: true, status: 204, message: 'Source deleted successfully.' }]);
						assert.ok(!sandbox.entities('sources').some((s) => s.id === id));
					},
				],
			]);
		}

		{
			const seeds = sandbox.entities('destinations');
			const backendEvents = seedIds('sources')['Backend Events'];
			await runCases(IDS.destinations, [
				[
					'destination Get Many (Return All): GET /destinations?pagination.count=200, all seed destinations',
					(run) => {
						const requests = requestsOf(sandbox, run, 'Destination: Get Many');
						assert.deepEqual(requests.map(call), ['GET /destinations']);
						assert.deepEqual(requests[0].query, { 'pagination.count': '200' });
						assertAuth(requests, 'static');
						const items = itemsOf(run, 'Destination: Get Many');
						items.forEach((item) => assertShape('destination', item));
						assert.deepEqual(
							items.map(({ id, name, status, sourceId }) => ({ id, name, status, sourceId })),
							seeds.map((d) => ({ id: d.id, name: d.name, status: d.enabled ? 'active' : 'inactive', sourceId: d.sourceId })),
						);
						const facebook = items.find((item) => item.name === 'Facebook Ads');
						assert.deepEqual(facebook.metadata, { platform: 'web', categories: ['ads'] });
						assert.equal(facebook.slug, 'facebook-pixel');
					},
				],
				[
					'destination Create: slug -> catalog metadataId, sourceId, settings, enabled true; platform kept in output',
					(run) => {
						const requests = requestsOf(sandbox, run, 'Destination: Create');
						assert.deepEqual(requests.map(call), ['GET /catalog/destinations', 'POST /destinations']);
						assert.deepEqual(requests[1].body, { sourceId: backendEvents, metadataId: catalogId('destinations', 'amplitude'), settings: { apiKey: 'e2e-amplitude-key' }, name: 'E2E Amplitude', enabled: true });
						const [item] = itemsOf(run, 'Destination: Create');
						assertShape('destination', item);
						assert.deepEqual(
							{ ...item, id: undefined },
							{ id: undefined, name: 'E2E Amplitude', slug: 'amplitude', metadata: { platform: 'server', categories: ['analytics'] }, status: 'active', sourceId: backendEvents },
						);
					},
				],
				[
					'destination Get: GET /destinations/{id}',
					(run) => {
						const id = itemsOf(run, 'Destination: Create')[0].id;
						assert.deepEqual(requestsOf(sandbox, run, 'Destination: Get').map(call), [`GET /destinations/${id}`]);
						const [item] = itemsOf(run, 'Destination: Get');
						assert.deepEqual(
							{ ...item },
							{ id, name: 'E2E Amplitude', slug: 'amplitude', metadata: { platform: 'web', categories: ['analytics'] }, status: 'active', sourceId: backendEvents },
						);
					},
				],
				[
					'destination Update: PATCH name/enabled/settings; output inactive',
					(run) => {
						const id = itemsOf(run, 'Destination: Create')[0].id;
						const requests = requestsOf(sandbox, run, 'Destination: Update');
						assert.deepEqual(requests.map(call), [`PATCH /destinations/${id}`]);
						assert.deepEqual(requests[0].body, { name: 'E2E Amplitude Renamed', enabled: false, settings: { apiKey: 'rotated-key' } });
						const [item] = itemsOf(run, 'Destination: Update');
						assert.deepEqual({ id: item.id, name: item.name, status: item.status }, { id, name: 'E2E Amplitude Renamed', status: 'inactive' });
					},
				],
				[
					'destination Delete (signing-key credential): DELETE /destinations/{id}; gone from the sandbox',
					(run) => {
						const id = itemsOf(run, 'Destination: Create')[0].id;
						const requests = requestsOf(sandbox, run, 'Destination: Delete');
						assert.deepEqual(requests.map(call), [`DELETE /destinations/${id}`]);
						assertAuth(requests, 'jwt');
						assert.deepEqual(itemsOf(run, 'Destination: Delete'), [{ id, deleted: true, status: 204, message: 'Destination deleted successfully.' }]);
						assert.ok(!sandbox.entities('destinations').some((d) => d.id === id));
					},
				],
			]);
		}

		// ------------------------------------------------------------ the examples, headless
		await runCases(EXAMPLE.inventory, [
			[
				'example nightly-inventory: three Get Many (Return All), one report item, nothing written',
				(run, execution) => {
					assertRan(execution);
					assert.deepEqual(sandbox.requests.map(call).sort(), ['GET /destinations', 'GET /sources', 'GET /warehouses']);
					assert.ok(sandbox.requests.every((request) => request.query['pagination.count'] === '200'));
					const [report, ...rest] = itemsOf(run, 'Inventory Report');
					assert.equal(rest.length, 0);
					assert.deepEqual(
						{ ...report, checkedAt: undefined },
						{
							checkedAt: undefined,
							warehouseCount: sandbox.entities('warehouses').length,
							sourceCount: 3,
							destinationCount: 4,
							// The demo warehouses (Redshift, BigQuery and the unreachable Staging Postgres).
							warehouses: sandbox.entities('warehouses').map((w) => `${w.settings.name} (${w.metadata.slug}, ${w.enabled ? 'active' : 'inactive'})`),
							sources: ['Website Analytics (website_analytics, active)', 'Mobile App (mobile_app, active)', 'Backend Events (backend_events, active)'],
							destinations: ['Google Analytics (google-analytics, active)', 'Facebook Ads (facebook-pixel, active)', 'Amplitude (amplitude, inactive)', 'Salesforce (salesforce, active)'],
							inactiveDestinations: ['Amplitude'],
							sourcesWithoutDestinations: [],
						},
					);
					assert.ok(!Number.isNaN(Date.parse(report.checkedAt)));
				},
			],
		]);

		await runCases(IDS.webhookCopy, [
			[
				'example webhook-create-source-and-destination (headless copy): source with labels, destination wired to its id',
				(run, execution) => {
					assertRan(execution);
					const [response] = itemsOf(run, 'Response');
					const { source, destination } = response;
					assert.deepEqual(sandbox.requests.map(call), [
						'GET /catalog/sources',
						'GET /labels',
						'POST /sources',
						`PATCH /sources/${source.id}`,
						`PUT /sources/${source.id}/labels`,
						'GET /catalog/destinations',
						'POST /destinations',
					]);
					assert.deepEqual(sandbox.requests[2].body, { slug: 'landing_page', enabled: true, metadataId: catalogId('sources', 'javascript') });
					assert.deepEqual(sandbox.requests[3].body, { name: 'Landing Page' });
					assert.deepEqual(sandbox.requests[4].body.labels, [
						{ key: 'platform', value: 'web' },
						{ key: 'category', value: 'analytics' },
						{ key: 'category', value: 'marketing' },
					]);
					assert.deepEqual(sandbox.requests[6].body, { sourceId: source.id, metadataId: catalogId('destinations', 'google-analytics'), settings: { trackingId: 'UA-12345-1' }, name: 'Landing Page GA', enabled: true });
					assert.deepEqual(source.metadata, { platform: 'web', categories: ['analytics', 'marketing'] });
					assert.equal(destination.sourceId, source.id);
					assert.equal(destination.slug, 'google-analytics');
				},
			],
		]);

		await runCases(EXAMPLE.health, [
			[
				'example warehouse-health: Test Connection and Get Syncs per warehouse, one report of failed connections and failed syncs',
				(run, execution) => {
					assertRan(execution);
					const warehouses = sandbox.entities('warehouses');
					assert.deepEqual(sandbox.requests.map(call), [
						'GET /warehouses',
						...warehouses.map((w) => `GET /warehouses/${w.id}/connection-state`),
						...warehouses.map((w) => `GET /warehouses/${w.id}/syncs`),
					]);
					const [report, ...rest] = itemsOf(run, 'Health Report');
					assert.equal(rest.length, 0);
					const unreachable = warehouses.filter((w) => Object.values(w.settings).some((value) => String(value).includes('unreachable')));
					assert.ok(unreachable.length > 0, 'the demo data has an unreachable warehouse');
					assert.deepEqual(report.failedConnections, unreachable.map((w) => ({ id: w.id, name: w.settings.name })));
					const dayAgo = Date.now() - 24 * 3600 * 1000;
					const failed = warehouses.flatMap((w) => sandbox.syncReports(w.id).filter((r) => r.status === 'FAILED' && new Date(r.start).getTime() > dayAgo).map((r) => ({ warehouseId: w.id, sourceId: r.sourceId, start: r.start, notices: r.notices.map((n) => n.message) })));
					assert.ok(failed.length > 0, 'the demo data has failed syncs');
					assert.deepEqual(report.failedSyncs, failed);
					assert.equal(report.healthy, false);
					assert.equal(report.warehouses, warehouses.length);
					return `${report.failedConnections.length} failed connection(s), ${report.failedSyncs.length} failed sync(s)`;
				},
			],
		]);

		await runCases(EXAMPLE.desired, [
			[
				'example nightly-desired-state: Create or Update makes the workspace match; a second run writes nothing',
				async (run, execution) => {
					assertRan(execution);
					const [summary, ...rest] = itemsOf(run, 'Summary');
					assert.equal(rest.length, 0);
					assert.ok(summary.created > 0, `nothing created: ${JSON.stringify(summary)}`);
					const writes = sandbox.requests.filter((request) => request.method !== 'GET');
					assert.ok(writes.length > 0);
					// Run again on the workspace as it is now: only the list reads, no write, all unchanged.
					sandbox.clearRequests();
					const again = await executeWorkflow(EXAMPLE.desired, { env });
					assertRan(again);
					const [second] = itemsOf(again.run, 'Summary');
					assert.deepEqual({ created: second.created, updated: second.updated }, { created: 0, updated: 0 });
					assert.equal(second.unchanged, summary.created + summary.updated + summary.unchanged);
					assert.deepEqual(sandbox.requests.filter((request) => request.method !== 'GET').map(call), []);
					// Each list read once (one page each here); lookups (catalogs) at most once per execution.
					const reads = sandbox.requests.map(call);
					assert.deepEqual(reads.filter((read) => !read.startsWith('GET /catalog/')).sort(), ['GET /destinations', 'GET /sources']);
					assert.equal(new Set(reads).size, reads.length, `a read was made twice: ${reads.join(', ')}`);
					return `first run: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged (${writes.length} writes); second: ${second.unchanged} unchanged, ${sandbox.requests.length} list reads, 0 writes`;
				},
			],
		]);

		await runCases(EXAMPLE.perCustomer, [
			[
				'example per-customer-inventory: one signing-key credential, each customer\'s sources from their own workspace, one report item per customer',
				(run, execution) => {
					assertRan(execution);
					const customers = [['Acme', 'customer-acme'], ['Globex', 'customer-globex'], ['Sandbox', 'sandbox-user']];
					const report = itemsOf(run, 'Per-Customer Report');
					assert.deepEqual(
						report.map((item) => [item.company, item.userId, item.count_source, item.appended_source]),
						customers.map(([company, user]) => {
							const sources = sandbox.entities('sources', 'us', { user }).map((s) => `${s.name} (${s.slug})`);
							return [company, user, sources.length, sources];
						}),
					);
					// Every request went to its own user's workspace, signed for that user.
					assert.deepEqual(sandbox.requests.map((request) => [request.auth.claims.sub, request.userId]), customers.map(([, user]) => [user, user]));
					assert.equal(new Set(sandbox.requests.map((request) => request.auth.tokenSha256)).size, 3);
					return report.map((item) => `${item.company}: ${item.count_source}`).join(', ');
				},
			],
		]);

		await runCases(IDS.dropEventCopy, [
			[
				'example webhook-drop-event-filters (headless copy): a DROP filter on every destination of the source, answered with the filters',
				(run, execution) => {
					assertRan(execution);
					const website = sandbox.entities('sources').find((s) => s.name === 'Website Analytics');
					const destinations = sandbox.entities('destinations').filter((d) => d.sourceId === website.id);
					assert.ok(destinations.length >= 2);
					assert.deepEqual(sandbox.requests.map(call), [`GET /sources/${website.id}/connected-destinations`, ...destinations.map((d) => `POST /destination/${d.id}/filters`)]);
					for (const request of sandbox.requests.slice(1)) {
						assert.deepEqual(request.body, { sourceId: website.id, if: 'event = "Test Event"', actions: [{ type: 'DROP' }], title: 'Drop Test Event', enabled: true, description: 'Added by n8n from the drop-event webhook' });
					}
					const [answer, ...rest] = itemsOf(run, 'Filters Made');
					assert.equal(rest.length, 0);
					assert.deepEqual(answer.filters.map((f) => f.destinationId), destinations.map((d) => d.id));
					assert.deepEqual(destinations.map((d) => sandbox.filters(d.id).length), destinations.map(() => 1));
					return `${answer.filters.length} filters`;
				},
			],
		]);

		await runCases(EXAMPLE.audit, [
			[
				'example audit-disable-destinations: only the active advertising destination is disabled',
				(run, execution) => {
					assertRan(execution);
					const facebook = sandbox.entities('destinations').find((d) => d.name === 'Facebook Ads');
					assert.deepEqual(sandbox.requests.map(call), ['GET /destinations', `PATCH /destinations/${facebook.id}`]);
					assert.deepEqual(sandbox.requests[1].body, { enabled: false });
					assert.equal(facebook.enabled, false);
					assert.deepEqual(
						itemsOf(run, 'Disable Destination').map((d) => [d.name, d.status]),
						[['Facebook Ads', 'inactive']],
					);
					assert.deepEqual(itemsOf(run, 'Leave As Is').map((d) => d.name).sort(), ['Amplitude', 'Google Analytics', 'Salesforce']);
				},
			],
		]);

		await runCases(IDS.agentCopy, [
			[
				'example ai-agent-segment-tools (headless copy, scripted fake model): the Segment tools run with $fromAI parameters',
				(run, execution) => {
					assertRan(execution);
					const facebook = sandbox.entities('destinations').find((d) => d.name === 'Facebook Ads');
					assert.deepEqual(sandbox.requests.map(call), ['GET /destinations', `PATCH /destinations/${facebook.id}`]);
					assert.deepEqual(sandbox.requests[1].body, { enabled: false });
					assert.equal(facebook.enabled, false);
					const ran = Object.keys(run.data.resultData.runData);
					assert.ok(ran.includes('List Destinations') && ran.includes('Enable or Disable Destination'), `nodes that ran: ${ran.join(', ')}`);
					const [answer] = itemsOf(run, 'AI Agent');
					assert.match(answer.output, /Done: Facebook Ads is disabled/);
					const completions = fakeModel.requests.filter((request) => request.url.endsWith('/chat/completions'));
					assert.equal(completions.length, 3);
					const toolNames = (completions[0].body.tools ?? []).map((tool) => tool.function.name).sort();
					assert.equal(toolNames.length, 4, `tools offered to the model: ${toolNames.join(', ')}`);
					const change = completions[0].body.tools.find((tool) => /disable_destination/i.test(tool.function.name)).function.parameters;
					assert.deepEqual(Object.keys(change.properties).sort(), ['destinationId', 'enabled']);
					return `tools offered: ${toolNames.join(', ')}`;
				},
			],
		]);

		// ------------------------------------------------------------ custom API calls
		await runCases(IDS.httpRequest, [
			[
				'HTTP Request node with credential type Paragon Proxy API: reaches the proxy, gets Segment\'s raw JSON',
				(run, execution) => {
					assertRan(execution);
					assert.deepEqual(sandbox.requests.map(call), ['GET /labels']);
					const [request] = sandbox.requests;
					assert.equal(request.headers['x-paragon-use-raw-response'], '1');
					assertAuth(sandbox.requests, 'static');
					const [item, ...rest] = itemsOf(run, 'Segment Labels');
					assert.equal(rest.length, 0);
					// Segment's own envelope, not Paragon's {output: ...}.
					assert.ok(item.data && Array.isArray(item.data.labels), `not Segment's raw answer: ${JSON.stringify(item).slice(0, 200)}`);
					assert.equal(item.output, undefined);
					assert.deepEqual(item.data.labels.map(({ key, value }) => `${key}:${value}`), sandbox.labels().map(({ key, value }) => `${key}:${value}`));
					return `${item.data.labels.length} labels`;
				},
			],
		]);

		// ------------------------------------------------------------ errors in the real app
		await runCases(IDS.notFound, [
			[
				'error: Get of a missing warehouse exits 1 with "Warehouse ../workspaces was not found" (id sent as one path segment)',
				(run, execution) => {
					assert.equal(execution.code, 1);
					const error = runError(run);
					assert.ok(error, 'no data.resultData.error');
					assert.match(error.message, /was not found/);
					assert.ok(error.message.includes(MISSING_WAREHOUSE_ID), `message "${error.message}" does not name the id`);
					assert.equal(String(error.httpCode), '404');
					assert.equal(sandbox.requests.length, 1);
					assert.equal(sandbox.requests[0].segmentPath, '/warehouses/..%2Fworkspaces');
					assert.deepEqual(sandbox.requests[0].segments, ['warehouses', MISSING_WAREHOUSE_ID]);
					assert.equal(sandbox.requests[0].status, 404);
					return `"${error.message}"`;
				},
			],
		]);

		await runCases(IDS.notConnected, [
			[
				'error: a user who has not connected Segment exits 1 with "not connected" and the fix',
				(run, execution) => {
					assert.equal(execution.code, 1);
					const error = runError(run);
					assert.ok(error, 'no data.resultData.error');
					assert.match(error.message, /not connected/i);
					assert.match(error.description ?? '', /Connect Segment for this user in Paragon/);
					assert.equal(sandbox.requests.length, 1, 'a 400 from Paragon must not be retried');
					assert.equal(sandbox.requests[0].status, 400);
					assert.equal(sandbox.requests[0].auth.userId, LONELY_USER);
					return `"${error.message}"`;
				},
			],
		]);

		// ------------------------------------------------------------ n8n start: webhook, owner, node types
		const serverCases = [
			'n8n start: owner account created with POST /rest/owner/setup',
			'n8n start: the editor offers the Segment node and its AI-tool variant; every example node type/version exists',
			'n8n start: the AI-agent example is imported with its Segment tools',
			'n8n start: POST to the published webhook example creates the source and the destination',
			'n8n start: the credential test (the editor\'s "Test" button) passes in both token modes and explains a user who has not connected Segment',
		];
		let publishMs;
		try {
			t = Date.now();
			await publishWorkflow(EXAMPLE.webhook, { env });
			publishMs = Date.now() - t;
			t = Date.now();
			server = await startServer({ env, port: await freePort() });
		} catch (error) {
			failAll(serverCases, error);
		}
		if (server) {
			const startMs = Date.now() - t;
			let cookie;
			await check(serverCases[0], async () => {
				const setup = await setupOwner(server.baseUrl, { email: 'e2e@example.com', password: 'E2e-Owner-Passw0rd!' });
				assert.equal(setup.created, true);
				assert.match(setup.cookie, /n8n-auth=/);
				cookie = setup.cookie;
				return `publish:workflow ${seconds(publishMs)}, n8n start ready in ${seconds(startMs)}`;
			});
			await check(serverCases[1], async () => {
				const response = await fetchEditor(`${server.baseUrl}/types/nodes.json`, { headers: { cookie } });
				assert.equal(response.status, 200);
				const types = await response.json();
				const versions = new Map();
				for (const type of types) {
					const list = Array.isArray(type.version) ? type.version : [type.version];
					versions.set(type.name, [...(versions.get(type.name) ?? []), ...list]);
				}
				assert.deepEqual(versions.get(NODE_TYPE), [1]);
				assert.deepEqual(versions.get(TOOL_NODE_TYPE), [1]);
				const tool = types.find((type) => type.name === TOOL_NODE_TYPE);
				assert.deepEqual(tool.outputs, ['ai_tool']);
				const missing = [];
				for (const workflow of Object.values(examples)) {
					for (const node of workflow.nodes) {
						if (!versions.get(node.type)?.includes(node.typeVersion)) missing.push(`${workflow.id}: ${node.name} (${node.type} v${node.typeVersion})`);
					}
				}
				assert.deepEqual(missing, [], 'example nodes of unknown type or version');
				return `${types.length} node types`;
			});
			await check(serverCases[2], async () => {
				const response = await fetchEditor(`${server.baseUrl}/rest/workflows/${EXAMPLE.agent}`, { headers: { cookie } });
				assert.equal(response.status, 200, await response.clone().text());
				const { data } = await response.json();
				const tools = data.nodes.filter((node) => node.type === TOOL_NODE_TYPE);
				assert.equal(tools.length, 4);
				assert.ok(tools.some((node) => JSON.stringify(node.parameters).includes('$fromAI(')));
				const toAgent = Object.entries(data.connections).filter(([, outputs]) => outputs.ai_tool?.[0]?.some((c) => c.node === 'AI Agent'));
				assert.equal(toAgent.length, 4);
				assert.ok(data.connections['OpenAI Chat Model'].ai_languageModel[0][0].node === 'AI Agent');
			});
			await check(serverCases[3], async () => {
				sandbox.reset();
				const response = await fetch(`${server.baseUrl}/webhook/segment/new-source`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ name: 'Checkout Service', slug: 'checkout_service', platform: 'server', categories: ['crm'], destination: { name: 'Checkout Webhooks', slug: 'webhooks' } }),
				});
				const text = await response.text();
				assert.equal(response.status, 200, text);
				const { source, destination } = JSON.parse(text);
				const writes = sandbox.requests.filter((request) => request.method !== 'GET');
				assert.deepEqual(writes.map(call), ['POST /sources', `PATCH /sources/${source.id}`, `PUT /sources/${source.id}/labels`, 'POST /destinations']);
				assert.deepEqual(writes[0].body, { slug: 'checkout_service', enabled: true, metadataId: catalogId('sources', 'http-api') });
				assert.deepEqual(writes[1].body, { name: 'Checkout Service' });
				assert.deepEqual(writes[3].body, { sourceId: source.id, metadataId: catalogId('destinations', 'webhooks'), settings: {}, name: 'Checkout Webhooks', enabled: true });
				assert.ok(sandbox.entities('destinations').some((d) => d.id === destination.id && d.sourceId === source.id));
				assertAuth(sandbox.requests, 'static');
			});
			await check(serverCases[4], async () => {
				sandbox.reset();
				const testCredential = async (credential) => {
					const response = await fetch(`${server.baseUrl}/rest/credentials/test`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', cookie },
						body: JSON.stringify({ credentials: credential }),
					});
					assert.equal(response.status, 200, await response.clone().text());
					return (await response.json()).data;
				};
				const [userToken, signingKey] = sandboxCredentials({ url: sandbox.url, privateKeyPem: cli.keys.privateKeyPem });
				assert.deepEqual(await testCredential(userToken), { status: 'OK', message: 'Connection successful!' });
				assert.deepEqual(await testCredential(signingKey), { status: 'OK', message: 'Connection successful!' });
				const lonely = await testCredential({ ...userToken, data: { ...userToken.data, userToken: LONELY_TOKEN } });
				assert.equal(lonely.status, 'Error');
				assert.match(lonely.message, /Segment is not connected for this user in Paragon/);
				assert.deepEqual(
					sandbox.requests.map((request) => [call(request), request.query['pagination.count'], request.auth?.kind, request.status]),
					[
						['GET /warehouses', '1', 'static', 200],
						['GET /warehouses', '1', 'jwt', 200],
						['GET /warehouses', '1', 'static', 400],
					],
				);
				return `lonely user: "${lonely.message.slice(0, 60)}…"`;
			});
		}
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
