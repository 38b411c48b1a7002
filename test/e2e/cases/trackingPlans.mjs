// Case group "trackingPlans" (issue 22): examples/tracking-plan-from-repository.json in the real n8n.
// The example reads tracking-plan.json from GitHub's raw URL; its copy here reads it from a local
// server that answers like raw.githubusercontent.com (text/plain), serving
// examples/repository/tracking-plan.json, so n8n's HTTP Request node, the package's Create or
// Update and the sandbox all run. Run twice (the second writes nothing), and once in a workspace
// without Protocols (the error as n8n reports it).
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { executeWorkflow, repoRoot } from '../../../scripts/e2e/n8n-app.mjs';
import { assertRan, call, itemsOf, runError } from '../support.mjs';

export const name = 'trackingPlans';

const EXAMPLE_ID = 'SegExTrackingPlan';
const COPY_ID = 'SegExTrackingPlanE2E';
const FILE = path.join(repoRoot, 'examples', 'repository', 'tracking-plan.json');
const RAW_PATH = '/your-org/analytics-spec/main/tracking-plan.json';

let repository;

/** A stand-in for raw.githubusercontent.com serving the example's file. */
export async function start({ onCleanup }) {
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
	repository = { fileUrl: `http://127.0.0.1:${server.address().port}${RAW_PATH}`, served };
	onCleanup(() => new Promise((resolve) => server.close(resolve)));
}

/** The example with its own id, reading the file from the local server instead of GitHub. */
export function workflows({ examples }) {
	const example = examples[EXAMPLE_ID];
	assert.ok(example, `no example ${EXAMPLE_ID} in examples/`);
	const copy = structuredClone(example);
	copy.id = COPY_ID;
	copy.name = `${example.name} (e2e copy)`;
	const read = copy.nodes.find((node) => node.type === 'n8n-nodes-base.httpRequest');
	assert.match(read.parameters.url, /^https:\/\/raw\.githubusercontent\.com\/.+\/tracking-plan\.json$/);
	read.parameters.url = repository.fileUrl;
	return [copy];
}

/** The plan's rules as the file gives them (type, key, version, jsonSchema), in a comparable order. */
function comparable(rules) {
	const fields = ({ type, key, version, jsonSchema }) => JSON.stringify({ type, key: key ?? null, version, jsonSchema });
	return rules.map(fields).sort();
}

export async function run({ sandbox, env, runCases, check }) {
	const demoPlan = () => sandbox.trackingPlans().find((entry) => entry.name === 'Website Tracking Plan');
	const file = JSON.parse(fs.readFileSync(FILE, 'utf8'));
	await runCases(COPY_ID, [
		[
			'example tracking-plan-from-repository (copy reading the file from a local stand-in for GitHub): the demo plan matches the file after one rules read, one PATCH and one DELETE; a second run writes nothing',
			async (run, execution) => {
				assertRan(execution);
				assert.deepEqual(repository.served.slice(-1), [RAW_PATH]);
				const planId = demoPlan().id;
				const rules = `/tracking-plans/${planId}/rules`;
				assert.deepEqual(sandbox.requests.map(call), ['GET /tracking-plans', `GET ${rules}`, `PATCH ${rules}`, `DELETE ${rules}`]);
				// Only what differs: Order Completed (a new property) and the two new events; Product Viewed removed.
				assert.deepEqual(sandbox.requests[2].body.rules.map((rule) => rule.key), ['Order Completed', 'Checkout Started', 'Product Added']);
				assert.match(sandbox.requests[3].url, /\?rules\[0\]\[type\]=TRACK&rules\[0\]\[key\]=Product%20Viewed&rules\[0\]\[version\]=1$/);
				assert.deepEqual(comparable(sandbox.trackingPlanRules(planId)), comparable(file.rules));
				const [summary, ...more] = itemsOf(run, 'Summary');
				assert.equal(more.length, 0);
				assert.deepEqual(
					{ ...summary, summary: undefined },
					{ trackingPlan: 'Website Tracking Plan', id: planId, type: 'LIVE', outcome: 'updated', added: 2, updated: 1, removed: 1, unchanged: 1, summary: undefined },
				);
				sandbox.clearRequests();
				const again = await executeWorkflow(COPY_ID, { env });
				assertRan(again);
				assert.deepEqual(sandbox.requests.map(call), ['GET /tracking-plans', `GET ${rules}`]);
				const [second] = itemsOf(again.run, 'Summary');
				assert.equal(second.summary, 'Website Tracking Plan already matches the repository (4 rules): nothing was written.');
				return `first run: ${summary.summary}; second run: 2 reads, 0 writes`;
			},
		],
	]);

	await check('example tracking-plan-from-repository in a workspace without Protocols: n8n reports "This Segment workspace does not have Protocols"', async () => {
		const execution = await executeWorkflow(COPY_ID, {
			env,
			beforeAttempt: () => {
				sandbox.reset();
				sandbox.setProtocols(false);
			},
		});
		assert.equal(execution.code, 1);
		const error = runError(execution.run);
		assert.equal(error.message, 'This Segment workspace does not have Protocols');
		assert.match(error.description, /^Segment answered 403: This workspace does not have access to Protocols/);
		assert.deepEqual(sandbox.requests.map(call), ['GET /tracking-plans']);
		sandbox.setProtocols(true);
		return error.message;
	});
}
