import type { IDataObject } from 'n8n-workflow';

import type { Workspace } from '../../../shared/transport/workspace';
import type { AllItemsRun, ItemOutcome, OperationContext } from '../types';
import { itemOutput, MAX_SUBJECT_IDS, readRequest, regulationsPath, type RegulationRequest } from './request';

/** An item whose parameters passed, waiting for its request. */
interface Pending {
	context: OperationContext;
	/** Its place among the contexts the operation got. */
	position: number;
	request: RegulationRequest;
}

/** One request to Segment: whole items, their IDs once each (at most 5,000). */
interface Batch {
	pending: Pending[];
	ids: string[];
	seen: Set<string>;
}

const newBatch = (): Batch => ({ pending: [], ids: [], seen: new Set() });

/** What may share a request: the same Segment (user and credential), scope, source, collection, type and subject type. */
function keyOf({ scope, sourceId, collection, regulationType, subjectType }: RegulationRequest): string {
	return JSON.stringify([scope, sourceId ?? null, collection ?? null, regulationType, subjectType]);
}

/**
 * The requests, in the order of their first item: items of one key fill a request in turn until
 * the next one would pass 5,000 IDs; an item is never split. `combine` off: one request per item.
 */
export function batchesOf(pendings: Pending[], combine: boolean): Batch[] {
	const open = new Map<Workspace, Map<string, Batch>>();
	const batches: Batch[] = [];
	for (const pending of pendings) {
		const { workspace } = pending.context;
		const key = keyOf(pending.request);
		let byKey = open.get(workspace);
		if (!byKey) open.set(workspace, (byKey = new Map()));
		const current = combine ? byKey.get(key) : undefined;
		// The item's IDs the request does not have yet (an item's own IDs are unique already).
		let fresh = current ? pending.request.subjectIds.filter((id) => !current.seen.has(id)) : pending.request.subjectIds;
		let batch = current;
		if (!batch || batch.ids.length + fresh.length > MAX_SUBJECT_IDS) {
			batch = newBatch();
			byKey.set(key, batch);
			batches.push(batch);
			fresh = pending.request.subjectIds;
		}
		for (const id of fresh) {
			batch.seen.add(id);
			batch.ids.push(id);
		}
		batch.pending.push(pending);
	}
	return batches;
}

/** "items 0–4999, 5002": the items of a request, for messages (long lists cut short). */
export function describeItems(indices: number[]): string {
	const ranges: string[] = [];
	for (let index = 0; index < indices.length; ) {
		let end = index;
		while (end + 1 < indices.length && indices[end + 1] === indices[end] + 1) end++;
		ranges.push(end === index ? String(indices[index]) : `${indices[index]}–${indices[end]}`);
		index = end + 1;
	}
	const shown = ranges.length > 8 ? `${ranges.slice(0, 8).join(', ')}, … (${indices.length} items)` : ranges.join(', ');
	return `${indices.length === 1 ? 'item' : 'items'} ${shown}`;
}

const itemsOf = (batches: Batch[]) => describeItems(batches.flatMap((batch) => batch.pending.map(({ context }) => context.params.itemIndex)).sort((a, b) => a - b));

/** Files one request; its items' outputs carry the regulateId Segment answered. */
async function send(batch: Batch): Promise<string> {
	const [{ context, request }] = batch.pending;
	const body: IDataObject = { regulationType: request.regulationType, subjectType: request.subjectType, subjectIds: batch.ids };
	if (request.collection !== undefined) body.collection = request.collection;
	// `creating`: a POST whose answer may have been lost (timeout, 500, 504) is never sent again.
	const data = await context.workspace.client.request<IDataObject>(
		{
			method: 'POST',
			path: regulationsPath(request),
			body,
			creating: `regulation of ${batch.ids.length} subject ID(s) for ${itemsOf([batch])}`,
			notFound: request.sourceId === undefined ? undefined : `Source ${request.sourceId}`,
		},
		context.params.itemIndex,
	);
	if (typeof data.regulateId !== 'string' || !data.regulateId) {
		throw context.params.fail('Segment\'s answer has no regulateId', `The regulation for ${itemsOf([batch])} may or may not have been filed: check with Get Many before running these items again.`);
	}
	return data.regulateId;
}

/** A request failed without Continue On Fail: the error also says what was filed (it stands) and what was not sent. */
function withWhatIsLeft(error: Error, failed: Map<Error, Batch>, batches: Batch[], filed: Map<Batch, string>): Error {
	const held = failed.get(error);
	if (!held) return error;
	const made = [...filed].map(([batch, regulateId]) => `${regulateId} for ${itemsOf([batch])}`);
	const refused = new Set(failed.values());
	const unsent = batches.filter((batch) => !refused.has(batch) && !filed.has(batch));
	const parts = [`This request held ${itemsOf([held])}.`];
	if (made.length) parts.push(`Filed before it (they stand: a regulation cannot be cancelled): ${made.join('; ')}.`);
	if (unsent.length) parts.push(`Not sent: ${itemsOf(unsent)}.`);
	if (made.length || unsent.length) parts.push('Run only the items not filed again.');
	const described = error as Error & { description?: string | null };
	described.description = [described.description, ...parts].filter(Boolean).join(' ');
	return error;
}

/**
 * Create over all items (SPEC §4.10): every item read and checked first, then its IDs combined
 * with those of the items that share its key into requests of up to 5,000 IDs. Each item's output
 * is its own IDs with the regulateId of its request; a refused request fails exactly its items.
 */
export async function createRegulations(contexts: OperationContext[], run: AllItemsRun): Promise<ItemOutcome[]> {
	const outcomes = new Array<ItemOutcome>(contexts.length);
	const combine = contexts[0].params.boolean('options.combineItems', 'Options > Combine Items', true);
	const pendings: Pending[] = [];
	contexts.forEach((context, position) => {
		const request = outcomeOf(() => readRequest(context.params));
		// Without Continue On Fail one bad item stops the node before anything is sent.
		if (request instanceof Error && !run.continueOnFail) throw request;
		if (request instanceof Error) outcomes[position] = request;
		else pendings.push({ context, position, request });
	});
	const batches = batchesOf(pendings, combine);
	const filed = new Map<Batch, string>();
	const refused = new Map<Error, Batch>();
	const failure = await outcomeOf(() =>
		run.concurrently(batches.length, async (index) => {
			const batch = batches[index];
			const regulateId = await outcomeOf(() => send(batch));
			if (regulateId instanceof Error) {
				// Without Continue On Fail no further request starts.
				if (!run.continueOnFail) {
					refused.set(regulateId, batch);
					throw regulateId;
				}
				for (const { position } of batch.pending) outcomes[position] = regulateId;
				return;
			}
			filed.set(batch, regulateId);
			for (const { position, request } of batch.pending) outcomes[position] = [itemOutput(request, regulateId)];
		}),
	);
	// Said once the requests in flight are done: what was filed stands, what was not sent is left.
	if (failure instanceof Error) throw withWhatIsLeft(failure, refused, batches, filed);
	return outcomes;
}

/** What `work` gives, or the error it threw (the node's own errors: NodeApiError, NodeOperationError). */
function outcomeOf<T>(work: () => Promise<T>): Promise<T | Error>;
function outcomeOf<T>(work: () => T): T | Error;
function outcomeOf<T>(work: () => T | Promise<T>): T | Error | Promise<T | Error> {
	const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
	try {
		const result = work();
		return result instanceof Promise ? result.catch(asError) : result;
	} catch (error) {
		return asError(error);
	}
}
