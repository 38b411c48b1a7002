// npm run bench:n8n [-- --runs 5] [-- --latency 20] [-- --items 1000] [-- --warehouses 10000]
//
// The node in the real n8n (2.41.1 on Node 24, `n8n execute`) against the sandbox in its own
// process, with `--latency` ms added to every answer, next to what a user could use instead, in
// one run, the order rotating from run to run:
//   - Get per item: the node's Get, n8n's HTTP Request node with this credential, and a bare
//     Node.js client making the same GETs one after the other, on one keep-alive connection and
//     with a new connection per request (what n8n's request helper does);
//   - Get Many of N warehouses: the node's Get Many (Return All) against the HTTP Request node
//     walking the same cursor, plus Split Out to make one item per warehouse.
// Each figure is the measured nodes' own executionTime from n8n's run data (n8n's start-up is not
// in it). Prints every run, the medians and the ratios as markdown, and the TCP connections the
// sandbox accepted per workflow. Exits 1 when a run fails or sends other requests than expected.
// `--profile`: first one more execution of the node's Gets under `node --cpu-prof`, summarised
// as the time of the calls that matter per item (./profile.mjs); the profile file is kept.
import http from 'node:http';
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildAndPack, freePort, importCredentials, importWorkflows, installPackage, n8nEnv, newEncryptionKey, sandboxCredentials, tempDir } from '../../../scripts/e2e/n8n-app.mjs';
import { ensureRuntime, n8nEntry, nodeBinary } from '../../../scripts/n8n-runtime.mjs';
import { summarizeProfile } from './profile.mjs';
import { benchWorkflows, IDS, MEASURED } from './workflows.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = (name, fallback) => {
	const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
	const index = process.argv.indexOf(`--${name}`);
	const value = inline ? inline.split('=')[1] : index > 0 ? process.argv[index + 1] : undefined;
	return value === undefined ? fallback : Number(value);
};
const RUNS = flag('runs', 5);
const LATENCY_MS = flag('latency', 20);
const ITEMS = flag('items', 1000);
const WAREHOUSES = flag('warehouses', 10_000);
const PROFILE = process.argv.includes('--profile');
const PROJECT_ID = 'sandbox-project';
const USER_TOKEN = 'sandbox-user-token';
const failures = [];
const log = (message) => process.stderr.write(`bench:n8n ${message}\n`);

