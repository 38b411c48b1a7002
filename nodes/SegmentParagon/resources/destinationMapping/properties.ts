import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, enabledOption, resourceLocator } from '../shared';

export const FIELDS_MODES = ['mapper', 'json'] as const;
export type FieldsMode = (typeof FIELDS_MODES)[number];

const nameProperty: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Purchases to GA4' };

const triggerProperty: INodeProperties = {
	displayName: 'Trigger',
	name: 'trigger',
	type: 'string',
	default: '',
	placeholder: 'e.g. type = "track" and event = "Order Completed"',
	description: 'Which events fire the action, in <a href="https://segment.com/docs/api/public-api/fql/">Segment\'s FQL</a>. Empty: the action\'s default trigger.',
};

const settingsProperty: INodeProperties = {
	displayName: 'Settings',
	name: 'settings',
	type: 'json',
	default: '{}',
	description: 'The action\'s fields as a JSON object keyed by field key; each value a literal or a Segment directive, e.g. {"transaction_id": {"@path": "$.properties.order_id"}}. Fields left out take their default.',
};

const modelIdOption: INodeProperties = {
	displayName: 'Reverse ETL Model ID',
	name: 'modelId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 7mrDjKzG5i3bVAGPkBDHPX',
	description: 'For a reverse ETL mapping: the model whose rows fire the action (Reverse ETL > Get Many lists the models)',
};

/** Create (and Create or Update): the mapping's name, action, trigger and fields. */
export const createProperties: INodeProperties[] = [
	{ ...nameProperty, required: true },
	resourceLocator({
		displayName: 'Action',
		name: 'action',
		searchMethod: 'searchDestinationActions',
		placeholder: 'e.g. purchase',
		description: 'The destination\'s action the mapping fires (an Actions destination\'s, e.g. Purchase of Google Analytics 4 Cloud); By ID takes the action\'s ID or slug',
		required: true,
	}),
	triggerProperty,
	{
		displayName: 'Fields Mode',
		name: 'fieldsMode',
		type: 'options',
		default: 'mapper',
		options: [
			{ name: 'Map Each Field', value: 'mapper', description: 'Fill the action\'s fields one by one; the list comes from Segment' },
			{ name: 'JSON', value: 'json', description: 'Give the fields as one JSON object (for expressions, or an action chosen by expression)' },
		],
	},
	{
		displayName: 'Fields',
		name: 'mapping',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		// Not `required`: it depends on Fields Mode, which may be an expression; checked when the node runs.
		displayOptions: { show: { fieldsMode: ['mapper'] }, hide: { action: [''] } },
		typeOptions: {
			loadOptionsDependsOn: ['destinationId.value', 'action.value'],
			resourceMapper: {
				resourceMapperMethod: 'getMappingFields',
				mode: 'add',
				valuesLabel: 'Fields',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				supportAutoMap: false,
				noFieldsError: 'This action has no fields to map.',
			},
		},
		description: 'A value is a literal or a Segment directive as JSON, e.g. {"@path": "$.properties.email"} or {"@template": "Order {{properties.order_number}}"}. A field left empty takes its default.',
	},
	{ ...settingsProperty, displayOptions: { show: { fieldsMode: ['json'] } } },
	additionalFields([enabledOption('mapping'), modelIdOption]),
];

export const updateFields: INodeProperties[] = [
	enabledOption('mapping'),
	nameProperty,
	{ ...modelIdOption, description: 'For a reverse ETL mapping: the model whose rows fire the action (sent as reverseETLModelId)' },
	{ ...settingsProperty, default: '{}', description: 'Fields to change, as a JSON object keyed by field key (literals or directives); the other fields keep their values' },
	{ ...triggerProperty, description: 'Which events fire the action, in <a href="https://segment.com/docs/api/public-api/fql/">Segment\'s FQL</a>' },
];
