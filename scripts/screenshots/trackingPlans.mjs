// The picture of README's "Tracking plans" section, for `npm run screenshots`:
//
//   docs/tracking-plan-upsert.png   Tracking Plan > Create or Update of the demo "Website Tracking Plan",
//                                   executed from its panel: the rules file as its input (left), the
//                                   parameters taking name, type and rules from it, and the plan with
//                                   "upsert" and the rule counts as its output (right)
//
// The interface of a screenshot group is described in ./groups.mjs. A scratch workflow of its own: manual trigger → a Code node holding examples/repository/tracking-plan.json
// (what the example reads from a repository) → the Segment node. Running it makes the demo plan match
// the file: on npm start's fresh demo data it shows "updated" (2 rules added, 1 updated, 1 removed,
// 1 unchanged), on any later run "unchanged" (nothing written). Either is a true picture; the demo
// plan stays as the file says (like running the example would leave it).
import fs from 'node:fs';
import path from 'node:path';

import { capture, checkToasts, CREDENTIAL_TYPE, deleteWorkflow, listScratch, MANUAL_TRIGGER_NAME, NODE_TYPE, repoRoot, waitForShown } from './editor.mjs';
import { executeNode } from './panel.mjs';

export const shots = ['tracking-plan-upsert'];

const SCRATCH = {
	name: 'Keep the tracking plan as the repository says',
	triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4542201',
	fileId: 'a3c1b4e2-0000-4000-8000-5c4ee4542202',
	nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4542203',
	fileName: 'tracking-plan.json',
	nodeName: 'Create or update the tracking plan',
};

/** The scratch workflow (a leftover of a killed run removed first), added to `temporary`; it is `shared.state`. */
export async function prepare({ rest, credential, temporary }) {
	for (const old of await listScratch(rest, SCRATCH.name, SCRATCH.nodeId)) await deleteWorkflow(rest, old.id);
	const file = fs.readFileSync(path.join(repoRoot, 'examples', 'repository', 'tracking-plan.json'), 'utf8');
	const workflow = await rest.post('/rest/workflows', {
		name: SCRATCH.name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: SCRATCH.triggerId, name: MANUAL_TRIGGER_NAME, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: SCRATCH.fileId,
				name: SCRATCH.fileName,
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `// examples/repository/tracking-plan.json, as the example reads it from a repository.\nreturn [{ json: ${file.trim()} }];` },
			},
			{
				id: SCRATCH.nodeId,
				name: SCRATCH.nodeName,
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: { resource: 'trackingPlan', operation: 'upsert', name: '={{ $json.name }}', type: '={{ $json.type }}', description: '={{ $json.description }}', rules: '={{ $json.rules }}', removeOtherRules: true },
				credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {
			[MANUAL_TRIGGER_NAME]: { main: [[{ node: SCRATCH.fileName, type: 'main', index: 0 }]] },
			[SCRATCH.fileName]: { main: [[{ node: SCRATCH.nodeName, type: 'main', index: 0 }]] },
		},
	});
	temporary.push(workflow);
	return { workflow };
}

async function shootTrackingPlanUpsert(page, { baseUrl, rest, credential, state, out }) {
	const { workflow } = state;
	// A fresh browser's panel widths (n8n keeps them in localStorage).
	await page.goto(`${baseUrl}/healthz`);
	await page.evaluate(() => localStorage.clear());
	await page.goto(`${baseUrl}/workflow/${workflow.id}/${SCRATCH.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await waitForShown(ndv.locator('[data-test-id="parameter-input-resource"]'), 'Tracking Plan', 'the Resource parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-operation"]'), 'Create or Update', 'the Operation parameter');
	await waitForShown(ndv.locator('[data-test-id="node-credentials-select"]'), credential.name, 'the credential');
	// "Execute step" runs the Code node first (the file), then the Segment node.
	const scratch = { workflow, nodeName: SCRATCH.nodeName };
	const output = await executeNode(page, ndv, { baseUrl, rest, scratch, mode: 'JSON', expected: ['"upsert"', '"added"', '"removed"', '"unchanged"', 'Website Tracking Plan'] });
	// The counts come last in the item: in view should it be taller than the panel.
	await output.locator('[data-test-id="ndv-data-container"]').getByText('"unchanged"').first().scrollIntoViewIfNeeded();
	await checkToasts(page);
	await capture(page, path.join(out, 'tracking-plan-upsert.png'));
}

export const steps = [[['tracking-plan-upsert'], shootTrackingPlanUpsert]];
