// The picture of README's "User deletion and suppression" section, for `npm run screenshots`:
//
//   docs/regulation-create.png  User Deletion and Suppression > Create (Suppress With Delete of
//                               user-123), run from its panel: the notice that deleting is
//                               irreversible, and the item with its regulateId
//
// A scratch workflow as in pipelines.mjs (panel.mjs). Running it files a regulation in npm start's
// sandbox (its memory only; gone with the next start). Against a real Segment this picture would
// delete data, so the group refuses a credential whose Proxy Base URL is not a local sandbox's.
// The interface of a screenshot group is described in ./groups.mjs.
import path from 'node:path';

import { capture, checkToasts, waitForShown } from './editor.mjs';
import { createScratch, executeNode, openNode } from './panel.mjs';

export const shots = ['regulation-create'];

const SCRATCH = {
	'regulation-create': {
		name: 'Delete a user on request (GDPR)',
		triggerId: 'a3c1b4e2-0000-4000-8000-5c4ee4540701',
		nodeId: 'a3c1b4e2-0000-4000-8000-5c4ee4540702',
		nodeName: 'Delete and suppress a user',
		parameters: () => ({ resource: 'regulation', operation: 'create', scope: 'workspace', regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: 'user-123', options: {} }),
	},
};

/** The scratch workflow (panel.mjs), once the credential is known to be a local sandbox's; `shared.state` of the step. */
export async function prepare({ rest, credential, only, temporary }) {
	const stored = await rest.get(`/rest/credentials/${credential.id}?includeData=true`).catch(() => undefined);
	const proxyBaseUrl = String(stored?.data?.proxyBaseUrl ?? '');
	if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(proxyBaseUrl)) {
		throw new Error(`The credential "${credential.name}" does not point at a local sandbox (Proxy Base URL ${proxyBaseUrl || 'unknown'}): regulation-create would file a real deletion. Use npm start's credential, or leave the shot out (--only=…).`);
	}
	return await createScratch(rest, credential, SCRATCH, only, temporary);
}

async function shootRegulationCreate(page, shared) {
	const scratch = shared.state['regulation-create'];
	const ndv = await openNode(page, { ...shared, scratch, operation: 'Create' });
	await waitForShown(ndv.locator('[data-test-id="parameter-input-resource"]'), 'User Deletion and Suppression', 'the Resource parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-regulationType"]'), 'Suppress With Delete', 'the Regulation Type parameter');
	await waitForShown(ndv.locator('[data-test-id="parameter-input-subjectIds"]'), 'user-123', 'the Subject IDs parameter');
	await executeNode(page, ndv, { ...shared, scratch, mode: 'JSON', expected: ['"regulateId"', 'SUPPRESS_WITH_DELETE', 'user-123'] });
	await checkToasts(page);
	await capture(page, path.join(shared.out, 'regulation-create.png'));
}

/** `shared.state` holds prepare's scratch workflow, by shot. */
export const steps = [[['regulation-create'], shootRegulationCreate]];
