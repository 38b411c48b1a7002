'use strict';
// npm run bench [-- --runs 5] [-- --only list,get,tokens,upsert,upsertIndex,users,regulations]
//
// Runs each scenario of test/bench/worker.ts in its own Node process (the node in the real n8n
// engine, in-process; the sandbox in a child process), against the sandbox with no added latency
// and with 20 ms per request, and prints the medians as markdown tables. Exits 1 when the node
// sends more requests, signs more tokens or fetches the catalog more often than it should.
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const runsFlag = process.argv.indexOf('--runs');
const RUNS = Number(runsFlag > 0 ? process.argv[runsFlag + 1] : process.env.BENCH_RUNS || 5);
const LATENCIES = [0, 20];
const CONCURRENCY = 5;
const worker = path.join(__dirname, 'worker.ts');
const register = path.join(__dirname, 'register.js');
const failures = [];

function run(args) {
	process.stderr.write(`bench: ${JSON.stringify(args)}\n`);
	const output = execFileSync(process.execPath, ['--expose-gc', '-r', register, worker, JSON.stringify({ runs: RUNS, ...args })], {
		cwd: path.join(__dirname, '..', '..'),
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 16 * 2 ** 20,
	});
	return JSON.parse(output.toString().trim().split('\n').pop());
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
const count = (value) => value.toLocaleString('en-US');
const check = (ok, message) => {
	if (!ok) failures.push(message);
	return ok ? '' : ' ⚠';
};

function listTable() {
	const rows = ['| sandbox latency | entities | requests sent (minimum) | median time | per 1,000 entities | peak heap above idle | process max RSS | time ratio 100k / 10k |', '|---|---|---|---|---|---|---|---|'];
	for (const latencyMs of LATENCIES) {
		const small = run({ scenario: 'list', count: 10_000, latencyMs });
		const large = run({ scenario: 'list', count: 100_000, latencyMs });
		const smallMs = median(small.result.runs.map((r) => r.ms));
		for (const figures of [small, large]) {
			const { result } = figures;
			const requests = median(result.runs.map((r) => r.requests));
			const time = median(result.runs.map((r) => r.ms));
			const flag = check(result.runs.every((r) => r.requests === result.minimumRequests), `list ${result.count} at ${latencyMs} ms sent ${requests} requests, minimum ${result.minimumRequests}`);
			const ratio = figures === large ? `${(time / smallMs).toFixed(1)} (linear = 10)` : '';
			rows.push(`| ${latencyMs} ms | ${count(result.count)} | ${requests} (${result.minimumRequests})${flag} | ${ms(time)} | ${ms(time / (result.count / 1000))} | ${median(result.runs.map((r) => r.peakHeapMb)).toFixed(0)} MB | ${figures.maxRssMb.toFixed(0)} MB | ${ratio} |`);
		}
	}
	return rows;
}

function getTable() {
	const rows = [
		`| sandbox latency | node, one item at a time | node, Options > Concurrency ${CONCURRENCY} | bare keep-alive http client, sequential | ratio node / bare (goal ≤ 1.3 at 20 ms) | ratio node with concurrency ${CONCURRENCY} / bare |`,
		'|---|---|---|---|---|---|',
	];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ scenario: 'get', count: 1000, concurrency: CONCURRENCY, latencyMs });
		const perItem = (key) => median(result.runs.map((r) => r[key])) / result.count;
		const node = perItem('nodeMs');
		const parallel = perItem('nodeConcurrentMs');
		const bare = perItem('bareMs');
		const flag = latencyMs === 20 ? check(node / bare <= 1.3, `1,000 gets at 20 ms: node / bare = ${(node / bare).toFixed(2)} > 1.3`) : '';
		rows.push(`| ${latencyMs} ms | ${ms(node)} per item | ${ms(parallel)} per item | ${ms(bare)} per item | ${(node / bare).toFixed(2)}${flag} | ${(parallel / bare).toFixed(2)} |`);
	}
	return rows;
}

