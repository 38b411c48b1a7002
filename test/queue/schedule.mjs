// The queue-mode run's schedule: a Schedule Trigger (every few seconds -> Segment Get Many) runs
// once per trigger, on a worker, not once per worker. Stops main first (which stops the trigger).
// `q` is the run's state (see run.mjs).
import assert from 'node:assert/strict';

import { seconds } from '../../scripts/e2e/cases.mjs';
import { sleep } from '../../scripts/queue/services.mjs';
import { callOf, executions, finishedByWorker, SCHEDULE_MIN_WINDOW_MS, SCHEDULE_SECONDS, tally, ticksBetween } from './support.mjs';
import { SCHEDULE_LIMIT, SCHEDULE_NODE_ID, SCHEDULE_USER, SCHEDULE_WORKFLOW_ID } from './workflows.mjs';

export async function scheduleRuns(q) {
	const { check, failAll, sandbox, server, workers, postgres, figures, stopMs, mainStartedAt, mainActiveAt } = q;
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
}
