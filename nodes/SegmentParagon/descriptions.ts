import type { INodeProperties } from 'n8n-workflow';

import { operationsOf } from './actions/operations';
import { MAX_LIMIT, MAX_OFFSET } from './resources/crud';
import { optionsProperty } from './actions/runOptions';
import { RESOURCES } from './resources';
import type { OperationDeclaration, ResourceDefinition } from './resources/types';

const DEFINITIONS = Object.values(RESOURCES);

const listProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Offset',
		name: 'offset',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_OFFSET },
		default: 0,
		description: 'How many entities to skip before the first one returned',
	},
];

const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

function shownFor(resource: string, operations: string[], property: INodeProperties): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return { ...property, displayOptions: { ...property.displayOptions, show: { ...show, resource: [resource], operation: operations } } };
}

function operationProperty(definition: ResourceDefinition, declarations: OperationDeclaration[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [definition.name] } },
		default: 'list',
		options: declarations.map(({ name, value, description, action }) => ({ name, value, description, action })),
	};
}

/**
 * A resource's parameters from its operations' declarations. A parameter several operations
 * share (the same definition, e.g. Warehouse ID) is declared once, shown for all of them.
 */
function resourceProperties(definition: ResourceDefinition, declarations: OperationDeclaration[]): INodeProperties[] {
	const shared = new Map<string, { property: INodeProperties; operations: string[] }>();
	const add = (property: INodeProperties, operation: string) => {
		const key = JSON.stringify(property);
		const known = shared.get(key);
		if (known) known.operations.push(operation);
		else shared.set(key, { property, operations: [operation] });
	};
	for (const declaration of declarations) {
		for (const property of declaration.properties ?? []) add(property, declaration.value);
	}
	// Paging and Simplify come last, as n8n's own nodes show them.
	for (const declaration of declarations) {
		if (declaration.paged) for (const property of listProperties) add(property, declaration.value);
	}
	for (const declaration of declarations) {
		if (declaration.simplify) add(simplifyProperty, declaration.value);
	}
	return [...shared.values()].map(({ property, operations }) => shownFor(definition.name, operations, property));
}

const declared = DEFINITIONS.map((definition) => ({ definition, declarations: operationsOf(definition) }));

/** The Options collection: the shared options, and each operation's own shown for it alone. */
function optionsWithOwn(): INodeProperties {
	const own = declared.flatMap(({ definition, declarations }) =>
		declarations.flatMap((declaration) =>
			(declaration.options ?? []).map((option) => ({ ...option, displayOptions: { show: { '/resource': [definition.name], '/operation': [declaration.value] } } })),
		),
	);
	const options = [...(optionsProperty.options as INodeProperties[]), ...own].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { ...optionsProperty, options };
}

/** Every parameter of the node, derived from each resource's operation declarations. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'warehouse',
		options: DEFINITIONS.map((definition) => ({ name: definition.displayName, value: definition.name })).sort((a, b) => a.name.localeCompare(b.name)),
	},
	...declared.map(({ definition, declarations }) => operationProperty(definition, declarations)),
	...declared.flatMap(({ definition, declarations }) => resourceProperties(definition, declarations)),
	optionsWithOwn(),
];
