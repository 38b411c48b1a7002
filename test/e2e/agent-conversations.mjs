// The conversations of the e2e group "agent" (cases/agent.mjs) and the script that plays the
// model in them (a scripted fake OpenAI, ./fake-openai.mjs). The script picks the conversation by
// the user's message, calls the tools it finds among those offered, with arguments fitted to their
// schemas and ids read from earlier tool results, and answers from the last tool result, so
// the answer only holds the sandbox's data if the tool results reached the model.
import { callTool, findEntity, parseResult } from './fake-openai.mjs';

/** A tool result that is not the JSON list of items n8n sends: the script says so in its answer. */
function itemsOf(text) {
	const items = parseResult(text);
	if (!Array.isArray(items)) throw new Error(`the tool answered ${text.slice(0, 300)}`);
	return items;
}

export const sourcesAnswer = (sources) => `Your workspace has ${sources.length} sources: ${sources.map((source) => `${source.name} (${source.id}, ${source.status})`).join('; ')}.`;

export const syncsAnswer = (warehouseName, reports) =>
	`${warehouseName} has ${reports.length} recent syncs: ${reports.map((report) => `${report.status}${report.notices.length ? ` (${report.notices.map((notice) => notice.message).join('; ')})` : ''}`).join(', ')}.`;

export const filterAnswer = (destinationName, filter) => `I added the filter "${filter.title}" (${filter.id}) to ${destinationName}: it drops events where ${filter.if}.`;

/** The conversations: a workflow each (id), the user's message and how the model plays it. */
export const CONVERSATIONS = [
	{
		key: 'sources',
		id: 'E2eAgentSources01',
		question: 'Which sources does my Segment workspace have?',
		play(conversation) {
			const [listed] = conversation.results;
			if (listed === undefined) return callTool(conversation, /^List_Sources$/);
			return { content: sourcesAnswer(itemsOf(listed)) };
		},
	},
	{
		key: 'syncs',
		id: 'E2eAgentSyncs0001',
		question: 'How did the last syncs of the warehouse My Data Warehouse go?',
		play(conversation) {
			const name = /of the warehouse (.+?) go\?/.exec(conversation.question)[1];
			const [warehouses, syncs] = conversation.results;
			if (warehouses === undefined) return callTool(conversation, /^List_Warehouses$/);
			if (syncs === undefined) {
				const warehouse = findEntity(itemsOf(warehouses), name);
				if (!warehouse) return { content: `There is no warehouse named ${name}.` };
				return callTool(conversation, /^Get_Warehouse_Syncs$/, { warehouseId: warehouse.id });
			}
			return { content: syncsAnswer(name, itemsOf(syncs)) };
		},
	},
	{
		key: 'filter',
		id: 'E2eAgentFilter001',
		question: 'Drop the track events named "Test Event" before they reach the Facebook Ads destination.',
		play(conversation) {
			const [, event, name] = /named "(.+?)" before they reach the (.+?) destination/.exec(conversation.question);
			const [destinations, created] = conversation.results;
			if (destinations === undefined) return callTool(conversation, /^List_Destinations$/);
			if (created === undefined) {
				const destination = findEntity(itemsOf(destinations), name);
				if (!destination) return { content: `There is no destination named ${name}.` };
				return callTool(conversation, /^Create_Destination_Filter$/, { destinationId: destination.id, title: `Drop ${event}`, condition: `type = "track" and event = "${event}"` });
			}
			return { content: filterAnswer(name, itemsOf(created)[0]) };
		},
	},
	// A warehouse id that does not exist: what a tool error looks like to the model.
	{
		key: 'missing',
		id: 'E2eAgentMissing01',
		question: 'How did the last syncs of the warehouse with the id wh-gone go?',
		play(conversation) {
			const [answer] = conversation.results;
			if (answer === undefined) return callTool(conversation, /^Get_Warehouse_Syncs$/, { warehouseId: 'wh-gone' });
			return { content: `The tool said: ${answer}` };
		},
	},
];

/** The model: the conversation whose message this is plays it. */
export function agentScript(conversation) {
	const played = CONVERSATIONS.find((candidate) => candidate.question === conversation.question);
	if (!played) return { content: `I have no script for: ${conversation.question}` };
	return played.play(conversation);
}
