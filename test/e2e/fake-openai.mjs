// Scripted stand-ins for OpenAI's Chat Completions API (POST /v1/chat/completions), so AI Agent
// workflows run in the end-to-end test without a model. No model: a script reads each request —
// the tools it offers and the conversation so far — and answers with a tool call or with text.
// A tool call's arguments are built from the JSON schema the tool was offered with, so a script
// cannot pass a key n8n did not put in the schema. Every request is kept in `requests`.
import http from 'node:http';

/** A message's text (OpenAI sends a string or a list of parts). */
export function contentText(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

/** The first entity named `name` (with a string id) anywhere in a value, JSON text included. */
export function findEntity(value, name) {
	if (Array.isArray(value)) {
		for (const entry of value) {
			const found = findEntity(entry, name);
			if (found) return found;
		}
	} else if (value && typeof value === 'object') {
		if (value.name === name && typeof value.id === 'string') return value;
		for (const entry of Object.values(value)) {
			const found = findEntity(entry, name);
			if (found) return found;
		}
	} else if (typeof value === 'string' && value.includes(name)) {
		try {
			return findEntity(JSON.parse(value), name);
		} catch {}
	}
	return undefined;
}

/**
 * What a script reads from a request: the user's message, the tools offered
 * ({name, description, parameters}) and the tool results so far (text, oldest first).
 */
export function conversationOf(body) {
	const messages = body.messages ?? [];
	const user = messages.filter((message) => message.role === 'user').at(-1);
	return {
		question: contentText(user?.content),
		tools: (body.tools ?? []).map((tool) => tool.function ?? tool),
		results: messages.filter((message) => message.role === 'tool').map((message) => contentText(message.content)),
	};
}

/**
 * A call of the offered tool whose name matches `pattern`, its arguments taken from `values` for
 * exactly the keys of the tool's schema; a text answer saying what is wrong when there is no such
 * tool, the schema asks for a key `values` lacks, or `values` holds a key the schema lacks.
 */
export function callTool(conversation, pattern, values = {}) {
	const tool = conversation.tools.find((candidate) => pattern.test(candidate.name));
	if (!tool) return { content: `No tool matching ${pattern} among: ${conversation.tools.map((candidate) => candidate.name).join(', ')}` };
	const keys = Object.keys(tool.parameters?.properties ?? {});
	const missing = (tool.parameters?.required ?? keys).filter((key) => values[key] === undefined);
	const unknown = Object.keys(values).filter((key) => !keys.includes(key));
	if (missing.length || unknown.length) return { content: `Cannot call ${tool.name}: its schema asks for [${keys.join(', ')}], I have [${Object.keys(values).join(', ')}]` };
	return { toolCall: { name: tool.name, arguments: Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]])) } };
}

/** A tool result as JSON (n8n sends the tool node's items as a JSON array), or undefined. */
export function parseResult(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function completion(body, calls, { toolCall, content }) {
	const message = toolCall
		? { role: 'assistant', content: null, tool_calls: [{ id: `call_${calls}`, type: 'function', function: { name: toolCall.name, arguments: JSON.stringify(toolCall.arguments) } }] }
		: { role: 'assistant', content };
	const base = { id: `chatcmpl-e2e-${calls}`, created: Math.floor(Date.now() / 1000), model: body.model ?? 'gpt-4o-mini' };
	return { base, message, finish: toolCall ? 'tool_calls' : 'stop' };
}

/** Starts a server whose answers come from `script(conversation, body)` ({toolCall} or {content}). */
export async function startScriptedModel(script) {
	const requests = [];
	let calls = 0;
	const server = http.createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk) => (raw += chunk));
		request.on('end', () => {
			let body = {};
			try {
				body = JSON.parse(raw || '{}');
			} catch {}
			requests.push({ method: request.method, url: request.url, body });
			if (request.method !== 'POST' || !request.url.endsWith('/chat/completions')) {
				response.writeHead(404, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ error: { message: `fake OpenAI: no route ${request.method} ${request.url}` } }));
				return;
			}
			calls++;
			let answer;
			try {
				answer = script(conversationOf(body), body);
			} catch (error) {
				answer = { content: `The script failed: ${error.message}` };
			}
			const { base, message, finish } = completion(body, calls, answer);
			if (body.stream) {
				response.writeHead(200, { 'content-type': 'text/event-stream' });
				const delta = message.tool_calls ? { role: 'assistant', tool_calls: [{ index: 0, ...message.tool_calls[0] }] } : { role: 'assistant', content: message.content };
				response.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
				response.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }] })}\n\n`);
				response.end('data: [DONE]\n\n');
				return;
			}
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/v1`,
		requests,
		/** The chat-completion requests only, oldest first. */
		completions: () => requests.filter((entry) => entry.url.endsWith('/chat/completions')),
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

/**
 * The model of the AI-agent example's headless copy: calls the "List Destinations" tool, then the
 * "Enable or Disable Destination" tool for the destination named `destinationName`
 * (enabled: false), then answers in plain text.
 */
export async function startFakeOpenAi({ destinationName }) {
	return await startScriptedModel((conversation) => {
		const { results } = conversation;
		if (results.length === 0) return callTool(conversation, /list_destinations/i);
		if (results.length === 1) {
			const entity = findEntity(results, destinationName);
			if (!entity) return { content: `I could not find ${destinationName} in: ${results[0].slice(0, 500)}` };
			return callTool(conversation, /disable_destination/i, { destinationId: entity.id, enabled: false });
		}
		return { content: `Done: ${destinationName} is disabled. Tool said: ${results.at(-1).slice(0, 300)}` };
	});
}
