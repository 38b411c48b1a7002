/**
 * Stopping the execution while Start Sync waits (SPEC v3 §4.13): the wait ends at once, no read is
 * sent after the stop, and the syncs run on in Segment. On the real clock (the node sleeps on n8n's
 * `sleep` with the execution's cancel signal), Poll Interval at its minimum of 5 s.
 */
import { sleep } from 'n8n-workflow';

import { arrangeReverseEtl, startSyncOp, type ReverseEtlSandbox } from '../helpers/reverseEtl';
import { useSandbox } from '../helpers/useSandbox';
import { runSegment } from '../helpers/world';

const sandbox = useSandbox({ mappingWritesPerMinute: null }) as ReverseEtlSandbox;

/** Resolves `ms` after the sandbox has answered `count` POSTs. */
async function afterPosts(count: number, ms: number): Promise<number> {
	while (sandbox.requests.filter((request) => request.method === 'POST').length < count) await sleep(10);
	await sleep(ms);
	return Date.now();
}

it('stopped while two syncs are waited out: the run ends at once, not at the next read, and nothing is read after the stop', async () => {
	sandbox.reset();
	const ids = await arrangeReverseEtl(sandbox, 2);
	sandbox.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'IN_PROGRESS' }, { syncStatus: 'IN_PROGRESS' }] });
	const stop = afterPosts(2, 300);
	const started = Date.now();
	const result = await runSegment(sandbox, startSyncOp(ids, { mappingId: '={{ $json.mappingId }}', options: { pollInterval: 5 } }), { items: ids.mappingIds.map((mappingId) => ({ mappingId })), stop });
	const ended = Date.now();
	const stoppedAt = await stop;
	// The first read would be 5 s after the start: the run ended well before it.
	expect(ended - stoppedAt).toBeLessThan(1000);
	expect(ended - started).toBeLessThan(4000);
	expect(sandbox.requests.map((request) => request.method)).toEqual(['GET', 'POST', 'POST']);
	// The syncs run on in Segment; the node's error names them.
	const [first, second] = ids.mappingIds.map((mappingId) => sandbox.reverseEtlSyncs(mappingId)[0]);
	expect([first.syncStatus, second.syncStatus]).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);
	expect(result.error.message).toBe('The execution was stopped while waiting for reverse ETL syncs');
	expect(result.error.description).toBe(`Still running in Segment, no longer waited for: sync ${String(first.syncId)} (item 0, model ${ids.modelId}, mapping ${ids.mappingIds[0]}); sync ${String(second.syncId)} (item 1, model ${ids.modelId}, mapping ${ids.mappingIds[1]}).`);
	expect(result.items).toEqual([]);
	// Nothing arrives later either.
	await sleep(5500);
	expect(sandbox.requests).toHaveLength(3);
});
