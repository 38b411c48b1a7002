import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import { RESOURCES } from '../resources';
import type { DeferredItem, OperationContext, ResourceName } from '../resources/types';
import { errorNode } from '../../shared/transport/redact';
import { SegmentClient } from '../../shared/transport/request';
import { Workspace } from '../../shared/transport/workspace';
import { Params } from '../../shared/validation';
import { mapItems } from './mapItems';
import { operationsOf } from './operations';
import { readActingAs, readRunOptions, usesActingOptions, type ActingAs } from './runOptions';

/**
 * Runs the chosen operation for each input item (Options > Concurrency at a time); one client and
 * one catalog cache per execution. Items an operation defers (Start Sync's waits) are finished
 * together once every item has run.
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
		if (!workspace) workspaces.set(key, (workspace = new Workspace(new SegmentClient(this, { timeoutMs, userId, credentialId }))));
		return workspace;
	};
	const shape = (name: ResourceName, entity: IDataObject) => RESOURCES[name].simplify({ entity });
	// Reading the two options costs two parameter lookups per item: skipped when neither is set.
	const actsForUsers = usesActingOptions(this);
	const continueOnFail = this.continueOnFail();
	const deferred: DeferredItem[] = [];

	/** An item's failure: its output item with Continue On Fail, else the node's error. */
	const failed = (error: unknown, itemIndex: number): INodeExecutionData[] => {
		if (continueOnFail) {
			const { message, description } = error as { message: string; description?: string };
			return [{ json: description ? { error: message, description } : { error: message }, pairedItem: { item: itemIndex } }];
		}
		// Both constructors hand back an error that already is of their class.
		if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(errorNode(this.getNode()), error as Error, { itemIndex });
	};
	const output = (entries: IDataObject[], itemIndex: number): INodeExecutionData[] => entries.map((json) => ({ json, pairedItem: { item: itemIndex } }));

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			const params = new Params(this, itemIndex);
			const workspace = workspaceFor(actsForUsers ? readActingAs(params) : {});
			const context: OperationContext = { fn: this, workspace, params, shape };
			if (declaration.finish) context.defer = (started) => deferred.push({ itemIndex, workspace, started });
			return output(await declaration.run(context), itemIndex);
		} catch (error) {
			// The execution ends here: what items deferred before this one goes on in Segment, and the error says which.
			if (!continueOnFail && deferred.length && declaration.unfinished) appendDescription(error, declaration.unfinished(deferred));
			return failed(error, itemIndex);
		}
	};

	const perItem = await mapItems(items.length, concurrency, runItem);
	if (deferred.length && declaration.finish) {
		deferred.sort((a, b) => a.itemIndex - b.itemIndex);
		let outcomes: Array<IDataObject[] | Error>;
		try {
			outcomes = await declaration.finish({ fn: this, items: deferred, continueOnFail });
		} catch (error) {
			// Without Continue On Fail this throws; with it (the execution stopped) every deferred item carries the error.
			const itemIndex = (error as { context?: { itemIndex?: number } }).context?.itemIndex ?? deferred[0].itemIndex;
			failed(error, itemIndex);
			outcomes = deferred.map(() => error as Error);
		}
		deferred.forEach(({ itemIndex }, index) => {
			const outcome = outcomes[index];
			perItem[itemIndex] = outcome instanceof Error ? failed(outcome, itemIndex) : output(outcome, itemIndex);
		});
	}
	return [perItem.flat()];
}

/** Adds a sentence to an error's description (n8n shows it under the message). */
function appendDescription(error: unknown, sentence: string): void {
	const target = error as { description?: string | null };
	if (!target || typeof target !== 'object') return;
	target.description = target.description ? `${target.description} ${sentence}` : sentence;
}