function tokenTable() {
	const rows = ['| sandbox latency | execution | warehouse creates | signatures made | catalog requests | requests sent | median time per create |', '|---|---|---|---|---|---|---|'];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ scenario: 'tokens', count: 100, latencyMs: latencyMs });
		for (const cold of [true, false]) {
			const runs = result.runs.filter((r) => r.cold === cold);
			if (!runs.length) continue;
			const signatures = Math.max(...runs.map((r) => r.signatures));
			const catalog = Math.max(...runs.map((r) => r.catalogRequests));
			const requests = Math.max(...runs.map((r) => r.requests));
			const flag = check(signatures <= (cold ? 1 : 0) && catalog === 1 && requests === result.count + 1, `100 creates at ${latencyMs} ms: ${signatures} signatures, ${catalog} catalog requests, ${requests} requests`);
			rows.push(`| ${latencyMs} ms | ${cold ? 'first (no token cached)' : 'later (token cached)'} | ${result.count} | ${signatures} | ${catalog} | ${requests}${flag} | ${ms(median(runs.map((r) => r.ms)) / result.count)} |`);
		}
	}
	return rows;
}

// Create or Update makes 3,000+ requests per execution: fewer runs, items 5 at a time (Options > Concurrency).
const UPSERT = { count: 1000, workspace: 10_000, runs: Math.min(RUNS, 3) };

function upsertTable() {
	const rows = [
		`| sandbox latency | execution (${count(UPSERT.count)} source items, Concurrency ${CONCURRENCY}) | sources in the workspace | list reads (minimum) | other reads | writes (creates) | median time | per item | time ratio to plain Create |`,
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ scenario: 'upsert', count: UPSERT.count, workspace: UPSERT.workspace, concurrency: CONCURRENCY, latencyMs, runs: UPSERT.runs });
		const of = (key, field) => median(result.runs.map((r) => r[key][field]));
		const createMs = of('create', 'ms');
		const executions = [
			['first', 'Create or Update, first run (all new)', result.workspace],
			['second', 'Create or Update, second run (nothing differs)', result.workspace + result.count],
			['create', 'plain Create (all new)', result.workspace],
		];
		for (const [key, label, size] of executions) {
			const minimum = key === 'create' ? 0 : Math.ceil(size / 200);
			const listReads = Math.max(...result.runs.map((r) => r[key].listReads));
			const writes = Math.max(...result.runs.map((r) => r[key].writes));
			const creates = Math.max(...result.runs.map((r) => r[key].creates));
			let flag = check(listReads === minimum, `${label} at ${latencyMs} ms: ${listReads} list reads, minimum ${minimum}`);
			if (key === 'second') flag += check(writes === 0 && of(key, 'otherReads') === 0, `${label} at ${latencyMs} ms: ${writes} writes, ${of(key, 'otherReads')} other reads (expected none)`);
			else flag += check(creates === result.count, `${label} at ${latencyMs} ms: ${creates} creates for ${result.count} items`);
			const time = of(key, 'ms');
			rows.push(`| ${latencyMs} ms | ${label} | ${count(size)} | ${listReads} (${minimum})${flag} | ${of(key, 'otherReads')} | ${count(writes)} (${count(creates)}) | ${ms(time)} | ${ms(time / result.count)} | ${(time / createMs).toFixed(2)} |`);
		}
	}
	return rows;
}

function upsertIndexTable() {
	const rows = ['| resource | entities held | heap of the index after a full GC (goal < 50 MB) | per entity | time to build it from the parsed pages |', '|---|---|---|---|---|'];
	const { result } = run({ scenario: 'upsertIndex', count: 100_000, latencyMs: 0, runs: 1 });
	for (const figures of result.figures) {
		const flag = check(figures.indexMb < 50, `the ${figures.resource} index for ${figures.entities} entities takes ${figures.indexMb.toFixed(1)} MB`);
		rows.push(`| ${figures.resource} | ${count(figures.entities)} | ${figures.indexMb.toFixed(1)} MB${flag} | ${Math.round((figures.indexMb * 2 ** 20) / figures.entities)} bytes | ${ms(figures.buildMs)} |`);
	}
	return rows;
}

function usersTable() {
	const rows = ['| sandbox latency | execution | items | Paragon users | signatures made | requests sent | median time | per item |', '|---|---|---|---|---|---|---|---|'];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ scenario: 'users', count: 1000, users: 100, latencyMs });
		for (const cold of [true, false]) {
			const runs = result.runs.filter((r) => r.cold === cold);
			if (!runs.length) continue;
			const signatures = Math.max(...runs.map((r) => r.signatures));
			const requests = Math.max(...runs.map((r) => r.requests));
			const users = Math.min(...runs.map((r) => r.users));
			const flag = check(signatures <= (cold ? result.users : 0) && requests === result.count && users === result.users, `1,000 items over ${result.users} users at ${latencyMs} ms: ${signatures} signatures, ${requests} requests, ${users} workspaces reached`);
			const time = median(runs.map((r) => r.ms));
			rows.push(`| ${latencyMs} ms | ${cold ? 'first (no token cached)' : 'later (tokens cached)'} | ${count(result.count)} | ${result.users} | ${signatures}${flag} | ${count(requests)} | ${ms(time)} | ${ms(time / result.count)} |`);
		}
	}
	return rows;
}

