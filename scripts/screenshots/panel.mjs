// The node panel of a scratch workflow (manual trigger + one Segment node) for `npm run screenshots`:
// the scratch workflows themselves, with demo entities picked through the node's own list search,
// and opening the panel, running the node from it and widening its output. Used by the picture
// groups (pipelines.mjs, monitoring.mjs).
import {
	createTriggerAndNodeWorkflow,
	CREDENTIAL_TYPE,
	deleteWorkflow,
	listScratch,
	NODE_TYPE,
	TIMEOUT_MS,
	waitForExecution,
	waitForShown,
} from './editor.mjs';

/** A scratch's picks: `pick` (one entity) or `picks` (several, each its own parameter). */
function picksOf(scratch) {
	return scratch.picks ?? (scratch.pick ? [scratch.pick] : []);
}

// `parameters` takes the picked locator (one pick) or the picked locators by parameter (several).
function emptyPicks(scratch) {
	const empty = { __rl: true, mode: 'list', value: '' };
	return scratch.picks ? Object.fromEntries(scratch.picks.map((pick) => [pick.parameter, empty])) : empty;
}

/** The demo entity named `pick.name`, as the editor's "From list" would store it (id from the node's list search). */
async function pickFromList(rest, credential, scratch, pick) {
	const { parameter, method, name, what } = pick;
	const currentNodeParameters = scratch.parameters(emptyPicks(scratch));
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

/**
 * The scratch workflows of the selected shots of `table` ({shot: {name, triggerId, nodeId, nodeName,
 * pick? | picks?, parameters(picked)}}); leftovers of a killed run are removed first, and each new
 * one is added to `temporary` (deleted at the end).
 */
export async function createScratch(rest, credential, table, only, temporary) {
	const created = {};
	for (const shot of Object.keys(table).filter((name) => only.includes(name))) {
		const scratch = table[shot];
		for (const old of await listScratch(rest, scratch.name, scratch.nodeId)) await deleteWorkflow(rest, old.id);
		const picked = [];
		for (const pick of picksOf(scratch)) picked.push({ parameter: pick.parameter, value: await pickFromList(rest, credential, scratch, pick) });
		const argument = scratch.picks ? Object.fromEntries(picked.map(({ parameter, value }) => [parameter, value])) : picked[0]?.value;
		const workflow = await createTriggerAndNodeWorkflow(rest, credential, {
			name: scratch.name,
			triggerId: scratch.triggerId,
			node: { id: scratch.nodeId, name: scratch.nodeName, parameters: scratch.parameters(argument) },
		});
		temporary.push(workflow);
		created[shot] = { workflow, nodeId: scratch.nodeId, nodeName: scratch.nodeName, picked };
	}
	return created;
}

/** Opens the scratch node's panel and waits for its picked entity (if any), the operation and the credential. */
export async function openNode(page, { baseUrl, credential, scratch, operation }) {
	// n8n keeps panel widths, display modes and the logs panel's state in localStorage, so what an
	// earlier picture did would show here: start as a fresh browser would (the login is a cookie).
	await page.goto(`${baseUrl}/healthz`);
	await page.evaluate(() => localStorage.clear());
	await page.goto(`${baseUrl}/workflow/${scratch.workflow.id}/${scratch.nodeId}`);
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await waitForShown(ndv.locator('[data-test-id="parameter-input-operation"]'), operation, 'the Operation parameter');
	for (const { parameter, value } of scratch.picked) await waitForShown(ndv.locator(`[data-test-id="resource-locator-${parameter}"]`), value.cachedResultName, `the ${parameter} parameter`);
	await waitForShown(ndv.locator('[data-test-id="node-credentials-select"]'), credential.name, 'the credential');
	return ndv;
}

/** "Execute step" in the panel; waits for the run over REST, then for its output in the panel, shown as `mode`. */
export async function executeNode(page, ndv, { baseUrl, rest, scratch, mode, expected }) {
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
export async function widenOutput(page, ndv, by) {
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

