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
//
// The parts: setup.mjs (services, package, sandbox, credentials; the n8n processes), calls.mjs (the
// 80 webhook calls and their checks), schedule.mjs, figures.mjs; support.mjs holds what they share.
// They pass the run's state along in one object, `q` (built in main below).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureRuntime, N8N_VERSION, runtimeDir, runtimeReady } from '../../scripts/n8n-runtime.mjs';
import { killRunningCommands, packageName, tempDir } from '../../scripts/e2e/n8n-app.mjs';
import { createCases, log, seconds, short } from '../../scripts/e2e/cases.mjs';
import { sleep } from '../../scripts/queue/services.mjs';
import { webhookCalls } from './calls.mjs';
import { printFigures } from './figures.mjs';
import { scheduleRuns } from './schedule.mjs';
import { setUp, startProcesses } from './setup.mjs';
import { CONCURRENCY, WORKERS } from './support.mjs';

const started = Date.now();
let interrupted = false; // set by SIGINT/SIGTERM
// After SIGINT/SIGTERM the steps fail because their processes are being stopped: not news.
const { results, check, failAll, failed: anyFailed, summary } = createCases({ quiet: () => interrupted });

// ---------------------------------------------------------------- main

async function main() {
	log(`Queue mode: ${packageName} in n8n ${N8N_VERSION} (runtime ${runtimeDir}), main + ${WORKERS} workers (--concurrency=${CONCURRENCY}) + 1 webhook process`);
	const cold = !runtimeReady();
	if (cold) log('The n8n runtime is not installed yet: installing it (first run only, several minutes).');
	const t = Date.now();
	ensureRuntime();
	if (cold) log(`runtime installed in ${seconds(Date.now() - t)}`);

	const workDir = tempDir('segment-paragon-queue-');
	// PostgreSQL runs as the postgres account, which cannot enter workDir (0700, root's).
	const pgDir = tempDir('segment-paragon-queue-pg-');
	const services = []; // started long-running processes, in start order
	const seenPids = new Set(); // every pid started, with the descendants seen while running
	let cleaned;
	const stopMs = {}; // how long each process took to stop
	/** Registers a started process (so cleanup stops it) and returns it. */
	const track = (proc) => {
		services.push(proc);
		seenPids.add(proc.pid);
		return proc;
	};
	// The run's state: what the parts need, and what they started (q.sandbox, q.postgres, q.server, ...).
	const q = { check, failAll, workDir, pgDir, seenPids, stopMs, track, logFile: (name) => path.join(workDir, `${name}.log`), figures: {} };
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
			if (q.sandbox) await q.sandbox.close();
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

	try {
		await setUp(q);
		await startProcesses(q);
		await webhookCalls(q);
		await scheduleRuns(q);
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

	printFigures(q.figures);
	const { failed, line } = summary();
	log(`\ntotal ${seconds(Date.now() - started)}`);
	log(line);
	process.exitCode = failed ? 1 : 0;
}

main();
