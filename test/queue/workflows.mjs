// The workflows and credentials the queue-mode run imports: the webhook example as it is
// (user-token credential), a copy of it on its own path that signs its own tokens (the
// signing-key credential) for the Paragon user the call names (Options > Paragon User ID), and
// a scheduled Get Many.
import { createRequire } from 'node:module';

import { CREDENTIAL_TYPE, NODE_TYPE, SANDBOX_PROJECT_ID, SANDBOX_SIGNING_CREDENTIAL, SANDBOX_USER_ID } from '../../scripts/e2e/n8n-app.mjs';

const require = createRequire(import.meta.url);
const { ACME_USER_ID } = require('../../sandbox/demo-users');

export const EXAMPLE_WEBHOOK_ID = 'SegExWebhookSrc01';
export const SCHEDULE_WORKFLOW_ID = 'QueueScheduleGet01';
export const SCHEDULE_NODE_ID = 'b3c9e0f2-6a51-4c1e-9d8a-1f7a3c2e5b01';

/** A demo user of the sandbox with its own seeded workspace (the labels the example sets exist there). */
export const SECOND_SIGNING_USER = ACME_USER_ID;
export const SCHEDULE_USER = 'queue-schedule-user';
export const SCHEDULE_TOKEN = 'queue-schedule-token';
/** `pagination.count` of the scheduled Get Many: its requests are told apart by it and by their user. */
export const SCHEDULE_LIMIT = 3;

const SCHEDULE_CREDENTIAL = { id: 'QueueScheduleUT01', name: 'Segment sandbox (schedule user)' };

/** The credential besides sandboxCredentials(): the schedule's user token. */
export function scheduleCredential({ url }) {
	return { ...SCHEDULE_CREDENTIAL, type: CREDENTIAL_TYPE, data: { projectId: SANDBOX_PROJECT_ID, proxyBaseUrl: url, region: 'us', tokenSource: 'userToken', userToken: SCHEDULE_TOKEN } };
}

export const SIGNED_WEBHOOK = { workflowId: 'QueueWebhookSigned1', path: 'queue/new-source-signed', webhookId: '5b0c8f43-1d1e-4f59-9c55-0d8d6c1a7a01', credential: SANDBOX_SIGNING_CREDENTIAL };

/**
 * The flavours of webhook call: which workflow (path) answers, the Paragon user the call names
 * (`bodyUserId`), and how its Segment requests must be authenticated — `kind` and `userId` as
 * the sandbox logs them.
 */
export const FLAVOURS = {
	userToken: { path: 'segment/new-source', workflowId: EXAMPLE_WEBHOOK_ID, kind: 'static', userId: SANDBOX_USER_ID },
	signed: { path: SIGNED_WEBHOOK.path, workflowId: SIGNED_WEBHOOK.workflowId, bodyUserId: SANDBOX_USER_ID, kind: 'jwt', userId: SANDBOX_USER_ID },
	signedSecondUser: { path: SIGNED_WEBHOOK.path, workflowId: SIGNED_WEBHOOK.workflowId, bodyUserId: SECOND_SIGNING_USER, kind: 'jwt', userId: SECOND_SIGNING_USER },
};

/**
 * The webhook example on another path and webhook id, its Segment nodes on the signing-key
 * credential, acting for the Paragon user the call's body names (`userId`).
 */
export function signedWebhookCopy(example, { workflowId, path, webhookId, credential } = SIGNED_WEBHOOK) {
	const copy = structuredClone(example);
	copy.id = workflowId;
	copy.name = `${example.name} (queue test: signing key, user from the body)`;
	for (const node of copy.nodes) {
		if (node.type === 'n8n-nodes-base.webhook') {
			node.webhookId = webhookId;
			node.parameters.path = path;
		}
		if (node.type === NODE_TYPE) {
			node.credentials = { paragonProxyApi: { id: credential.id, name: credential.name } };
			node.parameters.options = { ...node.parameters.options, paragonUserId: "={{ $('Webhook').item.json.body.userId }}" };
		}
	}
	return copy;
}

/** Schedule Trigger every `seconds` -> Segment: Warehouse Get Many (limit SCHEDULE_LIMIT). */
export function scheduleWorkflow({ seconds }) {
	return {
		id: SCHEDULE_WORKFLOW_ID,
		name: `Queue test: every ${seconds} s, Get Many warehouses`,
		active: false,
		nodes: [
			{
				id: SCHEDULE_NODE_ID,
				name: 'Schedule Trigger',
				type: 'n8n-nodes-base.scheduleTrigger',
				typeVersion: 1.2,
				position: [0, 0],
				parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } },
			},
			{
				id: 'b3c9e0f2-6a51-4c1e-9d8a-1f7a3c2e5b02',
				name: 'Warehouses',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'warehouse', operation: 'list', returnAll: false, limit: SCHEDULE_LIMIT },
				credentials: { paragonProxyApi: { id: SCHEDULE_CREDENTIAL.id, name: SCHEDULE_CREDENTIAL.name } },
			},
		],
		connections: { 'Schedule Trigger': { main: [[{ node: 'Warehouses', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

