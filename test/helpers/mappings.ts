/**
 * Destination mappings in the workflow tests: an Actions destination arranged in the sandbox and the
 * catalog's actions (the tests run on useClockedWorld: a minute of pacing costs no real minute).
 */
import type { IDataObject, INodeParameters, ResourceMapperValue } from 'n8n-workflow';

import { rl } from './engine';
import { arrangeWorkspace, catalogId, segmentApi, type Sandbox } from './world';

export const GA4 = 'actions-google-analytics-4';
export const AMPLITUDE = 'actions-amplitude';

export function catalogAction(sandbox: Sandbox, slug: string, actionSlug: string): IDataObject & { id: string; fields: IDataObject[] } {
	const entry = sandbox.catalog('destinations').find((candidate) => candidate.slug === slug)!;
	return (entry.actions as Array<IDataObject & { id: string; fields: IDataObject[] }>).find((action) => action.slug === actionSlug)!;
}

/** A source (from arrangeWorkspace) and an Actions destination of `slug` on it, made without the node. */
export async function arrangeActionsDestination(sandbox: Sandbox, slug = GA4) {
	const ids = await arrangeWorkspace(sandbox);
	const destination = (await segmentApi(sandbox, 'POST', '/destinations', { sourceId: ids.sourceId, metadataId: catalogId(sandbox, 'destinations', slug), name: slug, enabled: true, settings: {} })).destination as IDataObject;
	sandbox.clearRequests();
	return { ...ids, classicId: ids.destinationId, destinationId: String(destination.id) };
}

export const mappingOp = (destinationId: string, operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'destinationMapping',
	operation,
	destinationId: rl(destinationId),
	...extra,
});

/** The mapper's stored value, as the editor saves it (only `value` matters to the node). */
export function mapperValue(value: IDataObject | null): ResourceMapperValue {
	return { mappingMode: 'defineBelow', value: value as ResourceMapperValue['value'], matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false };
}
