import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { mappingProperty as sharedMappingProperty, modelProperty as sharedModelProperty, readMappingId, readModelId } from '../../../shared/reverseEtl';
import { pacingClock } from '../../../shared/transport/pacer';
import type { Params } from '../../../shared/validation';
import { readRange } from '../crud';
import { resourceLocator, runAlone } from '../shared';
import type { AllItemsRun, ItemOutcome, OperationContext, OperationDeclaration } from '../types';
import { listSyncStatuses, modelSource, readSyncStatus, startSync } from './syncCalls';
import { waitForSyncs, type SyncWait } from './syncWait';

// At least 5 s between reads (SPEC §4.13): a sync takes minutes, and Segment's limits are shared.
export const MIN_POLL_SECONDS = 5;
const MAX_POLL_SECONDS = 3600;
const MIN_TIMEOUT_MINUTES = 1;
const MAX_TIMEOUT_MINUTES = 24 * 60;

/** The model of every Reverse ETL operation: "From list" over the workspace's models, or its ID. */
export const modelProperty: INodeProperties = sharedModelProperty('The reverse ETL model to work on');

const mappingProperty: INodeProperties = sharedMappingProperty(
	'The model\'s mapping to a destination (Segment calls it a subscription); Destination Mapping > Get Many lists a destination\'s mappings with their IDs',
);

const startProperties: INodeProperties[] = [
	modelProperty,
	mappingProperty,
	resourceLocator({
		displayName: 'Source',
		name: 'sourceId',
		searchMethod: 'searchSources',
		placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn',
		description: 'The warehouse source of the model; empty: the model\'s own (read once per model and execution)',
	}),
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until the sync ends and output its final status; off: output the started sync at once',
	},
];

const waitOptions: INodeProperties[] = [
	{
		displayName: 'Fail on Sync Error',
		name: 'failOnSyncError',
		type: 'boolean',
		default: true,
		description: 'Whether a sync that ends with FAIL fails the item (with Segment\'s error and error code); off: the failed sync\'s status is the item\'s output',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: MIN_POLL_SECONDS, maxValue: MAX_POLL_SECONDS },
		default: 15,
		description: 'While waiting: seconds between two reads of the sync\'s status (at least 5). The node is idle in between.',
	},
	{
		displayName: 'Timeout (Minutes)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: MIN_TIMEOUT_MINUTES, maxValue: MAX_TIMEOUT_MINUTES },
		default: 60,
		description: 'While waiting: how long to wait for the sync to end before the item fails; the sync itself runs on in Segment',
	},
];


/** Options > Poll Interval, Timeout and Fail on Sync Error, checked before anything is sent. */
function readWaitOptions(params: Params) {
	return {
		pollMs: params.integer('options.pollInterval', 'Options > Poll Interval (Seconds)', 15, MIN_POLL_SECONDS, MAX_POLL_SECONDS) * 1000,
		timeoutMs: params.integer('options.timeout', 'Options > Timeout (Minutes)', 60, MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES) * 60_000,
		failOnSyncError: params.boolean('options.failOnSyncError', 'Options > Fail on Sync Error', true),
	};
}

/** One item's start: its parameters checked, then (the model's source read once) the POST. Gives its output, or its sync to wait out. */
async function startItem({ params, workspace }: OperationContext): Promise<{ output: IDataObject } | { wait: SyncWait }> {
	const modelId = readModelId(params);
	const mappingId = readMappingId(params);
	const givenSource = params.id('sourceId', 'Source', true);
	const waitFor = params.boolean('waitForCompletion', 'Wait for Completion', true);
	const options = waitFor ? readWaitOptions(params) : undefined;
	const sourceId = givenSource || (await modelSource(workspace, modelId, params.itemIndex));
	const started = await startSync(workspace, { sourceId, modelId, mappingId }, params.itemIndex);
	if (!options) return { output: { ...started, modelId, mappingId } };
	return { wait: { itemIndex: params.itemIndex, workspace, modelId, mappingId, syncId: started.syncId, startedAt: pacingClock().now(), ...options } };
}

