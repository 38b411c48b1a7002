// A scripted stand-in for OpenAI's Chat Completions API, so the AI-agent example can run in the
// end-to-end test without a model: it calls the "List Destinations" tool, then the "Enable or
// Disable Destination" tool for the destination named in the user's message (enabled: false),
// then answers in plain text. Every request body is kept in `requests`.
import http from 'node:http';

function findEntity(value, name) {
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

function contentText(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

export async function startFakeOpenAi({ destinationName }) {
	const requests = [];
	let calls = 0;

	function reply(body) {
		const tools = (body.tools ?? []).map((tool) => tool.function?.name ?? tool.name);
		const toolMessages = (body.messages ?? []).filter((message) => message.role === 'tool');
		const listTool = tools.find((name) => /list_destinations/i.test(name));
		const changeTool = tools.find((name) => /disable_destination/i.test(name));
		if (toolMessages.length === 0) {
			if (!listTool) return { content: `No List Destinations tool among: ${tools.join(', ')}` };
			return { toolCall: { name: listTool, arguments: {} } };
		}
		if (toolMessages.length === 1) {
			const entity = findEntity(toolMessages.map((message) => contentText(message.content)), destinationName);
			if (!entity) return { content: `I could not find ${destinationName} in: ${contentText(toolMessages[0].content).slice(0, 500)}` };
			if (!changeTool) return { content: `No Enable or Disable Destination tool among: ${tools.join(', ')}` };
			return { toolCall: { name: changeTool, arguments: { destinationId: entity.id, enabled: false } } };
		}
		return { content: `Done: ${destinationName} is disabled. Tool said: ${contentText(toolMessages.at(-1).content).slice(0, 300)}` };
	}

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
			const { toolCall, content } = reply(body);
			const message = toolCall
				? { role: 'assistant', content: null, tool_calls: [{ id: `call_${calls}`, type: 'function', function: { name: toolCall.name, arguments: JSON.stringify(toolCall.arguments) } }] }
				: { role: 'assistant', content };
			const finish = toolCall ? 'tool_calls' : 'stop';
			const base = { id: `chatcmpl-e2e-${calls}`, created: Math.floor(Date.now() / 1000), model: body.model ?? 'gpt-4o-mini' };
			if (body.stream) {
				response.writeHead(200, { 'content-type': 'text/event-stream' });
				const delta = toolCall ? { role: 'assistant', tool_calls: [{ index: 0, ...message.tool_calls[0] }] } : { role: 'assistant', content };
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
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}
