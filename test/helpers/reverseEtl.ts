/**
 * Reverse ETL in the workflow tests: a warehouse source, a model over it, an Amplitude (Actions)
 * destination and mappings carrying the model's id, arranged in the sandbox without the node;
 * the sandbox's Reverse ETL handles; and the world of a test file whose sandbox and node share a
 * fake clock (an hour of waiting costs no real hour; the sandbox's syncs move with the same clock).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from './engine';
import { useClockedWorld } from './useSandbox';
import { catalogId, segmentApi, type Sandbox } from './world';

export interface SyncOutcome {
	syncStatus: 'SUCCESS' | 'PARTIAL_SUCCESS' | 'FAIL' | 'IN_PROGRESS';
	afterSeconds?: number;
	error?: string;
	errorCode?: string;
}

/** The sandbox's Reverse ETL handles (sandbox/reverse-etl-api.js). */
export interface ReverseEtlSandbox extends Sandbox {
	reverseEtlModels(options?: IDataObject): IDataObject[];
	addReverseEtlModel(input: IDataObject, options?: IDataObject): IDataObject;
	reverseEtlSyncs(mappingId: string, options?: IDataObject): IDataObject[];
	addReverseEtlSyncs(mappingId: string, syncs: Array<SyncOutcome & { startedAt?: number | string }>, options?: IDataObject): IDataObject[];
	scriptReverseEtlSyncs(script: { outcomes?: SyncOutcome[]; default?: SyncOutcome; syncStatusKey?: string }, options?: IDataObject): IDataObject;
}

export interface ReverseEtlIds {
	sourceId: string;
	modelId: string;
	destinationId: string;
	mappingIds: string[];
}

export const MODEL_QUERY = 'SELECT user_id, email, lifetime_value FROM analytics.customers WHERE lifetime_value > 1000';

/** A warehouse source, a model, an Amplitude (Actions) destination and `mappings` mappings of the model (the sandbox must allow that many mapping writes). */
export async function arrangeReverseEtl(sandbox: Sandbox, mappings = 1): Promise<ReverseEtlIds> {
	const source = (await segmentApi(sandbox, 'POST', '/sources', { slug: 'snowflake_models', enabled: true, metadataId: catalogId(sandbox, 'sources', 'snowflake') })).source as IDataObject;
	const model = (sandbox as ReverseEtlSandbox).addReverseEtlModel({ sourceId: source.id, name: 'High-value customers', query: MODEL_QUERY, queryIdentifierColumn: 'user_id' });
	const destination = (await segmentApi(sandbox, 'POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sandbox, 'destinations', 'actions-amplitude'), name: 'Amplitude', enabled: true, settings: {} })).destination as IDataObject;
	const action = ((destination.metadata as IDataObject).actions as IDataObject[]).find((candidate) => candidate.slug === 'identifyUser')!;
	const mappingIds: string[] = [];
	for (let n = 0; n < mappings; n++) {
		const body = { name: `Customers ${n + 1}`, actionId: action.id, trigger: 'type = "identify"', enabled: true, settings: {}, modelId: model.id };
		mappingIds.push(String(((await segmentApi(sandbox, 'POST', `/destinations/${String(destination.id)}/subscriptions`, body)).destinationSubscription as IDataObject).id));
	}
	sandbox.clearRequests();
	return { sourceId: String(source.id), modelId: String(model.id), destinationId: String(destination.id), mappingIds };
}

export const reverseEtlOp = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'reverseEtl', operation, ...extra });

/** Start Sync of a mapping of the arranged model (its own source), with options. */
export const startSyncOp = (ids: ReverseEtlIds, extra: INodeParameters = {}, mapping = ids.mappingIds[0]): INodeParameters =>
	reverseEtlOp('startSync', { modelId: rl(ids.modelId), mappingId: mapping, ...extra });

/**
 * The world of a Reverse ETL test file: a sandbox (no limit on mapping writes, so 20 mappings can
 * be arranged) and the node's waits on one fake clock; before each test a reset sandbox, the clock
 * back at its start, and `mappings` mappings arranged (read through `ids`).
 */
export function useReverseEtlWorld(mappings = 1) {
	const world = useClockedWorld((sandbox) => arrangeReverseEtl(sandbox, mappings), { mappingWritesPerMinute: null });
	return { ...world, sandbox: world.sandbox as ReverseEtlSandbox };
}
