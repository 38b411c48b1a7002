// Screenshot group: an example workflow after "Execute workflow", with a Segment node's output in
// the logs panel (workflow-run). SCREENSHOT_WORKFLOW picks the workflow (id or name).
// The interface of a screenshot group is described in ./groups.mjs.
import path from 'node:path';

import { capture, checkToasts, NODE_DISPLAY_NAME, NODE_TYPE, say, TIMEOUT_MS, waitForCanvasStill, waitForEditor, waitForExecution } from './editor.mjs';

export const shots = ['workflow-run'];

export const DEFAULT_WORKFLOW = 'SegExNightlyInv01';

/** The workflow to run, its manual trigger, and the Segment node whose output is shown. */
export async function prepare({ rest }) {
	const wanted = process.env.SCREENSHOT_WORKFLOW || DEFAULT_WORKFLOW;
	const all = await rest.get('/rest/workflows');
	const list = Array.isArray(all) ? all : (all?.data ?? []);
	const summary = list.find((workflow) => workflow.id === wanted || workflow.name === wanted);
	if (!summary) {
		throw new Error(`No workflow "${wanted}" in n8n: npm start imports the examples (examples/*.json); set SCREENSHOT_WORKFLOW to the id or name of a workflow with a manual trigger.`);
	}
	const workflow = await rest.get(`/rest/workflows/${summary.id}`);
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger' && !node.disabled);
	if (!trigger) throw new Error(`Workflow "${workflow.name}" has no manual trigger to run it from the editor: set SCREENSHOT_WORKFLOW to another one.`);
	const segmentNodes = workflow.nodes.filter((node) => node.type === NODE_TYPE && !node.disabled);
	if (!segmentNodes.length) throw new Error(`Workflow "${workflow.name}" has no ${NODE_DISPLAY_NAME} node: set SCREENSHOT_WORKFLOW to another one.`);
	const writes = segmentNodes.filter((node) => !['list', 'get'].includes(node.parameters?.operation ?? 'list'));
	if (writes.length) say(`  note: "${workflow.name}" changes the Segment workspace (${writes.map((node) => node.name).join(', ')}); every run of the screenshots does it again`);
	// The output shown: the Segment node listing sources if there is one (the sandbox has three), else the first.
	const shown = segmentNodes.find((node) => node.parameters?.resource === 'source') ?? segmentNodes[0];
	return { workflow, trigger, shown };
}

async function shootWorkflowRun(page, { baseUrl, rest, state: run, out }) {
	const { workflow, trigger, shown } = run;
	await page.goto(`${baseUrl}/workflow/${workflow.id}`);
	await waitForEditor(page);
	const chooser = page.getByRole('button', { name: 'Select trigger node' });
	if (await chooser.isVisible()) {
		// Several triggers: run from the manual one.
		await chooser.click();
		await page.locator(`[data-test-id="action-${trigger.name}"]`).click();
		await page.locator('[data-test-id="execute-workflow-button"]').getByText(trigger.name).waitFor();
	}
	const started = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().startsWith(`${baseUrl}/rest/workflows/${workflow.id}/run`), { timeout: TIMEOUT_MS });
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	const response = await started;
	const { data } = await response.json().catch(() => ({}));
	if (!response.ok() || !data?.executionId) throw new Error(`Starting "${workflow.name}" failed: ${response.status()} ${(await response.text()).slice(0, 300)}`);
	const execution = await waitForExecution(rest, data.executionId);
	if (execution.status !== 'success') {
		const error = execution.data?.resultData?.error;
		throw new Error(`"${workflow.name}" ran with status ${execution.status}${error ? `: ${error.message}` : ''} (see ${baseUrl}/workflow/${workflow.id}/executions/${data.executionId})`);
	}
	// The editor learns of the end over its push connection: wait until it shows it.
	const shownNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${shown.name}"]`);
	await shownNode.locator('[data-test-id="canvas-node-status-success"]').waitFor();
	await page.locator('[data-test-id="execute-workflow-button"]:not([disabled])').waitFor();
	if ((await page.locator('[data-test-id="canvas-node-status-error"]').count()) > 0) throw new Error(`The editor shows a failed node in "${workflow.name}"`);

	// The logs panel, with the chosen Segment node's output.
	const logs = page.locator('[data-test-id="logs-panel"]');
	if (!(await logs.locator('[data-test-id="logs-overview-body"]').isVisible())) await logs.locator('[data-test-id="logs-overview-header"]').click();
	await logs.locator('[data-test-id="logs-overview-status"]').getByText(/Success/).waitFor();
	await logs.locator('[role="treeitem"]').filter({ hasText: shown.name }).first().click();
	await logs.locator('[data-test-id="log-details-header"]').getByText(shown.name).waitFor();
	await logs.locator('[data-test-id="log-details-output"] [data-test-id="ndv-data-container"]').waitFor();
	// The whole workflow, a step smaller than "fit" so the floating "Execute workflow" button covers no node.
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	await page.locator('[data-test-id="zoom-out-button"]').click();
	await waitForCanvasStill(page);
	await page.waitForLoadState('networkidle');
	await checkToasts(page, { keep: true });
	await capture(page, path.join(out, 'workflow-run.png'));
}

export const steps = [[['workflow-run'], shootWorkflowRun]];
