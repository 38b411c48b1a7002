// Case group "http-request": n8n's HTTP Request node with this package's credential as a
// predefined credential type (a Segment endpoint the node has no operation for), through the proxy.
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { SANDBOX_PROJECT_ID } from '../../../scripts/e2e/n8n-app.mjs';
import { assertAuth, assertRan, call, itemsOf } from '../support.mjs';
import { httpRequestWorkflow, IDS } from '../workflows.mjs';

export const name = 'http-request';

export function workflows({ sandbox }) {
	return [httpRequestWorkflow(`${sandbox.url}/projects/${SANDBOX_PROJECT_ID}/sdk/proxy/segment`)];
}

export async function run({ sandbox, runCases }) {
	await runCases(IDS.httpRequest, [
		[
			'HTTP Request node with credential type Paragon Proxy API: reaches the proxy, gets Segment\'s raw JSON',
			(run, execution) => {
				assertRan(execution);
				assert.deepEqual(sandbox.requests.map(call), ['GET /labels']);
				const [request] = sandbox.requests;
				assert.equal(request.headers['x-paragon-use-raw-response'], '1');
				assertAuth(sandbox.requests, 'static');
				const [item, ...rest] = itemsOf(run, 'Segment Labels');
				assert.equal(rest.length, 0);
				// Segment's own envelope, not Paragon's {output: ...}.
				assert.ok(item.data && Array.isArray(item.data.labels), `not Segment's raw answer: ${JSON.stringify(item).slice(0, 200)}`);
				assert.equal(item.output, undefined);
				assert.deepEqual(item.data.labels.map(({ key, value }) => `${key}:${value}`), sandbox.labels().map(({ key, value }) => `${key}:${value}`));
				return `${item.data.labels.length} labels`;
			},
		],
	]);
}
