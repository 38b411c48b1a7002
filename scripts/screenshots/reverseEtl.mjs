// The picture of README's "Reverse ETL" section, for `npm run screenshots`:
//
//   docs/reverse-etl-start-sync.png  Reverse ETL > Start Sync of the demo model "High-value customers"
//                                    (its mapping "Customers to Amplitude"), run from its panel: the node
//                                    waits the sync out (Poll Interval 5 s; the demo's syncs end after
//                                    20 s) and its final status is the item
//
// A scratch workflow as in pipelines.mjs (panel.mjs). Running it starts one sync in npm start's
// sandbox (its memory only). The interface of a screenshot group is described in ./groups.mjs.
import { createRequire } from 'node:module';
import path from 'node:path';

import { capture, checkToasts, waitForShown } from './editor.mjs';
import { createScratch, executeNode, openNode, widenOutput } from './panel.mjs';

const require = createRequire(import.meta.url);
const { demoReverseEtlIds } = require('../../sandbox/seed-reverse-etl');

export const shots = ['reverse-etl-start-sync'];

const SCRATCH = {
	'reverse-etl-start-sync': {
		name: 'Start the reverse ETL sync and wait for it',
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4542601',
		nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4542602',
		nodeName: 'Start and wait for the sync',
		pick: { parameter: 'modelId', method: 'searchReverseEtlModels', name: 'High-value customers', what: 'reverse ETL model' },
		parameters: (model) => ({ resource: 'reverseEtl', operation: 'startSync', modelId: model, mappingId: demoReverseEtlIds().mappingId, options: { pollInterval: 5 } }),
	},
};

export async function prepare({ rest, credential, only, temporary }) {
	return await createScratch(rest, credential, SCRATCH, only, temporary);
}

async function shootStartSync(page, shared) {
	const scratch = shared.state['reverse-etl-start-sync'];
	const ndv = await openNode(page, { ...shared, scratch, operation: 'Start Sync' });
	await waitForShown(ndv.locator('[data-test-id="parameter-input-resource"]'), 'Reverse ETL', 'the Resource parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-mappingId"]'), demoReverseEtlIds().mappingId, 'the Mapping ID parameter');
	await executeNode(page, ndv, { ...shared, scratch, mode: 'JSON', expected: ['"syncStatus"', 'SUCCESS', '"loadPhase"'] });
	await widenOutput(page, ndv, 200);
	await checkToasts(page);
	await capture(page, path.join(shared.out, 'reverse-etl-start-sync.png'));
}

/** `shared.state` holds prepare's scratch workflow, by shot. */
export const steps = [[['reverse-etl-start-sync'], shootStartSync]];
