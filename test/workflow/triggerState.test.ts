/** What the trigger remembers stays small: under 64 KB for a workspace of 1,000 warehouses. */
import { emitted, stateBytes, useClock, watch } from '../helpers/trigger';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox({ syncsPerMinute: 2 });
const clock = useClock();
const MINUTE = 60_000;
const LIMIT = 64 * 1024;
const WAREHOUSES = 1000;

beforeEach(() => sandbox.reset());

test('Warehouse Sync Failed over 1,000 warehouses: a full round in 500 polls, each report once, state under 64 KB', async () => {
	const ids = sandbox.bulk('warehouses', WAREHOUSES);
	const trigger = watch(sandbox, { event: 'syncFailed', warehouses: 'all', statuses: ['FAILED'] });
	await trigger.activate();
	clock.advance(1000);
	// Every warehouse has a report ended since: each marker is set after the round (the largest state).
	ids.forEach((id, index) => sandbox.addSyncReports(id, [{ status: index % 2 ? 'SUCCESS' : 'FAILED', sourceId: 'src', start: clock.iso(-500), duration: 0.25 }]));

	const seen = new Set<string>();
	for (let poll = 0; poll < WAREHOUSES / 2; poll++) {
		clock.advance(MINUTE);
		for (const item of emitted(await trigger.poll())) {
			const key = String(item.warehouseId);
			expect(seen.has(key)).toBe(false);
			seen.add(key);
		}
	}
	expect(seen.size).toBe(WAREHOUSES / 2);
	expect(sandbox.requests.filter((request) => request.status === 429)).toEqual([]);
	const bytes = stateBytes(trigger);
	expect(bytes).toBeLessThan(LIMIT);
	expect(bytes).toBeGreaterThan(WAREHOUSES * 20); // it does hold a marker per warehouse
}, 120_000);

test('Warehouse Connection Changed over 1,000 warehouses: state under 64 KB', async () => {
	sandbox.bulk('warehouses', WAREHOUSES);
	const trigger = watch(sandbox, { event: 'connectionChanged', warehouses: 'all' });
	await trigger.activate();
	expect(stateBytes(trigger)).toBeLessThan(LIMIT);
	expect(Object.keys((trigger.staticData.state as { s: object }).s)).toHaveLength(WAREHOUSES);
}, 60_000);
