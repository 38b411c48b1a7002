import type { IDataObject } from 'n8n-workflow';

import type { OperationContext, ResourceDefinition } from '../resources/types';
import { segmentPath } from '../transport/proxyUrl';

export const OPERATIONS = ['list', 'create', 'get', 'update', 'delete'] as const;
export type OperationName = (typeof OPERATIONS)[number];

/** Bounds that keep one item's list finite; beyond them, Return All is the way. */
export const MAX_LIMIT = 1_000_000;
export const MAX_OFFSET = 1_000_000;

type Operation = (definition: ResourceDefinition, context: OperationContext) => Promise<IDataObject[]>;

function output(definition: ResourceDefinition, simplify: boolean, entity: IDataObject, platform?: string): IDataObject {
	return simplify ? definition.simplify({ entity, platform }) : entity;
}

/** The one CRUD path every resource shares; what differs lives in the resource definition. */
export const operations: Record<OperationName, Operation> = {
	async list(definition, context) {
		const { params, workspace } = context;
		const returnAll = params.boolean('returnAll', 'Return All', false);
		const limit = returnAll ? undefined : params.integer('limit', 'Limit', 50, 1, MAX_LIMIT);
		const offset = params.integer('offset', 'Offset', 0, 0, MAX_OFFSET);
		const simplify = params.boolean('simplify', 'Simplify', true);
		const entities = await workspace.list(segmentPath(definition.plural), definition.plural, { offset, limit }, params.itemIndex);
		return entities.map((entity) => output(definition, simplify, entity));
	},

	async get(definition, context) {
		const { params, workspace } = context;
		const id = params.id(definition.idParameter, `${definition.displayName} ID`);
		const simplify = params.boolean('simplify', 'Simplify', true);
		const data = await workspace.client.request(
			{ method: 'GET', path: segmentPath(definition.plural, id), notFound: `${definition.displayName} ${id}`, entity: definition.name },
			params.itemIndex,
		);
		return [output(definition, simplify, data[definition.name] as IDataObject)];
	},

	async create(definition, context) {
		const simplify = context.params.boolean('simplify', 'Simplify', true);
		const { entity, platform } = await definition.create(context);
		return [output(definition, simplify, entity, platform)];
	},

	async update(definition, context) {
		const { params } = context;
		const id = params.id(definition.idParameter, `${definition.displayName} ID`);
		const simplify = params.boolean('simplify', 'Simplify', true);
		const fields = params.raw('updateFields', {}) as IDataObject;
		// n8n drops fields the collection does not offer, so any key left is one the resource handles.
		if (!fields || typeof fields !== 'object' || !Object.keys(fields).length) {
			const offered = definition.updateFields.map((field) => field.displayName).join(', ');
			throw params.fail('Nothing to update', `Add at least one field under Update Fields (${offered}).`);
		}
		const { entity, platform } = await definition.update(context, id, fields);
		return [output(definition, simplify, entity, platform)];
	},

	async delete(definition, context) {
		const { params, workspace } = context;
		const id = params.id(definition.idParameter, `${definition.displayName} ID`);
		await workspace.client.request(
			{ method: 'DELETE', path: segmentPath(definition.plural, id), notFound: `${definition.displayName} ${id}` },
			params.itemIndex,
		);
		return [{ id, deleted: true, status: 204, message: `${definition.displayName} deleted successfully.` }];
	},
};