function startSandboxProcess() {
	const child = fork(path.join(here, '..', 'sandboxProcess.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	child.send({ projectId: PROJECT_ID, tokens: { [USER_TOKEN]: 'sandbox-user' }, connectedUsers: ['sandbox-user'], latencyMs: LATENCY_MS });
	return new Promise((resolve, reject) => {
		child.once('message', (answer) => (answer.url ? resolve({ url: answer.url, stop: () => child.disconnect() }) : reject(new Error(answer.error))));
	});
}

/** A control call on a connection of its own (no keep-alive), so it adds exactly one to the sandbox's connection count. */
function control(sandbox, method, route, body) {
	return new Promise((resolve, reject) => {
		const request = http.request(`${sandbox.url}${route}`, { method, agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
		});
		request.on('error', reject);
		request.end(body === undefined ? undefined : JSON.stringify(body));
	});
}
const connectionsAccepted = async (sandbox) => (await control(sandbox, 'GET', '/__sandbox/info')).connectionsAccepted;

/**
 * The baseline: Node's own client with one keep-alive connection, the same GETs one after the other.
 * `keepAlive` false: a new connection per request, as n8n's request helper makes them.
 */
async function bareGets(proxyRoot, ids, keepAlive = true) {
	const agent = new http.Agent({ keepAlive, maxSockets: 1 });
	const started = performance.now();
	for (let n = 0; n < ITEMS; n++) {
		await new Promise((resolve, reject) => {
			const headers = { authorization: `Bearer ${USER_TOKEN}`, accept: 'application/json', 'x-paragon-use-raw-response': '1' };
			http.get(`${proxyRoot}/warehouses/${encodeURIComponent(ids[n % ids.length])}`, { agent, headers }, (response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => (JSON.parse(Buffer.concat(chunks).toString('utf8')).data?.warehouse ? resolve() : reject(new Error('bare client: no warehouse in the answer'))));
			}).on('error', reject);
		});
	}
	agent.destroy();
	return performance.now() - started;
}

/**
 * `n8n execute --id` with its output in a file: the run of 10,000 items is tens of MB on one log
 * line, and n8n exits right after printing it, which cuts a pipe short (a file is written whole).
 * Returns the execution's run data and error.
 */
async function execute(id, env, workDir, nodeFlags = []) {
	const file = path.join(workDir, `execute-${id}.log`);
	const out = fs.openSync(file, 'w');
	const code = await new Promise((resolve, reject) => {
		const child = spawn(nodeBinary, [...nodeFlags, n8nEntry, 'execute', `--id=${id}`, '--rawOutput'], { env, stdio: ['ignore', out, out] });
		child.on('error', reject);
		child.on('close', resolve);
	});
	fs.closeSync(out);
	const lines = fs.readFileSync(file, 'utf8').split('\n').reverse();
	fs.rmSync(file);
	for (const line of lines) {
		if (!line.startsWith('{')) continue;
		let message;
		try {
			({ message } = JSON.parse(line));
		} catch {
			continue;
		}
		if (typeof message === 'string' && message.trimStart().startsWith('{')) {
			const { data } = JSON.parse(message);
			return { code, runData: data.resultData.runData, error: data.resultData.error };
		}
	}
	throw new Error(`n8n execute --id=${id} exited ${code} without printing its run`);
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fixed = (value, digits = 2) => value.toFixed(digits);

async function main() {
	ensureRuntime();
	const workDir = tempDir('segment-bench-n8n-');
	const userFolder = path.join(workDir, 'user');
	installPackage(buildAndPack(workDir, { quiet: true }), userFolder);
	const sandbox = await startSandboxProcess();
	try {
		const { ids } = await control(sandbox, 'POST', '/__sandbox/bulk', { resource: 'warehouses', count: WAREHOUSES });
		const proxyRoot = `${sandbox.url}/projects/${PROJECT_ID}/sdk/proxy/segment`;
		const env = n8nEnv({ userFolder, encryptionKey: newEncryptionKey(), brokerPort: await freePort() });
		await importCredentials(sandboxCredentials({ url: sandbox.url, privateKeyPem: '' }).slice(0, 1), { env, workDir });
		await importWorkflows(benchWorkflows({ proxyRoot, warehouseIds: ids.slice(0, 100), count: ITEMS }), { env, workDir });
		const expectedRequests = { [IDS.nodeGet]: ITEMS, [IDS.httpGet]: ITEMS, [IDS.nodeList]: Math.ceil(WAREHOUSES / 200), [IDS.httpList]: Math.ceil(WAREHOUSES / 200) };

		if (PROFILE) {
			const profileDir = path.join(workDir, 'profile');
			await execute(IDS.nodeGet, env, workDir, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
			const file = path.join(profileDir, fs.readdirSync(profileDir)[0]);
			console.log(`\n### Where the time of ${ITEMS.toLocaleString('en-US')} Gets goes in the real n8n (one execution, CPU profile ${file})\n`);
			console.log(summarizeProfile(file, ITEMS));
		}

		const figures = { bare: [], bareNewConnections: [], [IDS.nodeGet]: [], [IDS.httpGet]: [], [IDS.nodeList]: [], [IDS.httpList]: [] };
		const connections = {};
		const subjects = [IDS.nodeGet, IDS.httpGet, 'bare', IDS.nodeList, 'bareNewConnections', IDS.httpList];
		for (let run = 0; run < RUNS; run++) {
			// Rotate the order, so no subject always runs first (or right after the same one).
			const order = subjects.map((_, n) => subjects[(n + run) % subjects.length]);
			for (const subject of order) {
				await control(sandbox, 'DELETE', '/__sandbox/requests');
				const before = await connectionsAccepted(sandbox);
				let ms;
				if (subject === 'bare' || subject === 'bareNewConnections') ms = await bareGets(proxyRoot, ids.slice(0, 100), subject === 'bare');
				else {
					const { code, runData, error } = await execute(subject, env, workDir);
					if (code !== 0 || error) failures.push(`${subject}: exit ${code} ${error?.message ?? ''}`);
					ms = MEASURED[subject].reduce((sum, name) => sum + (runData[name]?.[0]?.executionTime ?? NaN), 0);
				}
				// Less the one connection of the control call that reads the count.
				connections[subject] = (await connectionsAccepted(sandbox)) - before - 1;
				if (!subject.startsWith('bare')) {
					const { requests } = await control(sandbox, 'GET', '/__sandbox/requests');
					if (requests.length !== expectedRequests[subject]) failures.push(`${subject}: ${requests.length} requests, expected ${expectedRequests[subject]}`);
				}
				figures[subject].push(ms);
				log(`run ${run + 1}/${RUNS} ${subject}: ${fixed(ms, 0)} ms`);
			}
		}
		report(figures, connections);
	} finally {
		sandbox.stop();
	}
	if (failures.length) {
		console.log(`\nFAILED:\n- ${failures.join('\n- ')}`);
		process.exitCode = 1;
	}
}

function report(figures, connections) {
	const perItem = (subject) => median(figures[subject]) / ITEMS;
	const bare = perItem('bare');
	const node = perItem(IDS.nodeGet);
	const httpNode = perItem(IDS.httpGet);
	const bareNew = perItem('bareNewConnections');
	const runs = (subject, scale = 1) => figures[subject].map((ms) => fixed(ms / scale, scale === 1 ? 0 : 2)).join(', ');
	console.log(`\n### ${ITEMS.toLocaleString('en-US')} Gets at ${LATENCY_MS} ms per request, real n8n (medians of ${RUNS} runs)\n`);
	console.log('| | per item (median) | runs (ms per item) | TCP connections per run | ratio to the bare client |');
	console.log('|---|---|---|---|---|');
	console.log(`| bare keep-alive client | ${fixed(bare)} ms | ${runs('bare', ITEMS)} | ${connections.bare} | 1.00 |`);
	console.log(`| bare client, a new connection per request (as n8n's request helper) | ${fixed(bareNew)} ms | ${runs('bareNewConnections', ITEMS)} | ${connections.bareNewConnections} | ${fixed(bareNew / bare)} |`);
	console.log(`| the node (Get) | ${fixed(node)} ms | ${runs(IDS.nodeGet, ITEMS)} | ${connections[IDS.nodeGet]} | **${fixed(node / bare)}** (goal ≤ 1.15) |`);
	console.log(`| HTTP Request node (all items' requests at once) | ${fixed(httpNode)} ms | ${runs(IDS.httpGet, ITEMS)} | ${connections[IDS.httpGet]} | ${fixed(httpNode / bare)} |`);
	console.log(`\nthe node / the bare client with a new connection per request: **${fixed(node / bareNew)}**; the new connections alone: ${fixed(bareNew - bare)} ms per item, the rest of n8n and the node: ${fixed(node - bareNew)} ms per item`);
	const list = median(figures[IDS.nodeList]);
	const httpList = median(figures[IDS.httpList]);
	console.log(`\n### Get Many of ${WAREHOUSES.toLocaleString('en-US')} warehouses at ${LATENCY_MS} ms per request, real n8n (medians of ${RUNS} runs)\n`);
	console.log('| | median | runs (ms) | requests | TCP connections per run |');
	console.log('|---|---|---|---|---|');
	console.log(`| the node (Get Many, Return All) | ${fixed(list, 0)} ms | ${runs(IDS.nodeList)} | ${Math.ceil(WAREHOUSES / 200)} | ${connections[IDS.nodeList]} |`);
	console.log(`| HTTP Request node paging + Split Out | ${fixed(httpList, 0)} ms | ${runs(IDS.httpList)} | ${Math.ceil(WAREHOUSES / 200)} | ${connections[IDS.httpList]} |`);
	console.log(`\nratio node / HTTP Request node: **${fixed(list / httpList)}** (goal ≤ 1.00)`);
}

await main();
