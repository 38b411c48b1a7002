// The queue-mode run's setup: Redis, a throwaway PostgreSQL, the packed package in four user
// folders, the sandbox and the credentials (setUp); then the n8n processes: two workers and a
// webhook process, the workflows imported and published, and main, which activates them
// (startProcesses). Both record what they start on `q` (see run.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import {
	buildAndPack,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	n8nEnv,
	newEncryptionKey,
	publishWorkflow,
	readExamples,
	sandboxCredentials,
} from '../../scripts/e2e/n8n-app.mjs';
import { log, seconds } from '../../scripts/e2e/cases.mjs';
import { answers, canSetHostname, ensureRedis, startN8nProcess, startPostgres, startRedis, waitFor } from '../../scripts/queue/services.mjs';
import { CONCURRENCY, executions, READY_TIMEOUT_MS, SCHEDULE_SECONDS, WORKERS } from './support.mjs';
import { EXAMPLE_WEBHOOK_ID, FLAVOURS, SCHEDULE_TOKEN, SCHEDULE_USER, SCHEDULE_WORKFLOW_ID, scheduleCredential, scheduleWorkflow, signedWebhookCopy } from './workflows.mjs';

const require = createRequire(import.meta.url);
const { startCliSandbox } = require('../../sandbox/cli');
const { DEMO } = require('../../sandbox/demo-users');

/** Sets q.redis, q.postgres, q.sandbox, q.cli, q.env (main's) and q.envFor(name, brokerPort). */
export async function setUp(q) {
	const { check, track, logFile, workDir, pgDir } = q;
	let t;
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
		q.sandbox = cli.sandbox;
		const { sandbox } = q;

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
	Object.assign(q, { postgres, redis, env, envFor, cli });
}

/** Starts the workers, the webhook process and main; sets q.workers, q.webhook, q.server, q.pids, q.mainStartedAt, q.mainActiveAt. */
export async function startProcesses(q) {
	const { check, track, logFile, workDir, env, envFor, postgres, redis, figures } = q;
	let t;
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

	Object.assign(q, { workers, webhook, server, pids, mainStartedAt, mainActiveAt });
}
