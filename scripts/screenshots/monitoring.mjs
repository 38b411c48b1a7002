// The pictures of README's "Monitoring" section, for `npm run screenshots`:
//
//   docs/event-volume.png       Workspace > Get Event Volume, grouped by source, the last three hours,
//                               executed: the demo's Mobile App has gone quiet (its last counts are 0)
//   docs/delivery-overview.png  Source > Get Delivery Overview of "Backend Events", step Failed Delivery
//                               to "Salesforce", grouped by discard reason, executed: Unauthorized
//
// Scratch workflows as in pipelines.mjs (panel.mjs): the source and the destination are picked
// through the node's own list search. Both only read from Segment (the event volume uses one of
// Segment's 60 calls a minute). The interface of a screenshot group is described in ./groups.mjs.
import path from 'node:path';

import { capture, checkToasts, waitForShown } from './editor.mjs';
import { createScratch, executeNode, openNode, widenOutput } from './panel.mjs';

export const shots = ['event-volume', 'delivery-overview'];

const SCRATCH = {
	'event-volume': {
		name: 'Which sources went quiet?',
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540501',
		nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4540502',
		nodeName: 'Get event volume',
		parameters: () => ({
			resource: 'workspace',
			operation: 'getEventVolume',
			granularity: 'HOUR',
			startTime: '={{ $now.minus({ hours: 3 }).startOf("hour").toISO() }}',
			endTime: '={{ $now.startOf("hour").toISO() }}',
			groupBy: ['source'],
		}),
	},
	'delivery-overview': {
		name: 'Is a destination failing?',
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540601',
		nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4540602',
		nodeName: 'Get failed deliveries',
		picks: [
			{ parameter: 'sourceId', method: 'searchSources', name: 'Backend Events', what: 'demo source' },
			{ parameter: 'destinationId', method: 'searchDestinations', name: 'Salesforce', what: 'demo destination that fails' },
		],
		parameters: (picked) => ({
			resource: 'source',
			operation: 'getDeliveryOverview',
			sourceId: picked.sourceId,
			step: 'failedDelivery',
			destinationId: picked.destinationId,
			groupBy: ['discardReason'],
		}),
	},
};

/** The scratch workflows of the selected shots (panel.mjs); `shared.state` of the steps. */
export async function prepare({ rest, credential, only, temporary }) {
	return await createScratch(rest, credential, SCRATCH, only, temporary);
}

async function shootEventVolume(page, shared) {
	const scratch = shared.state['event-volume'];
	const ndv = await openNode(page, { ...shared, scratch, operation: 'Get Event Volume' });
	await waitForShown(ndv.locator('[data-test-id="parameter-input-resource"]'), 'Workspace', 'the Resource parameter');
	await widenOutput(page, ndv, 300);
	await executeNode(page, ndv, { ...shared, scratch, mode: 'JSON', expected: ['"source"', '"series"'] });
	// Mobile App's series, with its zeros, in view: its name at the top of the panel. The JSON view
	// renders only what is near the view, and sources come largest total first: Mobile App may be
	// further down (how far depends on the hour npm start began), so scroll until it is rendered.
	const output = ndv.locator('[data-test-id="output-panel"] [data-test-id="ndv-data-container"]');
	const mobile = output.getByText('"Mobile App"').first();
	const panel = await output.boundingBox();
	await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height / 2);
	for (let step = 0; step < 20 && !(await mobile.isVisible()); step++) {
		await page.mouse.wheel(0, 300);
		await page.waitForTimeout(150);
	}
	const box = await mobile.boundingBox();
	if (!box) throw new Error('The output panel does not show the source "Mobile App" (is npm start\'s sandbox running with its demo data?)');
	await page.mouse.wheel(0, box.y - panel.y - 80);
	await page.waitForTimeout(300);
	await checkToasts(page);
	await capture(page, path.join(shared.out, 'event-volume.png'));
}

async function shootDeliveryOverview(page, shared) {
	const scratch = shared.state['delivery-overview'];
	const ndv = await openNode(page, { ...shared, scratch, operation: 'Get Delivery Overview' });
	await waitForShown(ndv.locator('[data-test-id="parameter-input-step"]'), 'Failed Delivery', 'the Step parameter');
	await widenOutput(page, ndv, 200);
	await executeNode(page, ndv, { ...shared, scratch, mode: 'JSON', expected: ['"total"', '"discardReason"', 'Unauthorized'] });
	await checkToasts(page);
	await capture(page, path.join(shared.out, 'delivery-overview.png'));
}

/** `shared.state` holds prepare's scratch workflows, by shot. */
export const steps = [
	[['event-volume'], shootEventVolume],
	[['delivery-overview'], shootDeliveryOverview],
];