/** An item's start failed and ends the execution: the syncs other items started run on in Segment, and the error says which. */
function withStartedOthers(error: Error, waits: SyncWait[]): Error {
	if (!waits.length) return error;
	const named = waits.map((wait) => `sync ${wait.syncId} (item ${wait.itemIndex}, model ${wait.modelId})`);
	const described = error as Error & { description?: string | null };
	const note = `Syncs already started for other items were not waited for and run on in Segment: ${named.join('; ')}.`;
	described.description = described.description ? `${described.description} ${note}` : note;
	return error;
}

/**
 * Start Sync over all items (SPEC §4.13): every item's sync is started first (Options >
 * Concurrency at a time), then all of them are waited out together, one read of each per its
 * poll interval; each item's output is its sync's final status (or its error), paired with it.
 */
async function startSyncs(contexts: OperationContext[], { continueOnFail, concurrently }: AllItemsRun): Promise<ItemOutcome[]> {
	const outcomes = new Array<ItemOutcome>(contexts.length);
	const waits: Array<{ position: number; wait: SyncWait }> = [];
	const failure = await concurrently(contexts.length, async (position) => {
		const started = await startItem(contexts[position]).catch((error: unknown) => error as Error);
		// Without Continue On Fail no further item starts.
		if (started instanceof Error && !continueOnFail) throw started;
		if (started instanceof Error) outcomes[position] = started;
		else if ('output' in started) outcomes[position] = [started.output];
		else waits.push({ position, wait: started.wait });
	}).then(
		() => undefined,
		(error: unknown) => error as Error,
	);
	const syncs = waits.sort((a, b) => a.position - b.position).map(({ wait }) => wait);
	if (failure) throw withStartedOthers(failure, syncs);
	if (!syncs.length) return outcomes;
	const { fn } = contexts[0];
	const ends = await waitForSyncs(fn.getNode(), syncs, { signal: fn.getExecutionCancelSignal?.(), stopAtFirstError: !continueOnFail });
	waits.forEach(({ position }, index) => {
		const end = ends[index];
		outcomes[position] = end instanceof Error ? end : [end];
	});
	return outcomes;
}

const startSyncOperation: OperationDeclaration = {
	value: 'startSync',
	name: 'Start Sync',
	action: 'Start a sync of a reverse ETL mapping',
	description: 'Start a sync of one mapping of a reverse ETL model and, by default, wait until it ends (syncs of all items are waited out together)',
	properties: startProperties,
	options: waitOptions,
	// Over all items at once, so that their syncs are waited out together.
	run: runAlone(startSyncs),
	runAll: startSyncs,
};

/** Start Sync, Get Sync Status, Get Syncs (SPEC §4.13). */
export const syncOperations: OperationDeclaration[] = [
	startSyncOperation,
	{
		value: 'getSync',
		name: 'Get Sync Status',
		action: 'Get the status of a reverse ETL sync',
		description: 'Get the status of a sync of a reverse ETL model: still running, SUCCESS or FAIL (with Segment\'s error)',
		properties: [modelProperty, { displayName: 'Sync ID', name: 'syncId', type: 'string', required: true, default: '', placeholder: 'e.g. 2wOkLy7mrE1A4dDUqsBvHCsPDwF', description: 'The sync, as Start Sync or Get Syncs output it' }],
		async run({ fn, params, workspace }) {
			const modelId = readModelId(params);
			const syncId = params.id('syncId', 'Sync ID');
			return [await readSyncStatus(workspace, fn.getNode(), modelId, syncId, params.itemIndex)];
		},
	},
	{
		value: 'listSyncs',
		name: 'Get Syncs',
		action: 'Get the syncs of a reverse ETL mapping',
		description: 'Get the syncs of one mapping of a reverse ETL model with their status, newest first (pages of at most 100)',
		properties: [modelProperty, mappingProperty],
		paged: true,
		async run({ params, workspace }) {
			const modelId = readModelId(params);
			const mappingId = readMappingId(params);
			return await listSyncStatuses(workspace, modelId, mappingId, readRange(params), params.itemIndex);
		},
	},
];
