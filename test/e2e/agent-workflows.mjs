// The workflows of the e2e group "agent" (cases/agent.mjs) and the tools their model must be
// offered. Each workflow: Manual Trigger -> AI Agent 3.1 (prompt defined in the node: the
// conversation's question) with the OpenAI Chat Model 1.3 (chat-completions API, Base URL = the
// scripted model) and the Segment tool nodes of the AI-agent example.
import { createRequire } from 'node:module';
import path from 'node:path';

import { repoRoot, TOOL_NODE_TYPE } from '../../scripts/e2e/n8n-app.mjs';

const require = createRequire(import.meta.url);

export const MODEL_CREDENTIAL = { id: 'E2eAgentScriptedAi', name: 'Scripted model (E2E agent)' };

export function agentWorkflow(example, { id, key, question }) {
	const tools = example.nodes.filter((node) => node.type === TOOL_NODE_TYPE).map((node, index) => ({ ...structuredClone(node), id: `${id}-tool-${index}` }));
	const exampleAgent = example.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.agent');
	const nodes = [
		{ id: `${id}-trigger`, name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: `${id}-agent`,
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [260, 0],
			parameters: { promptType: 'define', text: question, options: { systemMessage: exampleAgent.parameters.options.systemMessage } },
		},
		{
			id: `${id}-model`,
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [120, 260],
			parameters: { model: { __rl: true, mode: 'list', value: 'gpt-4o-mini' }, responsesApiEnabled: false, options: {} },
			credentials: { openAiApi: MODEL_CREDENTIAL },
		},
		...tools,
	];
	const toAgent = (type) => ({ [type]: [[{ node: 'AI Agent', type, index: 0 }]] });
	const connections = {
		'Manual Trigger': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': toAgent('ai_languageModel'),
		...Object.fromEntries(tools.map((tool) => [tool.name, toAgent('ai_tool')])),
	};
	return { id, name: `E2E: AI Agent with the Segment tools (${key})`, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/**
 * The arguments each tool of the example takes, as written in its `$fromAI()` calls: key -> [type,
 * description]. n8n builds the tool's JSON schema from them; this is what the model must see.
 */
const ARGUMENTS = {
	Create_Destination_Filter: {
		destinationId: ['string', 'The id of the destination whose events the filter drops, from List Destinations'],
		title: ['string', 'A short title for the filter, e.g. Drop test events'],
		condition: ['string', 'Which events to drop, in Segment FQL, e.g. type = "track" and event = "Order Completed"'],
	},
	Enable_or_Disable_Destination: {
		destinationId: ['string', 'The id of the destination to change, from List Destinations'],
		enabled: ['boolean', 'true to enable the destination, false to disable it'],
	},
	Get_Warehouse_Syncs: { warehouseId: ['string', 'The id of the warehouse, from List Warehouses'] },
	List_Destinations: {},
	List_Sources: {},
	List_Warehouses: {},
};

/** The node's own description, as built (dist/ is what was packed and installed into n8n). */
function nodeDescription() {
	const { SegmentParagon } = require(path.join(repoRoot, 'dist', 'nodes', 'SegmentParagon', 'SegmentParagon.node.js'));
	return new SegmentParagon().description;
}

/**
 * The tools (OpenAI's `tools` entries, sorted by name) the model must be offered for the example's
 * Segment tool nodes: the node's name with spaces as `_`; the description written in the node
 * (Set Manually) or, automatically, the operation's action + " in " + the node's default name;
 * the JSON schema of the `$fromAI()` arguments, every key required.
 */
export function expectedTools(example) {
	const description = nodeDescription();
	const actionOf = ({ resource, operation }) => {
		const property = description.properties.find((candidate) => candidate.name === 'operation' && candidate.displayOptions?.show?.resource?.includes(resource));
		return property.options.find((option) => option.value === operation).action;
	};
	return example.nodes
		.filter((node) => node.type === TOOL_NODE_TYPE)
		.map((node) => {
			const toolName = node.name.replaceAll(' ', '_');
			const args = ARGUMENTS[toolName];
			if (!args) throw new Error(`the example's tool ${node.name} has no expected arguments here`);
			const keys = Object.keys(args);
			const parameters = {
				type: 'object',
				properties: Object.fromEntries(keys.map((key) => [key, { type: args[key][0], description: args[key][1] }])),
				...(keys.length ? { required: keys } : {}),
				additionalProperties: false,
				$schema: 'http://json-schema.org/draft-07/schema#',
			};
			const text = node.parameters.descriptionType === 'manual' ? node.parameters.toolDescription : `${actionOf(node.parameters)} in ${description.defaults.name}`;
			return { type: 'function', function: { name: toolName, description: text, parameters, strict: false } };
		})
		.sort((a, b) => a.function.name.localeCompare(b.function.name));
}
