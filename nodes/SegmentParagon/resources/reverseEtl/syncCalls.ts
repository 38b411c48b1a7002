import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { MAX_SYNCS_PAGE, modelPath, readMappingSyncs } from '../../../shared/reverseEtl';
import { listAll } from '../../../shared/transport/paging';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { errorNode } from '../../../shared/transport/redact';
import type { Workspace } from '../../../shared/transport/workspace';

/** The model's own source: one GET of the model per model and execution, whatever the number of items. */
export async function modelSource(workspace: Workspace, modelId: string, itemIndex: number): Promise<string> {
	return await workspace.shared(`reverseEtlModel:${modelId}`, async () => {
		const data = await workspace.client.request<{ reverseEtlModel: IDataObject }>(
			{ method: 'GET', path: modelPath(modelId), notFound: `Reverse ETL model ${modelId}`, entity: 'reverseEtlModel' },
			itemIndex,
		);
		return String(data.reverseEtlModel.sourceId ?? '');
	});
}

export interface StartedSync {
	syncId: string;
	startedAt: string;
}

/** POST /reverse-etl-syncs: never sent twice once it may have reached Segment (a create, for the transport). */
export async function startSync(workspace: Workspace, sync: { sourceId: string; modelId: string; mappingId: string }, itemIndex: number): Promise<StartedSync> {
	const data = await workspace.client.request<{ reverseETLManualSync: IDataObject }>(
		{
			method: 'POST',
			path: segmentPath('reverse-etl-syncs'),
			body: { sourceId: sync.sourceId, modelId: sync.modelId, subscriptionId: sync.mappingId },
			creating: `sync of mapping ${sync.mappingId} (model ${sync.modelId})`,
			checkWith: 'Get Syncs',
			notFound: `Reverse ETL model ${sync.modelId}`,
			entity: 'reverseETLManualSync',
		},
		itemIndex,
	);
	const started = data.reverseETLManualSync;
	return { syncId: String(started.syncId), startedAt: String(started.startedAt) };
}

/** A sync's status: under `reverseETLSyncStatus`, or `reverseETLSync` as earlier API versions answer. */
export async function readSyncStatus(workspace: Workspace, node: INode, modelId: string, syncId: string, itemIndex: number): Promise<IDataObject> {
	const path = modelPath(modelId, 'syncs', syncId);
	const data = await workspace.client.request({ method: 'GET', path, notFound: `Sync ${syncId} of reverse ETL model ${modelId}` }, itemIndex);
	const status = data.reverseETLSyncStatus ?? data.reverseETLSync;
	if (!status || typeof status !== 'object' || Array.isArray(status)) {
		throw new NodeOperationError(errorNode(node), `Segment's answer has no reverseETLSyncStatus (item ${itemIndex})`, {
			itemIndex,
			description: `Expected {"data":{"reverseETLSyncStatus":{...}}} in the answer to GET ${path}. Check the Proxy Base URL in the credential.`,
		});
	}
	return status as IDataObject;
}

/** A mapping's syncs, newest first: Segment's `count` and `cursor` query, pages of at most 100. */
export async function listSyncStatuses(workspace: Workspace, modelId: string, mappingId: string, range: { offset: number; limit?: number }, itemIndex: number): Promise<IDataObject[]> {
	return await listAll(async (count, cursor) => await readMappingSyncs(workspace, { modelId, mappingId }, { count, cursor }, itemIndex), range, MAX_SYNCS_PAGE);
}
