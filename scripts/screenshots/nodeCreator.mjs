// Screenshot group: the node creator ("+") searched for "Segment" (node-search), the node's panel
// of triggers and actions (node-panel: its top; node-actions: the whole list, cut from a tall
// window), the parameters of Warehouse > Create (Snowflake) with the credential selected
// (create-parameters), and the Resource list opened (resource-list), all on scratch workflows of
// its own (so no example is touched). n8n lists the trigger's events in the panel only while the
// workflow has no trigger, so the panel is opened on an empty workflow ("Add first step").
// The interface of a screenshot group is described in ./groups.mjs.
import path from 'node:path';

import { capture, checkToasts, createTriggerAndNodeWorkflow, deleteWorkflow, listScratch, NODE_DISPLAY_NAME, VIEWPORT, waitForEditor, waitForShown } from './editor.mjs';

export const shots = ['node-search', 'node-panel', 'node-actions', 'create-parameters', 'resource-list'];

// Tall enough for the node's whole list of actions, without scrolling.
const TALL_VIEWPORT = { width: VIEWPORT.width, height: 3600 };

// The temporary workflow's name shows in the pictures; leftovers are recognised by name and node id.
const SCRATCH_NAME = 'Create a Snowflake warehouse in Segment';
const SCRATCH_NODE_ID = 'a3c1b4e2-0000-4000-8000-5c4ee4540002';
// The empty one for the panel of triggers and actions: a leftover is a workflow of that name without nodes.
const EMPTY_NAME = 'A new workflow with Segment';

async function createEmptyWorkflow(rest) {
	const all = await rest.get('/rest/workflows');
	for (const summary of (Array.isArray(all) ? all : (all?.data ?? [])).filter((workflow) => workflow.name === EMPTY_NAME)) {
		const workflow = await rest.get(`/rest/workflows/${summary.id}`);
		if (!workflow.nodes?.length) await deleteWorkflow(rest, workflow.id);
	}
	return await rest.post('/rest/workflows', { name: EMPTY_NAME, active: false, settings: { executionOrder: 'v1' }, nodes: [], connections: {} });
}

/** A workflow of our own for the parameter panel (so no example is touched): trigger + Warehouse > Create. */
export async function prepare({ rest, credential, temporary }) {
	for (const old of await listScratch(rest, SCRATCH_NAME, SCRATCH_NODE_ID)) await deleteWorkflow(rest, old.id);
	const workflow = await createTriggerAndNodeWorkflow(rest, credential, {
		name: SCRATCH_NAME,
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540001',
		node: {
			id: SCRATCH_NODE_ID,
			name: 'Create a warehouse',
			parameters: {
				resource: 'warehouse',
				operation: 'create',
				name: 'Analytics Warehouse',
				type: 'snowflake',
				connectionMode: 'fields',
				account: 'my_snowflake_account',
				warehouse: 'COMPUTE_WH',
				database: 'analytics',
				username: 'segment_user',
				schema: 'public',
			},
		},
	});
	temporary.push(workflow);
	const empty = await createEmptyWorkflow(rest);
	temporary.push(empty);
	return { workflow, nodeId: SCRATCH_NODE_ID, empty };
}

/**
 * Opens the node creator, searches "Segment", and returns the node's entry: on the scratch workflow
 * (after its manual trigger: actions only), or with `empty` on the empty one (its first step).
 */
