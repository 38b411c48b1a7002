/**
 * Reverse ETL Sync Failed, polled as an active workflow polls it (n8n-core's PollTriggerExecutor
 * and PollContext, n8n's static data), against the sandbox's syncs of a mapping: scheduled ones
 * (the mapping's history) and manual ones started over HTTP, each ending as the sandbox is told.
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeReverseEtl, type ReverseEtlIds, type ReverseEtlSandbox, type SyncOutcome } from '../helpers/reverseEtl';
import { emitted, stateBytes, useClock, watch } from '../helpers/trigger';
import { useSandbox } from '../helpers/useSandbox';
import { calls, engine, segmentApi, userTokenCredentials } from '../helpers/world';

const sandbox = useSandbox() as ReverseEtlSandbox;
const clock = useClock();
const MINUTE = 60_000;
let ids: ReverseEtlIds;
let mappingId: string;

beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeReverseEtl(sandbox);
	[mappingId] = ids.mappingIds;
});

const parameters = () => ({ event: 'reverseEtlSyncFailed', modelId: rl(ids.modelId), mappingId });
const syncsPath = () => `GET /reverse-etl-models/${ids.modelId}/subscriptionId/${mappingId}/syncs`;

/** A sync of the mapping (as its schedule starts them) that started `agoMs` before now and ends as `outcome` says. */
function ran(agoMs: number, outcome: SyncOutcome): string {
	const [sync] = sandbox.addReverseEtlSyncs(mappingId, [{ ...outcome, startedAt: clock.now() - agoMs }]);
	return String(sync.syncId);
}

/** The mapping's sync as Segment lists it now. */
function listed(syncId: string): IDataObject {
	const sync = sandbox.reverseEtlSyncs(mappingId).find((candidate) => candidate.syncId === syncId);
	if (!sync) throw new Error(`no sync ${syncId}`);
	return sync;
}

const FAIL: SyncOutcome = { syncStatus: 'FAIL', afterSeconds: 20, error: 'SQL compilation error: table CUSTOMERS does not exist', errorCode: 'QUERY_FAILED' };

test('the first poll only remembers; each sync that ends FAIL is emitted once, oldest first, as Segment sent it; one request a poll', async () => {
	ran(3 * 60 * MINUTE, FAIL); // failed before the trigger was active
	ran(2 * 60 * MINUTE, { syncStatus: 'SUCCESS', afterSeconds: 240 });
	const running = ran(30_000, { ...FAIL, afterSeconds: 90 }); // still running at activation: ends FAIL a minute later
	const trigger = watch(sandbox, parameters());

	expect(await trigger.activate()).toBeNull();
	expect(calls(sandbox)).toEqual([syncsPath()]);
	expect(sandbox.requests[0].query).toEqual({ count: '100' });

	sandbox.clearRequests();
	clock.advance(30_000);
	expect(await trigger.poll()).toBeNull(); // still running
	const succeeded = ran(20_000, { syncStatus: 'SUCCESS', afterSeconds: 10 });
	const failed = ran(10_000, { ...FAIL, afterSeconds: 5, errorCode: 'WAREHOUSE_PERMISSION_DENIED' });
	clock.advance(MINUTE);
	const items = emitted(await trigger.poll());
	expect(items).toEqual([listed(running), listed(failed)]);
	expect(items[0]).toMatchObject({ syncId: running, syncStatus: 'FAIL', modelId: ids.modelId, sourceId: ids.sourceId, error: FAIL.error, errorCode: 'QUERY_FAILED', duration: '1m30s' });
	expect(items.map((item) => item.syncId)).not.toContain(succeeded);

	for (let poll = 0; poll < 5; poll++) {
		clock.advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	}
	expect(calls(sandbox)).toEqual(Array(7).fill(syncsPath()));
});

test('a manual sync (Start Sync) that fails is emitted; a successful or partial one never', async () => {
	const trigger = watch(sandbox, parameters());
	await trigger.activate();
	sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'SUCCESS', afterSeconds: 30 }, { syncStatus: 'PARTIAL_SUCCESS', afterSeconds: 30 }, { syncStatus: 'FAIL', afterSeconds: 45, error: 'Destination rejected the batch', errorCode: 'DESTINATION_ERROR' }] });
	const started: string[] = [];
	for (let n = 0; n < 3; n++) {
		const answer = await segmentApi(sandbox, 'POST', '/reverse-etl-syncs', { sourceId: ids.sourceId, modelId: ids.modelId, subscriptionId: mappingId });
		started.push(String((answer.reverseETLManualSync as IDataObject).syncId));
		clock.advance(1000);
	}
	clock.advance(30_000);
	expect(await trigger.poll()).toBeNull(); // two ended well, the third runs on
	clock.advance(MINUTE);
	expect(emitted(await trigger.poll())).toEqual([expect.objectContaining({ syncId: started[2], syncStatus: 'FAIL', error: 'Destination rejected the batch', errorCode: 'DESTINATION_ERROR' })]);
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
});

