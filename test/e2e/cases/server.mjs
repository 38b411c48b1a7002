// Case group "server": through the one `n8n start` the run shares (see ./index.mjs): the node types
// the editor offers, the AI-agent example as the editor loads it, the published webhook example's
// production URL, and the credential test (the editor's "Test" button).
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { NODE_TYPE, sandboxCredentials, TOOL_NODE_TYPE } from '../../../scripts/e2e/n8n-app.mjs';
import { assertAuth, call, fetchEditor } from '../support.mjs';
import { EXAMPLE, LONELY_TOKEN } from '../workflows.mjs';

export const name = 'server';
/** Runs after `n8n start`; ctx.server is { baseUrl, cookie } (the owner's session). */
export const needsServer = true;

/** Published before `n8n start`, which activates them. */
export function publish() {
	return [EXAMPLE.webhook];
}

export async function run({ sandbox, privateKeyPem, examples, catalogId, check, server }) {
	await check('n8n start: the editor offers the Segment node and its AI-tool variant; every example node type/version exists', async () => {
		const { baseUrl, cookie } = server;
		const response = await fetchEditor(`${baseUrl}/types/nodes.json`, { headers: { cookie } });
		assert.equal(response.status, 200);
		const types = await response.json();
		const versions = new Map();
		for (const type of types) {
			const list = Array.isArray(type.version) ? type.version : [type.version];
			versions.set(type.name, [...(versions.get(type.name) ?? []), ...list]);
		}
		assert.deepEqual(versions.get(NODE_TYPE), [1]);
		assert.deepEqual(versions.get(TOOL_NODE_TYPE), [1]);
		const tool = types.find((type) => type.name === TOOL_NODE_TYPE);
		assert.deepEqual(tool.outputs, ['ai_tool']);
		const missing = [];
		for (const workflow of Object.values(examples)) {
			for (const node of workflow.nodes) {
				if (!versions.get(node.type)?.includes(node.typeVersion)) missing.push(`${workflow.id}: ${node.name} (${node.type} v${node.typeVersion})`);
			}
		}
		assert.deepEqual(missing, [], 'example nodes of unknown type or version');
		return `${types.length} node types`;
	});
	await check('n8n start: the AI-agent example is imported with its Segment tools', async () => {
		const { baseUrl, cookie } = server;
		const response = await fetchEditor(`${baseUrl}/rest/workflows/${EXAMPLE.agent}`, { headers: { cookie } });
		assert.equal(response.status, 200, await response.clone().text());
		const { data } = await response.json();
		const tools = data.nodes.filter((node) => node.type === TOOL_NODE_TYPE);
		assert.equal(tools.length, examples[EXAMPLE.agent].nodes.filter((node) => node.type === TOOL_NODE_TYPE).length);
		assert.ok(tools.length >= 3);
		assert.ok(tools.some((node) => JSON.stringify(node.parameters).includes('$fromAI(')));
		const toAgent = Object.entries(data.connections).filter(([, outputs]) => outputs.ai_tool?.[0]?.some((c) => c.node === 'AI Agent'));
		assert.equal(toAgent.length, tools.length);
		assert.ok(data.connections['OpenAI Chat Model'].ai_languageModel[0][0].node === 'AI Agent');
	});
	await check('n8n start: POST to the published webhook example creates the source and the destination', async () => {
		const { baseUrl } = server;
		sandbox.reset();
		const response = await fetch(`${baseUrl}/webhook/segment/new-source`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'Checkout Service', slug: 'checkout_service', platform: 'server', categories: ['crm'], destination: { name: 'Checkout Webhooks', slug: 'webhooks' } }),
		});
		const text = await response.text();
		assert.equal(response.status, 200, text);
		const { source, destination } = JSON.parse(text);
		const writes = sandbox.requests.filter((request) => request.method !== 'GET');
		assert.deepEqual(writes.map(call), ['POST /sources', `PATCH /sources/${source.id}`, `PUT /sources/${source.id}/labels`, 'POST /destinations']);
		assert.deepEqual(writes[0].body, { slug: 'checkout_service', enabled: true, metadataId: catalogId('sources', 'http-api') });
		assert.deepEqual(writes[1].body, { name: 'Checkout Service' });
		assert.deepEqual(writes[3].body, { sourceId: source.id, metadataId: catalogId('destinations', 'webhooks'), settings: {}, name: 'Checkout Webhooks', enabled: true });
		assert.ok(sandbox.entities('destinations').some((d) => d.id === destination.id && d.sourceId === source.id));
		assertAuth(sandbox.requests, 'static');
	});
	await check('n8n start: the credential test (the editor\'s "Test" button) passes in both token modes and explains a user who has not connected Segment', async () => {
		const { baseUrl, cookie } = server;
		sandbox.reset();
		const testCredential = async (credential) => {
			const response = await fetch(`${baseUrl}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ credentials: credential }),
			});
			assert.equal(response.status, 200, await response.clone().text());
			return (await response.json()).data;
		};
		const [userToken, signingKey] = sandboxCredentials({ url: sandbox.url, privateKeyPem });
		assert.deepEqual(await testCredential(userToken), { status: 'OK', message: 'Connection successful!' });
		assert.deepEqual(await testCredential(signingKey), { status: 'OK', message: 'Connection successful!' });
		const lonely = await testCredential({ ...userToken, data: { ...userToken.data, userToken: LONELY_TOKEN } });
		assert.equal(lonely.status, 'Error');
		assert.match(lonely.message, /Segment is not connected for this user in Paragon/);
		assert.deepEqual(
			sandbox.requests.map((request) => [call(request), request.query['pagination.count'], request.auth?.kind, request.status]),
			[
				['GET /warehouses', '1', 'static', 200],
				['GET /warehouses', '1', 'jwt', 200],
				['GET /warehouses', '1', 'static', 400],
			],
		);
		return `lonely user: "${lonely.message.slice(0, 60)}…"`;
	});
}
