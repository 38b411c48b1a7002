/**
 * Warehouse Sync Failed, polled as an active workflow polls it (n8n-core's PollTriggerExecutor and
 * PollContext, n8n's static data), against the sandbox with Segment's limit of 2 sync reads a minute.
 */
import { emitted, useClock, watch } from '../helpers/trigger';
import { useSandbox } from '../helpers/useSandbox';
import { calls, segmentApi } from '../helpers/world';

const sandbox = useSandbox({ syncsPerMinute: 2 });
const clock = useClock();
const MINUTE = 60_000;

beforeEach(() => sandbox.reset());

/** A report of `status` that ended `endedAgoMs` before now and ran 20 s. */
function report(status: string, endedAgoMs = 1000, sourceId = 'src_web') {
	return { status, sourceId, start: clock.iso(-endedAgoMs - 20_000), duration: 20 };
}

function syncReads(): string[] {
	return sandbox.requests.filter((request) => request.segments[2] === 'syncs').map((request) => request.segments[1]);
}

const FAILED_ONLY = { event: 'syncFailed', warehouses: 'all', statuses: ['FAILED'] };

test('the first poll only remembers where things stand; a failed sync is emitted once, in the shape of Get Syncs', async () => {
	const [first, second] = sandbox.bulk('warehouses', 2);
	sandbox.addSyncReports(first, [report('FAILED', 10 * MINUTE)]); // ended before the trigger was active
	const trigger = watch(sandbox, FAILED_ONLY);

	expect(await trigger.activate()).toBeNull();
	expect(calls(sandbox)).toEqual(['GET /warehouses']);

	clock.advance(MINUTE);
	sandbox.addSyncReports(first, [report('SUCCESS', 5000, 'src_app'), report('FAILED', 2000)]);
	sandbox.clearRequests();
	const execution = await trigger.poll();
	expect(calls(sandbox)).toEqual([`GET /warehouses/${first}/syncs`, `GET /warehouses/${second}/syncs`]);
	expect(emitted(execution)).toEqual([
		{ warehouseId: first, sourceId: 'src_web', status: 'FAILED', start: clock.iso(-22_000), end: clock.iso(-2000), durationSeconds: 20, rows: 0, notices: [] },
	]);

	for (let poll = 0; poll < 3; poll++) {
		clock.advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	}
	expect(trigger.executions).toHaveLength(1);
});

test('takes turns: at most 2 sync reads in any minute, whatever the Poll Times, and no 429', async () => {
	const ids = sandbox.bulk('warehouses', 5);
	const trigger = watch(sandbox, FAILED_ONLY);
	await trigger.activate();
	sandbox.clearRequests();

	const perPoll: number[] = [];
	for (let poll = 0; poll < 9; poll++) {
		clock.advance(20_000); // three Poll Times a minute
		const before = sandbox.requests.length;
		expect(await trigger.poll()).toBeNull();
		perPoll.push(sandbox.requests.length - before);
	}
	expect(perPoll).toEqual([2, 0, 0, 2, 0, 0, 2, 0, 0]);
	expect(syncReads()).toEqual([ids[0], ids[1], ids[2], ids[3], ids[4], ids[0]]);
	expect(sandbox.requests.filter((request) => request.status === 429)).toEqual([]);
});

test('a failed sync on any warehouse is found within a round of ceil(N/2) minutes, oldest first', async () => {
	const ids = sandbox.bulk('warehouses', 5);
	const trigger = watch(sandbox, { ...FAILED_ONLY, statuses: ['FAILED', 'PARTIAL_SUCCESS'] });
	await trigger.activate();
	clock.advance(1000);
	sandbox.addSyncReports(ids[4], [report('PARTIAL_SUCCESS', 400), report('FAILED', 800)]);
	sandbox.addSyncReports(ids[1], [report('FAILED', 500)]);

	const found: string[][] = [];
	for (let minute = 0; minute < 3; minute++) {
		clock.advance(MINUTE);
		found.push(emitted(await trigger.poll()).map((item) => `${String(item.warehouseId)} ${String(item.status)}`));
	}
	expect(found).toEqual([[`${ids[1]} FAILED`], [], [`${ids[4]} FAILED`, `${ids[4]} PARTIAL_SUCCESS`]]);
});

