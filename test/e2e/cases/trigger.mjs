// Case group "trigger": the three trigger examples, published and polling in the real n8n (copies that
// poll every 20 s — three Poll Times, custom crons at seconds 5, 25 and 45 — and post their alerts to
// a receiver of this group). The run causes a failed warehouse sync, a source going quiet and a
// failed Reverse ETL sync of the demo mapping in the sandbox; each workflow must then run exactly
// once, its trigger emitting exactly the expected item and its webhook node posting one alert; the
// first polls (at n8n start) emit nothing. At the end the
// copies are unpublished (also when a case failed), so their polls never reach the sandbox while later
// groups count requests: this group runs before "server".
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';
import http from 'node:http';
import { createRequire } from 'node:module';

import { call, fetchEditor } from '../support.mjs';
import { EXAMPLE } from '../workflows.mjs';

export const name = 'trigger';
export const needsServer = true;

const COPY = { sync: 'E2eTriggerSyncFail', quiet: 'E2eTriggerQuietSrc', reverseEtl: 'E2eTriggerRetlFail' };
const POLL_EVERY_20S = { item: [5, 25, 45].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };
// Two sync reads a minute, the demo's two warehouses: a failed sync is found within about 80 s.
const WAIT_MS = 150_000;
// n8n keeps execution data as "flatted" JSON; the package is n8n-workflow's own dependency.
const { parse: parseFlatted } = createRequire(createRequire(import.meta.url).resolve('n8n-workflow'))('flatted');
const { demoReverseEtlIds } = createRequire(import.meta.url)('../../../sandbox/seed-reverse-etl');

let receiver;

/** A stand-in for Slack's incoming webhook: remembers each POST body by path. */
function startReceiver() {
	const posts = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			posts.push({ path: req.url, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, posts, close: () => new Promise((done) => server.close(done)) })));
}

export async function start(ctx) {
	receiver = await startReceiver();
	ctx.onCleanup(() => receiver.close());
}

/** The example with quick Poll Times and its alert sent to the receiver. */
function pollingCopy(example, id, path) {
	const copy = structuredClone(example);
	copy.id = id;
	copy.name = `E2E: ${example.name} (every 20 s)`;
	for (const node of copy.nodes) {
		if (node.type.endsWith('.segmentParagonTrigger')) node.parameters.pollTimes = POLL_EVERY_20S;
		if (node.name === 'Send to Webhook') node.parameters.url = `${receiver.url}${path}`;
	}
	return copy;
}

export function workflows({ examples }) {
	return [
		pollingCopy(examples[EXAMPLE.syncAlert], COPY.sync, '/sync'),
		pollingCopy(examples[EXAMPLE.quietAlert], COPY.quiet, '/quiet'),
		pollingCopy(examples[EXAMPLE.reverseEtlAlert], COPY.reverseEtl, '/retl'),
	];
}

