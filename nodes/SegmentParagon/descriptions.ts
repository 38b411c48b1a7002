import type { INodeProperties } from 'n8n-workflow';

import { operationsOf } from './actions/operations';
import { MAX_LIMIT, MAX_OFFSET } from './resources/crud';
import { optionsProperty, REQUEST_TIMEOUT_OPTION } from './actions/runOptions';
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

/**
 * The Options collection: the shared options, and each operation's own shown for it alone. An
 * operation's own option named like a shared one (Start Sync's Timeout, in minutes) takes its
 * place there: the shared one is hidden for that operation and shown to it under another name
 * (the per-request Timeout as Request Timeout).
 */
function optionsWithOwn(): INodeProperties {
	const shared = optionsProperty.options as INodeProperties[];
	const owners = declared.flatMap(({ definition, declarations }) => declarations.filter((declaration) => declaration.options).map((declaration) => ({ definition, declaration })));
	const onlyFor = ({ definition, declaration }: (typeof owners)[number]) => ({ show: { '/resource': [definition.name], '/operation': [declaration.value] } });
	const own = owners.flatMap((owner) => (owner.declaration.options ?? []).map((option) => ({ ...option, displayOptions: onlyFor(owner) })));
	const replaced = shared.flatMap((option) => {
		const replacing = owners.filter(({ declaration }) => declaration.options?.some((candidate) => candidate.name === option.name));
		if (!replacing.length) return [option];
		// Hidden by operation value alone (a hide rule of two parameters hides when either matches): such a value must be one resource's.
		for (const { definition, declaration } of replacing) {
			const others = declared.filter((entry) => entry.definition !== definition && entry.declarations.some((other) => other.value === declaration.value));
			if (others.length) throw new Error(`Operation ${declaration.value} replaces the shared ${option.name} option, so no other resource may have an operation of that value (${others.map((entry) => entry.definition.name).join(', ')} has)`);
		}
		return [{ ...option, displayOptions: { hide: { '/operation': replacing.map(({ declaration }) => declaration.value) } } }, ...replacing.map((owner) => ({ ...renamed(option), displayOptions: onlyFor(owner) }))];
	});
	const options = [...replaced, ...own].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { ...optionsProperty, options };
}

/** A shared option an operation's own option replaces, kept under another name: Timeout as Request Timeout. */
function renamed(option: INodeProperties): INodeProperties {
	if (option.name !== 'timeout') throw new Error(`Only the shared Timeout option may be replaced by an operation's own option, not ${option.name}`);
	return { ...option, name: REQUEST_TIMEOUT_OPTION, displayName: 'Request Timeout' };
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
