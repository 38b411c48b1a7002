// Case group "errors": the errors a user sees in the real app (n8n execute exits 1 and reports the
// node's error): a warehouse that does not exist (its id sent as one path segment), and a Paragon
// user who has not connected Segment. The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { CREDENTIAL_TYPE, SANDBOX_PROJECT_ID } from '../../../scripts/e2e/n8n-app.mjs';
import { runError } from '../support.mjs';
import { errorWorkflows, IDS, LONELY_CREDENTIAL, LONELY_TOKEN, LONELY_USER, MISSING_WAREHOUSE_ID } from '../workflows.mjs';

export const name = 'errors';

export function credentials({ sandbox }) {
	return [{ ...LONELY_CREDENTIAL, type: CREDENTIAL_TYPE, data: { projectId: SANDBOX_PROJECT_ID, tokenSource: 'userToken', userToken: LONELY_TOKEN, proxyBaseUrl: sandbox.url, region: 'us' } }];
}

export function workflows() {
	return errorWorkflows();
}

export async function run({ sandbox, runCases }) {
	await runCases(IDS.notFound, [
		[
			'error: Get of a missing warehouse exits 1 with "Warehouse ../workspaces was not found" (id sent as one path segment)',
			(run, execution) => {
				assert.equal(execution.code, 1);
				const error = runError(run);
				assert.ok(error, 'no data.resultData.error');
				assert.match(error.message, /was not found/);
				assert.ok(error.message.includes(MISSING_WAREHOUSE_ID), `message "${error.message}" does not name the id`);
				assert.equal(String(error.httpCode), '404');
				assert.equal(sandbox.requests.length, 1);
				assert.equal(sandbox.requests[0].segmentPath, '/warehouses/..%2Fworkspaces');
				assert.deepEqual(sandbox.requests[0].segments, ['warehouses', MISSING_WAREHOUSE_ID]);
				assert.equal(sandbox.requests[0].status, 404);
				return `"${error.message}"`;
			},
		],
	]);

	await runCases(IDS.notConnected, [
		[
			'error: a user who has not connected Segment exits 1 with "not connected" and the fix',
			(run, execution) => {
				assert.equal(execution.code, 1);
				const error = runError(run);
				assert.ok(error, 'no data.resultData.error');
				assert.match(error.message, /not connected/i);
				assert.match(error.description ?? '', /Connect Segment for this user in Paragon/);
				assert.equal(sandbox.requests.length, 1, 'a 400 from Paragon must not be retried');
				assert.equal(sandbox.requests[0].status, 400);
				assert.equal(sandbox.requests[0].auth.userId, LONELY_USER);
				return `"${error.message}"`;
			},
		],
	]);
}
