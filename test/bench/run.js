'use strict';
// npm run bench [-- --runs 5] [-- --only list,get,tokens,upsert,upsertIndex,users,mappings,trackingPlan,regulations,trigger]
//
// Runs the scenario of each table of test/bench/tables/ (tables/index.ts lists them) in its own
// Node process (test/bench/worker.ts: the node in the real n8n engine, in-process; the sandbox in a
// child process), against the sandbox with no added latency and with 20 ms per request, and
// prints the medians as markdown tables. Exits 1 when the node sends more requests, signs more
// tokens or fetches the catalog more often than it should.
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

require('./register.js');
const { TABLES } = require('./tables');

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

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
// `--only get,users` runs some of the tables (default: all).
const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag > 0 ? process.argv[onlyFlag + 1].split(',') : undefined;
/** What a table's `table(kit)` works with (test/bench/kit.ts TableKit); `run` runs its own scenario. */
const kitFor = (scenario) => ({ run: (args) => run({ scenario, ...args }), median, ms, count, check, RUNS, LATENCIES, CONCURRENCY });
const out = [
	`Node ${process.version}, ${cpu} (${os.cpus().length} cores), median of ${RUNS} run(s); the sandbox in its own process; load average ${os.loadavg()[0].toFixed(2)} at start.`,
	...TABLES.filter(({ name }) => !only || only.includes(name)).flatMap(({ name, title, table }) => {
		const kit = kitFor(name);
		return ['', typeof title === 'function' ? title(kit) : title, '', ...table(kit)];
	}),
];
process.stdout.write(`${out.join('\n')}\n`);
if (failures.length) {
	process.stderr.write(`bench: ${failures.length} check(s) failed:\n  ${failures.join('\n  ')}\n`);
	process.exit(1);
}
