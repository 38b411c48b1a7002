/**
 * The credential test, mirroring n8n's CredentialsTester: the credential type's `test` request run
 * through RoutingNode on a temporary node, then its rules.
 */
import { NodeConnectionTypes, NodeHelpers, Workflow, createEmptyRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	ITaskDataConnections,
} from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import type { EngineContext } from './context';
import { loadCore } from './core';
import type { CredentialTestResult, EngineCredentials } from './types';

export async function testCredential(engine: EngineContext, o: EngineCredentials): Promise<CredentialTestResult> {
	const { ExecuteContext, RoutingNode } = loadCore();
	const credentialType = engine.credentialTypes.getByName(o.type);
	const testRequest = credentialType.test;
	if (!testRequest) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const credentialRef = engine.credentialsHelper.add(o);
	const tempTypeName = 'n8n-nodes-base.noOp';
	try {
		const executionId = `harness-ct-${engine.nextExecutionNumber()}`;
		const additionalData = createAdditionalData(engine.credentialsHelper, executionId);
		const credentialsDecrypted: ICredentialsDecrypted = {
			id: credentialRef.id as string,
			name: credentialRef.name,
			type: o.type,
			data: await engine.credentialsHelper.applyDefaultsAndOverwrites(
				additionalData,
				{ ...o.data },
				o.type,
				'internal',
			),
		};

		const node: INode = {
			id: 'temp',
			parameters: {},
			name: 'Temp-Node',
			type: tempTypeName,
			typeVersion: 1,
			position: [0, 0],
			credentials: { [o.type]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
		};
		const nodeTypeCopy: INodeType = {
			description: {
				displayName: 'No Operation, do nothing',
				name: tempTypeName,
				group: ['organization'],
				version: 1,
				description: 'No Operation',
				defaults: { name: 'No Operation, do nothing' },
				inputs: [NodeConnectionTypes.Main],
				outputs: [NodeConnectionTypes.Main],
				credentials: [{ name: o.type, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						routing: { request: testRequest.request },
						default: '',
					},
				],
			},
		};
		const testNodeTypes: INodeTypes = {
			getByName: (name) => {
				if (name !== tempTypeName) throw new Error(`Unknown node type "${name}"`);
				return nodeTypeCopy;
			},
			getByNameAndVersion: (name, version) =>
				NodeHelpers.getVersionedNodeType(testNodeTypes.getByName(name), version),
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: testNodeTypes });
		const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
		const runExecutionData: IRunExecutionData = createEmptyRunExecutionData();
		const executeData: IExecuteData = { node, data: {}, source: null };
		const executeFunctions = new ExecuteContext(
			workflow,
			node,
			additionalData,
			'internal',
			runExecutionData,
			0,
			[],
			inputData,
			executeData,
			[],
		);
		const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

		let response: INodeExecutionData[][] | null | undefined;
		try {
			response = await routingNode.runNode();
		} catch (error) {
			const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } })
				.cause;
			if (cause?.response) {
				const statusCode = cause.response.status;
				for (const rule of testRequest.rules ?? []) {
					if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
				if (statusCode < 199 || statusCode > 299) {
					return {
						status: 'Error',
						message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
					};
				}
			} else if (cause?.code) {
				return { status: 'Error', message: cause.code };
			}
			return { status: 'Error', message: String((error as Error).message) };
		}

		for (const rule of testRequest.rules ?? []) {
			if (rule.type === 'responseSuccessBody') {
				const responseData = response?.[0]?.[0]?.json;
				if (getPath(responseData, rule.properties.key) === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
		}
		return { status: 'OK', message: 'Connection successful!' };
	} finally {
		engine.credentialsHelper.remove(credentialRef);
	}
}

/** lodash.get for dotted / bracketed paths */
function getPath(obj: unknown, path: string): unknown {
	const parts = path.replace(/\[(\w+)\]/g, '.$1').split('.').filter(Boolean);
	let current: unknown = obj;
	for (const part of parts) {
		if (current === null || current === undefined) return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}
