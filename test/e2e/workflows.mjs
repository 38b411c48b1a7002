// The workflows the end-to-end run imports next to examples/: one per resource holding its five
// operations in sequence (every Segment node "Execute Once", ids flowing by expression), two that
// must fail, and a headless copy of the webhook example.
import { NODE_TYPE, SANDBOX_CREDENTIAL, SANDBOX_SIGNING_CREDENTIAL } from '../../scripts/e2e/n8n-app.mjs';

/** The example workflows (examples/*.json) by the role the run gives them. */
export const EXAMPLE = { desired: 'SegExDesiredSt01', perCustomer: 'SegExPerCustomer01', inventory: 'SegExNightlyInv01', webhook: 'SegExWebhookSrc01', audit: 'SegExAuditDest01', agent: 'SegExAiAgentTool01', health: 'SegExWarehouseHlth', dropEvent: 'SegExDropEventFlt', morning: 'SegExMorningReport', mappings: 'SegExNewDestMaps', syncAlert: 'SegExSyncFailAlert', quietAlert: 'SegExQuietSrcAlert', reverseEtlAlert: 'SegExRetlFailAlert' };

/** A Paragon user the sandbox knows who never connected Segment. */
export const LONELY_TOKEN = 'lonely-user-token';
export const LONELY_USER = 'lonely-user';
export const LONELY_CREDENTIAL = { id: 'SegmentLonelyUser', name: 'Segment lonely user' };
export const EU_CREDENTIAL = { id: 'SegmentSandboxEU', name: 'Segment sandbox (EU)' };

export const IDS = {
	warehouses: 'E2eSeedWarehouse1',
	sources: 'E2eSeedSources001',
	destinations: 'E2eSeedDestinatn1',
	notFound: 'E2eErrorNotFound1',
	notConnected: 'E2eErrorNotConnd1',
	webhookCopy: 'E2eWebhookCopy001',
	agentCopy: 'E2eAiAgentCopy001',
	httpRequest: 'E2eHttpRequest001',
	dropEventCopy: 'E2eDropEventCopy1',
};

const cred = (credential) => ({ paragonProxyApi: { id: credential.id, name: credential.name } });
const rl = (value) => ({ __rl: true, mode: 'id', value });