// SPEC §8: 10,000 items of one ID each are 2 requests; the node's own time per item at most 0.2 ms.
const REGULATION_OWN_MS_PER_ITEM = 0.2;

function regulationsTable() {
	const rows = [
		'| sandbox latency | execution (10,000 items, one ID each) | requests sent (goal) | regulations filed | median time of the execution | execute() | of which requests | of which n8n resolving parameters (the expression per item) | node\'s own time | own time per item (goal ≤ 0.2 ms) |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const latencyMs of LATENCIES) {
		const { result } = run({ scenario: 'regulations', count: 10_000, latencyMs, separate: latencyMs === 0 });
		const of = (key) => median(result.runs.map((r) => r[key]));
		const requests = Math.max(...result.runs.map((r) => r.requests));
		const goal = Math.ceil(result.count / 5000);
		const own = of('ownMs');
		let flag = check(requests === goal, `regulations at ${latencyMs} ms: ${requests} requests for ${result.count} items, goal ${goal}`);
		const ownFlag = check(own / result.count <= REGULATION_OWN_MS_PER_ITEM, `regulations at ${latencyMs} ms: the node's own time is ${(own / result.count).toFixed(3)} ms per item`);
		const times = (figures) => `${ms(figures.ms)} | ${ms(figures.executeMs)} | ${ms(figures.requestMs)} | ${ms(figures.parameterMs)} (${(figures.parameterMs / result.count).toFixed(3)} ms per item)`;
		const medians = { ms: of('ms'), executeMs: of('executeMs'), requestMs: of('requestMs'), parameterMs: of('parameterMs') };
		rows.push(`| ${latencyMs} ms | Combine Items on (default) | ${requests} (${goal})${flag} | ${of('regulations')} | ${times(medians)} | ${ms(own)} | ${(own / result.count).toFixed(3)} ms${ownFlag} |`);
		if (result.separate) {
			const separate = result.separate;
			flag = check(separate.requests === result.count, `Combine Items off at ${latencyMs} ms: ${separate.requests} requests for ${result.count} items`);
			rows.push(`| ${latencyMs} ms | Combine Items off (one run) | ${count(separate.requests)} (${count(result.count)})${flag} | ${count(separate.regulations)} | ${times(separate)} | ${ms(separate.ownMs)} | ${(separate.ownMs / result.count).toFixed(3)} ms |`);
		}
	}
	return rows;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
// The tables, each one scenario; `--only get,users` runs some of them (default: all).
const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag > 0 ? process.argv[onlyFlag + 1].split(',') : undefined;
const TABLES = [
	['list', '**Get Many, Return All (warehouses)**', listTable],
	['get', '**1,000 Get items in one execution** (warehouse get, ids from the items)', getTable],
	['tokens', '**Token and catalog per execution** (100 warehouse creates in one execution, Token Source: Signing Key)', tokenTable],
	['upsert', `**Create or Update** (${count(UPSERT.count)} source upserts against ${count(UPSERT.workspace)} sources, then the same workflow again; median of ${UPSERT.runs} run(s))`, upsertTable],
	['upsertIndex', '**The shared index of Create or Update** (100,000 entities of the list; sources with two labels each)', upsertIndexTable],
	['regulations', '**User deletion and suppression** (regulation Create of 10,000 items with one user ID each; the IDs combined into requests of up to 5,000)', regulationsTable],
	['users', '**Acting for many users** (1,000 Get Many items, limit 1, over 100 Paragon users with Options > Paragon User ID; one signing-key credential)', usersTable],
];
const out = [
	`Node ${process.version}, ${cpu} (${os.cpus().length} cores), median of ${RUNS} run(s); the sandbox in its own process; load average ${os.loadavg()[0].toFixed(2)} at start.`,
	...TABLES.filter(([name]) => !only || only.includes(name)).flatMap(([, title, table]) => ['', title, '', ...table()]),
];
process.stdout.write(`${out.join('\n')}\n`);
if (failures.length) {
	process.stderr.write(`bench: ${failures.length} check(s) failed:\n  ${failures.join('\n  ')}\n`);
	process.exit(1);
}
