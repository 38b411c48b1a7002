// What the parts of the queue-mode run (test/queue/run.mjs) share: its sizes and limits, and the
// ways it reads what happened (the sandbox's log, PostgreSQL's executions, the workers' logs).
export const WORKERS = 2;
export const CONCURRENCY = 5;
export const CALLS_PER_ENTRY = 40;
export const CALL_TIMEOUT_MS = 90_000;
export const SCHEDULE_SECONDS = 3;
/** The schedule is watched at least this long (from main's activation to its stop). */
export const SCHEDULE_MIN_WINDOW_MS = 12_000;
export const READY_TIMEOUT_MS = 180_000; // 2 cores, others' tests running too
export const TOKEN_TTL_S = 3600;

/** The requests one webhook execution sends (the example: create a source, wire a destination). */
export const executionRequests = (sourceId) => ['GET /catalog/sources', 'GET /labels', 'POST /sources', `PATCH /sources/${sourceId}`, `PUT /sources/${sourceId}/labels`, 'GET /catalog/destinations', 'POST /destinations'];

export const mb = (kb) => `${Math.round(kb / 1024)} MB`;

/** `<METHOD> /<decoded path>` of a logged sandbox request (no query), e.g. `PATCH /sources/src_1`. */
export const callOf = (request) => `${request.method} /${request.segments.join('/')}`;

/** Counts of each value, as a sorted "value ×n" list (for messages). */
export function tally(values) {
	const counts = new Map();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, n]) => `${value} ×${n}`);
}

/** What is in `a` and not in `b`, as multisets. */
export function missingFrom(a, b) {
	const rest = [...b];
	const out = [];
	for (const value of a) {
		const index = rest.indexOf(value);
		if (index >= 0) rest.splice(index, 1);
		else out.push(value);
	}
	return out;
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Cron `*\/n` in the seconds field fires at the seconds 0, n, 2n, ... of every minute. */
export function ticksBetween(fromMs, toMs, n) {
	let count = 0;
	for (let s = Math.ceil(fromMs / 1000); s * 1000 <= toMs; s++) if ((s % 60) % n === 0) count++;
	return count;
}

/** The executions in PostgreSQL: `[{id, workflowId, mode, status, createdAt, deduplicationKey}]`. */
export function executions(postgres) {
	return postgres
		.query('SELECT id, "workflowId", mode, status, (extract(epoch from "createdAt") * 1000)::bigint, coalesce("deduplicationKey", \'\') FROM execution_entity ORDER BY id')
		.map(([id, workflowId, mode, status, createdAt, deduplicationKey]) => ({ id, workflowId, mode, status, createdAt: Number(createdAt), deduplicationKey }));
}

/** `Worker finished execution N (job J)` lines of a worker: `[{executionId, workflowId}]`. */
export function finishedByWorker(worker) {
	const out = [];
	for (const line of worker.lines) {
		const match = typeof line.message === 'string' && /Worker finished execution (\S+) \(job/.exec(line.message);
		if (match) out.push({ executionId: match[1], workflowId: line.metadata?.workflowId ?? line.workflowId });
	}
	return out;
}
