import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../resources/shared';
import type { OperationContext, OperationDeclaration, ResourceDefinition } from '../resources/types';
import { segmentPath } from '../transport/proxyUrl';
import type { Params } from '../validation';

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
 * simplified by `shape` unless Simplify is off. `notFound` names the parent of a nested list.
 */
export async function listPaged(context: OperationContext, path: string, key: string, shape: (entry: IDataObject) => IDataObject, notFound?: string): Promise<IDataObject[]> {
	const { params, workspace } = context;
	const range = readRange(params);
	const simplify = readSimplify(params);
	const entries = await workspace.list(path, key, range, params.itemIndex, notFound);
	return simplify ? entries.map(shape) : entries;
}

function output(definition: ResourceDefinition, simplify: boolean, entity: IDataObject, platform?: string): IDataObject {
	return simplify ? definition.simplify({ entity, platform }) : entity;
}

/** The resource's id parameter (a resource locator), e.g. `warehouseId`. */
export function idProperty(definition: ResourceDefinition): INodeProperties {
	return resourceLocator({
		displayName: definition.displayName,
		name: definition.idParameter,
		searchMethod: definition.searchMethod,
		placeholder: 'e.g. 2Fkq0aXTwSE9Lbfv5TQfHs',
		description: `The ${definition.displayName.toLowerCase()} to work on`,
		required: true,
	});
}

export function readId(definition: ResourceDefinition, params: Params): string {
	return params.id(definition.idParameter, `${definition.displayName} ID`);
}

/** The one CRUD path every resource shares; what differs lives in the resource definition. */
function crudOperations(definition: ResourceDefinition): OperationDeclaration[] {
	const one = definition.displayName.toLowerCase();
	const id = idProperty(definition);
	return [
		{
			value: 'create',
			name: 'Create',
			description: `Create a ${one}`,
			properties: definition.createProperties,
			simplify: true,
			async run(context) {
				const simplify = readSimplify(context.params);
				const { entity, platform } = await definition.create(context);
				return [output(definition, simplify, entity, platform)];
			},
		},
		{
			value: 'delete',
			name: 'Delete',
			description: `Delete a ${one}`,
			properties: [id],
			async run({ params, workspace }) {
				const entityId = readId(definition, params);
				await workspace.client.request(
					{ method: 'DELETE', path: segmentPath(definition.plural, entityId), notFound: `${definition.displayName} ${entityId}` },
					params.itemIndex,
				);
				return [{ id: entityId, deleted: true, status: 204, message: `${definition.displayName} deleted successfully.` }];
			},
		},
		{
			value: 'get',
			name: 'Get',
			description: `Get a ${one}`,
			properties: [id],
			simplify: true,
			async run({ params, workspace }) {
				const entityId = readId(definition, params);
				const simplify = readSimplify(params);
				const data = await workspace.client.request(
					{ method: 'GET', path: segmentPath(definition.plural, entityId), notFound: `${definition.displayName} ${entityId}`, entity: definition.name },
					params.itemIndex,
				);
				return [output(definition, simplify, data[definition.name] as IDataObject)];
			},
		},
		{
			value: 'list',
			name: 'Get Many',
			description: `Get many ${definition.plural}`,
			paged: true,
			simplify: true,
			async run(context) {
				return await listPaged(context, segmentPath(definition.plural), definition.plural, (entity) => definition.simplify({ entity }));
			},
		},
		{
			value: 'update',
			name: 'Update',
			description: `Update a ${one}`,
			properties: [id, { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: definition.updateFields }],
			simplify: true,
			async run(context) {
				const { params } = context;
				const entityId = readId(definition, params);
				const simplify = readSimplify(params);
				const fields = params.raw('updateFields', 'Update Fields', {}) as IDataObject;
				// n8n drops fields the collection does not offer, so any key left is one the resource handles.
				if (!fields || typeof fields !== 'object' || !Object.keys(fields).length) {
					const offered = definition.updateFields.map((field) => field.displayName).join(', ');
					throw params.fail('Nothing to update', `Add at least one field under Update Fields (${offered}).`);
				}
				const { entity, platform } = await definition.update(context, entityId, fields);
				return [output(definition, simplify, entity, platform)];
			},
		},
	];
}

/** Every operation of a resource, shared and its own, in the order n8n lists them (by name). */
export function operationsOf(definition: ResourceDefinition): OperationDeclaration[] {
	return [...crudOperations(definition), ...(definition.operations ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}
