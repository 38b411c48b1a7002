// Case group "agent": the node as a tool of n8n's AI Agent (SPEC v3 §7). A scripted model of its
// own (../fake-openai.mjs, ../agent-conversations.mjs) speaks OpenAI's chat-completions format;
// one workflow per conversation (list the sources, a warehouse's syncs, create a destination
// filter, and a tool error) carries the Segment tool nodes of the AI-agent example, so what is
// checked here is the example's tools: what the model is offered, the requests on the sandbox's
// wire, the tool results the model is sent back, and the agent's answer.
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { assertAuth, call, itemsOf } from '../support.mjs';
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
 * was answered by a `role: "tool"` message with the call's id. Returns the calls with their
 * arguments and the results (parsed), and checks each against the tool node's run: the arguments
 * are the node's input, the result is exactly the node's items.
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
		assert.deepEqual(result, task.data.ai_tool[0].map((item) => item.json), `${nodeName}: the model got the node's items`);
		const args = task.inputOverride.ai_tool[0][0].json;
		return { tool: toolCall.function.name, args, result };
	});
}

/** The model's requests of one conversation (its workflow's run), checked for what must never reach it. */
function completionsSince(before) {
	const completions = model.completions().slice(before);
	for (const completion of completions) {
		assert.equal(completion.body.stream, false);
		// Warehouse passwords (the demo's) never reach the model: the tools send simplified items.
		assert.doesNotMatch(JSON.stringify(completion.body), /demo-password/);
	}
	return completions;
}

