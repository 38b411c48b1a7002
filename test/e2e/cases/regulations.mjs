// Case group "regulations" (SPEC §4.10, issue 19): the user-deletion-requests example in the real
// n8n with `n8n execute` — its webhook half through a copy whose Webhook is a Manual Trigger (and
// whose schedule half is left out, so `n8n execute` starts there), and its schedule half as it is
// (its Manual Trigger "Run Now"), against the demo's regulations (one RUNNING, one FAILED at
// Salesforce, one FINISHED). The published webhook itself: group "regulationsServer".
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { assertAuth, assertRan, call, itemsOf, requestsOf } from '../support.mjs';
import { headlessWebhookCopy } from '../workflows.mjs';

export const name = 'regulations';

export const USER_DELETION_EXAMPLE = 'SegExUserDeletion';
const WEBHOOK_COPY = 'E2eUserDeletion01';
const USER_ID = 'user-e2e-42';

/** The example with its Webhook replaced by a Manual Trigger and a Set node of the same name, and without its schedule half. */
function webhookHalf(example) {
	const copy = headlessWebhookCopy(example, { userId: USER_ID }, WEBHOOK_COPY);
	const scheduleHalf = new Set(['Run Now', 'Every Morning at 08:00', 'Get Regulations', 'Unfinished?', 'Get Regulation', 'Failure Report', 'Finished']);
	copy.nodes = copy.nodes.filter((node) => !scheduleHalf.has(node.name));
	copy.connections = Object.fromEntries(Object.entries(copy.connections).filter(([from]) => !scheduleHalf.has(from)));
	return copy;
}

export function workflows({ examples }) {
	return [webhookHalf(examples[USER_DELETION_EXAMPLE])];
}

export async function run({ sandbox, runCases }) {
	await runCases(WEBHOOK_COPY, [
		[
			'example user-deletion-requests, webhook half: {userId} -> one POST /regulations (Suppress With Delete) -> answers the regulateId Segment gave',
			(run, execution) => {
				assertRan(execution);
				const requests = requestsOf(sandbox, run, 'Delete and Suppress User');
				assert.deepEqual(requests.map(call), ['POST /regulations']);
				assert.deepEqual(requests[0].body, { regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: [USER_ID] });
				assertAuth(requests, 'static');
				const filed = sandbox.regulations().filter((regulation) => regulation.subjects.includes(USER_ID));
				assert.equal(filed.length, 1);
				assert.deepEqual(itemsOf(run, 'Response'), [{ regulateId: filed[0].id, userId: USER_ID, regulationType: 'SUPPRESS_WITH_DELETE' }]);
				assert.deepEqual(sandbox.suppressions().filter((subject) => subject.subjectId === USER_ID), [{ subjectType: 'USER_ID', subjectId: USER_ID }]);
				return `regulateId ${filed[0].id}`;
			},
		],
	]);

	await runCases(USER_DELETION_EXAMPLE, [
		[
			'example user-deletion-requests, schedule half: the last 90 days read once, each unfinished one read, the failed one reported with Salesforce\'s error',
			(run, execution) => {
				assertRan(execution);
				const listed = sandbox.regulations().filter((regulation) => regulation.scope === 'workspace' && Date.now() - Date.parse(regulation.createdAt) < 90 * 24 * 3600_000);
				const running = listed.find((regulation) => regulation.status === 'RUNNING');
				const failed = listed.find((regulation) => regulation.status === 'FAILED');
				assert.deepEqual(requestsOf(sandbox, run, 'Get Regulations').map(call), ['GET /regulations']);
				assert.deepEqual(requestsOf(sandbox, run, 'Get Regulations')[0].query, { 'pagination.count': '200' });
				assert.deepEqual(itemsOf(run, 'Get Regulations').map((regulation) => regulation.status), ['RUNNING', 'FAILED', 'FINISHED']);
				assert.deepEqual(requestsOf(sandbox, run, 'Get Regulation').map(call), [`GET /regulations/${running.id}`, `GET /regulations/${failed.id}`]);
				assert.deepEqual(itemsOf(run, 'Finished').map((regulation) => regulation.status), ['FINISHED']);
				const [report, ...more] = itemsOf(run, 'Failure Report');
				assert.equal(more.length, 0);
				assert.equal(report.unfinished, 2);
				assert.deepEqual(report.failed.map((entry) => [entry.regulationId, entry.subjects, entry.destinations.map((destination) => destination.name)]), [[failed.id, ['user-1138', 'user-2187'], ['Salesforce']]]);
				assert.match(report.failed[0].destinations[0].error, /INSUFFICIENT_ACCESS_OR_READONLY/);
				assert.deepEqual(report.stillRunning.map((entry) => [entry.regulationId, entry.status]), [[running.id, 'RUNNING']]);
				assert.ok(sandbox.requests.every((request) => request.method === 'GET'), 'the report wrote something');
				return `failed: ${failed.id} at Salesforce; still running: ${running.id}`;
			},
		],
	]);
}
