// Case group "regulationsServer" (issue 19): the user-deletion-requests example published under
// the one `n8n start` the run shares: a POST of {userId} to its production webhook URL files the
// regulation and answers with its id. The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { assertAuth, call } from '../support.mjs';
import { USER_DELETION_EXAMPLE } from './regulations.mjs';

export const name = 'regulationsServer';
/** Runs after `n8n start`; ctx.server is { baseUrl, cookie }. */
export const needsServer = true;

/** Published before `n8n start`, which activates its webhook (and its morning schedule). */
export function publish() {
	return [USER_DELETION_EXAMPLE];
}

export async function run({ sandbox, check, server }) {
	await check('n8n start: POST {userId} to the published user-deletion webhook files a Suppress With Delete regulation and answers its regulateId', async () => {
		const { baseUrl } = server;
		sandbox.reset();
		const post = () => fetch(`${baseUrl}/webhook/segment/delete-user`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'user-from-a-form' }) });
		// n8n answers HTTP before it has activated every published workflow: a 404 "not registered"
		// ran nothing, so it is asked again (for up to a minute) until the webhook is there.
		let response = await post();
		for (let tries = 0; response.status === 404 && tries < 60; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			response = await post();
		}
		const text = await response.text();
		assert.equal(response.status, 200, text);
		const answer = JSON.parse(text);
		assert.deepEqual(sandbox.requests.map(call), ['POST /regulations']);
		assert.deepEqual(sandbox.requests[0].body, { regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: ['user-from-a-form'] });
		assertAuth(sandbox.requests, 'static');
		const filed = sandbox.regulations().find((regulation) => regulation.subjects.includes('user-from-a-form'));
		assert.deepEqual(answer, { regulateId: filed.id, userId: 'user-from-a-form', regulationType: 'SUPPRESS_WITH_DELETE' });
		return `answered ${text}`;
	});
}
