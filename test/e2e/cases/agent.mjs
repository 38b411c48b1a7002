// Case group "agent": the node as a tool of n8n's AI Agent (SPEC v3 §7). A scripted model of its
// own (../fake-openai.mjs, ../agent-conversations.mjs) speaks OpenAI's chat-completions format;
// one workflow per conversation (list the sources, a warehouse's syncs, create a destination
// filter, and a tool error) carries the Segment tool nodes of the AI-agent example, so what is
// checked here is the example's tools: what the model is offered, the requests on the sandbox's
// wire, the tool results the model is sent back, and the agent's answer.
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { assertAuth, assertRan, call, itemsOf } from '../support.mjs';
import { agentScript, CONVERSATIONS, filterAnswer, sourcesAnswer, syncsAnswer } from '../agent-conversations.mjs';
import { agentWorkflow, expectedTools, MODEL_CREDENTIAL } from '../agent-workflows.mjs';
import { startScriptedModel } from '../fake-openai.mjs';
import { EXAMPLE } from '../workflows.mjs';

export const name = 'agent';

let model;

export async function start(ctx) {
	model = await startScriptedModel(agentScript);
	ctx.onCleanup(() => model.close());
}

export function credentials() {
	return [{ ...MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-e2e-scripted', url: model.url } }];
}

export function workflows({ examples }) {
	return CONVERSATIONS.map((conversation) => agentWorkflow(examples[EXAMPLE.agent], conversation));
}

/**
 * A conversation as the model saw it: every request offered the same tools; each tool call it made
 * was answered by a `role: "tool"` message with the call's id. Returns the calls ({tool, args,
 * result}, the result parsed) after checking each against the tool node's run: the arguments are
 * the node's input; the result is exactly the node's items, or `[{error: <message>}]` when the
 * node failed.
 */
function toolExchanges(completions, run) {
	const tools = completions[0].body.tools;
	for (const completion of completions) assert.deepEqual(completion.body.tools, tools, 'every request offers the same tools');
	const messages = completions.at(-1).body.messages;
	const calls = messages.flatMap((message) => message.tool_calls ?? []);
	assert.equal(calls.length, completions.length - 1, 'one tool call per answer but the last');
	return calls.map((toolCall) => {
		const answer = messages.find((message) => message.role === 'tool' && message.tool_call_id === toolCall.id);
		assert.ok(answer, `no tool message answers ${toolCall.function.name} (${toolCall.id})`);
		const nodeName = toolCall.function.name.replaceAll('_', ' ');
		const [task, ...more] = run.data.resultData.runData[nodeName] ?? [];
		assert.ok(task && !more.length, `the tool node ${nodeName} ran ${more.length + (task ? 1 : 0)} times`);
		const result = JSON.parse(answer.content);
		const items = task.executionStatus === 'error' ? [{ error: task.error.message }] : task.data.ai_tool[0].map((item) => item.json);
		assert.deepEqual(result, items, `${nodeName}: the model got the node's items`);
		return { tool: toolCall.function.name, args: task.inputOverride.ai_tool[0][0].json, result, task };
	});
}

/** The model's requests since `before`, checked for what must never reach it. */
function completionsSince(before) {
	const completions = model.completions().slice(before);
	for (const completion of completions) {
		assert.equal(completion.body.stream, false);
		// Warehouse passwords (the demo's) never reach the model: the tools send simplified items.
		assert.doesNotMatch(JSON.stringify(completion.body), /demo-password/);
	}
	return completions;
}

/**
 * Runs a conversation's workflow; the case checks the run and its exchanges with `check`, which
 * returns the answer the agent must have put out. The model's requests are kept for later cases.
 */
async function converse(runCases, conversation, title, check) {
	const before = model.completions().length;
	let completions = [];
	await runCases(conversation.id, [
		[
			title,
			(run, execution) => {
				assertRan(execution);
				completions = completionsSince(before);
				assert.equal(completions[0].body.messages.at(-1).content, conversation.question);
				const answer = check(run, toolExchanges(completions, run));
				assert.deepEqual(itemsOf(run, 'AI Agent'), [{ output: answer }]);
				return answer;
			},
		],
	]);
	return completions;
}

export async function run({ sandbox, runCases, examples, check }) {
	const [sources, syncs, filter, missing] = CONVERSATIONS;
	const tools = (exchanges) => exchanges.map((exchange) => exchange.tool);

	const offered = await converse(runCases, sources, 'agent (a) list the sources: one GET /sources, the tool\'s items reach the model as the tool message, the answer names every source', (run, exchanges) => {
		assert.deepEqual(sandbox.requests.map(call), ['GET /sources']);
		assert.equal(sandbox.requests[0].query['pagination.count'], '200');
		assertAuth(sandbox.requests, 'static');
		assert.deepEqual(tools(exchanges), ['List_Sources']);
		const [listed] = exchanges;
		assert.deepEqual(listed.args, {});
		const expected = sandbox.entities('sources').map((source) => ({ id: source.id, name: source.name, status: source.enabled ? 'active' : 'inactive' }));
		assert.deepEqual(listed.result.map(({ id, name: sourceName, status }) => ({ id, name: sourceName, status })), expected);
		return sourcesAnswer(expected);
	});
	await check('agent: the model is offered the example\'s Segment tools: names from the node names, the descriptions n8n builds (auto: the operation\'s action), JSON schemas from $fromAI() (keys, types, descriptions, all required)', () => {
		assert.ok(offered.length, 'the conversation did not run');
		const sorted = [...offered[0].body.tools].sort((a, b) => a.function.name.localeCompare(b.function.name));
		assert.deepEqual(sorted, expectedTools(examples[EXAMPLE.agent]));
		return sorted.map((tool) => `${tool.function.name}: "${tool.function.description}"`).join('; ');
	});

	await converse(runCases, syncs, 'agent (b) a warehouse\'s syncs: the id the model read from List Warehouses goes through $fromAI() in the By ID resource locator to GET /warehouses/{id}/syncs; the reports reach the model', (run, exchanges) => {
		const warehouse = sandbox.entities('warehouses').find((entity) => entity.settings.name === 'My Data Warehouse');
		assert.deepEqual(sandbox.requests.map(call), ['GET /warehouses', `GET /warehouses/${warehouse.id}/syncs`]);
		assert.equal(sandbox.requests[1].query['pagination.count'], '10', 'the tool node\'s Limit');
		assertAuth(sandbox.requests, 'static');
		assert.deepEqual(tools(exchanges), ['List_Warehouses', 'Get_Warehouse_Syncs']);
		const [listed, read] = exchanges;
		assert.ok(listed.result.some((entity) => entity.id === warehouse.id && entity.name === 'My Data Warehouse'));
		assert.deepEqual(read.args, { warehouseId: warehouse.id });
		const reports = sandbox.syncReports(warehouse.id);
		assert.deepEqual(
			read.result,
			reports.map((report) => ({ warehouseId: warehouse.id, sourceId: report.sourceId, status: report.status, start: report.start, end: report.end, durationSeconds: report.duration, rows: report.count, notices: report.notices })),
		);
		return syncsAnswer('My Data Warehouse', reports);
	});

	await converse(runCases, filter, 'agent (c) create a destination filter: destination id, title and condition from $fromAI(); the destination\'s source read, then POST /destination/{id}/filters with exactly that body; the created filter reaches the model', (run, exchanges) => {
		const facebook = sandbox.entities('destinations').find((entity) => entity.name === 'Facebook Ads');
		assert.deepEqual(sandbox.requests.map(call), ['GET /destinations', `GET /destinations/${facebook.id}`, `POST /destination/${facebook.id}/filters`]);
		const condition = 'type = "track" and event = "Test Event"';
		assert.deepEqual(sandbox.requests[2].body, { sourceId: facebook.sourceId, if: condition, actions: [{ type: 'DROP' }], title: 'Drop Test Event', enabled: true });
		assertAuth(sandbox.requests, 'static');
		assert.deepEqual(tools(exchanges), ['List_Destinations', 'Create_Destination_Filter']);
		const [listed, created] = exchanges;
		assert.ok(listed.result.some((entity) => entity.id === facebook.id && entity.name === 'Facebook Ads'));
		assert.deepEqual(created.args, { destinationId: facebook.id, title: 'Drop Test Event', condition });
		const [made, ...others] = sandbox.filters(facebook.id);
		assert.equal(others.length, 0);
		assert.deepEqual(created.result, [made]);
		return filterAnswer('Facebook Ads', made);
	});

	await converse(runCases, missing, 'agent (d) a tool error reaches the model as text: a warehouse id that does not exist, the node\'s 404 message (not its description) in the tool message, the run goes on to the agent\'s answer', (run, exchanges) => {
		assert.deepEqual(sandbox.requests.map((request) => [call(request), request.status]), [['GET /warehouses/wh-gone/syncs', 404]]);
		assert.deepEqual(tools(exchanges), ['Get_Warehouse_Syncs']);
		const [read] = exchanges;
		assert.deepEqual(read.args, { warehouseId: 'wh-gone' });
		assert.deepEqual(read.result, [{ error: 'Warehouse wh-gone was not found' }]);
		assert.equal(read.task.error.httpCode, '404');
		return `The tool said: ${JSON.stringify(read.result)}`;
	});
}
