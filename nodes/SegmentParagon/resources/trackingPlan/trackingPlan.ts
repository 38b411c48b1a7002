import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceDefinition } from '../types';
import { trackingPlanOperations } from './operations';
import { createPlan, PLAN_TYPES, readPlanFields, updatePlan, type PlanType } from './planCalls';
import { trackingPlanUpsert } from './upsert';

const TYPE_NAMES: Record<PlanType, string> = {
	ENGAGE: 'Engage',
	LIVE: 'Live',
	PROPERTY_LIBRARY: 'Property Library',
	RULE_LIBRARY: 'Rule Library',
	TEMPLATE: 'Template',
};
const TYPE_OPTIONS: INodePropertyOptions[] = PLAN_TYPES.map((value) => ({ name: TYPE_NAMES[value], value })).sort((a, b) => a.name.localeCompare(b.name));

const nameProperty: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Website Tracking Plan' };
const descriptionProperty: INodeProperties = { displayName: 'Description', name: 'description', type: 'string', default: '', placeholder: 'e.g. Events the website may send' };

/**
 * Tracking plans (SPEC §4.11): Segment Protocols' rules of what sources may send, as JSON Schema.
 * The plan is output as Segment sends it; every call needs Protocols in the workspace.
 */
export const trackingPlan: ResourceDefinition = {
	name: 'trackingPlan',
	displayName: 'Tracking Plan',
	plural: 'tracking-plans',
	listKey: 'trackingPlans',
	pluralName: 'tracking plans',
	wording: {
		upsert: {
			action: 'Create or update a tracking plan and its rules, matched by name and type',
			description: 'Create a new tracking plan with the rules given, or update the one with the same name and type and its rules if it exists (upsert)',
		},
	},
	idParameter: 'trackingPlanId',
	searchMethod: 'searchTrackingPlans',
	simplifies: false,

	createProperties: [
		{ ...nameProperty, required: true },
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'LIVE',
			options: TYPE_OPTIONS,
			description: 'Live plans validate the events of their sources; the others are libraries and templates',
		},
		descriptionProperty,
	],

	updateFields: [descriptionProperty, nameProperty],

	listProperties: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [{ displayName: 'Type', name: 'type', type: 'options', default: 'LIVE', options: TYPE_OPTIONS, description: 'Only the plans of this type' }],
		},
	],
	listQuery(params) {
		const filters = params.raw('filters', 'Filters', {}) as IDataObject | undefined;
		if (!filters || filters.type === undefined) return undefined;
		return { type: params.choice('filters.type', 'Filters > Type', PLAN_TYPES) };
	},

	async create(context) {
		return { entity: await createPlan(context, readPlanFields(context.params)) };
	},

	async update(context, id, fields) {
		const { params } = context;
		const body: IDataObject = {};
		if (fields.name !== undefined) body.name = params.text('updateFields.name', 'Update Fields > Name');
		if (fields.description !== undefined) body.description = params.optionalText('updateFields.description', 'Update Fields > Description') ?? '';
		return { entity: await updatePlan(context, id, body) };
	},

	// The plan as Segment sends it: {id, name, slug, description, type, createdAt, updatedAt}.
	simplify: ({ entity }) => entity,

	listName: (entity) => `${String(entity.name ?? entity.id)} (${String(entity.type ?? '')})`,

	upsert: trackingPlanUpsert,
};

trackingPlan.operations = trackingPlanOperations(trackingPlan);
