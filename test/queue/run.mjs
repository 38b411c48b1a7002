#!/usr/bin/env node
// `npm run test:queue`: this package in n8n's queue mode (n8n 2.41.1 on Node 24), against the
// sandbox: Redis (Debian's redis-server, installed when missing) and a throwaway PostgreSQL
// cluster on free ports, n8n main + two workers (`--concurrency=5`, each with its own host name
// and user folder holding the packed package) + one webhook process, all sharing one
// encryption key, Redis and database.
//
// Imports both credential modes, the webhook example, a copy of it that signs its own tokens
// for the Paragon user each call names (two users), and a Schedule Trigger workflow; publishes
// them; fires 40 concurrent webhook calls through main and 40 through the webhook process,
// then checks that every call got its own answer, that each execution ran once on a worker
// and both workers ran some (PostgreSQL, their logs), that the sandbox saw exactly the
// requests 80 executions send, that no worker signed more than one token per user, and that
// the schedule ran once per trigger (not once per worker).
// Prints PASS/FAIL per case, the figures (time, memory per process), "N passed, N failed";
// exits 1 on any failure. Everything it starts is stopped by pid, also on failure and on
// SIGINT/SIGTERM.
// Environment: N8N_RUNTIME_DIR (runtime cache), QUEUE_KEEP=1 keeps the temporary folders
// (they are kept on failure anyway, for the logs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { ensureRuntime, N8N_VERSION, runtimeDir, runtimeReady } from '../../scripts/n8n-runtime.mjs';
import {
	buildAndPack,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	killRunningCommands,
	n8nEnv,
	newEncryptionKey,
	packageName,
	publishWorkflow,
	readExamples,
	sandboxCredentials,
	SANDBOX_USER_ID,
	tempDir,
} from '../../scripts/e2e/n8n-app.mjs';
import { createCases, log, seconds } from '../../scripts/e2e/cases.mjs';
import { answers, canSetHostname, descendants, ensureRedis, sampleMemory, startN8nProcess, startPostgres, startRedis, waitFor } from '../../scripts/queue/services.mjs';
import { EXAMPLE_WEBHOOK_ID, FLAVOURS, SCHEDULE_LIMIT, SCHEDULE_NODE_ID, SCHEDULE_TOKEN, SCHEDULE_USER, SCHEDULE_WORKFLOW_ID, SECOND_SIGNING_USER, scheduleCredential, scheduleWorkflow, signedWebhookCopy } from './workflows.mjs';

const require = createRequire(import.meta.url);
const { startCliSandbox } = require('../../sandbox/cli');
const { DEMO } = require('../../sandbox/demo-users');

const WORKERS = 2;
const CONCURRENCY = 5;
const CALLS_PER_ENTRY = 40;
const CALL_TIMEOUT_MS = 90_000;
const SCHEDULE_SECONDS = 3;
/** The schedule is watched at least this long (from main's activation to its stop). */
const SCHEDULE_MIN_WINDOW_MS = 12_000;
const READY_TIMEOUT_MS = 180_000; // 2 cores, others' tests running too
const TOKEN_TTL_S = 3600;

/** The requests one webhook execution sends (the example: create a source, wire a destination). */
const executionRequests = (sourceId) => ['GET /catalog/sources', 'GET /labels', 'POST /sources', `PATCH /sources/${sourceId}`, `PUT /sources/${sourceId}/labels`, 'GET /catalog/destinations', 'POST /destinations'];

const started = Date.now();
let interrupted = false; // set by SIGINT/SIGTERM
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// After SIGINT/SIGTERM the steps fail because their processes are being stopped: not news.
const { results, check, failAll, failed: anyFailed, summary } = createCases({ quiet: () => interrupted });

/** `<METHOD> /<decoded path>` of a logged sandbox request (no query), e.g. `PATCH /sources/src_1`. */
const callOf = (request) => `${request.method} /${request.segments.join('/')}`;

/** Counts of each value, as a sorted "value ×n" list (for messages). */
function tally(values) {
	const counts = new Map();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, n]) => `${value} ×${n}`);
}

