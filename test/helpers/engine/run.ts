/**
 * A run is a real two-node workflow: a manual trigger emitting the given items, connected to the
 * node under test, executed in 'manual' mode the way the editor's "Execute workflow" button does.
 */
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';
import type { INode, IWorkflowBase } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import type { EngineContext } from './context';
import { loadCore } from './core';
import { MANUAL_TRIGGER_TYPE, NODE_UNDER_TEST_NAME, TRIGGER_NODE_NAME, type RunNodeOptions, type RunNodeResult } from './types';

export async function runNode(engine: EngineContext, o: RunNodeOptions): Promise<RunNodeResult> {
	const { WorkflowExecute, ExecutionLifecycleHooks } = loadCore();
	const typeVersion = o.typeVersion ?? 1;
	engine.nodeTypes.getByNameAndVersion(o.nodeType, typeVersion);

	const credentialRef = o.credentials ? engine.credentialsHelper.add(o.credentials) : undefined;
	try {
		const trigger: INode = {
			id: 'trigger-node-id',
			name: TRIGGER_NODE_NAME,
			type: MANUAL_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(o.items ?? [{}]) },
		};
		const nodeUnderTest: INode = {
			id: 'node-under-test-id',
			name: NODE_UNDER_TEST_NAME,
			type: o.nodeType,
			typeVersion,
			position: [220, 0],
			parameters: o.parameters,
			...(o.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(credentialRef && o.credentials
				? { credentials: { [o.credentials.type]: credentialRef } }
				: {}),
		};
		const connections = {
			[TRIGGER_NODE_NAME]: {
				main: [[{ node: NODE_UNDER_TEST_NAME, type: NodeConnectionTypes.Main, index: 0 }]],
			},
		};
		const workflowData: IWorkflowBase = {
			id: 'harness-workflow',
			name: 'Harness workflow',
			active: false,
			isArchived: false,
			activeVersionId: null,
			nodes: [trigger, nodeUnderTest],
			connections,
			settings: { executionOrder: 'v1' },
			createdAt: new Date(),
			updatedAt: new Date(),
		};
		const workflow = new Workflow({
			id: workflowData.id,
			name: workflowData.name,
			nodes: workflowData.nodes,
			connections: workflowData.connections,
			active: false,
			nodeTypes: engine.nodeTypes,
			settings: workflowData.settings,
		});

		const executionId = `harness-${engine.nextExecutionNumber()}`;
		const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
		const additionalData = createAdditionalData(engine.credentialsHelper, executionId, { hooks });
		const workflowExecute = new WorkflowExecute(additionalData, 'manual');
		let run: Awaited<ReturnType<typeof workflowExecute.run>>;
		try {
			const running = workflowExecute.run({ workflow, startNode: trigger });
			// As the editor's Stop button does: n8n cancels the execution, whose signal the node sees.
			void o.stop?.then(() => running.cancel());
			run = await running;
		} catch (error) {
			// Checked before anything runs (e.g. a required parameter is empty): n8n refuses the
			// whole execution with WorkflowHasIssuesError. Reported like a node error.
			if ((error as Error)?.name === 'WorkflowHasIssuesError') {
				return { items: [], outputs: [], error, runData: {} };
			}
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- not a node: the harness hands the engine's error to the test
			throw error;
		}

		const runData = run.data.resultData.runData;
		const task = runData[NODE_UNDER_TEST_NAME]?.[0];
		const outputs = (task?.data?.main ?? []).map((output) => output ?? []);
		const error = task?.error ?? run.data.resultData.error;
		return {
			items: outputs[0] ?? [],
			outputs,
			...(error ? { error } : {}),
			runData,
		};
	} finally {
		if (credentialRef) engine.credentialsHelper.remove(credentialRef);
	}
}
