/**
 * Runs a polling trigger the way an active workflow in n8n 2.41 runs it, in-process:
 *
 *   const trigger = engine.pollTrigger({ nodeType: 'segmentParagonTrigger', parameters, credentials });
 *   await trigger.activate();            // the first poll, inside activation (an error fails the activation)
 *   const execution = await trigger.poll(); // a scheduled poll: null when poll() returned null
 *   trigger.restart();                   // n8n restarted: the workflow again, with the static data n8n saved
 *   await trigger.fetchTestEvent();      // the editor's Fetch Test Event (mode 'manual')
 *
 * Each poll goes through n8n-core's own PollTriggerExecutor and PollContext, with the workflow's
 * static data as n8n keeps it: in memory on the Workflow (a failing poll's changes stay there), and
 * saved (the "database") only where n8n saves it — after activation and when a poll emits.
 */
import type { IDataObject, INode, INodeExecutionData, IPollFunctions, Workflow as WorkflowType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import type { EngineContext } from './context';
import { loadCore } from './core';
import type { PolledTrigger, PollExecution, PollTriggerOptions } from './types';

const WORKFLOW_ID = 'harness-poll-workflow';

function plain(data: unknown): IDataObject {
	const copy = JSON.parse(JSON.stringify(data ?? {})) as IDataObject;
	delete copy.__dataChanged;
	return copy;
}

/** A polling trigger of the engine's node types, alone in an active workflow. */
export function pollTrigger(engine: EngineContext, o: PollTriggerOptions): PolledTrigger {
	const core = loadCore();
	const credentialRef = o.credentials ? engine.credentialsHelper.add(o.credentials) : undefined;
	const node: INode = {
		id: 'poll-trigger-node-id',
		name: o.nodeName ?? 'Trigger under test',
		type: o.nodeType,
		typeVersion: o.typeVersion ?? 1,
		position: [0, 0],
		parameters: o.parameters,
		...(credentialRef && o.credentials ? { credentials: { [o.credentials.type]: credentialRef } } : {}),
	};
	engine.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const key = `node:${node.name}`;
	let saved: IDataObject = {};
	const executions: PollExecution[] = [];

	const build = (): WorkflowType =>
		new Workflow({ id: WORKFLOW_ID, name: 'Harness poll workflow', nodes: [node], connections: {}, active: true, nodeTypes: engine.nodeTypes, staticData: plain(saved), settings: { executionOrder: 'v1' } });
	let workflow = build();

	// n8n's WorkflowStaticDataService.saveStaticData: written only when something changed it.
	const save = () => {
		if (workflow.staticData.__dataChanged !== true) return;
		saved = plain(workflow.staticData);
		workflow.staticData.__dataChanged = false;
	};

	const context = (mode: 'trigger' | 'manual', recorded: PollExecution[]): IPollFunctions => {
		const additionalData = createAdditionalData(engine.credentialsHelper, `harness-poll-${engine.nextExecutionNumber()}`);
		// As n8n's TriggerExecutionContextFactory: an emit saves the static data, then runs the workflow.
		const emit = (data: INodeExecutionData[][]) => {
			save();
			recorded.push({ items: data[0] ?? [] });
		};
		const emitError = (error: Error) => {
			recorded.push({ items: [], error });
		};
		return new core.PollContext(workflow, workflow.getNode(node.name) as INode, additionalData, mode, mode === 'manual' ? 'manual' : 'activate', emit, emitError);
	};

	const run = async (testingTrigger: boolean): Promise<PollExecution | null> => {
		const recorded: PollExecution[] = [];
		const { Container } = diOf();
		const executePoll = Container.get(core.PollTriggerExecutor).create(workflow, workflow.getNode(node.name) as INode, context('trigger', recorded), () => true);
		await executePoll(testingTrigger);
		executions.push(...recorded);
		return recorded[0] ?? null;
	};

	return {
		async activate() {
			const execution = await run(true);
			save();
			return execution;
		},
		poll: async () => await run(false),
		async fetchTestEvent() {
			const manual = build();
			const additionalData = createAdditionalData(engine.credentialsHelper, `harness-poll-${engine.nextExecutionNumber()}`);
			const pollContext = new core.PollContext(manual, manual.getNode(node.name) as INode, additionalData, 'manual', 'manual');
			const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			if (!nodeType.poll) throw new Error(`${node.type} has no poll()`);
			return await nodeType.poll.call(pollContext);
		},
		restart() {
			workflow = build();
		},
		get staticData() {
			return plain(workflow.staticData[key]);
		},
		get savedStaticData() {
			return plain(saved[key]);
		},
		executions,
		close() {
			if (credentialRef) engine.credentialsHelper.remove(credentialRef);
		},
	};
}

/** n8n-core's own copy of @n8n/di (its services are registered there). */
function diOf(): { Container: { get<T>(type: new (...args: never[]) => T): T } } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports, @n8n/community-nodes/no-restricted-imports -- n8n-core's dependency, found at run time
	return require(require.resolve('@n8n/di', { paths: [require('node:path').dirname(require.resolve('n8n-core'))] }));
}
