import type { IDataObject } from 'n8n-workflow';

import type { SegmentCall } from '../../../shared/transport/request';
import type { Params } from '../../../shared/validation';
import { resourcePath } from '../crud';
import { resourceLocator, sameJson } from '../shared';
import type { OperationContext, ResourceDefinition, UpsertChange } from '../types';
import { actionsOf, describeActions, destinationLabel, matchAction, type SegmentAction } from './action';
import { createProperties, FIELDS_MODES, updateFields } from './properties';
import { mappingSettings, SettingsError, updatedSettings } from './settings';

const readDestinationId = (params: Params) => params.id('destinationId', 'Destination ID');

/** Every parameter of a create, read and checked before any request. */
function readMappingInput({ params }: OperationContext) {
	const fieldsMode = params.choice('fieldsMode', 'Fields Mode', FIELDS_MODES, 'mapper');
	let fields: IDataObject;
	if (fieldsMode === 'json') fields = params.jsonObject('settings', 'Settings', '{}');
	else {
		const mapping = params.raw('mapping', 'Fields', {});
		const value = mapping && typeof mapping === 'object' && !Array.isArray(mapping) ? (mapping as IDataObject).value : undefined;
		if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) throw params.fail('Fields must be the values of the action\'s fields', 'Pick the fields in the mapper again, or switch Fields Mode to JSON.');
		fields = (value as IDataObject | null | undefined) ?? {};
	}
	const modelId = params.optionalText('additionalFields.modelId', 'Additional Fields > Reverse ETL Model ID');
	return {
		destinationId: readDestinationId(params),
		name: params.text('name', 'Name'),
		action: params.id('action', 'Action'),
		trigger: params.optionalText('trigger', 'Trigger'),
		fieldsMode,
		fields,
		enabled: params.boolean('additionalFields.enabled', 'Enabled', true),
		modelId: modelId === undefined ? undefined : params.checkId(modelId, 'Additional Fields > Reverse ETL Model ID'),
	};
}

/** The action the item names (by id or slug), from the destination's catalog entry. */
async function resolveAction(context: OperationContext, destinationId: string, given: string): Promise<SegmentAction> {
	const { params, workspace } = context;
	const { destination, actions } = await actionsOf(workspace, destinationId, params.itemIndex);
	if (!actions.length) {
		throw params.fail(
			`Destination ${destinationLabel(destination)} has no actions: it is a classic destination and takes no mappings`,
			'Mappings are for Actions destinations (e.g. "Amplitude (Actions)" or "Google Analytics 4 Cloud"); a classic destination sends events by its settings.',
		);
	}
	const action = matchAction(actions, given);
	if (!action) throw params.fail(`Action "${given}" is not an action of destination ${destinationLabel(destination)}`, `Its actions: ${describeActions(actions)}. Pick one From list.`);
	return action;
}

/** A settings problem as an error naming the parameter (and the field inside it). */
function settingsFailure(params: Params, label: string, error: unknown): Error {
	if (!(error instanceof SettingsError)) return error as Error;
	return params.fail(`${label}: ${error.message}`, error.hint);
}

/** What a create or Create or Update sends: the action, its trigger (or the action's default) and checked settings. */
async function readMapping(context: OperationContext) {
	const { params } = context;
	const input = readMappingInput(context);
	const action = await resolveAction(context, input.destinationId, input.action);
	let settings: IDataObject;
	try {
		settings = mappingSettings(action, input.fields, input.fieldsMode);
	} catch (error) {
		throw settingsFailure(params, input.fieldsMode === 'json' ? 'Settings' : 'Fields', error);
	}
	const trigger = input.trigger ?? action.defaultTrigger;
	if (trigger === null) {
		throw params.fail(`Trigger is empty, and action ${action.name} has no default trigger`, 'Enter which events fire it, in Segment\'s FQL, e.g. type = "track" and event = "Order Completed".');
	}
	return { ...input, action, settings, trigger };
}

/** A mapping write: paced under Segment's 5 a minute for the workspace. */
async function write<T>(context: OperationContext, call: SegmentCall): Promise<T> {
	return await context.workspace.client.request<T>({ ...call, pacer: context.workspace.mappingWrites }, context.params.itemIndex);
}

async function patchMapping(context: OperationContext, id: string, input: IDataObject): Promise<IDataObject> {
	const data = await write<{ subscription: IDataObject }>(context, {
		method: 'PATCH',
		path: resourcePath(destinationMapping, context.params, id),
		body: { input },
		notFound: `Destination mapping ${id} of destination ${readDestinationId(context.params)}`,
		entity: 'subscription',
	});
	return data.subscription;
}

const mappingKey = (destinationId: string, actionId: string, name: string) => [destinationId, actionId, name].join('\u0000');