/** Manual Trigger -> steps[0] -> steps[1] -> ... ; steps are `[name, parameters, credential?]`. */
export function chain(id, name, steps, { credential = SANDBOX_CREDENTIAL } = {}) {
	const nodes = [{ id: `${id}-trigger`, name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections = {};
	let previous = 'Manual Trigger';
	steps.forEach(([stepName, parameters, stepCredential], index) => {
		nodes.push({
			id: `${id}-${index}`,
			name: stepName,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [220 * (index + 1), 0],
			parameters,
			credentials: cred(stepCredential ?? credential),
			executeOnce: true,
		});
		connections[previous] = { main: [[{ node: stepName, type: 'main', index: 0 }]] };
		previous = stepName;
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

export const WAREHOUSE_SECRET = 'e2e-warehouse-password';

export function seedWorkflows({ backendEventsId }) {
	const created = (node) => `={{ $('${node}').first().json.id }}`;
	return [
		chain(IDS.warehouses, 'E2E: warehouse operations (user token)', [
			['Warehouse: Get Many', { resource: 'warehouse', operation: 'list', returnAll: false, limit: 50 }],
			[
				'Warehouse: Create',
				{
					resource: 'warehouse',
					operation: 'create',
					name: 'E2E Warehouse',
					// An expression in Type: n8n shows every per-type field; none may be required (SPEC v2 §4).
					type: "={{ 'snow' + 'flake' }}",
					connectionMode: 'fields',
					account: 'e2e_account',
					warehouse: 'COMPUTE_WH',
					database: 'ANALYTICS_DB',
					username: 'segment_user',
					password: WAREHOUSE_SECRET,
					role: 'SYSADMIN',
					additionalFields: {},
				},
			],
			['Warehouse: Get', { resource: 'warehouse', operation: 'get', warehouseId: rl(created('Warehouse: Create')) }],
			[
				'Warehouse: Update',
				{
					resource: 'warehouse',
					operation: 'update',
					warehouseId: rl(created('Warehouse: Create')),
					updateFields: { name: 'E2E Warehouse Renamed', enabled: false, connection: '{"role": "LOADER"}' },
				},
			],
			['Warehouse: Delete', { resource: 'warehouse', operation: 'delete', warehouseId: rl(created('Warehouse: Create')) }],
			['Warehouse: Get Many (EU)', { resource: 'warehouse', operation: 'list', returnAll: true }, EU_CREDENTIAL],
		]),
		chain(
			IDS.sources,
			'E2E: source operations (signing key)',
			[
				['Source: Get Many', { resource: 'source', operation: 'list', returnAll: false, limit: 2, offset: 1 }],
				[
					'Source: Create',
					{ resource: 'source', operation: 'create', name: 'E2E Source', slug: 'e2e_source', platform: 'server', categories: ['crm', 'marketing'], additionalFields: {} },
				],
				['Source: Get', { resource: 'source', operation: 'get', sourceId: rl(created('Source: Create')) }],
				[
					'Source: Update',
					{ resource: 'source', operation: 'update', sourceId: rl(created('Source: Create')), updateFields: { name: 'E2E Source Renamed', platform: 'web', enabled: false } },
				],
				['Source: Delete', { resource: 'source', operation: 'delete', sourceId: rl(created('Source: Create')) }],
			],
			{ credential: SANDBOX_SIGNING_CREDENTIAL },
		),
		chain(IDS.destinations, 'E2E: destination operations (user token, delete with signing key)', [
			['Destination: Get Many', { resource: 'destination', operation: 'list', returnAll: true }],
			[
				'Destination: Create',
				{
					resource: 'destination',
					operation: 'create',
					name: 'E2E Amplitude',
					categories: ['analytics'],
					platform: 'server',
					slug: 'amplitude',
					sourceId: rl(backendEventsId),
					additionalFields: { settings: '{"apiKey": "e2e-amplitude-key"}' },
				},
			],
			['Destination: Get', { resource: 'destination', operation: 'get', destinationId: rl(created('Destination: Create')) }],
			[
				'Destination: Update',
				{
					resource: 'destination',
					operation: 'update',
					destinationId: rl(created('Destination: Create')),
					updateFields: { name: 'E2E Amplitude Renamed', enabled: false, settings: '{"apiKey": "rotated-key"}' },
				},
			],
			['Destination: Delete', { resource: 'destination', operation: 'delete', destinationId: rl(created('Destination: Create')) }, SANDBOX_SIGNING_CREDENTIAL],
		]),
	];
}

export const MISSING_WAREHOUSE_ID = '../workspaces';

export function errorWorkflows() {
	return [
		chain(IDS.notFound, 'E2E: get a warehouse that does not exist', [['Get Missing Warehouse', { resource: 'warehouse', operation: 'get', warehouseId: rl(MISSING_WAREHOUSE_ID) }]]),
		chain(IDS.notConnected, 'E2E: user who has not connected Segment', [['List Sources', { resource: 'source', operation: 'list', returnAll: true }]], { credential: LONELY_CREDENTIAL }),
	];
}

/**
 * n8n's HTTP Request node with this package's credential as a predefined credential type: a
 * Segment endpoint the node has no operation for, through the proxy (the URL is absolute, as the
 * HTTP Request node requires; the credential adds the token and the raw-response header).
 */
export function httpRequestWorkflow(proxyRoot) {
	return {
		id: IDS.httpRequest,
		name: 'E2E: HTTP Request node with the Paragon Proxy API credential',
		active: false,
		nodes: [
			{ id: 'http-trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'http-request',
				name: 'Segment Labels',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: { method: 'GET', url: `${proxyRoot}/labels`, authentication: 'predefinedCredentialType', nodeCredentialType: 'paragonProxyApi', options: {} },
				credentials: cred(SANDBOX_CREDENTIAL),
			},
		],
		connections: { 'Manual Trigger': { main: [[{ node: 'Segment Labels', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * The webhook example with its Webhook node replaced by a Manual Trigger and a Set node named
 * "Webhook" that puts out what the webhook would (`{headers, params, query, body}`), so
 * `n8n execute` can run it and the `$('Webhook')` expressions still resolve.
 */
export function headlessWebhookCopy(example, body, id = IDS.webhookCopy) {
	const copy = structuredClone(example);
	const webhook = copy.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	if (!webhook) throw new Error(`${example.name} has no Webhook node`);
	copy.id = id;
	copy.name = `${example.name} (E2E headless copy)`;
	copy.nodes = copy.nodes.filter((node) => node !== webhook);
	copy.nodes.push(
		{ id: 'e2e-manual', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [webhook.position[0] - 220, webhook.position[1]], parameters: {} },
		{
			id: 'e2e-fake-webhook',
			name: webhook.name,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: webhook.position,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ headers: { 'content-type': 'application/json' }, params: {}, query: {}, body }), options: {} },
		},
	);
	copy.connections['Manual Trigger'] = { main: [[{ node: webhook.name, type: 'main', index: 0 }]] };
	return copy;
}

export const FAKE_MODEL_CREDENTIAL = { id: 'E2eFakeOpenAiCred', name: 'Fake OpenAI (E2E)' };

/**
 * The AI-agent example with its Chat Trigger replaced by a Manual Trigger and a Set node of the
 * same name that puts out a chat message, and its chat model pointed at a fake OpenAI credential
 * (OpenAI's Chat Completions API, which the fakes speak, rather than the Responses API).
 */
export function headlessAgentCopy(example, chatInput) {
	const copy = structuredClone(example);
	const trigger = copy.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger');
	const model = copy.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi');
	if (!trigger || !model) throw new Error(`${example.name} has no Chat Trigger or no OpenAI Chat Model`);
	copy.id = IDS.agentCopy;
	copy.name = `${example.name} (E2E headless copy, fake model)`;
	model.credentials = { openAiApi: FAKE_MODEL_CREDENTIAL };
	model.parameters.responsesApiEnabled = false;
	copy.nodes = copy.nodes.filter((node) => node !== trigger);
	copy.nodes.push(
		{ id: 'e2e-manual', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [trigger.position[0] - 220, trigger.position[1]], parameters: {} },
		{
			id: 'e2e-fake-chat',
			name: trigger.name,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: trigger.position,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ sessionId: 'e2e-session', action: 'sendMessage', chatInput }), options: {} },
		},
	);
	copy.connections['Manual Trigger'] = { main: [[{ node: trigger.name, type: 'main', index: 0 }]] };
	return copy;
}