/** What is in `a` and not in `b`, as multisets. */
function missingFrom(a, b) {
	const rest = [...b];
	const out = [];
	for (const value of a) {
		const index = rest.indexOf(value);
		if (index >= 0) rest.splice(index, 1);
		else out.push(value);
	}
	return out;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Cron `*\/n` in the seconds field fires at the seconds 0, n, 2n, ... of every minute. */
function ticksBetween(fromMs, toMs, n) {
	let count = 0;
	for (let s = Math.ceil(fromMs / 1000); s * 1000 <= toMs; s++) if ((s % 60) % n === 0) count++;
	return count;
}

/** The executions in PostgreSQL: `[{id, workflowId, mode, status, createdAt, deduplicationKey}]`. */
function executions(postgres) {
	return postgres
		.query('SELECT id, "workflowId", mode, status, (extract(epoch from "createdAt") * 1000)::bigint, coalesce("deduplicationKey", \'\') FROM execution_entity ORDER BY id')
		.map(([id, workflowId, mode, status, createdAt, deduplicationKey]) => ({ id, workflowId, mode, status, createdAt: Number(createdAt), deduplicationKey }));
}

/** `Worker finished execution N (job J)` lines of a worker: `[{executionId, workflowId}]`. */
function finishedByWorker(worker) {
	const out = [];
	for (const line of worker.lines) {
		const match = typeof line.message === 'string' && /Worker finished execution (\S+) \(job/.exec(line.message);
		if (match) out.push({ executionId: match[1], workflowId: line.metadata?.workflowId ?? line.workflowId });
	}
	return out;
}

// ---------------------------------------------------------------- main

async function main() {
	log(`Queue mode: ${packageName} in n8n ${N8N_VERSION} (runtime ${runtimeDir}), main + ${WORKERS} workers (--concurrency=${CONCURRENCY}) + 1 webhook process`);
	const cold = !runtimeReady();
	if (cold) log('The n8n runtime is not installed yet: installing it (first run only, several minutes).');
	let t = Date.now();
	ensureRuntime();
	if (cold) log(`runtime installed in ${seconds(Date.now() - t)}`);

	const workDir = tempDir('segment-paragon-queue-');
	// PostgreSQL runs as the postgres account, which cannot enter workDir (0700, root's).
	const pgDir = tempDir('segment-paragon-queue-pg-');
	const services = []; // started long-running processes, in start order
	const seenPids = new Set(); // every pid started, with the descendants seen while running
	let sandbox;
	let cleaned;
	const stopMs = {}; // how long each process took to stop
	const cleanup = async () => {
		if (cleaned) return cleaned;
		cleaned = (async () => {
			killRunningCommands();
			// n8n processes first (in parallel), then what they use.
			const isN8n = (proc) => proc.name.startsWith('n8n');
			const stop = async (proc) => {
				const t0 = Date.now();
				const wasRunning = proc.running;
				await proc.stop();
				if (wasRunning) stopMs[proc.name] = Date.now() - t0;
			};
			await Promise.all(services.filter(isN8n).map(stop));
			await Promise.all(services.filter((proc) => !isN8n(proc)).map(stop));
			if (sandbox) await sandbox.close();
			if (process.env.QUEUE_KEEP === '1' || anyFailed()) log(`kept ${workDir} (logs) and ${pgDir}`);
			else for (const dir of [workDir, pgDir]) fs.rmSync(dir, { recursive: true, force: true });
		})();
		return cleaned;
	};
	const onSignal = async (signal) => {
		if (interrupted) return;
		interrupted = true;
		log(`\n${signal}: stopping everything this run started`);
		results.push({ name: signal, ok: false });
		await cleanup();
		log(summary().line);
		process.exit(128 + os.constants.signals[signal]);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	/** Registers a started process (so cleanup stops it) and returns it. */
	const track = (proc) => {
		services.push(proc);
		seenPids.add(proc.pid);
		return proc;
	};
	const logFile = (name) => path.join(workDir, `${name}.log`);

	const figures = {};
	try {
		// ------------------------------------------------------------ setup
		let postgres;
		let redis;
		let env;
		let envFor;
		let cli;
		const setupOk = await check('setup: Redis and a throwaway PostgreSQL on free ports, the sandbox (in process), the packed package in 4 user folders, both credential modes imported', async () => {
			const notes = [];
			t = Date.now();
			const redisState = ensureRedis({ log });
			const [redisPort, pgPort] = [await freePort(), await freePort()];
			redis = track(await startRedis({ port: redisPort, dir: workDir, logFile: logFile('redis') }));
			postgres = track(await startPostgres({ port: pgPort, dir: pgDir }));
			notes.push(`redis-server ${redisState} (:${redisPort}) + PostgreSQL (:${pgPort}) ${seconds(Date.now() - t)}`);

			t = Date.now();
			const tarball = buildAndPack(path.join(workDir, 'pack'), { quiet: true });
			for (const name of ['main', 'worker-1', 'worker-2', 'webhook']) {
				fs.mkdirSync(path.join(workDir, name));
				installPackage(tarball, path.join(workDir, name));
			}
			notes.push(`build + pack + 4 installs ${seconds(Date.now() - t)}`);

			cli = await startCliSandbox({
				port: 0,
				keyDir: path.join(workDir, 'keys'),
				// The demo's users (SECOND_SIGNING_USER among them, with its own workspace) and the schedule's.
				tokens: { ...DEMO.tokens, [SCHEDULE_TOKEN]: SCHEDULE_USER },
				connectedUsers: [...DEMO.connectedUsers, SCHEDULE_USER],
				latencyMs: 3,
			});
			sandbox = cli.sandbox;

			const encryptionKey = newEncryptionKey();
			const { connection } = postgres;
			envFor = (name, brokerPort) => {
				const processEnv = n8nEnv({
					userFolder: path.join(workDir, name),
					encryptionKey,
					brokerPort,
					extra: {
						EXECUTIONS_MODE: 'queue',
						QUEUE_BULL_REDIS_HOST: '127.0.0.1',
						QUEUE_BULL_REDIS_PORT: String(redisPort),
						DB_TYPE: 'postgresdb',
						DB_POSTGRESDB_HOST: connection.host,
						DB_POSTGRESDB_PORT: String(connection.port),
						DB_POSTGRESDB_DATABASE: connection.database,
						DB_POSTGRESDB_USER: connection.user,
						DB_POSTGRESDB_PASSWORD: connection.password,
						// Finished jobs kept in Redis: with n8n's default (removed at once) a webhook
						// call now and then never gets its answer although its execution succeeded.
						N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED: '1000',
						N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED: '1000',
						N8N_LISTEN_ADDRESS: '127.0.0.1',
						N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
						GENERIC_TIMEZONE: 'UTC',
					},
				});
				delete processEnv.NODE_ENV;
				return processEnv;
			};
			env = envFor('main', await freePort());

			t = Date.now();
			await importCredentials([...sandboxCredentials({ url: sandbox.url, privateKeyPem: cli.keys.privateKeyPem }), scheduleCredential({ url: sandbox.url })], { env, workDir });
			notes.push(`import:credentials (runs the migrations) ${seconds(Date.now() - t)}`);
			return notes.join('; ');
		});
		if (!setupOk) throw new Error('setup failed');

		// ------------------------------------------------------------ the processes
		// Workers and the webhook process need only the migrated database: they start while the
		// workflows are imported; main starts once they are published (it activates them).
		const spawned = {};
		const workers = [];
		for (let i = 1; i <= WORKERS; i++) {
			spawned[`n8n worker-${i}`] = Date.now();
			workers.push(
				track(
					startN8nProcess({
						name: `n8n worker-${i}`,
						command: 'worker',
						args: [`--concurrency=${CONCURRENCY}`],
						env: envFor(`worker-${i}`, await freePort()),
						hostname: `queue-worker-${i}`,
						logFile: logFile(`n8n-worker-${i}`),
					}),
				),
			);
		}
		const webhookPort = await freePort();
		spawned['n8n webhook'] = Date.now();
		const webhook = track(
			startN8nProcess({
				name: 'n8n webhook',
				command: 'webhook',
				env: { ...envFor('webhook', await freePort()), N8N_PORT: String(webhookPort) },
				logFile: logFile('n8n-webhook'),
			}),
		);
		webhook.baseUrl = `http://127.0.0.1:${webhookPort}`;

		const workflowsOk = await check('workflows: the webhook example, a copy of it on the signing-key credential acting for the user the call names, and a schedule; imported and published with the n8n CLI', async () => {
			const examples = Object.fromEntries(readExamples().map(({ workflow }) => [workflow.id, workflow]));
			const example = examples[EXAMPLE_WEBHOOK_ID];
			assert.ok(example, `examples/ has no workflow ${EXAMPLE_WEBHOOK_ID}`);
			const workflows = [example, signedWebhookCopy(example), scheduleWorkflow({ seconds: SCHEDULE_SECONDS })];
			t = Date.now();
			const imported = await importWorkflows(workflows, { env, workDir });
			const text = imported.lines.map((line) => line.message).join('\n');
			assert.match(text, new RegExp(`Successfully imported ${workflows.length} workflows`), text);
			const importMs = Date.now() - t;
			await Promise.all(workflows.map((workflow) => publishWorkflow(workflow.id, { env })));
			const published = postgres.query('SELECT id FROM workflow_entity WHERE "activeVersionId" = "versionId"').map(([id]) => id);
			assert.deepEqual(published.sort(), workflows.map((workflow) => workflow.id).sort(), 'published workflows');
			return `import:workflow ${seconds(importMs)}, ${workflows.length} publish:workflow in parallel ${seconds(Date.now() - t - importMs)}`;
		});
		if (!workflowsOk) throw new Error('setup failed');

		const mainPort = await freePort();
		const mainStartedAt = Date.now();
		spawned['n8n main'] = mainStartedAt;
		const server = track(startN8nProcess({ name: 'n8n main', command: 'start', env: { ...env, N8N_PORT: String(mainPort) }, logFile: logFile('n8n-main') }));
		server.baseUrl = `http://127.0.0.1:${mainPort}`;
		let mainActiveAt;
		const processesOk = await check(`processes: n8n main + ${WORKERS} workers (--concurrency=${CONCURRENCY}, own host names, own broker ports) + webhook process, all ready; main activated the 3 workflows`, async () => {
			// n8n 2.41 activates published workflows in the background (its publication service logs
			// nothing at info level): the webhooks are live once main has registered them in the
			// database, the schedule once it has made its first execution.
			const webhookIds = [...new Set(Object.values(FLAVOURS).map((flavour) => flavour.workflowId))];
			const activated = () => {
				const registered = new Set(postgres.query('SELECT "workflowId" FROM webhook_entity').map(([id]) => id));
				return webhookIds.every((id) => registered.has(id)) && executions(postgres).some((row) => row.workflowId === SCHEDULE_WORKFLOW_ID);
			};
			// When each said it was ready (the line's arrival), from its start.
			const ready = {};
			const saidReady = (proc, pattern) => () => {
				const line = proc.lines.find((entry) => pattern.test(entry.message ?? ''));
				if (line) ready[proc.name] = line.receivedAt - spawned[proc.name];
				return Boolean(line);
			};
			await Promise.all([
				waitFor(server, `an answer on ${server.baseUrl}/healthz/readiness`, () => answers(`${server.baseUrl}/healthz/readiness`), { timeoutMs: READY_TIMEOUT_MS })
					.then(() => waitFor(server, 'activation of the 3 workflows (2 webhooks in webhook_entity, a first scheduled execution)', activated, { timeoutMs: READY_TIMEOUT_MS, intervalMs: 250 }))
					.then(() => (ready[server.name] = Date.now() - spawned[server.name])),
				...workers.map((worker) => waitFor(worker, '"n8n worker is now ready"', saidReady(worker, /n8n worker is now ready/), { timeoutMs: READY_TIMEOUT_MS })),
				waitFor(webhook, '"Webhook listener waiting for requests."', saidReady(webhook, /Webhook listener waiting for requests/), { timeoutMs: READY_TIMEOUT_MS }).then(() =>
					waitFor(webhook, `an answer on ${webhook.baseUrl}/healthz/readiness`, () => answers(`${webhook.baseUrl}/healthz/readiness`), { timeoutMs: READY_TIMEOUT_MS }),
				),
			]);
			mainActiveAt = spawned[server.name] + ready[server.name];
			const unknown = [server, ...workers, webhook].flatMap((proc) => proc.lines.filter((line) => /Unrecognized node type/i.test(line.message ?? '')));
			assert.deepEqual(unknown.map((line) => line.message), [], 'a process does not know the node');
			figures.ready = ready;
			const hostnames = canSetHostname() ? 'host names queue-worker-1/2 (unshare --uts)' : 'one host name for all (unshare --uts not available)';
			return `ready after their start: ${Object.entries(ready).map(([name, ms]) => `${name.replace('n8n ', '')} ${seconds(ms)}`).join(', ')} (main: until its webhooks and schedule were active); ${hostnames}`;
		});
		if (!processesOk) throw new Error('the n8n processes did not start');

		const pids = { [server.name]: server.pid, ...Object.fromEntries(workers.map((worker) => [worker.name, worker.pid])), [webhook.name]: webhook.pid, redis: redis.pid, postgres: postgres.pid };

		// ------------------------------------------------------------ 80 concurrent calls
		const memory = sampleMemory(pids);
		const flavourOf = (j) => [FLAVOURS.userToken, FLAVOURS.userToken, FLAVOURS.signed, FLAVOURS.signedSecondUser][j % 4];
		const planned = [];
		for (let j = 0; j < CALLS_PER_ENTRY; j++) {
			for (const [entry, baseUrl] of [
				['main', server.baseUrl],
				['webhook', webhook.baseUrl],
			]) {
				const flavour = flavourOf(j);
				const n = planned.length;
				planned.push({
					entry,
					flavour,
					url: `${baseUrl}/webhook/${flavour.path}`,
					body: {
						name: `Queue ${entry} ${j}`,
						slug: `queue_${entry}_${j}`,
						platform: 'web',
						categories: ['analytics', 'marketing'],
						destination: { name: `Queue ${entry} ${j} GA`, slug: 'google-analytics', settings: { trackingId: `UA-${n}-1` } },
						...(flavour.bodyUserId ? { userId: flavour.bodyUserId } : {}),
					},
				});
			}
		}
		t = Date.now();
		const answered = await Promise.all(
			planned.map(async (call) => {
				const t0 = Date.now();
				try {
					const response = await fetch(call.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body), signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
					return { ...call, status: response.status, text: await response.text(), ms: Date.now() - t0 };
				} catch (error) {
					return { ...call, error: `${error.name}: ${error.message}`, ms: Date.now() - t0 };
				}
			}),
		);
		const burstMs = Date.now() - t;
		await sleep(1000);
		const { peak } = memory.stop();
		for (const pid of Object.values(pids)) for (const child of descendants(pid)) seenPids.add(child);
		const latencies = (entry) => answered.filter((a) => a.entry === entry).map((a) => a.ms).sort((a, b) => a - b);
		figures.calls = { burstMs, main: latencies('main'), webhook: latencies('webhook') };
		figures.memory = peak;

		await check(`${planned.length} concurrent webhook calls (${CALLS_PER_ENTRY} through main, ${CALLS_PER_ENTRY} through the webhook process; client timeout ${CALL_TIMEOUT_MS / 1000} s): each answered 200 with the source and destination of its own request`, async () => {
			const wrong = [];
			const sourceIds = new Set();
			for (const call of answered) {
				try {
					assert.equal(call.error, undefined, call.error);
					assert.equal(call.status, 200, call.text?.slice(0, 300));
					const { source, destination } = JSON.parse(call.text);
					assert.equal(source.slug, call.body.slug);
					assert.equal(source.name, call.body.name);
					assert.deepEqual(source.metadata, { platform: 'web', categories: ['analytics', 'marketing'] });
					assert.equal(destination.name, call.body.destination.name);
					assert.equal(destination.slug, 'google-analytics');
					assert.equal(destination.sourceId, source.id);
					assert.ok(!sourceIds.has(source.id), `source ${source.id} answered twice`);
					sourceIds.add(source.id);
					assert.ok(sandbox.entities('destinations', 'us', { user: call.flavour.userId }).some((d) => d.id === destination.id && d.sourceId === source.id && d.settings.trackingId === call.body.destination.settings.trackingId), `destination ${destination.id} is not in the sandbox as answered`);
					call.sourceId = source.id;
				} catch (error) {
					wrong.push(`${call.entry} ${call.flavour.path} ${call.body.slug} (${seconds(call.ms)}): ${error.message.split('\n')[0]}`);
				}
			}
			assert.deepEqual(wrong, [], `${wrong.length} of ${answered.length} calls went wrong`);
			return `all ${answered.length} in ${seconds(burstMs)}`;
		});

		const webhookWorkflowIds = new Set(Object.values(FLAVOURS).map((flavour) => flavour.workflowId));
		await check(`every webhook execution ran once, on a worker (PostgreSQL: ${planned.length} successful; worker logs: "Worker finished execution N"), and both workers finished some`, async () => {
			const rows = executions(postgres).filter((row) => webhookWorkflowIds.has(row.workflowId));
			assert.equal(rows.length, planned.length, `executions of the webhook workflows: ${tally(rows.map((row) => row.workflowId)).join(', ')}`);
			assert.deepEqual(tally(rows.map((row) => `${row.mode}/${row.status}`)), [`webhook/success ×${planned.length}`]);
			const finished = workers.map((worker) => finishedByWorker(worker).map((line) => line.executionId));
			const ranOn = new Map();
			finished.forEach((ids, index) => ids.forEach((id) => ranOn.set(id, [...(ranOn.get(id) ?? []), workers[index].name])));
			const notOnce = rows.filter((row) => (ranOn.get(row.id) ?? []).length !== 1).map((row) => `${row.id}: ${(ranOn.get(row.id) ?? ['no worker']).join(', ')}`);
			assert.deepEqual(notOnce, [], 'executions not finished by exactly one worker');
			const ids = new Set(rows.map((row) => row.id));
			const perWorker = finished.map((list) => list.filter((id) => ids.has(id)).length);
			perWorker.forEach((count, index) => assert.ok(count > 0, `${workers[index].name} finished none of the webhook executions`));
			figures.perWorker = perWorker;
			// Each call's execution (its saved data holds the call's slug), and the worker that ran it.
			const bySlug = new Map(postgres.query(`SELECT "executionId", substring(data from 'queue_(?:main|webhook)_[0-9]+') FROM execution_data`).map(([id, slug]) => [slug, id]));
			for (const call of answered) {
				call.executionId = bySlug.get(call.body.slug);
				call.worker = ranOn.get(call.executionId)?.[0];
			}
			const unlinked = answered.filter((call) => !call.worker).map((call) => call.body.slug);
			assert.deepEqual(unlinked, [], 'calls whose execution was not found in PostgreSQL or in a worker\'s log');
			return workers.map((worker, index) => `${worker.name} ${perWorker[index]}`).join(', ');
		});

		const webhookRequests = () => sandbox.requests.filter((request) => request.auth?.userId !== SCHEDULE_USER);
		await check(`the sandbox saw exactly the requests of ${planned.length} executions (${executionRequests('{id}').length} each, by method and path), all answered 2xx, each authenticated as its workflow's credential`, async () => {
			const ok = answered.filter((call) => call.sourceId);
			assert.equal(ok.length, answered.length, 'not every call was answered (see above)');
			const requests = webhookRequests();
			const expected = ok.flatMap((call) => executionRequests(call.sourceId)).sort();
			const actual = requests.map(callOf).sort();
			const extra = missingFrom(actual, expected);
			const lacking = missingFrom(expected, actual);
			assert.ok(!extra.length && !lacking.length, `requests not expected: ${tally(extra).slice(0, 10).join(', ') || 'none'}; expected but not seen: ${tally(lacking).slice(0, 10).join(', ') || 'none'}`);
			const failedStatus = requests.filter((request) => !(request.status >= 200 && request.status < 300));
			assert.deepEqual(failedStatus.map((request) => `${callOf(request)} ${request.status}`), []);
			const wrongAuth = [];
			for (const call of ok) {
				const own = requests.filter((request) => [`PATCH /sources/${call.sourceId}`, `PUT /sources/${call.sourceId}/labels`].includes(callOf(request)) || (request.method === 'POST' && callOf(request) === 'POST /sources' && request.body?.slug === call.body.slug));
				assert.equal(own.length, 3, `${call.body.slug}: ${own.map(callOf).join(', ')}`);
				for (const request of own) if (request.auth?.kind !== call.flavour.kind || request.auth?.userId !== call.flavour.userId) wrongAuth.push(`${call.body.slug} ${callOf(request)}: ${request.auth?.kind}/${request.auth?.userId}, expected ${call.flavour.kind}/${call.flavour.userId}`);
			}
			assert.deepEqual(wrongAuth, []);
			const slugs = requests.filter((request) => callOf(request) === 'POST /sources').map((request) => request.body?.slug);
			assert.equal(new Set(slugs).size, slugs.length, 'a source was created twice');
			return `${requests.length} requests: ${tally(actual.map((value) => value.replace(/\/sources\/[^/]+/, '/sources/{id}'))).join(', ')}`;
		});

		await check(`signing key across ${WORKERS} workers: each worker signs at most one token per user and lifetime (the distinct JWTs of the requests each worker's executions sent), valid for ${TOKEN_TTL_S} s`, async () => {
			const jwt = webhookRequests().filter((request) => request.auth?.kind === 'jwt');
			const users = [SANDBOX_USER_ID, SECOND_SIGNING_USER];
			const notes = [];
			// The requests that name their call (its slug or its source's id), by worker and user.
			const perWorkerUser = new Map();
			for (const call of answered.filter((c) => c.flavour.kind === 'jwt' && c.worker)) {
				const own = jwt.filter((request) => (callOf(request) === 'POST /sources' && request.body?.slug === call.body.slug) || (request.segments[0] === 'sources' && request.segments[1] === call.sourceId) || (callOf(request) === 'POST /destinations' && request.body?.sourceId === call.sourceId));
				assert.equal(own.length, 4, `${call.body.slug}: its own requests ${own.map(callOf).join(', ')}`);
				const key = `${call.worker} / ${call.flavour.userId}`;
				if (!perWorkerUser.has(key)) perWorkerUser.set(key, new Set());
				for (const request of own) perWorkerUser.get(key).add(request.auth.tokenSha256);
			}
			const over = [...perWorkerUser].filter(([, tokens]) => tokens.size > 1).map(([key, tokens]) => `${key}: ${tokens.size} tokens`);
			assert.deepEqual(over, [], 'a worker signed more than one token for a user');
			figures.tokensPerWorker = Object.fromEntries([...perWorkerUser].sort().map(([key, tokens]) => [key, tokens.size]));
			figures.tokens = {};
			for (const user of users) {
				const mine = jwt.filter((request) => request.auth.userId === user);
				const tokens = new Map();
				for (const request of mine) tokens.set(request.auth.tokenSha256, request.auth.claims);
				const expectedRequests = answered.filter((call) => call.flavour.kind === 'jwt' && call.flavour.userId === user).length * executionRequests('x').length;
				assert.equal(mine.length, expectedRequests, `${user}: JWT requests`);
				// Over all its requests (catalog and label reads too): at most one token per worker.
				assert.ok(tokens.size >= 1 && tokens.size <= WORKERS, `${user}: ${tokens.size} distinct tokens for ${mine.length} requests (at most ${WORKERS}: one per worker)`);
				for (const claims of tokens.values()) {
					assert.equal(claims.sub, user);
					assert.equal(claims.exp - claims.iat, TOKEN_TTL_S);
				}
				figures.tokens[user] = tokens.size;
				notes.push(`${user}: ${tokens.size} token${tokens.size === 1 ? '' : 's'} for ${mine.length} requests of ${mine.length / executionRequests('x').length} executions`);
			}
			return `${notes.join('; ')}; per worker and user: ${Object.entries(figures.tokensPerWorker).map(([key, n]) => `${key.replace('n8n ', '')} ${n}`).join(', ')}`;
		});

		// ------------------------------------------------------------ the schedule
		const scheduleCase = `a Schedule Trigger (every ${SCHEDULE_SECONDS} s -> Segment Get Many) in queue mode runs once per trigger, on a worker, not once per worker`;
		try {
			const waitMore = mainActiveAt + SCHEDULE_MIN_WINDOW_MS - Date.now();
			if (waitMore > 0) await sleep(waitMore);
			// Stopping main stops the trigger: the executions it made are then all there is to count.
			const t0 = Date.now();
			await server.stop({ graceMs: 20_000 });
			const mainStoppedAt = Date.now();
			stopMs[server.name] = mainStoppedAt - t0;
			// Wait for the workers to finish what main enqueued last.
			const pending = () => executions(postgres).filter((row) => row.workflowId === SCHEDULE_WORKFLOW_ID && !['success', 'error', 'crashed', 'canceled'].includes(row.status));
			const deadline = Date.now() + 30_000;
			while (pending().length && Date.now() < deadline) await sleep(250);
			await check(scheduleCase, async () => {
				const rows = executions(postgres).filter((row) => row.workflowId === SCHEDULE_WORKFLOW_ID);
				const requests = sandbox.requests.filter((request) => request.auth?.userId === SCHEDULE_USER);
				assert.ok(rows.length >= 2, `only ${rows.length} scheduled executions in ${seconds(mainStoppedAt - mainActiveAt)}`);
				assert.deepEqual(tally(rows.map((row) => `${row.mode}/${row.status}`)), [`trigger/success ×${rows.length}`]);
				assert.deepEqual(tally(requests.map((request) => `${callOf(request)}?pagination.count=${request.query['pagination.count']} ${request.status}`)), [`GET /warehouses?pagination.count=${SCHEDULE_LIMIT} 200 ×${rows.length}`], `requests of the scheduled workflow (${rows.length} executions)`);
				// n8n records each scheduled execution's trigger time in its deduplicationKey
				// (<workflow id>:<node id>:<ISO time>): one execution per trigger time, on the ticks.
				const prefix = `${SCHEDULE_WORKFLOW_ID}:${SCHEDULE_NODE_ID}:`;
				const scheduled = rows.map((row) => (row.deduplicationKey.startsWith(prefix) ? Date.parse(row.deduplicationKey.slice(prefix.length)) : NaN));
				assert.ok(scheduled.every(Number.isFinite), `executions without their trigger time: ${rows.filter((row, i) => !Number.isFinite(scheduled[i])).map((row) => `${row.id} "${row.deduplicationKey}"`).join(', ')}`);
				assert.equal(new Set(scheduled).size, rows.length, `more than one execution for a trigger time: ${tally(scheduled.map((ms) => new Date(ms).toISOString())).filter((line) => !line.endsWith('×1')).join(', ')}`);
				const offTick = scheduled.filter((ms) => ms % 1000 !== 0 || (ms / 1000) % SCHEDULE_SECONDS !== 0);
				assert.deepEqual(offTick.map((ms) => new Date(ms).toISOString()), [], `trigger times off the every-${SCHEDULE_SECONDS}-s ticks`);
				const most = ticksBetween(mainStartedAt, mainStoppedAt, SCHEDULE_SECONDS);
				const spanned = ticksBetween(Math.min(...scheduled), Math.max(...scheduled), SCHEDULE_SECONDS);
				assert.ok(rows.length <= most, `${rows.length} executions, but only ${most} triggers while main was up`);
				assert.ok(rows.length * 2 >= spanned, `${rows.length} executions for ${spanned} triggers: most triggers did not run`);
				const late = rows.map((row, i) => row.createdAt - scheduled[i]).sort((a, b) => a - b);
				const finished = workers.flatMap((worker) => finishedByWorker(worker).map((line) => [line.executionId, worker.name]));
				const ranOn = rows.map((row) => finished.filter(([id]) => id === row.id).map(([, name]) => name));
				assert.ok(ranOn.every((names) => names.length === 1), `scheduled executions not finished by exactly one worker: ${JSON.stringify(ranOn)}`);
				figures.schedule = { executions: rows.length, windowMs: mainStoppedAt - mainActiveAt };
				const missed = spanned - rows.length;
				return `${rows.length} executions, ${requests.length} requests, ${rows.length} distinct trigger times in ${seconds(mainStoppedAt - mainActiveAt)}${missed ? ` (${missed} of ${spanned} triggers missed)` : ''}; created ${late[0]}–${late.at(-1)} ms after their trigger time; ran on ${tally(ranOn.map((names) => names[0])).join(', ')}`;
			});
		} catch (error) {
			failAll([scheduleCase], error);
		}
	} catch (error) {
		if (interrupted) return;
		if (!/^(setup failed|the n8n processes did not start)$/.test(error.message)) {
			results.push({ name: 'run', ok: false });
			log(`FAIL  run aborted: ${short(error)}`);
		}
		for (const proc of services) if (proc.tail && proc.lines) log(`--- last lines of ${proc.name}:\n${proc.tail(8)}`);
	}

	// ------------------------------------------------------------ stop everything, by pid
	const stopStarted = Date.now();
	await cleanup();
	await check('stop: every process this run started (n8n main, workers, webhook, their task runners, Redis, PostgreSQL) is gone', async () => {
		await sleep(300);
		const alive = [...seenPids].filter((pid) => {
			try {
				const state = /^State:\s+(\S)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
				return state && state !== 'Z';
			} catch {
				return false;
			}
		});
		assert.deepEqual(alive, [], 'still running');
		return `${seenPids.size} pids; SIGTERM to exit: ${Object.entries(stopMs).map(([name, ms]) => `${name.replace('n8n ', '')} ${seconds(ms)}`).join(', ')}; the final stop took ${seconds(Date.now() - stopStarted)}`;
	});

	// ------------------------------------------------------------ figures
	if (figures.calls) {
		const { burstMs, main: m, webhook: w } = figures.calls;
		log('\nFigures');
		log(`  ${m.length + w.length} concurrent calls in ${seconds(burstMs)}; per call through main p50 ${seconds(percentile(m, 50))}, max ${seconds(m.at(-1))}; through the webhook process p50 ${seconds(percentile(w, 50))}, max ${seconds(w.at(-1))}`);
		if (figures.perWorker) log(`  executions per worker: ${figures.perWorker.join(' / ')}`);
		if (figures.tokens) log(`  distinct signed tokens per user: ${Object.entries(figures.tokens).map(([user, n]) => `${user} ${n}`).join(', ')} (${WORKERS} workers)${figures.tokensPerWorker ? `; per worker and user: ${Object.entries(figures.tokensPerWorker).map(([key, n]) => `${key.replace('n8n ', '')} ${n}`).join(', ')}` : ''}`);
		if (figures.ready) log(`  ready after start (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} now): ${Object.entries(figures.ready).map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`);
		if (figures.memory) {
			log('  memory, peak RSS during the calls (the process alone / with its task runners):');
			let total = 0;
			for (const [name, peak] of Object.entries(figures.memory)) {
				total += peak.treeKb;
				log(`    ${name.padEnd(14)} ${mb(peak.ownKb).padStart(7)} / ${mb(peak.treeKb).padStart(7)}${peak.children ? ` (${peak.children} child process${peak.children === 1 ? '' : 'es'})` : ''}`);
			}
			log(`    ${'all'.padEnd(14)} ${''.padStart(7)}   ${mb(total).padStart(7)}`);
		}
	}
	const { failed, line } = summary();
	log(`\ntotal ${seconds(Date.now() - started)}`);
	log(line);
	process.exitCode = failed ? 1 : 0;
}

main();
