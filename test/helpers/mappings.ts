/**
 * Destination mappings in the workflow tests: an Actions destination arranged in the sandbox, the
 * catalog's actions, and a fake clock shared by the node's pacer and the sandbox's write limit (a
 * minute of pacing costs no real minute; the sandbox still counts Segment's 5 writes a minute on it).
 */
import type { IDataObject, INodeParameters, ResourceMapperValue } from 'n8n-workflow';

import { rl } from './engine';
import { useClockedWorld } from './useSandbox';
import { arrangeWorkspace, catalogId, segmentApi, type Sandbox } from './world';

export const GA4 = 'actions-google-analytics-4';
export const AMPLITUDE = 'actions-amplitude';

/**
 * The world of a mappings test file: a sandbox and the node's pacer on one fake clock, and before
 * each test a reset sandbox, the clock back at its start, and what `arrange` makes (read through `ids`).
 */
export function useMappingWorld<T extends object>(arrange: (sandbox: Sandbox) => Promise<T>) {
	return useClockedWorld(arrange);
}

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