async function searchNodeCreator(page, { baseUrl, state: scratch }, { empty = false } = {}) {
	if (empty) {
		await page.goto(`${baseUrl}/workflow/${scratch.empty.id}`);
		await page.locator('[data-test-id="canvas-add-button"]').first().waitFor();
		await page.waitForLoadState('networkidle');
		await page.locator('[data-test-id="canvas-add-button"]').first().click();
	} else {
		await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}`);
		await waitForEditor(page);
		await page.locator('[data-test-id="node-creator-plus-button"]').click();
	}
	const search = page.locator('input[data-test-id="node-creator-search-bar"], [data-test-id="node-creator-search-bar"] input').first();
	await search.waitFor();
	await search.fill('Segment');
	const item = page.locator('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]').filter({ hasText: NODE_DISPLAY_NAME });
	await item.first().waitFor();
	await item.first().locator('img, svg').first().waitFor(); // its icon
	await checkToasts(page);
	return item.first();
}

/** Clicks the node's entry of an empty workflow's node creator: its triggers, then its actions opened below them. */
async function openTriggersAndActions(page, item) {
	await item.click();
	const creator = page.locator('[data-test-id="node-creator"]');
	await creator.getByText(/^Triggers \(\d+\)$/).waitFor();
	await creator.getByText('On warehouse sync failed', { exact: true }).waitFor();
	// The actions start folded while the workflow has no trigger.
	await creator.getByText(/^Actions \(\d+\)$/).click();
	await creator.getByText('Create a warehouse', { exact: true }).waitFor();
	await creator.getByText(NODE_DISPLAY_NAME, { exact: true }).first().waitFor();
	await checkToasts(page);
	return creator;
}

async function shootNodeSearch(page, shared) {
	await searchNodeCreator(page, shared);
	await capture(page, path.join(shared.out, 'node-search.png'));
}

async function shootNodePanel(page, shared) {
	await openTriggersAndActions(page, await searchNodeCreator(page, shared, { empty: true }));
	await capture(page, path.join(shared.out, 'node-panel.png'));
}

/** Every trigger and action of the node: the panel in a window tall enough for all of them, cut at the last one. */
async function shootNodeActions(page, shared) {
	await page.setViewportSize(TALL_VIEWPORT);
	const creator = await openTriggersAndActions(page, await searchNodeCreator(page, shared, { empty: true }));
	const actions = creator.locator('[data-test-id="item-iterator-item"]');
	const last = actions.last();
	await last.waitFor();
	const [panel, bottom] = [await creator.boundingBox(), await last.boundingBox()];
	if (bottom.y + bottom.height > TALL_VIEWPORT.height - 8) throw new Error(`The list of actions is taller than ${TALL_VIEWPORT.height} px: raise TALL_VIEWPORT in ${path.basename(import.meta.url)}`);
	const top = (await creator.getByText(NODE_DISPLAY_NAME, { exact: true }).first().boundingBox()).y - 24;
	await capture(page, path.join(shared.out, 'node-actions.png'), { clip: { x: panel.x, y: top, width: panel.width, height: bottom.y + bottom.height + 12 - top } });
}

async function shootCreateParameters(page, { baseUrl, state: scratch, credential, out }) {
	await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}/${scratch.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await waitForShown(ndv.locator('[data-test-id="parameter-input-type"]'), 'Snowflake', 'the Type parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-account"]'), 'my_snowflake_account', 'the Account parameter');
	await waitForShown(ndv.locator('[data-test-id="node-credentials-select"]'), credential.name, 'the credential');
	await page.waitForLoadState('networkidle');
	await checkToasts(page);
	await capture(page, path.join(out, 'create-parameters.png'));
}

/** The Resource list of the node's panel, opened: every resource the node has. */
async function shootResourceList(page, { baseUrl, state: scratch, out }) {
	await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}/${scratch.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	const resource = ndv.locator('[data-test-id="parameter-input-resource"]');
	await waitForShown(resource, 'Warehouse', 'the Resource parameter');
	await page.waitForLoadState('networkidle');
	// The list scrolls after 8 entries; lifted so the picture shows every resource (and Custom API Call).
	await page.addStyleTag({ content: '.el-select-dropdown__wrap { max-height: none !important; }' });
	await resource.click();
	const list = page.locator('.el-select-dropdown:visible, .el-popper:visible').filter({ hasText: 'User Deletion and Suppression' }).first();
	await list.waitFor();
	await list.getByText('Reverse ETL', { exact: true }).waitFor();
	await list.getByText('Workspace', { exact: true }).waitFor();
	await checkToasts(page);
	await capture(page, path.join(out, 'resource-list.png'), { keepMouse: true });
}

export const steps = [
	[['node-search'], shootNodeSearch],
	[['node-panel'], shootNodePanel],
	[['node-actions'], shootNodeActions],
	[['create-parameters'], shootCreateParameters],
	[['resource-list'], shootResourceList],
];
