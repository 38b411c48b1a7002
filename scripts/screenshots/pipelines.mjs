// The pictures of README's "Pipelines", "Destination filters" and "Create or Update" sections, for
// `npm run screenshots`:
//
//   docs/get-syncs.png                  Warehouse > Get Syncs on "My Data Warehouse", executed, its sync reports
//   docs/test-connection.png            Warehouse > Test Connection on "Staging Postgres", executed: FAILED
//   docs/destination-filter-create.png  Destination Filter > Create (Sample, 25 %), parameters only, not run
//   docs/upsert.png                     Source > Create or Update of the demo "Website Analytics", executed:
//                                       "upsert": "unchanged"
//
// Each gets a scratch workflow of its own (manual trigger + one Segment node), created over n8n's
// REST API with the demo entity already picked: its id comes from the node's own list search, asked
// the way the editor asks it, so a renamed or missing demo entity fails here with its name. The
// two warehouse shots and the upsert run the node from its panel ("Execute step"); all three only
// read from Segment (Get Syncs uses one of Segment's 2 calls a minute; a second run within the
// minute waits for it). The upsert's parameters are the demo source's own, so nothing differs and
// nothing is sent; a changed demo source would be updated, and the picture then fails on "unchanged".
// The interface of a screenshot group is described in ./groups.mjs.
import path from 'node:path';

import {
	capture,
	checkToasts,
	createTriggerAndNodeWorkflow,
	CREDENTIAL_TYPE,
	deleteWorkflow,
	listScratch,
	NODE_TYPE,
	TIMEOUT_MS,
	waitForExecution,
	waitForShown,
} from './editor.mjs';

export const shots = ['get-syncs', 'test-connection', 'destination-filter-create', 'upsert'];

// Names and ids are fixed: the workflow's name shows in the picture, and a leftover of a killed run
// is recognised by name and node id.
const SCRATCH = {
	'get-syncs': {
		name: 'Check last night’s warehouse syncs',
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540101',
		nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4540102',
		nodeName: 'Get warehouse syncs',
		pick: { parameter: 'warehouseId', method: 'searchWarehouses', name: 'My Data Warehouse', what: 'demo Redshift warehouse' },
		parameters: (picked) => ({ resource: 'warehouse', operation: 'listSyncs', warehouseId: picked }),
	},
	'test-connection': {
		name: 'Test a warehouse connection',
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540201',
		nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4540202',
		nodeName: 'Test warehouse connection',
		pick: { parameter: 'warehouseId', method: 'searchWarehouses', name: 'Staging Postgres', what: 'demo warehouse that cannot be reached' },
		parameters: (picked) => ({ resource: 'warehouse', operation: 'testConnection', warehouseId: picked }),
	},
	'destination-filter-create': {
		name: 'Sample test events for a destination',
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540301',
		nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4540302',
		nodeName: 'Create a destination filter',
		pick: { parameter: 'destinationId', method: 'searchDestinations', name: 'Google Analytics', what: 'demo destination' },
		parameters: (picked) => ({
			resource: 'destinationFilter',
			operation: 'create',
			destinationId: picked,
			title: 'Sample Test Event',
			condition: 'event = "Test Event"',
			action: 'sample',
			percent: 25,
		}),
	},
	upsert: {
		name: 'Keep the website source as it should be',
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540401',
		nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4540402',
		nodeName: 'Create or update a source',
		// Nothing to pick: Create or Update finds the source by its slug.
		parameters: () => ({
			resource: 'source',
			operation: 'upsert',
			name: 'Website Analytics',
			slug: 'website_analytics',
			platform: 'web',
			categories: ['analytics'],
			additionalFields: {},
		}),
	},
};

