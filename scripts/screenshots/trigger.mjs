// The picture of README's "Trigger" section, for `npm run screenshots`:
//
//   docs/trigger.png   the example "Segment: alert on failed warehouse syncs" (imported by npm start) with
//                      its Segment (via Paragon) Trigger open: Event Warehouse Sync Failed, Poll Times,
//                      Warehouses, Statuses, the credential — and "Fetch Test Event" run, showing the
//                      demo's newest failed sync as JSON
//
// It opens the example as it is (no scratch workflow) and leaves one manual execution of it behind
// (the trigger only; it reads from Segment, using Segment's 2 sync reads of the minute).
// The interface of a screenshot group is described in ./groups.mjs.
import path from 'node:path';

import { capture, checkToasts, TIMEOUT_MS, waitForShown } from './editor.mjs';

export const shots = ['trigger'];

const EXAMPLE = { id: 'SegExSyncFailAlert', nodeId: '7f3a2c10-5b1e-4d6a-9c21-0e5d4a3b0002', name: 'Segment: alert on failed warehouse syncs' };

async function shootTrigger(page, { baseUrl, rest, credential, out }) {
	const workflow = await rest.get(`/rest/workflows/${EXAMPLE.id}`).catch(() => undefined);
	if (!workflow) throw new Error(`No workflow ${EXAMPLE.id} ("${EXAMPLE.name}") in n8n: npm start imports examples/alert-failed-warehouse-syncs.json`);
	// A fresh browser's panel widths and display modes (the login is a cookie).
	await page.goto(`${baseUrl}/healthz`);
	await page.evaluate(() => localStorage.clear());
	await page.goto(`${baseUrl}/workflow/${EXAMPLE.id}/${EXAMPLE.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await waitForShown(ndv.locator('[data-test-id="parameter-input-event"]'), 'Warehouse Sync Failed', 'the Event parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-warehouses"]'), 'All Warehouses', 'the Warehouses parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-statuses"]'), 'Failed', 'the Statuses parameter');
	await waitForShown(ndv.locator('[data-test-id="node-credentials-select"]'), credential.name, 'the credential');

	// "Fetch Test Event": the trigger in manual mode answers with the newest failed sync.
	const started = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().startsWith(`${baseUrl}/rest/workflows/${EXAMPLE.id}/run`), { timeout: TIMEOUT_MS });
	await ndv.locator('[data-test-id="node-execute-button"]').first().click();
	const response = await started;
	if (!response.ok()) throw new Error(`Fetch Test Event failed: ${response.status()} ${(await response.text()).slice(0, 300)}`);
	const output = ndv.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="ndv-data-container"]').waitFor({ timeout: TIMEOUT_MS });
	await output.locator('[data-test-id="ndv-run-data-display-mode"]').getByText('JSON', { exact: true }).click();
	for (const text of ['"warehouseId"', '"status"', 'FAILED', '"notices"']) await waitForShown(output.locator('[data-test-id="ndv-data-container"]'), text, 'the output', { panel: 'output panel' });
	await page.waitForLoadState('networkidle');
	await checkToasts(page);
	await capture(page, path.join(out, 'trigger.png'));
}

export const steps = [[['trigger'], shootTrigger]];
