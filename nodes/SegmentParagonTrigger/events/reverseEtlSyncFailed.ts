import type { IDataObject } from 'n8n-workflow';

import { mappingProperty, MAX_SYNCS_PAGE, modelProperty, readMappingId, readMappingSyncs, readModelId, syncHasEnded } from '../../shared/reverseEtl';
import type { Params } from '../../shared/validation';
import type { EventContext, TriggerEvent } from './types';

interface Config {
	modelId: string;
	mappingId: string;
}

/**
 * Where the event stands: the ids of the syncs that had ended when the mapping's newest syncs were
 * last read (at most a page). A sync ending later — started before or after, running or not yet
 * listed then — is not among them, whatever Segment's times say: no clock decides what is new.
 */
interface SyncsState extends IDataObject {
	ids: string[];
}

const FAILED = 'FAIL';

/** The one request of a poll: the mapping's newest syncs (one page, the largest Segment gives), newest first. */
async function newestSyncs(context: EventContext, config: Config): Promise<IDataObject[]> {
	return (await readMappingSyncs(context.workspace, config, { count: MAX_SYNCS_PAGE }, 0)).entries;
}

const ended = (sync: IDataObject) => syncHasEnded(sync.syncStatus);
const idOf = (sync: IDataObject) => (typeof sync.syncId === 'string' && sync.syncId ? sync.syncId : undefined);

/** Every sync read has been decided: the ended ones are remembered (a running one is decided when it ends). */
function stateAfter(syncs: IDataObject[]): SyncsState {
	return { ids: syncs.filter(ended).map(idOf).filter((id): id is string => id !== undefined) };
}

export const reverseEtlSyncFailed: TriggerEvent<Config, SyncsState> = {
	value: 'reverseEtlSyncFailed',
	name: 'Reverse ETL Sync Failed',
	description: 'Triggers when a sync of a reverse ETL mapping ends with FAIL (scheduled or started by hand)',
	properties: [
		modelProperty('The reverse ETL model whose syncs are watched'),
		mappingProperty('The model\'s mapping to a destination whose syncs are watched (Segment calls it a subscription); the Segment node\'s Destination Mapping > Get Many lists a destination\'s mappings with their IDs'),
	],

	read(params: Params): Config {
		return { modelId: readModelId(params), mappingId: readMappingId(params) };
	},

	scope: (config) => JSON.stringify(config),

	async start(context, config) {
		return stateAfter(await newestSyncs(context, config));
	},

	async poll(context, config, state) {
		const syncs = await newestSyncs(context, config);
		const decided = new Set(state.ids);
		// Oldest first: Segment lists the newest first.
		const failed = syncs.filter((sync) => {
			const id = idOf(sync);
			return sync.syncStatus === FAILED && id !== undefined && !decided.has(id);
		});
		return { items: failed.reverse(), state: stateAfter(syncs) };
	},

	async sample(context, config) {
		const syncs = await newestSyncs(context, config);
		const newest = syncs.find((sync) => sync.syncStatus === FAILED);
		if (newest) return newest;
		const mapping = `mapping ${config.mappingId} of reverse ETL model ${config.modelId}`;
		if (!syncs.length) throw context.params.fail(`No sync of ${mapping} yet`, 'Once the trigger is active it fires when a sync of the mapping (scheduled, or started with Start Sync) ends with FAIL.');
		throw context.params.fail(
			`No sync of ${mapping} has failed yet`,
			`None of its newest ${syncs.length} sync${syncs.length === 1 ? '' : 's'} ended with FAIL. Once the trigger is active it fires when one does.`,
		);
	},
};