export const destinationMapping: ResourceDefinition = {
	name: 'destinationMapping',
	displayName: 'Destination Mapping',
	plural: 'subscriptions',
	pluralName: 'destination mappings',
	wording: {
		create: {
			action: 'Create a destination mapping that fires an action on matching events',
			description: "Create a mapping: the events its FQL trigger matches fire one of an Actions destination's actions, with the fields given",
		},
	},
	entityKey: 'subscription',
	idParameter: 'mappingId',
	idProperty: { displayName: 'Mapping ID', name: 'mappingId', type: 'string', required: true, default: '', placeholder: 'e.g. sfjEmPjDvGLdsxEnMNzrsA', description: 'The mapping to work on' },
	searchMethod: 'searchDestinations',
	simplifies: false,
	writePacer: (workspace) => workspace.mappingWrites,
	parent: {
		property: resourceLocator({ displayName: 'Destination', name: 'destinationId', searchMethod: 'searchDestinations', placeholder: 'e.g. rBmMzkfA3yU3hwxVY9oL5m', description: 'The Actions destination whose mappings these are', required: true }),
		path: (params) => ['destinations', readDestinationId(params)],
		label: (params) => `destination ${readDestinationId(params)}`,
		name: 'destination',
	},

	createProperties,
	updateFields,

	async create(context) {
		const { name, destinationId, action, trigger, enabled, settings, modelId } = await readMapping(context);
		const body: IDataObject = { name, actionId: action.id, trigger, enabled, settings };
		if (modelId !== undefined) body.modelId = modelId;
		const data = await write<{ destinationSubscription: IDataObject }>(context, {
			method: 'POST',
			path: resourcePath(destinationMapping, context.params),
			body,
			creating: `mapping "${name}"`,
			notFound: `Destination ${destinationId}`,
			entity: 'destinationSubscription',
		});
		return { entity: data.destinationSubscription };
	},

	async update(context, id, fields) {
		const { params, workspace } = context;
		const label = 'Update Fields > ';
		const input: IDataObject = {};
		if (fields.name !== undefined) input.name = params.text('updateFields.name', `${label}Name`);
		if (fields.trigger !== undefined) input.trigger = params.text('updateFields.trigger', `${label}Trigger`);
		if (fields.enabled !== undefined) input.enabled = params.boolean('updateFields.enabled', `${label}Enabled`, true);
		// API 73 names a mapping's model reverseETLModelId in an update.
		if (fields.modelId !== undefined) input.reverseETLModelId = params.id('updateFields.modelId', `${label}Reverse ETL Model ID`);
		if (fields.settings !== undefined) {
			const given = params.toJsonObject(fields.settings, `${label}Settings`);
			// Checked against the mapping's own action: one GET of its destination (first, so a missing
			// destination is named as such), one of the mapping.
			const destinationId = readDestinationId(params);
			await actionsOf(workspace, destinationId, params.itemIndex);
			const current = await workspace.client.request<{ subscription: IDataObject }>(
				{ method: 'GET', path: resourcePath(destinationMapping, params, id), notFound: `Destination mapping ${id} of destination ${destinationId}`, entity: 'subscription' },
				params.itemIndex,
			);
			const action = await resolveAction(context, destinationId, String(current.subscription.actionId));
			try {
				input.settings = updatedSettings(action, (current.subscription.settings as IDataObject | undefined) ?? {}, given);
			} catch (error) {
				throw settingsFailure(params, `${label}Settings`, error);
			}
		}
		return { entity: await patchMapping(context, id, input) };
	},

	upsert: {
		matchedBy: 'action and name',
		async key(context) {
			const { destinationId, name, action } = readMappingInput(context);
			const resolved = await resolveAction(context, destinationId, action);
			return { key: mappingKey(destinationId, resolved.id, name), label: `name "${name}" and action ${resolved.slug}` };
		},
		keyOf(entity) {
			return typeof entity.name === 'string' ? mappingKey(String(entity.destinationId), String(entity.actionId), entity.name) : undefined;
		},
		async differences(context, existing) {
			const { trigger, enabled, settings } = await readMapping(context);
			const input: IDataObject = {};
			if (existing.trigger !== trigger) input.trigger = trigger;
			if (existing.enabled !== enabled) input.enabled = enabled;
			if (!sameJson(existing.settings ?? {}, settings)) input.settings = settings;
			const changed = Object.keys(input);
			const changes: UpsertChange[] = changed.length ? [{ what: `its ${changed.join(', ')}`, send: () => patchMapping(context, String(existing.id), input) }] : [];
			return { changes };
		},
	},

	// The mapping as Segment sends it (SPEC §4.9).
	simplify: ({ entity }) => entity,

	listName: (entity) => String(entity.name ?? entity.id),
};
