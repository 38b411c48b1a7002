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
// The scratch workflows and the node panel: panel.mjs. The interface of a screenshot group is
// described in ./groups.mjs.
import path from 'node:path';

import { capture, checkToasts, waitForShown } from './editor.mjs';
import { createScratch, executeNode, openNode, widenOutput } from './panel.mjs';

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

/** The scratch workflows of the selected shots (panel.mjs); `shared.state` of the steps. */
export async function prepare({ rest, credential, only, temporary }) {
	return await createScratch(rest, credential, SCRATCH, only, temporary);
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
