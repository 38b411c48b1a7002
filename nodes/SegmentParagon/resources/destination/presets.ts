import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { segmentPath } from '../../../shared/transport/proxyUrl';
import { finishCreate, type CreateStep } from '../connections';
import { metadataOf } from '../shared';
import type { OperationContext } from '../types';

export const MAPPINGS_CHOICES = ['presets', 'none'] as const;
export type MappingsChoice = (typeof MAPPINGS_CHOICES)[number];

/** Additional Fields > Mappings of a destination create. */
export const mappingsOption: INodeProperties = {
	displayName: 'Mappings',
	name: 'mappings',
	type: 'options',
	default: 'presets',
	options: [
		{ name: 'Presets', value: 'presets', description: 'Segment\'s quick setup: one mapping per preset of the catalog entry (an Actions destination sends nothing without mappings)' },
		{ name: 'None', value: 'none', description: 'No mappings; make them with Destination Mapping' },
	],
	description: 'What an Actions destination gets right after it is created. Segment allows 5 mapping writes a minute, so 7 presets take about a minute. A classic destination has no presets.',
};

/** What the output says about a mapping made from a preset. */
function made(mapping: IDataObject): IDataObject {
	return { id: mapping.id, name: mapping.name, actionId: mapping.actionId, actionSlug: mapping.actionSlug, trigger: mapping.trigger };
}

/**
 * After a create: one mapping per preset of the destination's catalog entry (its name, action,
 * trigger and fields as the preset says), paced under Segment's 5 mapping writes a minute. A preset
 * that fails leaves an error saying the destination exists, its id, and which presets are not made.
 * Returns the mappings made (none for a classic destination).
 */
export async function mappingsFromPresets(context: OperationContext, destination: IDataObject): Promise<IDataObject[]> {
	const { params, workspace } = context;
	const presets = metadataOf(destination).presets;
	if (!Array.isArray(presets) || !presets.length) return [];
	const id = String(destination.id);
	const mappings: IDataObject[] = [];
	const steps: CreateStep[] = (presets as IDataObject[]).map((preset) => ({
		undone: `"${String(preset.name)}"`,
		run: async () => {
			const data = await workspace.client.request<{ destinationSubscription: IDataObject }>(
				{
					method: 'POST',
					path: segmentPath('destinations', id, 'subscriptions'),
					body: { name: preset.name, actionId: preset.actionId, trigger: preset.trigger, enabled: true, settings: preset.fields ?? {} },
					creating: `mapping "${String(preset.name)}"`,
					entity: 'destinationSubscription',
					pacer: workspace.mappingWrites,
				},
				params.itemIndex,
			);
			mappings.push(made(data.destinationSubscription));
		},
	}));
	const done = () => (mappings.length ? ` (made: ${mappings.map((mapping) => `"${String(mapping.name)}"`).join(', ')})` : '');
	await finishCreate(
		context,
		'Destination',
		id,
		steps,
		(undone) => `the mappings of its presets ${undone.join(', ')} were not made${done()}`,
		`Make the missing ones with Destination Mapping > Create or Update on destination ${id} (each preset's action, trigger and fields are in the destination's catalog entry, metadata.presets).`,
	);
	return mappings;
}
