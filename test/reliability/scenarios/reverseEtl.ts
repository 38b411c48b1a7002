/**
 * Reverse ETL (issue 26) in the fault matrix: Start Sync with the model's own source (its read,
 * the POST that starts the sync — never sent twice once it may have reached Segment — and the
 * read of the sync's status after one poll interval: a fault while waiting is retried, and an
 * error names the sync that runs on), a model's create, and a mapping's syncs.
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import { arrangeReverseEtl, type ReverseEtlSandbox } from '../../helpers/reverseEtl';
import type { Sandbox } from '../../helpers/world';
import type { Ids, Scenario } from './types';

// Start Sync's least poll interval: the sync (scripted to end at once) is read once, 5 s after its start.
const POLL_MS = 5000;

const retl = (sandbox: Sandbox) => sandbox as ReverseEtlSandbox;

/** A warehouse source, a model and one mapping of it; manual syncs end at once. */
async function arrangeModel(sandbox: Sandbox, ids: Ids): Promise<Partial<Ids>> {
	const arranged = await arrangeReverseEtl(sandbox);
	retl(sandbox).scriptReverseEtlSyncs({ default: { syncStatus: 'SUCCESS', afterSeconds: 0 } });
	return { ...ids, modelId: arranged.modelId, mappingId: arranged.mappingIds[0], sourceId: arranged.sourceId };
}

const syncsOf = (sandbox: Sandbox, ids: Ids) => retl(sandbox).reverseEtlSyncs(ids.mappingId!);

/** The syncs the run started (the arranged mappings are on the one Actions destination, "Amplitude"). */
function startedSyncIds(sandbox: Sandbox): string[] {
	const destination = sandbox.entities('destinations').find((entity) => entity.name === 'Amplitude');
	const mappings = destination ? sandbox.subscriptions(String(destination.id)) : [];
	return mappings.flatMap((mapping) => retl(sandbox).reverseEtlSyncs(String(mapping.id)).map((sync) => String(sync.syncId)));
}

export const REVERSE_ETL_SCENARIOS: Scenario[] = [
	{
		name: 'reverse ETL start sync (the model\'s source, the POST, one read after the poll interval)',
		arrange: arrangeModel,
		requestTimeoutOption: 'requestTimeout',
		count: (sandbox, ids) => syncsOf(sandbox, ids).length,
		createdIds: startedSyncIds,
		parameters: (ids) => ({ resource: 'reverseEtl', operation: 'startSync', modelId: rl(ids.modelId!), mappingId: ids.mappingId!, options: { pollInterval: POLL_MS / 1000 } }),
		steps: (ids) => [
			{ method: 'GET', path: `/reverse-etl-models/${ids.modelId}`, faulted: true },
			{ method: 'POST', path: '/reverse-etl-syncs', faulted: true, creates: true },
			{ method: 'GET', path: `/reverse-etl-models/${ids.modelId}/syncs/{new}`, faulted: true, waitsMs: POLL_MS },
		],
		succeeded: (sandbox, ids, out) => {
			const syncs = syncsOf(sandbox, ids);
			expect(syncs).toHaveLength(1);
			expect(out).toEqual([syncs[0]]);
			expect(out[0].syncStatus).toBe('SUCCESS');
		},
	},
	{
		name: 'reverse ETL model create',
		arrange: arrangeModel,
		count: (sandbox) => retl(sandbox).reverseEtlModels().length,
		createdIds: (sandbox) => retl(sandbox).reverseEtlModels().filter((model) => model.name === 'Churn risk').map((model) => String(model.id)),
		parameters: (ids) => ({ resource: 'reverseEtl', operation: 'create', sourceId: rl(ids.sourceId), name: 'Churn risk', query: 'SELECT user_id FROM churn', queryIdentifierColumn: 'user_id' }),
		steps: () => [{ method: 'POST', path: '/reverse-etl-models', faulted: true, creates: true }],
		succeeded: (sandbox, _ids, out) => {
			const made = retl(sandbox).reverseEtlModels().filter((model) => model.name === 'Churn risk');
			expect(made).toHaveLength(1);
			expect(out).toEqual(made);
		},
	},
	{
		name: 'reverse ETL get syncs (count and cursor)',
		arrange: async (sandbox, ids) => {
			const arranged = await arrangeModel(sandbox, ids);
			retl(sandbox).addReverseEtlSyncs(arranged.mappingId!, [{ syncStatus: 'SUCCESS', afterSeconds: 60, startedAt: Date.now() - 3_600_000 }, { syncStatus: 'FAIL', afterSeconds: 5, error: 'x', errorCode: 'Y', startedAt: Date.now() - 600_000 }]);
			return arranged;
		},
		parameters: (ids) => ({ resource: 'reverseEtl', operation: 'listSyncs', modelId: rl(ids.modelId!), mappingId: ids.mappingId!, returnAll: true }),
		steps: (ids) => [{ method: 'GET', path: `/reverse-etl-models/${ids.modelId}/subscriptionId/${ids.mappingId}/syncs`, faulted: true }],
		succeeded: (sandbox, ids, out) => {
			expect(out.map((sync: IDataObject) => sync.syncStatus)).toEqual(['FAIL', 'SUCCESS']);
			expect(out).toEqual(syncsOf(sandbox, ids));
		},
	},
];
