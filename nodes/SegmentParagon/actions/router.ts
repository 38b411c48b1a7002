import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import { RESOURCES } from '../resources';
import type { ResourceName } from '../resources/types';
import { errorNode } from '../transport/redact';
import { SegmentClient } from '../transport/request';
import { Workspace } from '../transport/workspace';
import { Params } from '../validation';
import { OPERATIONS, operations, type OperationName } from './operations';

/** Runs the chosen operation once per input item; one client and one catalog cache per execution. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as ResourceName;
	const operation = this.getNodeParameter('operation', 0) as OperationName;
	const definition = RESOURCES[resource];
	if (!definition || !OPERATIONS.includes(operation)) {
		throw new NodeOperationError(this.getNode(), `Unknown resource or operation: ${String(resource)} / ${String(operation)}`);
	}
	const workspace = new Workspace(new SegmentClient(this));
	const results: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const entries = await operations[operation](definition, { fn: this, workspace, params: new Params(this, itemIndex) });
			for (const json of entries) results.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				const { message, description } = error as { message: string; description?: string };
				results.push({ json: description ? { error: message, description } : { error: message }, pairedItem: { item: itemIndex } });
				continue;
			}
			// Both constructors hand back an error that already is of their class.
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(errorNode(this.getNode()), error as Error, { itemIndex });
		}
	}
	return [results];
}
