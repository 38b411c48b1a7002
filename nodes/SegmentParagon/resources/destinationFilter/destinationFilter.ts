import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { resourcePath } from '../crud';
import { readDestination } from '../../../shared/destination';
import type { Params } from '../../../shared/validation';
import { additionalFields, enabledOption, resourceLocator } from '../shared';
import type { OperationContext, ResourceDefinition } from '../types';

const ACTIONS = ['drop', 'sample', 'allowProperties', 'dropProperties'] as const;
type FilterAction = (typeof ACTIONS)[number];
const SEGMENT_ACTION: Record<FilterAction, string> = { drop: 'DROP', sample: 'SAMPLE', allowProperties: 'ALLOW_PROPERTIES', dropProperties: 'DROP_PROPERTIES' };
const DEFAULT_ACTION: FilterAction = 'drop';

const titleProperty: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. Drop test events' };
const conditionProperty: INodeProperties = {
	displayName: 'Condition',
	name: 'condition',
	type: 'string',
	default: '',
	placeholder: 'e.g. type = "track" and event = "Order Completed"',
	description: 'Which events the filter applies to, in <a href="https://segment.com/docs/api/public-api/fql/">Segment\'s FQL</a>; sent as "if"',
};
const actionProperty: INodeProperties = {
	displayName: 'Action',
	name: 'action',
	type: 'options',
	default: DEFAULT_ACTION,
	options: [
		{ name: 'Allow Properties', value: 'allowProperties', description: 'Keep only the listed fields of matching events', action: 'Keep only the listed fields of matching events' },
		{ name: 'Drop', value: 'drop', description: 'Drop matching events', action: 'Drop matching events' },
		{ name: 'Drop Properties', value: 'dropProperties', description: 'Remove the listed fields from matching events', action: 'Remove the listed fields from matching events' },
		{ name: 'Sample', value: 'sample', description: 'Let only a share of matching events through', action: 'Let only a share of matching events through' },
	],
};
// Shown for their action; not `required`, as Action may be an expression (checked when the node runs).
const percentProperty: INodeProperties = { displayName: 'Percent', name: 'percent', type: 'number', typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 }, default: 10, description: 'The share of matching events to let through, 0–100 (sent to Segment as 0–1)' };
const pathProperty: INodeProperties = { displayName: 'Sample Path', name: 'path', type: 'string', default: '', placeholder: 'e.g. userId', description: 'The field whose value decides the sample (events with one value are sampled together); empty: random' };
const fieldsProperty: INodeProperties = { displayName: 'Fields', name: 'fields', type: 'json', default: '{"properties": []}', placeholder: 'e.g. {"properties": ["email"], "context": ["ip"]}', description: 'The fields per event part, as a JSON object of lists' };

const shownFor = (property: INodeProperties, actions: FilterAction[]): INodeProperties => ({ ...property, displayOptions: { show: { action: actions } } });

/** One of Segment's filter actions from the action and its values (read under `prefix`, e.g. `updateFields.`). */
function readAction(params: Params, prefix: string, label: string, action: FilterAction): IDataObject {
	const type = SEGMENT_ACTION[action];
	if (action === 'drop') return { type };
	if (action === 'sample') {
		const given = params.raw(`${prefix}percent`, `${label}Percent`, 10);
		const percent = typeof given === 'string' && !given.trim() ? NaN : Number(given);
		if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw params.fail(`${label}Percent must be a number from 0 to 100, not ${String(given)}`);
		const path = params.optionalText(`${prefix}path`, `${label}Sample Path`);
		// Segment's percent is a share (0–1); rounded so 33.33 % is not sent as 0.33330000000000004.
		return path ? { type, percent: Math.round(percent * 100) / 10_000, path } : { type, percent: Math.round(percent * 100) / 10_000 };
	}
	const fields = params.jsonObject(`${prefix}fields`, `${label}Fields`, '{}');
	const parts = Object.entries(fields);
	if (!parts.length || parts.some(([, value]) => !Array.isArray(value) || value.some((field) => typeof field !== 'string' || !field.trim()))) {
		throw params.fail(`${label}Fields must be an object of lists of field names`, 'e.g. {"properties": ["email"], "context": ["ip"]}.');
	}
	return { type, fields };
}

/** The filter's source: the one given, else the destination's own (one GET per destination and execution). */
async function filterSource(context: OperationContext, destinationId: string): Promise<string> {
	const given = context.params.id('filterSourceId', 'Source ID', true);
	if (given) return given;
	const destination = await readDestination(context.workspace, destinationId, context.params.itemIndex);
	return String(destination.sourceId);
}

