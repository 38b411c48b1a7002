import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchResult, type ResourceMapperFields } from 'n8n-workflow';

import { actionsOf, describeActions, destinationLabel, matchAction } from '../resources/destinationMapping/action';
import { mapperFields } from '../resources/destinationMapping/mapperFields';
import { SegmentClient } from '../../shared/transport/request';
import { Workspace } from '../../shared/transport/workspace';

/** A resource locator's value in the editor (an expression the editor could not resolve reads as empty). */
function chosen(fn: ILoadOptionsFunctions, name: string): string {
	const value = fn.getCurrentNodeParameter(name, { extractValue: true });
	return typeof value === 'string' && !value.startsWith('=') ? value.trim() : '';
}

/** The chosen destination's actions and presets (one GET of the destination). */
async function destinationActions(fn: ILoadOptionsFunctions) {
	const destinationId = chosen(fn, 'destinationId');
	if (!destinationId) throw new NodeOperationError(fn.getNode(), 'Choose a destination first', { description: 'The actions come from the destination\'s catalog entry.' });
	return await actionsOf(new Workspace(new SegmentClient(fn)), destinationId, 0);
}

/** "From list" of Action: the destination's actions by name (hidden ones left out, as Segment's app does). */
export async function searchDestinationActions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { destination, actions } = await destinationActions(this);
	if (!actions.length) {
		throw new NodeOperationError(this.getNode(), `${destinationLabel(destination)} is a classic destination: it has no actions`, { description: 'Mappings are for Actions destinations.' });
	}
	const wanted = filter?.trim().toLowerCase();
	return {
		results: actions
			.filter((action) => !action.hidden)
			.filter((action) => !wanted || [action.name, action.slug, action.id].some((text) => text.toLowerCase().includes(wanted)))
			.map((action) => ({ name: action.name, value: action.id, description: action.description })),
	};
}

/** The fields of the chosen action, for n8n's resource mapper (Fields). */
export async function getMappingFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const given = chosen(this, 'action');
	if (!given || !chosen(this, 'destinationId')) return { fields: [], emptyFieldsNotice: 'Choose a destination and an action first (or use Fields Mode JSON when they come from an expression).' };
	const { destination, actions } = await destinationActions(this);
	const action = matchAction(actions, given);
	if (!action) {
		throw new NodeOperationError(this.getNode(), `Action "${given}" is not an action of destination ${destinationLabel(destination)}`, { description: `Its actions: ${describeActions(actions) || 'none (a classic destination)'}.` });
	}
	return { fields: mapperFields(action) };
}

export const resourceMapping = { getMappingFields };
