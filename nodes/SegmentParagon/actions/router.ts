import { NodeApiError, NodeOperationError, sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import { RESOURCES } from '../resources';
import type { ItemOutcome, OperationContext, OperationDeclaration, ResourceName } from '../resources/types';
import { errorNode } from '../../shared/transport/redact';
import { ReadAhead } from '../../shared/readAhead';
import type { Workspace } from '../../shared/transport/workspace';
import { openWorkspace, readActingAs, usesActingOptions, type ActingAs } from '../../shared/options';
import { Params } from '../../shared/validation';
import { mapItems } from '../../shared/mapItems';
import { operationsOf } from './operations';
import { readRunOptions } from './runOptions';

/**
 * Runs the chosen operation for each input item (Options > Concurrency at a time), or over all
 * items at once when the operation combines them (`runAll`); one client and one catalog cache per
 * execution and Paragon user.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as ResourceName;
	const operation = this.getNodeParameter('operation', 0) as string;
	const definition = Object.prototype.hasOwnProperty.call(RESOURCES, resource) ? RESOURCES[resource] : undefined;
	const declaration = definition && operationsOf(definition).find((candidate) => candidate.value === operation);
	if (!declaration) {
		throw new NodeOperationError(this.getNode(), `Unknown resource or operation: ${String(resource)} / ${String(operation)}`);
	}
	// Invalid Options stop the whole run, Continue On Fail or not: no item could run with them.
	const { timeoutMs, concurrency } = readRunOptions(this, declaration.options?.some((option) => option.name === 'timeout'));
	// One workspace (client, lookups, rate-limit pause) per Paragon user and credential: users have their own Segment.
	const workspaces = new Map<string, Workspace>();
	const workspaceFor = ({ userId, credentialId }: ActingAs): Workspace => {
		const key = JSON.stringify([userId ?? null, credentialId ?? null]);
		let workspace = workspaces.get(key);
		if (!workspace) workspaces.set(key, (workspace = openWorkspace(this, { timeoutMs, userId, credentialId })));
		return workspace;
	};
	const shape = (name: ResourceName, entity: IDataObject) => RESOURCES[name].simplify({ entity });
	// Reading the two options costs two parameter lookups per item: skipped when neither is set.
	const actsForUsers = usesActingOptions(this);
	const contextOf = (itemIndex: number, ahead?: ReadAhead): OperationContext => {
		const params = new Params(this, itemIndex, ahead);
		return { fn: this, workspace: workspaceFor(actsForUsers ? readActingAs(params) : {}), params, shape };
	};

	/** A failed item: an `{error}` item with Continue On Fail, else the node's error for it. */
	const failed = (error: unknown, itemIndex: number): INodeExecutionData[] => {
		if (this.continueOnFail()) {
			const { message, description } = error as { message: string; description?: string };
			return [{ json: description ? { error: message, description } : { error: message }, pairedItem: { item: itemIndex } }];
		}
		// Both constructors hand back an error that already is of their class.
		if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(errorNode(this.getNode()), error as Error, { itemIndex });
	};
	const paired = (entries: IDataObject[], itemIndex: number): INodeExecutionData[] => entries.map((json) => ({ json, pairedItem: { item: itemIndex } }));

	const { runAll } = declaration;
	if (runAll) return [await runAllItems(this, runAll, items.length, contextOf, concurrency, failed, paired)];

	// One item at a time: the next item's parameters are read while this item waits for Segment.
	const readsAhead = concurrency === 1 && items.length > 1;
	const readAhead = new Map<number, ReadAhead>();
	let started = -1;
	// Once the items are done (or one stopped the run), nothing more is read ahead.
	let finished = false;

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		started = itemIndex;
		try {
			const context = contextOf(itemIndex, readAhead.get(itemIndex));
			readAhead.delete(itemIndex);
			const running = declaration.run(context);
			const next = itemIndex + 1;
			if (readsAhead && next < items.length) {
				// A millisecond first, so this item's request is on its way before the CPU is busy elsewhere.
				void sleep(1).then(() => {
					if (!finished && started < next) readAhead.set(next, ReadAhead.of(this, next, context.params.reads));
				});
			}
			return paired(await running, itemIndex);
		} catch (error) {
			return failed(error, itemIndex);
		}
	};
	try {
		return [(await mapItems(items.length, concurrency, runItem)).flat()];
	} finally {
		finished = true;
	}
}

/**
 * An operation over all items at once: each item's context first (a failed one is that item's
 * outcome), then the operation, then every outcome back in item order, paired with its item.
 */
async function runAllItems(
	fn: IExecuteFunctions,
	runAll: NonNullable<OperationDeclaration['runAll']>,
	count: number,
	contextOf: (itemIndex: number) => OperationContext,
	concurrency: number,
	failed: (error: unknown, itemIndex: number) => INodeExecutionData[],
	paired: (entries: IDataObject[], itemIndex: number) => INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const continueOnFail = fn.continueOnFail();
	const outcomes = new Array<ItemOutcome>(count);
	const contexts: OperationContext[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			contexts.push(contextOf(itemIndex));
		} catch (error) {
			// Without Continue On Fail nothing is sent when an item cannot even start.
			if (!continueOnFail) failed(error, itemIndex);
			outcomes[itemIndex] = error as Error;
		}
	}
	const concurrently = <T>(total: number, work: (index: number) => Promise<T>) => mapItems(total, concurrency, work);
	const results = contexts.length ? await runAll(contexts, { continueOnFail, concurrently }) : [];
	contexts.forEach((context, position) => (outcomes[context.params.itemIndex] = results[position]));
	return outcomes.flatMap((outcome, itemIndex) => (outcome instanceof Error ? failed(outcome, itemIndex) : paired(outcome, itemIndex)));
}
