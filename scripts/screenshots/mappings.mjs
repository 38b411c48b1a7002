// The picture of README's "Destination mappings" section, for `npm run screenshots`:
//
//   docs/destination-mapping-create.png  Destination Mapping > Create: GA4 Cloud's Purchase action, its
//                                        fields in n8n's resource mapper (directives as JSON text), not run
//
// The demo data has no Actions destination: a "GA4 Cloud" destination on the demo source "Website
// Analytics" is made in npm start's sandbox first (once; later runs reuse it), through the sandbox's
// own Segment API. The destination, the action and the fields are then asked of the node the way the
// editor asks them (its list searches and its resource-mapper method, over n8n's REST API), so a
// node that cannot list them fails here.
import path from 'node:path';

import { capture, checkToasts, createTriggerAndNodeWorkflow, CREDENTIAL_TYPE, deleteWorkflow, listScratch, NODE_TYPE, waitForShown } from './editor.mjs';

export const shots = ['destination-mapping-create'];

const SCRATCH = {
	name: 'Send purchases to Google Analytics 4',
	triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540501',
	nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4540502',
	nodeName: 'Map purchases to GA4',
};
const DESTINATION_NAME = 'GA4 Cloud';
// npm start's sandbox and its demo user (sandbox/demo-users.js).
const SANDBOX_URL = (process.env.SANDBOX_URL || `http://127.0.0.1:${process.env.SANDBOX_PORT || 4010}`).replace(/\/+$/, '');
const SANDBOX_TOKEN = 'sandbox-user-token';

async function segment(method, route, body) {
	const info = await (await fetch(`${SANDBOX_URL}/__sandbox/info`)).json().catch(() => undefined);
	if (!info?.projectId) throw new Error(`No sandbox at ${SANDBOX_URL} (set SANDBOX_URL or SANDBOX_PORT to npm start's)`);
	const response = await fetch(`${SANDBOX_URL}/projects/${info.projectId}/sdk/proxy/segment${route}`, {
		method,
		headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, 'content-type': 'application/json', 'x-paragon-use-raw-response': '1' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const answer = await response.json();
	if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
	return answer.data;
}

/** The demo's GA4 Cloud destination, made on "Website Analytics" when missing. */
async function ensureActionsDestination() {
	const { destinations } = await segment('GET', '/destinations?pagination.count=200');
	const existing = destinations.find((destination) => destination.name === DESTINATION_NAME);
	if (existing) return existing;
	const { sources } = await segment('GET', '/sources?pagination.count=200');
	const source = sources.find((candidate) => candidate.slug === 'website_analytics');
	if (!source) throw new Error('The demo source "Website Analytics" is missing from npm start\'s sandbox');
	const { destinationsCatalog } = await segment('GET', '/catalog/destinations?pagination.count=200');
	const entry = destinationsCatalog.find((candidate) => candidate.slug === 'actions-google-analytics-4');
	return (await segment('POST', '/destinations', { sourceId: source.id, metadataId: entry.id, name: DESTINATION_NAME, enabled: true, settings: {} })).destination;
}

const dynamic = (rest, credential, route, body) =>
	rest.post(`/rest/dynamic-node-parameters/${route}`, { nodeTypeAndVersion: { name: NODE_TYPE, version: 1 }, credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } }, ...body });

/** A "From list" pick, as the editor's list search answers it. */
async function pick(rest, credential, parameter, method, currentNodeParameters, wanted) {
	const page = await dynamic(rest, credential, 'resource-locator-results', { path: `parameters.${parameter}`, methodName: method, currentNodeParameters });
	const found = (page?.results ?? []).find((result) => result.name === wanted || result.name.startsWith(`${wanted} (`));
	if (!found) throw new Error(`"${wanted}" is not in the list of ${parameter} (it lists ${(page?.results ?? []).map((result) => `"${result.name}"`).join(', ') || 'nothing'})`);
	return { __rl: true, mode: 'list', value: String(found.value), cachedResultName: found.name };
}