/** The demo entity named `pick.name`, as the editor's "From list" would store it (id from the node's list search). */
async function pickFromList(rest, credential, scratch) {
	const { parameter, method, name, what } = scratch.pick;
	const currentNodeParameters = scratch.parameters({ __rl: true, mode: 'list', value: '' });
	const seen = [];
	let paginationToken;
	for (let pageNo = 0; pageNo < 20; pageNo++) {
		const page = await rest.post('/rest/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			path: `parameters.${parameter}`,
			methodName: method,
			currentNodeParameters,
			credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			...(paginationToken ? { paginationToken } : {}),
		});
		const results = page?.results ?? [];
		// The list names an entity "My Data Warehouse (redshift)": its name, then its type or slug.
		const found = results.find((result) => result.name === name || result.name.startsWith(`${name} (`));
		if (found) return { __rl: true, mode: 'list', value: String(found.value), cachedResultName: found.name };
		seen.push(...results.map((result) => `"${result.name}"`));
		paginationToken = page?.paginationToken;
		if (!paginationToken) break;
	}
	throw new Error(`The ${what} "${name}" is not in the list of ${parameter} for the credential "${credential.name}" (it lists ${seen.join(', ') || 'nothing'}): is npm start's sandbox running with its demo data?`);
}

/** The scratch workflows of the selected shots (leftovers of a killed run removed first); each is added to `temporary`. */
export async function prepare({ rest, credential, only, temporary }) {
	const created = {};
	for (const shot of shots.filter((name) => only.includes(name))) {
		const scratch = SCRATCH[shot];
		for (const old of await listScratch(rest, scratch.name, scratch.nodeId)) await deleteWorkflow(rest, old.id);
		const picked = scratch.pick ? await pickFromList(rest, credential, scratch) : undefined;
		const workflow = await createTriggerAndNodeWorkflow(rest, credential, {
			name: scratch.name,
			triggerId: scratch.triggerId,
			node: { id: scratch.nodeId, name: scratch.nodeName, parameters: scratch.parameters(picked) },
		});
		temporary.push(workflow);
		created[shot] = { workflow, nodeId: scratch.nodeId, nodeName: scratch.nodeName, picked, pickedParameter: scratch.pick?.parameter };
	}
	return created;
}

/** Opens the scratch node's panel and waits for its picked entity (if any), the operation and the credential. */
async function openNode(page, { baseUrl, credential, scratch, operation }) {
	// n8n keeps panel widths, display modes and the logs panel's state in localStorage, so what an
	// earlier picture did would show here: start as a fresh browser would (the login is a cookie).
	await page.goto(`${baseUrl}/healthz`);
	await page.evaluate(() => localStorage.clear());
	await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}/${scratch.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await waitForShown(ndv.locator('[data-test-id="parameter-input-operation"]'), operation, 'the Operation parameter');
	if (scratch.picked) await waitForShown(ndv.locator(`[data-test-id="resource-locator-${scratch.pickedParameter}"]`), scratch.picked.cachedResultName, `the ${scratch.pickedParameter} parameter`);
	await waitForShown(ndv.locator('[data-test-id="node-credentials-select"]'), credential.name, 'the credential');
	return ndv;
}

/** "Execute step" in the panel; waits for the run over REST, then for its output in the panel, shown as `mode`. */
async function executeNode(page, ndv, { baseUrl, rest, scratch, mode, expected }) {
	const { workflow, nodeName } = scratch;
	const started = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().startsWith(`${baseUrl}/rest/workflows/${workflow.id}/run`), { timeout: TIMEOUT_MS });
	await ndv.locator('[data-test-id="node-execute-button"]').first().click();
	const response = await started;
	const { data } = await response.json().catch(() => ({}));
	if (!response.ok() || !data?.executionId) throw new Error(`Running "${nodeName}" failed: ${response.status()} ${(await response.text()).slice(0, 300)}`);
	const execution = await waitForExecution(rest, data.executionId);
	if (execution.status !== 'success') throw new Error(`"${nodeName}" ran with status ${execution.status} (see ${baseUrl}/workflow/${workflow.id}/executions/${data.executionId})`);
	// The panel learns of the end over its push connection.
	const output = ndv.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="ndv-data-container"]').waitFor();
	const modes = output.locator('[data-test-id="ndv-run-data-display-mode"]');
	await modes.getByText(mode, { exact: true }).click();
	for (const text of expected) await waitForShown(output.locator('[data-test-id="ndv-data-container"]'), text, 'the output', { panel: 'output panel' });
	await page.waitForLoadState('networkidle');
	return output;
}