const readDestinationId = (params: Params) => params.id('destinationId', 'Destination ID');

export const destinationFilter: ResourceDefinition = {
	name: 'destinationFilter',
	displayName: 'Destination Filter',
	plural: 'filters',
	pluralName: 'destination filters',
	wording: {
		create: {
			action: 'Create a destination filter that drops, samples or trims events',
			description: 'Create a filter that drops, samples or trims the events matching an FQL condition before they reach a destination',
		},
	},
	entityKey: 'filter',
	idParameter: 'filterId',
	idProperty: { displayName: 'Filter ID', name: 'filterId', type: 'string', required: true, default: '', placeholder: 'e.g. 2JPBwdbNZbwBDXlKTr4LMUmJUjN', description: 'The filter to work on' },
	searchMethod: 'searchDestinations',
	simplifies: false,
	parent: {
		property: resourceLocator({ displayName: 'Destination', name: 'destinationId', searchMethod: 'searchDestinations', placeholder: 'e.g. rBmMzkfA3yU3hwxVY9oL5m', description: 'The destination whose events the filter routes', required: true }),
		// Segment's path for a destination's filters is the singular /destination/.
		path: (params) => ['destination', readDestinationId(params)],
		label: (params) => `destination ${readDestinationId(params)}`,
		name: 'destination',
	},

	createProperties: [
		{ ...titleProperty, required: true },
		{ ...conditionProperty, required: true },
		{ ...actionProperty, required: true },
		shownFor(percentProperty, ['sample']),
		shownFor(pathProperty, ['sample']),
		shownFor(fieldsProperty, ['allowProperties', 'dropProperties']),
		{ displayName: 'Filter Source ID', name: 'filterSourceId', type: 'string', default: '', placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn', description: 'The source whose events are filtered; empty: the destination\'s own source' },
		additionalFields([enabledOption('filter'), { displayName: 'Description', name: 'description', type: 'string', default: '' }]),
	],

	updateFields: [
		actionProperty,
		conditionProperty,
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		enabledOption('filter'),
		fieldsProperty,
		percentProperty,
		pathProperty,
		titleProperty,
	],

	async create(context) {
		const { params, workspace } = context;
		const destinationId = readDestinationId(params);
		const title = params.text('title', 'Title');
		const condition = params.text('condition', 'Condition');
		const action = readAction(params, '', '', params.choice('action', 'Action', ACTIONS, DEFAULT_ACTION));
		const enabled = params.boolean('additionalFields.enabled', 'Enabled', true);
		const description = params.optionalText('additionalFields.description', 'Description');
		const sourceId = await filterSource(context, destinationId);
		const body: IDataObject = { sourceId, if: condition, actions: [action], title, enabled };
		if (description !== undefined) body.description = description;
		const data = await workspace.client.request<{ filter: IDataObject }>(
			{ method: 'POST', path: resourcePath(destinationFilter, params), body, creating: `filter "${title}"`, notFound: `Destination ${destinationId}`, entity: 'filter' },
			params.itemIndex,
		);
		return { entity: data.filter };
	},

	async update(context, id, fields) {
		const { params, workspace } = context;
		const label = 'Update Fields > ';
		if (fields.action === undefined && ['percent', 'path', 'fields'].some((key) => fields[key] !== undefined)) {
			throw params.fail('Update Fields: Percent, Sample Path and Fields belong to an Action', 'Add Action to Update Fields too: the filter\'s action is replaced as a whole.');
		}
		const body: IDataObject = {};
		if (fields.title !== undefined) body.title = params.text('updateFields.title', `${label}Title`);
		if (fields.condition !== undefined) body.if = params.text('updateFields.condition', `${label}Condition`);
		if (fields.action !== undefined) body.actions = [readAction(params, 'updateFields.', label, params.choice('updateFields.action', `${label}Action`, ACTIONS))];
		if (fields.enabled !== undefined) body.enabled = params.boolean('updateFields.enabled', `${label}Enabled`, true);
		if (fields.description !== undefined) body.description = params.optionalText('updateFields.description', `${label}Description`) ?? '';
		const data = await workspace.client.request<{ filter: IDataObject }>(
			{ method: 'PATCH', path: resourcePath(destinationFilter, params, id), body, notFound: `Destination filter ${id} of destination ${readDestinationId(params)}`, entity: 'filter' },
			params.itemIndex,
		);
		return { entity: data.filter };
	},

	// The filter as Segment sends it (SPEC §4.5).
	simplify: ({ entity }) => entity,

	listName: (entity) => String(entity.title ?? entity.id),
};