export function publish() {
	return Object.values(COPY);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function rest(server, method, path) {
	const response = await fetchEditor(`${server.baseUrl}/rest${path}`, { method, headers: { cookie: server.cookie, 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
	const text = await response.text();
	assert.equal(response.status, 200, `${method} /rest${path}: ${text.slice(0, 300)}`);
	return JSON.parse(text).data;
}

async function executionsOf(server, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const { results } = await rest(server, 'GET', `/executions?filter=${filter}`);
	return results;
}

/** The finished executions of a workflow, once there are `count` (or the time is up). */
async function waitForExecutions(server, workflowId, count, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const done = (await executionsOf(server, workflowId)).filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		if (done.length >= count || Date.now() > deadline) return done;
		await sleep(2000);
	}
}

/** What a node output in an execution (n8n's execution data, flatted). */
async function itemsOf(server, executionId, nodeName) {
	const execution = await rest(server, 'GET', `/executions/${executionId}`);
	const run = parseFlatted(execution.data);
	const task = run.resultData.runData[nodeName]?.[0];
	assert.ok(task, `"${nodeName}" did not run in execution ${executionId} (${Object.keys(run.resultData.runData).join(', ')})`);
	return { status: execution.status, items: (task.data?.main?.[0] ?? []).map((item) => item.json) };
}

/** Waits until the sandbox saw requests matching each pattern since `from`. */
async function waitForPolls(sandbox, from, patterns, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const calls = sandbox.requests.filter((request) => request.time >= from).map(call);
		const missing = patterns.filter((pattern) => !calls.some((line) => pattern.test(line)));
		if (!missing.length || Date.now() > deadline) return { calls, missing };
		await sleep(1000);
	}
}

export async function run({ sandbox, check, server, seedIds }) {
	try {
		await cases({ sandbox, check, server, seedIds });
	} finally {
		// Later groups count the sandbox's requests: the copies must not poll any more.
		for (const id of Object.values(COPY)) await rest(server, 'POST', `/workflows/${id}/deactivate`).catch(() => {});
	}
	await check('trigger: unpublished at the end; its polls stop', async () => {
		await sleep(3000);
		const since = Date.now();
		await sleep(22_000);
		assert.deepEqual(sandbox.requests.filter((request) => request.time >= since).map(call), []);
	});
}

async function cases({ sandbox, check, server, seedIds }) {
	// Requests of earlier groups may still be in the log: only those from now on are the triggers'.
	const since = Date.now();
	await check('trigger: the three copies are active and polling; the first polls (at n8n start) emitted nothing', async () => {
		const { calls, missing } = await waitForPolls(sandbox, since, [/^GET \/events\/volume$/, /^GET \/warehouses\/[^/]+\/syncs$/, /^GET \/reverse-etl-models\/[^/]+\/subscriptionId\/[^/]+\/syncs$/], 90_000);
		assert.deepEqual(missing, [], `not polled yet: ${calls.slice(-10).join(', ')}`);
		for (const id of Object.values(COPY)) assert.deepEqual(await executionsOf(server, id), [], `${id} ran before anything happened`);
		return `${calls.length} requests in ${Math.round((Date.now() - since) / 1000)} s`;
	});
	// A sync read came after the activation, which remembered its time: a report ending after that read is new.
	await sleep(2000);

	const warehouseId = seedIds('warehouses')['My Data Warehouse'];
	const sourceId = seedIds('sources')['Website Analytics'];
	const now = Date.now();
	const start = new Date(now - 21_000).toISOString();
	sandbox.addSyncReports(warehouseId, [{ status: 'FAILED', sourceId, start, duration: 20, notices: [{ level: 'ERROR', message: 'e2e: permission denied for schema website_analytics' }] }]);
	sandbox.setEventVolume({ sourceId, perMinute: 0, from: now - 3 * 3_600_000, to: now + 3_600_000 });
	// A sync of the demo mapping (as its schedule starts one) that ran 20 s and failed.
	const { modelId, mappingId } = demoReverseEtlIds();
	const [retlSync] = sandbox.addReverseEtlSyncs(mappingId, [{ syncStatus: 'FAIL', startedAt: now - 21_000, afterSeconds: 20, error: 'e2e: SQL compilation error: table CUSTOMERS does not exist', errorCode: 'QUERY_FAILED' }]);

	await check('trigger: a failed sync runs "alert on failed warehouse syncs" once, with exactly that report, and posts one alert', async () => {
		const executions = await waitForExecutions(server, COPY.sync, 1, WAIT_MS);
		assert.equal(executions.length, 1, `executions: ${executions.length}`);
		const { status, items } = await itemsOf(server, executions[0].id, 'On Failed Warehouse Sync');
		assert.equal(status, 'success');
		const end = new Date(Date.parse(start) + 20_000).toISOString();
		assert.deepEqual(items, [{ warehouseId, sourceId, status: 'FAILED', start, end, durationSeconds: 20, rows: 0, notices: [{ level: 'ERROR', message: 'e2e: permission denied for schema website_analytics', createdAt: end }] }]);
		const alerts = receiver.posts.filter((post) => post.path === '/sync');
		assert.equal(alerts.length, 1);
		assert.match(alerts[0].body.text, new RegExp(`FAILED: warehouse ${warehouseId}, source ${sourceId}.*permission denied`));
		return alerts[0].body.text;
	});

	await check('trigger: a source going quiet runs "alert when a source goes quiet" once, with exactly that source, and posts one alert', async () => {
		const executions = await waitForExecutions(server, COPY.quiet, 1, WAIT_MS);
		assert.equal(executions.length, 1, `executions: ${executions.length}`);
		const { status, items } = await itemsOf(server, executions[0].id, 'On Quiet Source');
		assert.equal(status, 'success');
		assert.equal(items.length, 1);
		const { window, ...item } = items[0];
		assert.deepEqual(item, { sourceId, sourceName: 'Website Analytics', events: 0, reason: 'belowMinimum', minimumEvents: 1, previousWeekEvents: null, dropPercent: null });
		assert.equal(window.minutes, 60);
		const alerts = receiver.posts.filter((post) => post.path === '/quiet');
		assert.equal(alerts.length, 1);
		assert.match(alerts[0].body.text, /^Segment source Website Analytics went quiet: 0 events/);
		return alerts[0].body.text;
	});

	await check('trigger: a failed Reverse ETL sync runs "alert on failed Reverse ETL syncs" once, with exactly that sync as Segment lists it, and posts one alert', async () => {
		const executions = await waitForExecutions(server, COPY.reverseEtl, 1, WAIT_MS);
		assert.equal(executions.length, 1, `executions: ${executions.length}`);
		const { status, items } = await itemsOf(server, executions[0].id, 'On Failed Reverse ETL Sync');
		assert.equal(status, 'success');
		assert.deepEqual(items, [retlSync]);
		assert.deepEqual(sandbox.reverseEtlSyncs(mappingId).find((sync) => sync.syncId === retlSync.syncId), retlSync);
		assert.equal(retlSync.modelId, modelId);
		const alerts = receiver.posts.filter((post) => post.path === '/retl');
		assert.equal(alerts.length, 1);
		assert.equal(alerts[0].body.text, `Segment Reverse ETL sync FAILED: model ${modelId}, sync ${retlSync.syncId}, started ${retlSync.startedAt}: e2e: SQL compilation error: table CUSTOMERS does not exist (QUERY_FAILED)`);
		return alerts[0].body.text;
	});

	await check('trigger: nothing is emitted twice — no further execution over the next polls (a full round of the warehouses)', async () => {
		await sleep(80_000);
		for (const id of Object.values(COPY)) assert.equal((await executionsOf(server, id)).length, 1, `${id} ran again`);
		assert.equal(receiver.posts.length, 3);
	});
}
