/** Warehouse Connection Changed: a connection going down and up in the sandbox, polled as an active workflow. */
import { emitted, useClock, watch } from '../helpers/trigger';
import { useSandbox } from '../helpers/useSandbox';
import { calls, segmentApi, USER_TOKEN } from '../helpers/world';

const sandbox = useSandbox();
const clock = useClock();
const MINUTE = 60_000;

beforeEach(() => sandbox.reset());

let current: ReturnType<typeof watch>;

/** The items the trigger under test emits a minute later (none: []). */
async function pollAfterAMinute() {
	clock.advance(MINUTE);
	return emitted(await current.poll());
}

test('the first poll only reads the states; a connection going down is emitted once, up again only when asked', async () => {
	const [up, down] = sandbox.bulk('warehouses', 2);
	sandbox.setConnectionState(down, 'FAILED'); // already down when the trigger starts: not news
	current = watch(sandbox, { event: 'connectionChanged', warehouses: 'all' });
	expect(await current.activate()).toBeNull();
	expect(calls(sandbox).sort()).toEqual(['GET /warehouses', `GET /warehouses/${down}/connection-state`, `GET /warehouses/${up}/connection-state`].sort());

	sandbox.setConnectionState(up, 'FAILED');
	sandbox.clearRequests();
	expect(await pollAfterAMinute()).toEqual([{ warehouseId: up, warehouseName: 'Bulk Warehouse 1', connectionState: 'FAILED', previousState: 'CONNECTED', change: 'failed' }]);
	// Two state reads, and one GET of the warehouse that changed (its name).
	expect(calls(sandbox).sort()).toEqual([`GET /warehouses/${down}/connection-state`, `GET /warehouses/${up}`, `GET /warehouses/${up}/connection-state`].sort());

	expect(await pollAfterAMinute()).toEqual([]); // still down
	sandbox.setConnectionState(up, 'CONNECTED');
	expect(await pollAfterAMinute()).toEqual([]); // Emit Recovered is off
	sandbox.setConnectionState(up, 'FAILED');
	expect(await pollAfterAMinute()).toEqual([expect.objectContaining({ warehouseId: up, change: 'failed' })]); // a new incident
	expect(current.executions).toHaveLength(2);
});

test('Emit Recovered: a connection that works again is emitted too', async () => {
	const [only] = sandbox.bulk('warehouses', 1);
	current = watch(sandbox, { event: 'connectionChanged', warehouses: 'selected', warehouseIds: [only], emitRecovered: true });
	await current.activate();
	sandbox.setConnectionState(only, 'FAILED');
	expect((await pollAfterAMinute()).map((item) => item.change)).toEqual(['failed']);
	sandbox.setConnectionState(only, null); // the settings decide again: reachable
	expect(await pollAfterAMinute()).toEqual([{ warehouseId: only, warehouseName: 'Bulk Warehouse 1', connectionState: 'CONNECTED', previousState: 'FAILED', change: 'recovered' }]);
	expect(await pollAfterAMinute()).toEqual([]);
});

test('a warehouse created after the start that cannot connect is news; a deleted one is dropped', async () => {
	const [first] = sandbox.bulk('warehouses', 1);
	current = watch(sandbox, { event: 'connectionChanged', warehouses: 'all' });
	await current.activate();
	clock.advance(2 * 60 * MINUTE); // the list is read again after an hour
	const [added] = sandbox.bulk('warehouses', 1);
	sandbox.setConnectionState(added, 'FAILED');
	await segmentApi(sandbox, 'DELETE', `/warehouses/${first}`);
	expect(await pollAfterAMinute()).toEqual([expect.objectContaining({ warehouseId: added, previousState: null, change: 'failed' })]);
	expect(current.staticData.state).toMatchObject({ s: { [added]: 0 } });
	expect(Object.keys((current.staticData.state as { s: object }).s)).toEqual([added]);
});

test('a failing poll leaves the last good state: the change is emitted by the next poll, once', async () => {
	const [only] = sandbox.bulk('warehouses', 1);
	current = watch(sandbox, { event: 'connectionChanged', warehouses: 'selected', warehouseIds: [only] });
	await current.activate();
	sandbox.setConnectionState(only, 'FAILED');
	sandbox.addFault({ method: 'GET', path: `/warehouses/${only}`, status: 401, body: { message: 'Paragon User Token expired.', code: 'TOKEN_EXPIRED', status: 401 } });
	clock.advance(MINUTE);
	const failed = await current.poll();
	// The state read answered; the name read did not: nothing was emitted, nothing remembered.
	expect(failed?.error?.message).toBe('The Paragon user token has expired');
	expect(JSON.stringify({ ...failed?.error, message: failed?.error?.message, description: failed?.error?.description })).not.toContain(USER_TOKEN);
	expect(current.staticData.state).toEqual({ s: { [only]: 1 } });
	expect((await pollAfterAMinute()).map((item) => item.change)).toEqual(['failed']);
	expect(await pollAfterAMinute()).toEqual([]);
});

test('Fetch Test Event answers with a failed connection, or says all are connected', async () => {
	const [, second] = sandbox.bulk('warehouses', 2);
	current = watch(sandbox, { event: 'connectionChanged', warehouses: 'all' });
	await expect(current.fetchTestEvent()).rejects.toThrow('All 2 watched warehouses are connected: no connection has failed yet');
	sandbox.setConnectionState(second, 'FAILED');
	const answer = await current.fetchTestEvent();
	expect(answer?.[0].map((item) => item.json)).toEqual([{ warehouseId: second, warehouseName: 'Bulk Warehouse 2', connectionState: 'FAILED', previousState: null, change: 'failed' }]);
});