/** Drags the parameters panel `by` pixels to the left (its handle on top): the output panel gets wider. */
async function widenOutput(page, ndv, by) {
	const output = ndv.locator('[data-test-id="output-panel"]');
	const before = (await output.boundingBox())?.width ?? 0;
	const handle = ndv.locator('[data-test-id="panel-drag-button"]');
	const box = await handle.boundingBox();
	if (!box) throw new Error('The node panel has no drag handle to widen its output with');
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 - by, box.y + box.height / 2, { steps: 10 });
	await page.mouse.up();
	const after = (await output.boundingBox())?.width ?? 0;
	if (after < before + by / 2) throw new Error(`Dragging the parameters panel did not widen the output panel (${Math.round(before)} px, then ${Math.round(after)} px)`);
}

async function shootGetSyncs(page, shared) {
	const scratch = shared.state['get-syncs'];
	const ndv = await openNode(page, { ...shared, scratch, operation: 'Get Syncs' });
	// Wide enough for a failed report's notice on one line (the input, the manual trigger, has nothing to show).
	await widenOutput(page, ndv, 300);
	await executeNode(page, ndv, { ...shared, scratch, mode: 'JSON', expected: ['"status"', 'SUCCESS', 'FAILED', '"durationSeconds"'] });
	await checkToasts(page); // "Node executed successfully" would cover the output
	await capture(page, path.join(shared.out, 'get-syncs.png'));
}

async function shootTestConnection(page, shared) {
	const scratch = shared.state['test-connection'];
	const ndv = await openNode(page, { ...shared, scratch, operation: 'Test Connection' });
	await executeNode(page, ndv, { ...shared, scratch, mode: 'JSON', expected: ['"connectionState"', 'FAILED'] });
	await checkToasts(page);
	await capture(page, path.join(shared.out, 'test-connection.png'));
}

async function shootDestinationFilterCreate(page, shared) {
	const scratch = shared.state['destination-filter-create'];
	const ndv = await openNode(page, { ...shared, scratch, operation: 'Create' });
	await waitForShown(ndv.locator('[data-test-id="parameter-input-resource"]'), 'Destination Filter', 'the Resource parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-title"]'), 'Sample Test Event', 'the Title parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-condition"]'), 'event = "Test Event"', 'the Condition parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-action"]'), 'Sample', 'the Action parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-percent"]'), '25', 'the Percent parameter');
	await page.waitForLoadState('networkidle');
	await checkToasts(page);
	await capture(page, path.join(shared.out, 'destination-filter-create.png'));
}

async function shootUpsert(page, shared) {
	const scratch = shared.state.upsert;
	const ndv = await openNode(page, { ...shared, scratch, operation: 'Create or Update' });
	await waitForShown(ndv.locator('[data-test-id="parameter-input-resource"]'), 'Source', 'the Resource parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-name"]'), 'Website Analytics', 'the Name parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-slug"]'), 'website_analytics', 'the Slug parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-platform"]'), 'Web', 'the Platform parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-categories"]'), 'Analytics', 'the Categories parameter');
	const output = await executeNode(page, ndv, { ...shared, scratch, mode: 'JSON', expected: ['"upsert"', 'unchanged'] });
	// The upsert field comes last in the item: bring it into view should the item be taller than the panel.
	await output.locator('[data-test-id="ndv-data-container"]').getByText('"upsert"').first().scrollIntoViewIfNeeded();
	await checkToasts(page);
	await capture(page, path.join(shared.out, 'upsert.png'));
}

/** `shared.state` holds prepare's scratch workflows, by shot. */
export const steps = [
	[['get-syncs'], shootGetSyncs],
	[['test-connection'], shootTestConnection],
	[['destination-filter-create'], shootDestinationFilterCreate],
	[['upsert'], shootUpsert],
];
