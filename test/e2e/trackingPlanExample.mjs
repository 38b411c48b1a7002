// The tracking-plan example end to end (issue 22): examples/tracking-plan-from-repository.json
// reads tracking-plan.json from GitHub's raw URL. Here a copy reads it from a local server that
// answers like raw.githubusercontent.com (text/plain), serving examples/repository/tracking-plan.json,
// so the real n8n's HTTP Request node, the package's Create or Update and the sandbox all run.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { executeWorkflow, nodeItems, repoRoot } from '../../scripts/e2e/n8n-app.mjs';

export const TRACKING_PLAN_EXAMPLE = 'SegExTrackingPlan';
export const TRACKING_PLAN_COPY = 'SegExTrackingPlanE2E';
const FILE = path.join(repoRoot, 'examples', 'repository', 'tracking-plan.json');
const RAW_PATH = '/your-org/analytics-spec/main/tracking-plan.json';

/** A stand-in for raw.githubusercontent.com serving the example's file; `close()` stops it. */
export async function startRepositoryServer() {
	const served = [];
	const server = http.createServer((req, res) => {
		served.push(req.url);
		if (req.method !== 'GET' || req.url !== RAW_PATH) {
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404: Not Found');
			return;
		}
		res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(fs.readFileSync(FILE));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}`;
	return { fileUrl: `${url}${RAW_PATH}`, served, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The example with its own id, reading the file from `fileUrl` instead of GitHub. */
export function repositoryCopy(example, fileUrl) {
	const copy = structuredClone(example);
	copy.id = TRACKING_PLAN_COPY;
	copy.name = `${example.name} (e2e copy)`;
	const read = copy.nodes.find((node) => node.type === 'n8n-nodes-base.httpRequest');
	assert.match(read.parameters.url, /^https:\/\/raw\.githubusercontent\.com\/.+\/tracking-plan\.json$/);
	read.parameters.url = fileUrl;
	return copy;
}

const call = (request) => `${request.method} /${request.segments.join('/')}`;

/**
 * Runs the copy twice against the demo data: the first run makes the demo plan match the file
 * (one rules read, one PATCH of what differs, one DELETE of the rule the file dropped), the
 * second writes nothing. Returns a line for the report.
 */
export async function checkTrackingPlanExample({ sandbox, env, repository }) {
	const plan = () => sandbox.trackingPlans().find((entry) => entry.name === 'Website Tracking Plan');
	const file = JSON.parse(fs.readFileSync(FILE, 'utf8'));
	const first = await executeWorkflow(TRACKING_PLAN_COPY, { env, beforeAttempt: () => sandbox.reset() });
	assert.equal(first.code, 0, JSON.stringify(first.run?.data?.resultData?.error));
	const planId = plan().id;
	const rulesPath = `/tracking-plans/${planId}/rules`;
	assert.deepEqual(sandbox.requests.map(call), ['GET /tracking-plans', `GET ${rulesPath}`, `PATCH ${rulesPath}`, `DELETE ${rulesPath}`]);
	const [summary, ...more] = nodeItems(first.run, 'Summary').map((item) => item.json);
	assert.equal(more.length, 0);
	assert.deepEqual(
		{ ...summary, summary: undefined },
		{ trackingPlan: 'Website Tracking Plan', id: planId, type: 'LIVE', outcome: 'updated', added: 2, updated: 1, removed: 1, unchanged: 1, summary: undefined },
	);
	// Segment's plan now holds exactly the file's rules.
	const rules = sandbox.trackingPlanRules(planId).map(({ type, key, jsonSchema, version }) => ({ type, ...(key === undefined ? {} : { key }), version, jsonSchema }));
	const byKey = (list) => [...list].sort((a, b) => `${a.type}${a.key}`.localeCompare(`${b.type}${b.key}`)).map((rule) => JSON.stringify(rule, Object.keys(rule).sort()));
	assert.deepEqual(byKey(rules), byKey(file.rules));
	assert.ok(repository.served.length >= 1);

	sandbox.clearRequests();
	const second = await executeWorkflow(TRACKING_PLAN_COPY, { env });
	assert.equal(second.code, 0);
	assert.deepEqual(sandbox.requests.map(call), ['GET /tracking-plans', `GET ${rulesPath}`]);
	const [again] = nodeItems(second.run, 'Summary').map((item) => item.json);
	assert.equal(again.outcome, 'unchanged');
	assert.equal(again.summary, 'Website Tracking Plan already matches the repository (4 rules): nothing was written.');
	return `first run: ${summary.summary} (${first.ms} ms); second run: 2 reads, 0 writes`;
}
