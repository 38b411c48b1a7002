/**
 * Start Sync (SPEC v3 §4.13) on the wire and in the items: the model's own source read once, one
 * POST, then one GET per poll interval and no more until the sync ends; FAIL as an error naming
 * Segment's error and code (or the item); a timeout naming the sync and its last status; 20 items
 * waited out together; Continue On Fail with pairing; the status under either answer key. The
 * sandbox and the node's waits share a fake clock: the waits are asserted on it, none is real.
 * Stopping the execution: reverseEtlStop.test.ts (the real clock).
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { reverseEtlOp, startSyncOp, useReverseEtlWorld } from '../helpers/reverseEtl';
import { calls, jsonOf, runSegment } from '../helpers/world';

const { clock, sandbox, ids } = useReverseEtlWorld(20);

const statusPath = (syncId: string) => `GET /reverse-etl-models/${ids.modelId}/syncs/${syncId}`;
const startedSyncs = () => sandbox.requests.filter((request) => request.method === 'POST').map((_request, n) => sandbox.reverseEtlSyncs(ids.mappingIds[n])[0]);

describe('Start Sync, waiting (the default)', () => {
	it('a 60 s sync at Poll Interval 15: one read of the model, one POST, four reads 15 s apart; the item is the final status', async () => {
		const [out] = jsonOf(await runSegment(sandbox, startSyncOp(ids)));
		const syncId = String(out.syncId);
		expect(calls(sandbox)).toEqual([`GET /reverse-etl-models/${ids.modelId}`, 'POST /reverse-etl-syncs', ...Array(4).fill(statusPath(syncId))]);
		expect(sandbox.requests[1].body).toEqual({ sourceId: ids.sourceId, modelId: ids.modelId, subscriptionId: ids.mappingIds[0] });
		expect(clock.slept).toEqual([15_000, 15_000, 15_000, 15_000]);
		expect(out).toEqual(sandbox.reverseEtlSyncs(ids.mappingIds[0])[0]);
		expect(out).toMatchObject({ syncStatus: 'SUCCESS', duration: '1m0s', modelId: ids.modelId, sourceId: ids.sourceId });
	});

	it('the source given: no read of the model; Poll Interval 5 reads a 12 s sync at 5, 10 and 15 s', async () => {
		sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'SUCCESS', afterSeconds: 12 }] });
		await runSegment(sandbox, startSyncOp(ids, { sourceId: rl(ids.sourceId), options: { pollInterval: 5 } }));
		expect(calls(sandbox).map((call) => call.split(' ')[0])).toEqual(['POST', 'GET', 'GET', 'GET']);
		expect(clock.slept).toEqual([5000, 5000, 5000]);
	});

	it('FAIL is an error naming Segment\'s error and error code, the sync, the model and the item', async () => {
		sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'FAIL', afterSeconds: 20, error: 'Permission denied on table customers', errorCode: 'WAREHOUSE_PERMISSION_DENIED' }] });
		const result = await runSegment(sandbox, startSyncOp(ids));
		const [sync] = sandbox.reverseEtlSyncs(ids.mappingIds[0]);
		expect(result.error.message).toBe(`Reverse ETL sync ${String(sync.syncId)} of model ${ids.modelId} failed: Permission denied on table customers (WAREHOUSE_PERMISSION_DENIED) (item 0)`);
		expect(result.error.description).toMatch(/^Segment ended the sync of mapping \w+ with FAIL after 20s\. .*turn off Options > Fail on Sync Error/);
		expect(result.error.context.itemIndex).toBe(0);
		expect(clock.slept).toEqual([15_000, 15_000]);
	});

	it('FAIL with Fail on Sync Error off: the item is the failed sync as Segment sent it', async () => {
		sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'FAIL', afterSeconds: 5, error: 'Query timed out', errorCode: 'QUERY_TIMEOUT' }] });
		const result = await runSegment(sandbox, startSyncOp(ids, { options: { failOnSyncError: false } }));
		expect(jsonOf(result)).toEqual([sandbox.reverseEtlSyncs(ids.mappingIds[0])[0]]);
		expect(result.items[0].json).toMatchObject({ syncStatus: 'FAIL', error: 'Query timed out', errorCode: 'QUERY_TIMEOUT' });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a sync that never ends: after Timeout (1 minute) an error naming the sync and its last status; reads stop at the deadline', async () => {
		sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'IN_PROGRESS' }] });
		const result = await runSegment(sandbox, startSyncOp(ids, { options: { timeout: 1, pollInterval: 25 } }));
		const [sync] = sandbox.reverseEtlSyncs(ids.mappingIds[0]);
		expect(result.error.message).toBe(`Reverse ETL sync ${String(sync.syncId)} of model ${ids.modelId} did not end within 1 minute (last status: IN_PROGRESS) (item 0)`);
		expect(result.error.description).toMatch(/still running in Segment\. Read it later with Get Sync Status .* or raise Options > Timeout/);
		// Read at 25 s, 50 s and at the deadline (60 s), not at 75 s.
		expect(clock.slept).toEqual([25_000, 25_000, 10_000]);
		expect(calls(sandbox).filter((call) => call.startsWith('GET /reverse-etl-models/') && call.includes('/syncs/'))).toHaveLength(3);
	});

	it('PARTIAL_SUCCESS ends the wait too (the item, not an error)', async () => {
		sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'PARTIAL_SUCCESS', afterSeconds: 10 }] });
		const [out] = jsonOf(await runSegment(sandbox, startSyncOp(ids)));
		expect(out.syncStatus).toBe('PARTIAL_SUCCESS');
		expect(clock.slept).toEqual([15_000]);
	});

	it('a status answered under reverseETLSync (earlier API versions) is read the same', async () => {
		sandbox.scriptReverseEtlSyncs({ syncStatusKey: 'reverseETLSync', outcomes: [{ syncStatus: 'SUCCESS', afterSeconds: 1 }] });
		const [out] = jsonOf(await runSegment(sandbox, startSyncOp(ids)));
		expect(out).toMatchObject({ syncStatus: 'SUCCESS', modelId: ids.modelId });
	});
});

describe('many items', () => {
	it('20 items: the model read once, 20 POSTs, then all waited out together in the time of the longest (60 s), not the sum', async () => {
		sandbox.scriptReverseEtlSyncs({ outcomes: Array.from({ length: 20 }, (_v, n) => ({ syncStatus: 'SUCCESS' as const, afterSeconds: 3 * (n + 1) })) });
		const items = ids.mappingIds.map((mappingId) => ({ mappingId }));
		const result = await runSegment(sandbox, startSyncOp(ids, { mappingId: '={{ $json.mappingId }}' }), { items });
		const out = jsonOf(result);
		expect(calls(sandbox).filter((call) => call === `GET /reverse-etl-models/${ids.modelId}`)).toHaveLength(1);
		expect(calls(sandbox).slice(1, 21)).toEqual(Array(20).fill('POST /reverse-etl-syncs'));
		expect(sandbox.requests.slice(1, 21).map((request) => (request.body as IDataObject).subscriptionId)).toEqual(ids.mappingIds);
		// One sleep for all of them per round; the longest (60 s) ends at the fourth read.
		expect(clock.slept).toEqual([15_000, 15_000, 15_000, 15_000]);
		expect(clock.elapsed).toBe(60_000);
		// Each sync read once per 15 s until it ended: ceil(duration / 15) reads.
		const reads = out.map((status) => calls(sandbox).filter((call) => call === statusPath(String(status.syncId))).length);
		expect(reads).toEqual(Array.from({ length: 20 }, (_v, n) => Math.ceil((3 * (n + 1)) / 15)));
		expect(out.map((status) => status.syncStatus)).toEqual(Array(20).fill('SUCCESS'));
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.mappingIds.map((_id, item) => ({ item })));
		expect(out.map((status) => status.syncId)).toEqual(startedSyncs().map((sync) => sync.syncId));
	});

	it('one fails (Fail on Sync Error): the error at once, naming the syncs still running; nothing more is read', async () => {
		sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'SUCCESS', afterSeconds: 300 }, { syncStatus: 'FAIL', afterSeconds: 20, error: 'Bad column', errorCode: 'QUERY_FAILED' }, { syncStatus: 'IN_PROGRESS' }] });
		const items = ids.mappingIds.slice(0, 3).map((mappingId) => ({ mappingId }));
		const result = await runSegment(sandbox, startSyncOp(ids, { mappingId: '={{ $json.mappingId }}' }), { items });
		const [first, second, third] = startedSyncs();
		expect(result.error.message).toBe(`Reverse ETL sync ${String(second.syncId)} of model ${ids.modelId} failed: Bad column (QUERY_FAILED) (item 1)`);
		expect(result.error.description).toContain(`Not waited for, still running in Segment: sync ${String(first.syncId)} (item 0, model ${ids.modelId}, mapping ${ids.mappingIds[0]}); sync ${String(third.syncId)} (item 2`);
		expect(clock.slept).toEqual([15_000, 15_000]);
	});

	it('Continue On Fail: each item its own outcome, paired with it (a refused start, a failed sync, a timeout, a success)', async () => {
		sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'FAIL', afterSeconds: 5, error: 'Bad column', errorCode: 'QUERY_FAILED' }, { syncStatus: 'IN_PROGRESS' }, { syncStatus: 'SUCCESS', afterSeconds: 30 }] });
		const items = [{ mappingId: ids.mappingIds[0] }, { mappingId: 'not-a-mapping' }, { mappingId: ids.mappingIds[1] }, { mappingId: ids.mappingIds[2] }];
		const result = await runSegment(sandbox, startSyncOp(ids, { mappingId: '={{ $json.mappingId }}', options: { timeout: 1 } }), { items, continueOnFail: true });
		const out = result.items.map((item) => item.json);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[0].error).toMatch(/failed: Bad column \(QUERY_FAILED\) \(item 0\)$/);
		expect(out[1].error).toMatch(/subscriptionId does not match any mapping of model/);
		expect(out[2].error).toMatch(/did not end within 1 minute \(last status: IN_PROGRESS\) \(item 2\)$/);
		expect(out[3]).toMatchObject({ syncStatus: 'SUCCESS' });
		expect(calls(sandbox).filter((call) => call === 'POST /reverse-etl-syncs')).toHaveLength(4);
	});

	it('a start refused after others started (no Continue On Fail): the error says which syncs run on in Segment', async () => {
		const items = [{ mappingId: ids.mappingIds[0] }, { mappingId: 'not-a-mapping' }];
		const result = await runSegment(sandbox, startSyncOp(ids, { mappingId: '={{ $json.mappingId }}' }), { items });
		const [first] = startedSyncs();
		expect(result.error.message).toBe(`Segment refused the request: subscriptionId: subscriptionId does not match any mapping of model ${ids.modelId}`);
		expect(result.error.context.itemIndex).toBe(1);
		expect(result.error.description).toContain(`Syncs already started for other items were not waited for and run on in Segment: sync ${String(first.syncId)} (item 0, model ${ids.modelId})`);
		expect(clock.slept).toEqual([]);
	});
});

describe('Start Sync without waiting, Get Sync Status, Get Syncs', () => {
	it('Wait for Completion off: one POST, the item {syncId, startedAt, modelId, mappingId}', async () => {
		const [out] = jsonOf(await runSegment(sandbox, startSyncOp(ids, { sourceId: rl(ids.sourceId), waitForCompletion: false })));
		expect(calls(sandbox)).toEqual(['POST /reverse-etl-syncs']);
		const [sync] = sandbox.reverseEtlSyncs(ids.mappingIds[0]);
		expect(out).toEqual({ syncId: sync.syncId, startedAt: sync.startedAt, modelId: ids.modelId, mappingId: ids.mappingIds[0] });
		expect(clock.slept).toEqual([]);
	});

	it('Get Sync Status: one GET, the status as Segment sends it', async () => {
		const [sync] = sandbox.addReverseEtlSyncs(ids.mappingIds[0], [{ syncStatus: 'FAIL', afterSeconds: 0, error: 'x', errorCode: 'Y', startedAt: clock.now() - 60_000 }]);
		const [out] = jsonOf(await runSegment(sandbox, reverseEtlOp('getSync', { modelId: rl(ids.modelId), syncId: String(sync.syncId) })));
		expect(calls(sandbox)).toEqual([statusPath(String(sync.syncId))]);
		expect(out).toEqual(sync);
	});

	it('Get Syncs: newest first, Segment\'s count and cursor (pages of at most 100), limit and offset', async () => {
		const history = sandbox.addReverseEtlSyncs(ids.mappingIds[0], Array.from({ length: 130 }, (_v, n) => ({ syncStatus: 'SUCCESS' as const, afterSeconds: 60, startedAt: clock.now() - (130 - n) * 3_600_000 })));
		const all = jsonOf(await runSegment(sandbox, reverseEtlOp('listSyncs', { modelId: rl(ids.modelId), mappingId: ids.mappingIds[0], returnAll: true })));
		expect(all.map((sync) => sync.syncId)).toEqual(history.map((sync) => sync.syncId).reverse());
		expect(sandbox.requests.map((request) => request.query.count)).toEqual(['100', '100']);
		expect(sandbox.requests[1].query.cursor).toEqual(expect.any(String));
		expect(Object.keys(sandbox.requests[0].query)).toEqual(['count']);
		sandbox.clearRequests();
		const some = jsonOf(await runSegment(sandbox, reverseEtlOp('listSyncs', { modelId: rl(ids.modelId), mappingId: ids.mappingIds[0], limit: 3, offset: 2 })));
		expect(some.map((sync) => sync.syncId)).toEqual(history.slice(-5, -2).map((sync) => sync.syncId).reverse());
		expect(sandbox.requests.map((request) => request.query)).toEqual([{ count: '5' }]);
	});
});
