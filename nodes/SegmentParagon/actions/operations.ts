import type { IDataObject } from 'n8n-workflow';

import { entityName, idProperty, nameInText, listKeyOf, listPaged, notFoundName, output, parentNotFoundName, pluralNameOf, readId, readSimplify, resourcePath } from '../resources/crud';
import { ALL_CRUD_OPERATIONS, type CrudOperation, type EntityResult, type OperationContext, type OperationDeclaration, type ResourceDefinition } from '../resources/types';
import { runUpsert } from './upsert';

/** A part the resource must have for an operation it declares; missing is a mistake in the code, found when the node loads. */
function needed<T>(definition: ResourceDefinition, part: T | undefined, what: string): T {
	if (part === undefined) throw new Error(`The ${definition.name} resource has ${what} but does not define it`);
	return part;
}

/** "a warehouse", "an …": the article before a singular noun. */
function withArticle(noun: string): string {
	return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * The action and description of a shared operation: the resource's own words where it gives them,
 * else the default. Get Many says whose entities it lists; Create or Update, what it matches by.
 */
function sharedWording(definition: ResourceDefinition, operation: CrudOperation | 'upsert'): Pick<OperationDeclaration, 'action' | 'description'> {
	const entity = nameInText(entityName(definition));
	const one = withArticle(entity);
	const matchedBy = definition.upsert?.matchedBy;
	const defaults: Record<CrudOperation | 'upsert', { action: string; description?: string }> = {
		create: { action: `Create ${one}` },
		delete: { action: `Delete ${one}` },
		get: { action: `Get ${one}` },
		update: { action: `Update ${one}` },
		list: { action: `Get many ${pluralNameOf(definition)} of ${definition.parent ? withArticle(definition.parent.name) : 'the workspace'}` },
		upsert: {
			action: `Create or update ${one}, matched by its ${matchedBy}`,
			description: `Create a new ${entity}, or update the one with the same ${matchedBy} if it exists (upsert)`,
		},
	};
	const own = definition.wording?.[operation] ?? {};
	const action = own.action ?? defaults[operation].action;
	return { action, description: own.description ?? defaults[operation].description ?? action };
}

/** The one CRUD path every resource shares; what differs lives in the resource definition, which says which of its operations it has. */
function crudOperations(definition: ResourceDefinition): OperationDeclaration[] {
	const has = new Set<CrudOperation>(definition.crud ?? ALL_CRUD_OPERATIONS);
	// Only a resource with an operation on one entity has an id parameter (Workspace has none).
	const id = has.has('get') || has.has('update') || has.has('delete') ? idProperty(definition) : undefined;
	const entityKey = definition.entityKey ?? definition.name;
	const simplifies = definition.simplifies !== false;
	const sentenceName = nameInText(entityName(definition), true);
	const create = (): ((context: OperationContext) => Promise<EntityResult>) => needed(definition, definition.create, 'Create (create)').bind(definition);
	const createProperties = (): OperationDeclaration['properties'] => needed(definition, definition.createProperties, 'Create (createProperties)');
	const declarations: OperationDeclaration[] = [];
	if (has.has('create')) {
		const createEntity = create();
		declarations.push({
			value: 'create',
			name: 'Create',
			...sharedWording(definition, 'create'),
			properties: createProperties(),
			simplify: simplifies,
			async run(context) {
				const simplify = simplifies && readSimplify(context.params);
				return [output(definition, simplify, await createEntity(context))];
			},
		});
	}
	if (id && has.has('delete')) {
		declarations.push({
			value: 'delete',
			name: 'Delete',
			...sharedWording(definition, 'delete'),
			properties: [id],
			async run({ params, workspace }) {
				const entityId = readId(definition, params);
				await workspace.client.request(
					{ method: 'DELETE', path: resourcePath(definition, params, entityId), notFound: notFoundName(definition, params, entityId), pacer: definition.writePacer?.(workspace) },
					params.itemIndex,
				);
				return [{ id: entityId, deleted: true, status: 204, message: `${sentenceName} deleted successfully.` }];
			},
		});
	}
	if (id && has.has('get')) {
		declarations.push({
			value: 'get',
			name: 'Get',
			...sharedWording(definition, 'get'),
			properties: [id],
			simplify: simplifies,
			async run({ params, workspace }) {
				const entityId = readId(definition, params);
				const simplify = simplifies && readSimplify(params);
				const data = await workspace.client.request(
					{ method: 'GET', path: resourcePath(definition, params, entityId), notFound: notFoundName(definition, params, entityId), entity: entityKey },
					params.itemIndex,
				);
				return [output(definition, simplify, { entity: data[entityKey] as IDataObject })];
			},
		});
	}
	if (has.has('list')) {
		declarations.push({
			value: 'list',
			name: 'Get Many',
			...sharedWording(definition, 'list'),
			properties: definition.listProperties,
			paged: true,
			simplify: simplifies,
			async run(context) {
				const notFound = parentNotFoundName(definition, context.params);
				const query = definition.listQuery?.(context.params);
				return await listPaged(context, resourcePath(definition, context.params), listKeyOf(definition), (entity) => definition.simplify({ entity }), notFound, simplifies, query);
			},
		});
	}
	if (id && has.has('update')) {
		const update = needed(definition, definition.update, 'Update (update)').bind(definition);
		const updateFields = needed(definition, definition.updateFields, 'Update (updateFields)');
		declarations.push({
			value: 'update',
			name: 'Update',
			...sharedWording(definition, 'update'),
			properties: [id, { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: updateFields }],
			simplify: simplifies,
			async run(context) {
				const { params } = context;
				const entityId = readId(definition, params);
				const simplify = simplifies && readSimplify(params);
				const fields = params.raw('updateFields', 'Update Fields', {}) as IDataObject;
				// n8n drops fields the collection does not offer, so any key left is one the resource handles.
				if (!fields || typeof fields !== 'object' || !Object.keys(fields).length) {
					const offered = updateFields.map((field) => field.displayName).join(', ');
					throw params.fail('Nothing to update', `Add at least one field under Update Fields (${offered}).`);
				}
				return [output(definition, simplify, await update(context, entityId, fields))];
			},
		});
	}
	const hooks = definition.upsert;
	if (hooks) {
		// What Create or Update creates with: the resource's own create for it (e.g. a plan and its rules), else Create.
		const upsertCreate = hooks.create ? hooks.create.bind(hooks) : create();
		declarations.push({
			value: 'upsert',
			name: 'Create or Update',
			...sharedWording(definition, 'upsert'),
			// The very parameters of Create: declared once, shown for both (and what Create or Update adds).
			properties: [...(createProperties() ?? []), ...(hooks.properties ?? [])],
			simplify: simplifies,
			async run(context) {
				const simplify = simplifies && readSimplify(context.params);
				const { result, upsert } = await runUpsert(definition, hooks, upsertCreate, context);
				return [{ ...output(definition, simplify, result), upsert }];
			},
		});
	}
	// A nested resource's parent id comes first in every operation.
	const parent = definition.parent?.property;
	return parent ? declarations.map((declaration) => ({ ...declaration, properties: [parent, ...(declaration.properties ?? [])] })) : declarations;
}

/** Every operation of a resource, shared and its own, in the order n8n lists them (by name). */
export function operationsOf(definition: ResourceDefinition): OperationDeclaration[] {
	const all = [...crudOperations(definition), ...(definition.operations ?? [])];
	const values = all.map((declaration) => declaration.value);
	const twice = values.find((value, index) => values.indexOf(value) !== index);
	if (twice !== undefined) throw new Error(`The ${definition.name} resource declares the operation ${twice} twice (leave it out of crud when the resource declares its own)`);
	return all.sort((a, b) => a.name.localeCompare(b.name));
}