test('a poll that fails (Segment down after retries) loses nothing: the next one emits what it missed, once', async () => {
	const trigger = watch(sandbox, parameters());
	await trigger.activate();
	clock.advance(MINUTE);
	const first = ran(30_000, FAIL);
	sandbox.addFault({ method: 'GET', path: `/reverse-etl-models/${ids.modelId}/subscriptionId`, status: 503, times: Infinity });
	const failedPoll = await trigger.poll();
	expect(failedPoll?.error?.message).toBe('Segment had a server error (503)');
	sandbox.clearFaults();
	clock.advance(MINUTE);
	const second = ran(30_000, FAIL);
	sandbox.clearRequests();
	expect(emitted(await trigger.poll()).map((item) => item.syncId)).toEqual([first, second]);
	expect(calls(sandbox)).toEqual([syncsPath()]);
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
	// n8n restarted: the state saved with the last emit; nothing again.
	trigger.restart();
	clock.advance(MINUTE);
	expect(await trigger.poll()).toBeNull();
});

test('the state is at most a page of ids: 150 syncs a minute apart, one running since before the activation; each FAIL once', async () => {
	const stuck = ran(10_000, { syncStatus: 'IN_PROGRESS' });
	const trigger = watch(sandbox, parameters());
	await trigger.activate();
	expect(trigger.staticData.state).toEqual({ ids: [] });
	const failed: string[] = [];
	const seen: string[] = [];
	let largest = 0;
	for (let minute = 0; minute < 150; minute++) {
		// Each started 20 s before the poll before it, so before the running one at first: not a clock but ids decide.
		const sync = ran(minute ? 20_000 : 20 * MINUTE, minute % 3 ? { syncStatus: 'SUCCESS', afterSeconds: 10 } : { ...FAIL, afterSeconds: 10 });
		if (minute % 3 === 0) failed.push(sync);
		clock.advance(MINUTE);
		seen.push(...emitted(await trigger.poll()).map((item) => String(item.syncId)));
		largest = Math.max(largest, stateBytes(trigger));
	}
	expect(seen).toEqual(failed);
	expect(seen).not.toContain(stuck);
	expect((trigger.staticData.state as { ids: string[] }).ids).toHaveLength(100); // the page: the newest 100, all ended
	expect(largest).toBeLessThan(100 * 30 + 200);
});

test('Fetch Test Event answers with the newest failed sync, or says none has failed yet', async () => {
	const trigger = watch(sandbox, parameters());
	await expect(trigger.fetchTestEvent()).rejects.toThrow(`No sync of mapping ${mappingId} of reverse ETL model ${ids.modelId} yet`);
	ran(10 * MINUTE, { syncStatus: 'SUCCESS', afterSeconds: 60 });
	await expect(trigger.fetchTestEvent()).rejects.toThrow(`No sync of mapping ${mappingId} of reverse ETL model ${ids.modelId} has failed yet`);
	ran(60 * MINUTE, FAIL);
	const newest = ran(30 * MINUTE, { ...FAIL, errorCode: 'QUERY_TIMEOUT' });
	const answer = await trigger.fetchTestEvent();
	expect(answer?.[0].map((item) => item.json)).toEqual([listed(newest)]);
	expect(calls(sandbox)).toEqual(Array(3).fill(syncsPath()));
});

test('an unknown mapping fails the activation, naming it', async () => {
	const trigger = watch(sandbox, { ...parameters(), mappingId: 'map_gone' });
	await expect(trigger.activate()).rejects.toThrow(`Mapping map_gone of reverse ETL model ${ids.modelId} was not found`);
});

test('the Model list in the editor: the workspace\'s models by name, searchable', async () => {
	sandbox.addReverseEtlModel({ sourceId: ids.sourceId, name: 'Churn risk', query: 'SELECT user_id FROM churn', queryIdentifierColumn: 'user_id' });
	const credentials = { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) };
	const found = await engine.listSearch({ nodeType: 'segmentParagonTrigger', method: 'searchReverseEtlModels', credentials, parameters: { event: 'reverseEtlSyncFailed' }, filter: 'high' });
	expect(found.results).toEqual([{ name: 'High-value customers', value: ids.modelId }]);
	expect(calls(sandbox)).toEqual(['GET /reverse-etl-models']);
});