// What the picture shows in the mapper: the required fields (Order Id with a directive), a coupon
// template, and Value left empty, its default in its name (a number input cannot show a directive).
const VALUES = {
	transaction_id: '{"@path": "$.properties.order_id"}',
	currency: 'EUR',
	value: null,
	coupon: '{"@template": "{{properties.coupon_code}}"}',
};

export async function prepare({ rest, credential, temporary }) {
	for (const old of await listScratch(rest, SCRATCH.name, SCRATCH.nodeId)) await deleteWorkflow(rest, old.id);
	await ensureActionsDestination();
	const base = { resource: 'destinationMapping', operation: 'create', name: 'Purchases to GA4', trigger: '', fieldsMode: 'mapper' };
	const destinationId = await pick(rest, credential, 'destinationId', 'searchDestinations', { ...base, destinationId: { __rl: true, mode: 'list', value: '' } }, DESTINATION_NAME);
	const action = await pick(rest, credential, 'action', 'searchDestinationActions', { ...base, destinationId, action: { __rl: true, mode: 'list', value: '' } }, 'Purchase');
	const { fields } = await dynamic(rest, credential, 'resource-mapper-fields', { path: 'parameters.mapping', methodName: 'getMappingFields', currentNodeParameters: { ...base, destinationId, action } });
	// As the editor stores the mapper: the required fields and the ones given shown, the rest under "Add field".
	const schema = fields.map((field) => ({ ...field, removed: !field.required && !(field.id in VALUES) }));
	const value = Object.fromEntries(schema.map((field) => [field.id, field.removed ? null : (VALUES[field.id] ?? field.defaultValue ?? null)]));
	const mapping = { mappingMode: 'defineBelow', value, matchingColumns: [], schema, attemptToConvertTypes: false, convertFieldsToString: false };
	const workflow = await createTriggerAndNodeWorkflow(rest, credential, { name: SCRATCH.name, triggerId: SCRATCH.triggerId, node: { id: SCRATCH.nodeId, name: SCRATCH.nodeName, parameters: { ...base, destinationId, action, mapping, additionalFields: {} } } });
	temporary.push(workflow);
	return { workflow, destinationId, action };
}

async function shootMappingCreate(page, shared) {
	const { baseUrl, credential } = shared;
	const scratch = shared.state;
	await page.goto(`${baseUrl}/healthz`);
	await page.evaluate(() => localStorage.clear());
	await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}/${SCRATCH.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await waitForShown(ndv.locator('[data-test-id="parameter-input-resource"]'), 'Destination Mapping', 'the Resource parameter');
	await waitForShown(ndv.locator('[data-test-id="resource-locator-destinationId"]'), scratch.destinationId.cachedResultName, 'the Destination parameter');
	await waitForShown(ndv.locator('[data-test-id="resource-locator-action"]'), 'Purchase', 'the Action parameter');
	await waitForShown(ndv.locator('[data-test-id="node-credentials-select"]'), credential.name, 'the credential');
	// The mapper, fetched from the node: its field names and the values given.
	for (const label of ['Client ID', 'Order Id', 'Currency', 'Items', 'Coupon', 'Value (default']) await waitForShown(ndv, label, 'the Fields mapper');
	await waitForShown(ndv, '$.properties.order_id', 'the Order Id field');
	// Destination and Action on top, the mapper below them.
	await ndv.locator('[data-test-id="resource-locator-destinationId"]').evaluate((element) => element.parentElement.scrollIntoView({ block: 'start' }));
	await page.waitForLoadState('networkidle');
	await checkToasts(page);
	await capture(page, path.join(shared.out, 'destination-mapping-create.png'));
}

/** `shared.state` holds prepare's scratch workflow and its picks. */
export const steps = [[['destination-mapping-create'], shootMappingCreate]];