export async function run({ sandbox, runCases, examples }) {
	const [sources, syncs, filter, missing] = CONVERSATIONS;
	const seen = () => model.completions().length;

	let before = seen();
	await runCases(sources.id, [
		[
			'agent: the model is offered the example\'s Segment tools: names from the node names, the descriptions n8n builds (auto: the operation\'s action), JSON schemas from $fromAI() (keys, types, descriptions, all required)',
			() => {
				const completions = completionsSince(before);
				const offered = [...completions[0].body.tools].sort((a, b) => a.function.name.localeCompare(b.function.name));
				assert.deepEqual(offered, expectedTools(examples[EXAMPLE.agent]));
				return offered.map((tool) => `${tool.function.name}: "${tool.function.description}"`).join('; ');
			},
		],
		[
			'agent (a) list the sources: one GET /sources, the tool\'s items reach the model as the tool message, the answer names every source',
			(run, execution) => {
				assert.equal(execution.code, 0);
				assert.deepEqual(sandbox.requests.map(call), ['GET /sources']);
				assert.equal(sandbox.requests[0].query['pagination.count'], '200');
				assertAuth(sandbox.requests, 'static');
				const completions = completionsSince(before);
				assert.equal(completions.length, 2);
				assert.equal(completions[0].body.messages.at(-1).content, sources.question);
				const [listed] = toolExchanges(completions, run);
				assert.deepEqual(listed.args, {});
				const expected = sandbox.entities('sources').map((source) => ({ id: source.id, name: source.name, status: source.enabled ? 'active' : 'inactive' }));
				assert.deepEqual(listed.result.map(({ id, name: sourceName, status }) => ({ id, name: sourceName, status })), expected);
				assert.deepEqual(itemsOf(run, 'AI Agent'), [{ output: sourcesAnswer(expected) }]);
				return itemsOf(run, 'AI Agent')[0].output;
			},
		],
	]);

	before = seen();
	await runCases(syncs.id, [
		[
			'agent (b) a warehouse\'s syncs: the id the model read from List Warehouses goes through $fromAI() in the By ID resource locator to GET /warehouses/{id}/syncs; the reports reach the model',
			(run, execution) => {
				assert.equal(execution.code, 0);
				const warehouse = sandbox.entities('warehouses').find((entity) => entity.settings.name === 'My Data Warehouse');
				assert.deepEqual(sandbox.requests.map(call), ['GET /warehouses', `GET /warehouses/${warehouse.id}/syncs`]);
				assert.equal(sandbox.requests[1].query['pagination.count'], '10', 'the tool node\'s Limit');
				assertAuth(sandbox.requests, 'static');
				const completions = completionsSince(before);
				assert.equal(completions.length, 3);
				const [listed, read] = toolExchanges(completions, run);
				assert.ok(listed.result.some((entity) => entity.id === warehouse.id && entity.name === 'My Data Warehouse'));
				assert.deepEqual(read.args, { warehouseId: warehouse.id });
				const reports = sandbox.syncReports(warehouse.id);
				assert.deepEqual(
					read.result,
					reports.map((report) => ({ warehouseId: warehouse.id, sourceId: report.sourceId, status: report.status, start: report.start, end: report.end, durationSeconds: report.duration, rows: report.count, notices: report.notices })),
				);
				assert.deepEqual(itemsOf(run, 'AI Agent'), [{ output: syncsAnswer('My Data Warehouse', reports) }]);
				return itemsOf(run, 'AI Agent')[0].output;
			},
		],
	]);

	before = seen();
	await runCases(filter.id, [
		[
			'agent (c) create a destination filter: destination id, title and condition from $fromAI(); the destination\'s source read, then POST /destination/{id}/filters with exactly that body; the created filter reaches the model',
			(run, execution) => {
				assert.equal(execution.code, 0);
				const facebook = sandbox.entities('destinations').find((entity) => entity.name === 'Facebook Ads');
				assert.deepEqual(sandbox.requests.map(call), ['GET /destinations', `GET /destinations/${facebook.id}`, `POST /destination/${facebook.id}/filters`]);
				const condition = 'type = "track" and event = "Test Event"';
				assert.deepEqual(sandbox.requests[2].body, { sourceId: facebook.sourceId, if: condition, actions: [{ type: 'DROP' }], title: 'Drop Test Event', enabled: true });
				assertAuth(sandbox.requests, 'static');
				const completions = completionsSince(before);
				assert.equal(completions.length, 3);
				const [listed, created] = toolExchanges(completions, run);
				assert.ok(listed.result.some((entity) => entity.id === facebook.id && entity.name === 'Facebook Ads'));
				assert.deepEqual(created.args, { destinationId: facebook.id, title: 'Drop Test Event', condition });
				const [made, ...others] = sandbox.filters(facebook.id);
				assert.equal(others.length, 0);
				assert.deepEqual(created.result, [made]);
				assert.deepEqual(itemsOf(run, 'AI Agent'), [{ output: filterAnswer('Facebook Ads', made) }]);
				return itemsOf(run, 'AI Agent')[0].output;
			},
		],
	]);

	before = seen();
	await runCases(missing.id, [
		[
			'agent (d) a tool error reaches the model as text: a warehouse id that does not exist, the node\'s 404 message in the tool message, the run goes on to the agent\'s answer',
			(run, execution) => {
				assert.equal(execution.code, 0);
				assert.deepEqual(sandbox.requests.map((request) => [call(request), request.status]), [['GET /warehouses/wh-gone/syncs', 404]]);
				const completions = completionsSince(before);
				assert.equal(completions.length, 2);
				const messages = completions[1].body.messages;
				const [toolCall] = messages.flatMap((message) => message.tool_calls ?? []);
				assert.deepEqual(JSON.parse(toolCall.function.arguments).warehouseId, 'wh-gone');
				const answer = messages.find((message) => message.role === 'tool' && message.tool_call_id === toolCall.id);
				// n8n sends the error's message, not its description.
				assert.deepEqual(JSON.parse(answer.content), [{ error: 'Warehouse wh-gone was not found' }]);
				const [task] = run.data.resultData.runData['Get Warehouse Syncs'];
				assert.equal(task.executionStatus, 'error');
				assert.equal(task.error.httpCode, '404');
				assert.deepEqual(itemsOf(run, 'AI Agent'), [{ output: `The tool said: ${answer.content}` }]);
				return answer.content;
			},
		],
	]);
}
