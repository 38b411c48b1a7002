// Screenshot group: the node creator ("+") searched for "Segment" (node-search), the node's panel
// of actions (node-panel), and the parameters of Warehouse > Create (Snowflake) with the credential
// selected (create-parameters), all on a scratch workflow of its own (so no example is touched).
// The interface of a screenshot group is described in ./groups.mjs.
import path from 'node:path';

import { capture, checkToasts, createTriggerAndNodeWorkflow, deleteWorkflow, listScratch, NODE_DISPLAY_NAME, waitForEditor, waitForShown } from './editor.mjs';

export const shots = ['node-search', 'node-panel', 'create-parameters'];

// The temporary workflow's name shows in the pictures; leftovers are recognised by name and node id.
const SCRATCH_NAME = 'Create a Snowflake warehouse in Segment';
const SCRATCH_NODE_ID = 'a3c1b4e2-0000-4000-8000-5c4ee4540002';

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
	return { workflow, nodeId: SCRATCH_NODE_ID };
}

async function shootNodeCreator(page, { baseUrl, state: scratch, out, only }) {
	await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}`);
	await waitForEditor(page);
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	const search = page.locator('input[data-test-id="node-creator-search-bar"], [data-test-id="node-creator-search-bar"] input').first();
	await search.waitFor();
	await search.fill('Segment');
	const item = page.locator('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]').filter({ hasText: NODE_DISPLAY_NAME });
	await item.waitFor();
	await item.locator('img, svg').first().waitFor(); // its icon
	await checkToasts(page);
	if (only.includes('node-search')) await capture(page, path.join(out, 'node-search.png'));
	if (only.includes('node-panel')) {
		await item.click();
		await page.locator('[data-test-id="node-creator"]').getByText('Create a warehouse', { exact: true }).waitFor();
		await page.locator('[data-test-id="node-creator"]').getByText(/^Actions \(\d+\)$/).waitFor();
		await page.locator('[data-test-id="node-creator"]').getByText(NODE_DISPLAY_NAME, { exact: true }).first().waitFor();
		await checkToasts(page);
		await capture(page, path.join(out, 'node-panel.png'));
	}
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

export const steps = [
	[['node-search', 'node-panel'], shootNodeCreator],
	[['create-parameters'], shootCreateParameters],
];
