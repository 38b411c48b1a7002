import { NodeApiError, NodeOperationError, sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import { RESOURCES } from '../resources';
import type { ResourceName } from '../resources/types';
import { errorNode } from '../../shared/transport/redact';
import { SegmentClient } from '../../shared/transport/request';
import { Workspace } from '../../shared/transport/workspace';
import { ReadAhead } from '../../shared/readAhead';
import { Params } from '../../shared/validation';
import { mapItems } from './mapItems';
import { operationsOf } from './operations';
import { readActingAs, readRunOptions, usesActingOptions, type ActingAs } from './runOptions';

/** Runs the chosen operation for each input item (Options > Concurrency at a time); one client and one catalog cache per execution. */
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
	const { timeoutMs, concurrency } = readRunOptions(this);
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

	// One item at a time: the next item's parameters are read while this item waits for Segment.
	const readsAhead = concurrency === 1 && items.length > 1;
	const readAhead = new Map<number, ReadAhead>();
	let started = -1;

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		started = itemIndex;
		try {
			const params = new Params(this, itemIndex, readAhead.get(itemIndex));
			readAhead.delete(itemIndex);
			const running = declaration.run({ fn: this, workspace: workspaceFor(actsForUsers ? readActingAs(params) : {}), params, shape });
			const next = itemIndex + 1;
			if (readsAhead && next < items.length) {
				// A millisecond first, so this item's request is on its way before the CPU is busy elsewhere.
				void sleep(1).then(() => {
					if (started < next) readAhead.set(next, ReadAhead.of(this, next, params.reads));
				});
			}
			const entries = await running;
			return entries.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (this.continueOnFail()) {
				const { message, description } = error as { message: string; description?: string };
				return [{ json: description ? { error: message, description } : { error: message }, pairedItem: { item: itemIndex } }];
			}
			// Both constructors hand back an error that already is of their class.
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(errorNode(this.getNode()), error as Error, { itemIndex });
		}
	};

	const perItem = await mapItems(items.length, concurrency, runItem);
	return [perItem.flat()];
}
