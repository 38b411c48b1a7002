// What every screenshot of `npm run screenshots` needs: the package's names, the REST client that
// shares the browser's login, scratch workflows, and waiting for the editor before a capture.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const packageName = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).name;
export const NODE_TYPE = `${packageName}.segmentParagon`;
export const CREDENTIAL_TYPE = 'paragonProxyApi';
export const NODE_DISPLAY_NAME = 'Segment (via Paragon)';
export const MANUAL_TRIGGER_NAME = "When clicking 'Execute workflow'";
export const VIEWPORT = { width: 1440, height: 900 };
export const TIMEOUT_MS = 45_000;

export function say(message) {
	process.stdout.write(`${message}\n`);
}

/** A tiny JSON client on the browser context's request API: it shares the login cookie with the pages. */
export function restClient(context, baseUrl) {
	async function call(method, route, data) {
		const response = await context.request.fetch(`${baseUrl}${route}`, { method, data, failOnStatusCode: false, timeout: TIMEOUT_MS });
		const text = await response.text();
		let body;
		try {
			body = JSON.parse(text);
		} catch {
			body = text;
		}
		if (!response.ok()) {
			const error = new Error(`${method} ${route} answered ${response.status()}: ${text.slice(0, 300)}`);
			error.status = response.status();
			throw error;
		}
		return body && typeof body === 'object' && 'data' in body ? body.data : body;
	}
	return {
		get: (route) => call('GET', route),
		post: (route, data) => call('POST', route, data),
		delete: (route) => call('DELETE', route),
	};
}

/** A scratch workflow: the manual trigger and one Segment node with `node`'s name, id and parameters. */
export async function createTriggerAndNodeWorkflow(rest, credential, { name, triggerId, node }) {
	return await rest.post('/rest/workflows', {
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: triggerId, name: MANUAL_TRIGGER_NAME, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: node.id,
				name: node.name,
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters: node.parameters,
				credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			},
		],
		connections: { [MANUAL_TRIGGER_NAME]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	});
}

/** Workflows named `name` holding a node with id `nodeId`: leftovers of a killed run. */
export async function listScratch(rest, name, nodeId) {
	const all = await rest.get('/rest/workflows');
	const list = Array.isArray(all) ? all : (all?.data ?? []);
	const leftovers = [];
	for (const summary of list.filter((workflow) => workflow.name === name)) {
		const workflow = await rest.get(`/rest/workflows/${summary.id}`);
		if (workflow.nodes?.some((node) => node.id === nodeId)) leftovers.push(workflow);
	}
	return leftovers;
}

export async function deleteWorkflow(rest, id) {
	// n8n 2.x deletes archived workflows only.
	try {
		await rest.post(`/rest/workflows/${id}/archive`, {});
	} catch (error) {
		if (error.status !== 400) throw error;
	}
	await rest.delete(`/rest/workflows/${id}`);
}

export async function waitForEditor(page) {
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await page.waitForLoadState('networkidle');
	await waitForCanvasStill(page);
}

/** Fails on an error toast; closes other toasts unless `keep` (the run's "executed successfully"). */
export async function checkToasts(page, { keep = false } = {}) {
	const toasts = page.locator('.el-notification');
	const count = await toasts.count();
	for (let i = 0; i < count; i++) {
		const toast = toasts.nth(i);
		if (!(await toast.isVisible())) continue;
		const text = (await toast.innerText()).trim().replace(/\s+/g, ' ');
		if ((await toast.locator('.el-notification--error, .el-notification--warning').count()) > 0) throw new Error(`n8n showed an error: "${text}"`);
		if (!keep) {
			await toast.locator('.el-notification__closeBtn').click().catch(() => {});
			await toast.waitFor({ state: 'hidden' }).catch(() => {});
		}
	}
}

/** Waits until the canvas stops moving (fit view and zoom are animated). */
export async function waitForCanvasStill(page) {
	let last;
	for (let i = 0; i < 50; i++) {
		const now = await page
			.locator('.vue-flow__transformationpane')
			.first()
			.evaluate((element) => element.style.transform)
			.catch(() => '');
		if (now === last) return;
		last = now;
		await page.waitForTimeout(150);
	}
}

/** The page (or `clip` of it) into `file`; the mouse moved aside first unless `keepMouse` (an open list closes when it leaves). */
export async function capture(page, file, { clip, keepMouse = false } = {}) {
	if (!keepMouse) await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height / 2); // no hover effects or tooltips
	await page.evaluate(() => document.fonts.ready);
	await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', ...(clip ? { clip } : {}) });
	const kb = Math.round(fs.statSync(file).size / 1024);
	say(`  wrote ${path.relative(process.cwd(), file)} (${kb} KB)`);
}

/** What a field shows, text or input value; waits until it contains `expected`. */
export async function waitForShown(locator, expected, what, { panel = 'parameter panel', timeout = TIMEOUT_MS } = {}) {
	await locator.first().waitFor({ timeout });
	const deadline = Date.now() + timeout;
	let shown = '';
	while (Date.now() < deadline) {
		shown = await locator
			.first()
			.evaluate((element) => [element.innerText, ...[...element.querySelectorAll('input, textarea')].map((input) => input.value)].join(' '))
			.catch(() => '');
		if (shown.includes(expected)) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`The ${panel} does not show "${expected}" in ${what} (it shows "${shown.trim().replace(/\s+/g, ' ').slice(0, 300)}")`);
}

export async function waitForExecution(rest, id) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const execution = await rest.get(`/rest/executions/${id}`);
		if (execution.finished || !['new', 'running', 'waiting'].includes(execution.status)) return execution;
		if (Date.now() > deadline) throw new Error(`Execution ${id} did not finish within 2 minutes`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
