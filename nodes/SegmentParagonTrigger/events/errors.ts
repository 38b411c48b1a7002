import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { errorNode } from '../../shared/transport/redact';

/** An error of a poll as n8n shows it on the workflow: Segment's and Paragon's as they are, anything else named by the node. */
export function pollError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(errorNode(node), error as Error);
}
