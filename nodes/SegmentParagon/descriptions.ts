import type { INodeProperties } from 'n8n-workflow';

import { MAX_LIMIT, MAX_OFFSET } from './actions/operations';
import { optionsProperty } from './actions/runOptions';
import { RESOURCES } from './resources';
import { resourceLocator } from './resources/shared';
import type { ResourceDefinition } from './resources/types';

const DEFINITIONS = Object.values(RESOURCES);

function forResource(definition: ResourceDefinition, operations: string[], property: INodeProperties): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return { ...property, displayOptions: { ...property.displayOptions, show: { ...show, resource: [definition.name], operation: operations } } };
}

function operationProperty(definition: ResourceDefinition): INodeProperties {
	const one = definition.displayName.toLowerCase();
	const many = definition.plural;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [definition.name] } },
		default: 'list',
		options: [
			{ name: 'Create', value: 'create', description: `Create a ${one}`, action: `Create a ${one}` },
			{ name: 'Delete', value: 'delete', description: `Delete a ${one}`, action: `Delete a ${one}` },
			{ name: 'Get', value: 'get', description: `Get a ${one}`, action: `Get a ${one}` },
			{ name: 'Get Many', value: 'list', description: `Get many ${many}`, action: `Get many ${many}` },
			{ name: 'Update', value: 'update', description: `Update a ${one}`, action: `Update a ${one}` },
		],
	};
}

function idProperty(definition: ResourceDefinition): INodeProperties {
	return forResource(
		definition,
		['get', 'update', 'delete'],
		resourceLocator({
			displayName: definition.displayName,
			name: definition.idParameter,
			searchMethod: definition.searchMethod,
			placeholder: 'e.g. 2Fkq0aXTwSE9Lbfv5TQfHs',
			description: `The ${definition.displayName.toLowerCase()} to work on`,
			required: true,
		}),
	);
}

function updateFieldsProperty(definition: ResourceDefinition): INodeProperties {
	return forResource(definition, ['update'], {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: definition.updateFields,
	});
}

const listProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { operation: ['list'] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { operation: ['list'], returnAll: [false] } },
	},
	{
		displayName: 'Offset',
		name: 'offset',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_OFFSET },
		default: 0,
		description: 'How many entities to skip before the first one returned',
		displayOptions: { show: { operation: ['list'] } },
	},
];

const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: { show: { operation: ['list', 'create', 'get', 'update'] } },
};

/** Every parameter of the node, assembled from the shared parts and each resource's own. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'warehouse',
		options: [
			{ name: 'Destination', value: 'destination' },
			{ name: 'Source', value: 'source' },
			{ name: 'Warehouse', value: 'warehouse' },
		],
	},
	...DEFINITIONS.map(operationProperty),
	...DEFINITIONS.map(idProperty),
	...DEFINITIONS.flatMap((definition) => definition.createProperties.map((property) => forResource(definition, ['create'], property))),
	...DEFINITIONS.map(updateFieldsProperty),
	...listProperties,
	simplifyProperty,
	optionsProperty,
];
