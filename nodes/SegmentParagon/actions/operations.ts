import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../resources/shared';
import type { OperationContext, OperationDeclaration, ResourceDefinition } from '../resources/types';
import { segmentPath } from '../transport/proxyUrl';
import type { Params } from '../validation';
import { runUpsert } from './upsert';

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
export async function listPaged(context: OperationContext, path: string, key: string, shape: (entry: IDataObject) => IDataObject, notFound?: string, simplifies = true): Promise<IDataObject[]> {
	const { params, workspace } = context;
	const range = readRange(params);
	const simplify = simplifies && readSimplify(params);
	const entries = await workspace.list(path, key, range, params.itemIndex, notFound);
	return simplify ? entries.map(shape) : entries;
}

function output(definition: ResourceDefinition, simplify: boolean, entity: IDataObject, platform?: string): IDataObject {
	return simplify ? definition.simplify({ entity, platform }) : entity;
}

/** The resource's id parameter (a resource locator unless the resource says otherwise), e.g. `warehouseId`. */
export function idProperty(definition: ResourceDefinition): INodeProperties {
	if (definition.idProperty) return definition.idProperty;
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

/** The collection's path (`/warehouses`, or under its parent: `/destination/{id}/filters`), and one entity's. */
export function resourcePath(definition: ResourceDefinition, params: Params, id?: string): string {
	const parts = [...(definition.parent?.path(params) ?? []), definition.plural];
	return segmentPath(...(id === undefined ? parts : [...parts, id]));
}

/** "Warehouse wh_1", "Destination filter f_1 of destination d_1": what a 404 was about. */
export function notFoundName(definition: ResourceDefinition, params: Params, id: string): string {
	const name = definition.displayName[0] + definition.displayName.slice(1).toLowerCase();
	return `${name} ${id}${definition.parent ? ` of ${definition.parent.label(params)}` : ''}`;
}

/** The one CRUD path every resource shares; what differs lives in the resource definition. */
function crudOperations(definition: ResourceDefinition): OperationDeclaration[] {
	const one = definition.displayName.toLowerCase();
	const id = idProperty(definition);
	const entityKey = definition.entityKey ?? definition.name;
	const simplifies = definition.simplifies !== false;
	const sentenceName = definition.displayName[0] + definition.displayName.slice(1).toLowerCase();
	const declarations: OperationDeclaration[] = [
		{
			value: 'create',
			name: 'Create',
			description: `Create a ${one}`,
			properties: definition.createProperties,
			simplify: simplifies,
			async run(context) {
				const simplify = simplifies && readSimplify(context.params);
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
				await workspace.client.request({ method: 'DELETE', path: resourcePath(definition, params, entityId), notFound: notFoundName(definition, params, entityId) }, params.itemIndex);
				return [{ id: entityId, deleted: true, status: 204, message: `${sentenceName} deleted successfully.` }];
			},
		},
		{
			value: 'get',
			name: 'Get',
			description: `Get a ${one}`,
			properties: [id],
			simplify: simplifies,
			async run({ params, workspace }) {
				const entityId = readId(definition, params);
				const simplify = simplifies && readSimplify(params);
				const data = await workspace.client.request(
					{ method: 'GET', path: resourcePath(definition, params, entityId), notFound: notFoundName(definition, params, entityId), entity: entityKey },
					params.itemIndex,
				);
				return [output(definition, simplify, data[entityKey] as IDataObject)];
			},
		},
		{
			value: 'list',
			name: 'Get Many',
			description: `Get many ${definition.plural}`,
			paged: true,
			simplify: simplifies,
			async run(context) {
				const parent = definition.parent?.label(context.params);
				const notFound = parent && parent[0].toUpperCase() + parent.slice(1);
				return await listPaged(context, resourcePath(definition, context.params), definition.plural, (entity) => definition.simplify({ entity }), notFound, simplifies);
			},
		},
		{
			value: 'update',
			name: 'Update',
			description: `Update a ${one}`,
			properties: [id, { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: definition.updateFields }],
			simplify: simplifies,
			async run(context) {
				const { params } = context;
				const entityId = readId(definition, params);
				const simplify = simplifies && readSimplify(params);
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
	const hooks = definition.upsert;
	if (hooks) {
		declarations.push({
			value: 'upsert',
			name: 'Create or Update',
			description: `Create a new ${one}, or update the current one if it already exists (upsert)`,
			// The very parameters of Create: declared once, shown for both.
			properties: definition.createProperties,
			simplify: simplifies,
			async run(context) {
				const simplify = simplifies && readSimplify(context.params);
				const { result, upsert } = await runUpsert(definition, hooks, context);
				return [{ ...output(definition, simplify, result.entity, result.platform), upsert }];
			},
		});
	}
	// A nested resource's parent id comes first in every operation.
	const parent = definition.parent?.property;
	return parent ? declarations.map((declaration) => ({ ...declaration, properties: [parent, ...(declaration.properties ?? [])] })) : declarations;
}

/** Every operation of a resource, shared and its own, in the order n8n lists them (by name). */
export function operationsOf(definition: ResourceDefinition): OperationDeclaration[] {
	return [...crudOperations(definition), ...(definition.operations ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}
