import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ListName } from './entities';
import { readPage, type Page } from './transport/paging';
import { resourceLocator } from './properties';
import { segmentPath } from './transport/proxyUrl';
import type { Workspace } from './transport/workspace';
import type { Params } from './validation';

/**
 * Reverse ETL (SPEC §4.13) as both nodes use it: the model and mapping parameters, a page of a
 * mapping's syncs, and when a sync has ended.
 */

/** Segment's page size for a mapping's syncs: `count` 1–100 (not pagination.*). */
export const MAX_SYNCS_PAGE = 100;

/**
 * The statuses a sync ends with. SPEC §4.13 names SUCCESS and FAIL; Segment's models also list
 * PARTIAL_SUCCESS, which is final too (some rows were not delivered). Anything else: still running.
 */
const ENDED_SYNC_STATUSES = new Set(['SUCCESS', 'PARTIAL_SUCCESS', 'FAIL']);

export function syncHasEnded(syncStatus: unknown): boolean {
	return ENDED_SYNC_STATUSES.has(String(syncStatus));
}

export const modelPath = (...rest: string[]) => segmentPath('reverse-etl-models', ...rest);

/** How a model is named in a "From list" dropdown. */
export const modelListName: ListName = (entity) => String(entity.name ?? entity.id);

/** The model parameter: "From list" over the workspace's models (list search `searchReverseEtlModels`), or its ID. */
export function modelProperty(description: string): INodeProperties {
	return resourceLocator({ displayName: 'Model', name: 'modelId', searchMethod: 'searchReverseEtlModels', placeholder: 'e.g. 7mrDjKzG5i3bVAGPkBDHPX', description, required: true });
}

/** The mapping parameter: the id of a mapping of the model (Segment's API has no list of a model's mappings). */
export function mappingProperty(description: string): INodeProperties {
	return {
		displayName: 'Mapping ID',
		name: 'mappingId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. sfjEmPjDvGLdsxEnMNzrsA',
		description,
	};
}

export const readModelId = (params: Params) => params.id('modelId', 'Model');
export const readMappingId = (params: Params) => params.id('mappingId', 'Mapping ID');

/** One page of a mapping's syncs, newest first: Segment's `count` and `cursor` query. */
export async function readMappingSyncs(workspace: Workspace, sync: { modelId: string; mappingId: string }, page: { count: number; cursor?: string }, itemIndex: number): Promise<Page> {
	const qs: IDataObject = { count: page.count };
	if (page.cursor) qs.cursor = page.cursor;
	const data = await workspace.client.request(
		{ method: 'GET', path: modelPath(sync.modelId, 'subscriptionId', sync.mappingId, 'syncs'), qs, notFound: `Mapping ${sync.mappingId} of reverse ETL model ${sync.modelId}` },
		itemIndex,
	);
	return readPage(data, 'syncStatuses');
}