test('all warehouses: the list is read at most once an hour; a new warehouse is watched from then on, a deleted one dropped', async () => {
	const [kept, removed] = sandbox.bulk('warehouses', 2);
	const trigger = watch(sandbox, FAILED_ONLY);
	await trigger.activate();
	const lists = () => calls(sandbox).filter((call) => call === 'GET /warehouses').length;

	clock.advance(30 * MINUTE);
	const [added] = sandbox.bulk('warehouses', 1);
	sandbox.addSyncReports(added, [report('FAILED')]);
	await trigger.poll();
	expect(lists()).toBe(1);
	expect(syncReads()).toEqual([kept, removed]);

	// An hour after the last list: read again; the deleted warehouse is gone, the new one is in the turn.
	clock.advance(31 * MINUTE);
	await segmentApi(sandbox, 'DELETE', `/warehouses/${removed}`);
	const execution = await trigger.poll();
	expect(lists()).toBe(2);
	expect(emitted(execution)).toEqual([expect.objectContaining({ warehouseId: added, status: 'FAILED' })]);
	expect(trigger.staticData.state).toMatchObject({ w: [[kept, 0], [added, expect.any(Number)]] });
});

test('all warehouses: a warehouse deleted between two list reads is dropped when its turn finds it gone', async () => {
	const [gone, stays] = sandbox.bulk('warehouses', 2);
	const trigger = watch(sandbox, FAILED_ONLY);
	await trigger.activate();
	await segmentApi(sandbox, 'DELETE', `/warehouses/${gone}`);
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
	expect(sandbox.requests.filter((request) => request.segments[2] === 'syncs').map((request) => request.status)).toEqual([404, 200]);
	expect(trigger.staticData.state).toMatchObject({ w: [[stays, 0]], turn: 0 });
});

test('selected warehouses: only those are read, without a list; a deleted one is an error naming it', async () => {
	const [picked, other] = sandbox.bulk('warehouses', 2);
	const trigger = watch(sandbox, { event: 'syncFailed', warehouses: 'selected', warehouseIds: [picked], statuses: ['FAILED'] });
	await trigger.activate();
	clock.advance(MINUTE);
	sandbox.addSyncReports(other, [report('FAILED')]);
	expect(await trigger.poll()).toBeNull();
	expect(calls(sandbox)).toEqual([`GET /warehouses/${picked}/syncs`]);

	sandbox.addFault({ method: 'GET', path: `/warehouses/${picked}/syncs`, status: 404 });
	clock.advance(MINUTE);
	const failed = await trigger.poll();
	expect(failed?.error?.message).toBe(`Warehouse ${picked} was not found`);
});

test('a poll that fails half-way changes nothing: the next one emits the report exactly once', async () => {
	const [first, second] = sandbox.bulk('warehouses', 2);
	const trigger = watch(sandbox, FAILED_ONLY);
	await trigger.activate();
	clock.advance(MINUTE);
	sandbox.addSyncReports(first, [report('FAILED')]);
	const before = trigger.staticData.state;

	// The first warehouse answers, the second is down past every retry: the poll fails.
	sandbox.addFault({ method: 'GET', path: `/warehouses/${second}/syncs`, status: 503, times: Infinity });
	const failed = await trigger.poll();
	expect(failed?.error?.message).toBe('Segment had a server error (503)');
	expect(failed?.error?.description).toContain('The node retried 4 time(s)');
	expect(trigger.staticData.state).toEqual(before);

	sandbox.clearFaults();
	clock.advance(MINUTE);
	expect(emitted(await trigger.poll()).map((item) => item.warehouseId)).toEqual([first]);
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
	expect(trigger.executions.map((execution) => (execution.error ? 'error' : execution.items.length))).toEqual(['error', 1]);
});

test('a restart continues from the state saved with the last emit: nothing is emitted twice or lost', async () => {
	const [only] = sandbox.bulk('warehouses', 1);
	const trigger = watch(sandbox, FAILED_ONLY);
	await trigger.activate();
	clock.advance(MINUTE);
	sandbox.addSyncReports(only, [report('FAILED')]);
	expect(emitted(await trigger.poll())).toHaveLength(1);

	trigger.restart();
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
	sandbox.addSyncReports(only, [report('FAILED', 100)]);
	trigger.restart();
	clock.advance(MINUTE);
	expect(emitted(await trigger.poll())).toHaveLength(1);
});

test('Fetch Test Event answers with the newest matching report, or says that none matches yet', async () => {
	const [first, second] = sandbox.bulk('warehouses', 3);
	const trigger = watch(sandbox, FAILED_ONLY);
	await expect(trigger.fetchTestEvent()).rejects.toThrow(`No sync with status FAILED in warehouses ${first}, ${second} yet`);

	sandbox.addSyncReports(first, [report('FAILED', 9000)]);
	sandbox.addSyncReports(second, [report('FAILED', 4000), report('SUCCESS', 1000)]);
	clock.advance(MINUTE);
	const answer = await trigger.fetchTestEvent();
	expect(answer?.[0].map((item) => item.json)).toEqual([expect.objectContaining({ warehouseId: second, status: 'FAILED', end: clock.iso(-MINUTE - 4000) })]);
	expect(trigger.staticData).toEqual({});
});
