import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { segmentPath } from '../../shared/transport/proxyUrl';
import type { Params } from '../../shared/validation';
import { resourceLocator } from './shared';
import type { EntityResult, OperationContext, ResourceDefinition } from './types';

/** Bounds that keep one item's list finite; beyond them, Return All is the way. */
export const MAX_LIMIT = 1_000_000;
export const MAX_OFFSET = 1_000_000;

/** What a paged operation returns: `offset` entities skipped, then up to `limit` (undefined: all). */
export function readRange(params: Params): { offset: number; limit?: number } {
	const returnAll = params.boolean('returnAll', 'Return All', false);
	const limit = returnAll ? undefined : params.integer('limit', 'Limit', 50, 1, MAX_LIMIT);
	return { offset: params.integer('offset', 'Offset', 0, 0, MAX_OFFSET), limit };
}

export function readSimplify(params: Params): boolean {
	return params.boolean('simplify', 'Simplify', true);
}

/**
 * A paged operation: walks Segment's cursors under `path`, `key` the list in the answer; each entry
 * simplified by `shape` unless Simplify is off. `notFound` names the parent of a nested list; `query` narrows it.
 */
export async function listPaged(context: OperationContext, path: string, key: string, shape: (entry: IDataObject) => IDataObject, notFound?: string, simplifies = true, query?: IDataObject): Promise<IDataObject[]> {
	const { params, workspace } = context;
	const range = readRange(params);
	const simplify = simplifies && readSimplify(params);
	const entries = await workspace.list(path, key, range, params.itemIndex, notFound, query);
	return simplify ? entries.map(shape) : entries;
}

/** The key of the resource's list in Segment's answer (`warehouses`, `trackingPlans`). */
export function listKeyOf(definition: ResourceDefinition): string {
	return definition.listKey ?? definition.plural;
}

/** The plural in words (`warehouses`, `tracking plans`). */
export function pluralNameOf(definition: ResourceDefinition): string {
	return definition.pluralName ?? definition.plural;
}

export function output(definition: ResourceDefinition, simplify: boolean, { entity, platform, extra }: EntityResult): IDataObject {
	const shaped = simplify ? definition.simplify({ entity, platform }) : entity;
	return extra ? { ...shaped, ...extra } : shaped;
}

/** What one entity is called: "Warehouse", "Regulation" (for User Deletion and Suppression). */
export function entityName(definition: ResourceDefinition): string {
	return definition.entityName ?? definition.displayName;
}

/** A name in running text: "destination filter", "reverse ETL model" (acronyms keep their capitals); `sentence`: "Reverse ETL model". */
export function nameInText(name: string, sentence = false): string {
	const words = name.split(' ').map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase())).join(' ');
	return sentence ? words[0].toUpperCase() + words.slice(1) : words;
}

/** The resource's id parameter (a resource locator unless the resource says otherwise), e.g. `warehouseId`. */
export function idProperty(definition: ResourceDefinition): INodeProperties {
	if (definition.idProperty) return definition.idProperty;
	if (!definition.searchMethod) throw new Error(`The ${definition.name} resource needs searchMethod or idProperty`);
	return resourceLocator({
		displayName: definition.displayName,
		name: definition.idParameter,
		searchMethod: definition.searchMethod,
		placeholder: 'e.g. 2Fkq0aXTwSE9Lbfv5TQfHs',
		description: `The ${definition.displayName.toLowerCase()} to work on`,
		required: true,
	});
}

/** The id of the entity to work on; an error names the parameter as the editor shows it (e.g. Mapping ID). */
export function readId(definition: ResourceDefinition, params: Params): string {
	return params.id(definition.idParameter, definition.idProperty?.displayName ?? `${definition.displayName} ID`);
}

/** The collection's path (`/warehouses`, or under its parent: `/destination/{id}/filters`), and one entity's. */
export function resourcePath(definition: ResourceDefinition, params: Params, id?: string): string {
	const parts = [...(definition.parent?.path(params) ?? []), definition.plural];
	return segmentPath(...(id === undefined ? parts : [...parts, id]));
}

/** "Warehouse wh_1", "Destination filter f_1 of destination d_1": what a 404 was about. */
export function notFoundName(definition: ResourceDefinition, params: Params, id: string): string {
	return `${nameInText(entityName(definition), true)} ${id}${definition.parent ? ` of ${definition.parent.label(params)}` : ''}`;
}

/** "Destination d_1": names the parent of a nested list when it is not found; undefined for a top-level resource. */
export function parentNotFoundName(definition: ResourceDefinition, params: Params): string | undefined {
	const parent = definition.parent?.label(params);
	return parent && parent[0].toUpperCase() + parent.slice(1);
}
