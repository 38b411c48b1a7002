// Case group "mappings" (issue 18): the example "a new destination with its mappings" run headless
// in the real n8n against the sandbox, which enforces Segment's 5 mapping writes a minute on the
// real clock. An Amplitude (Actions) destination is created with its 7 presets, then one mapping is
// made from the resource mapper: 1 + 8 writes, no 429, paced over a real minute.
// The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { assertRan, call, itemsOf, requestsOf } from '../support.mjs';
import rateLimit from '../../../sandbox/rate-limit.js';
import { EXAMPLE } from '../workflows.mjs';

export const name = 'mappings';

const WINDOW_MS = 60_000;


export async function run({ sandbox, runCases, catalogId, seedIds }) {
	const presets = sandbox.catalog('destinations').find((entry) => entry.slug === 'actions-amplitude').presets;
	const logEvent = sandbox.catalog('destinations').find((entry) => entry.slug === 'actions-amplitude').actions.find((action) => action.slug === 'logEventV2');
	await runCases(EXAMPLE.mappings, [
		[
			'example new-destination-with-mappings: Amplitude (Actions) created with its 7 presets as mappings, no 429',
			(run, execution) => {
				assertRan(execution);
				const [summary, ...rest] = itemsOf(run, 'Summary');
				assert.equal(rest.length, 0);
				const destinationId = summary.destinationId;
				const create = requestsOf(sandbox, run, 'Create Amplitude (Actions)');
				assert.deepEqual(create.map(call), ['GET /catalog/destinations', 'POST /destinations', ...presets.map(() => `POST /destinations/${destinationId}/subscriptions`)]);
				assert.deepEqual(create[1].body, { sourceId: seedIds('sources')['Website Analytics'], metadataId: catalogId('destinations', 'actions-amplitude'), settings: {}, name: 'Amplitude (Actions)', enabled: true });
				assert.deepEqual(create.slice(2).map((request) => request.body), presets.map((preset) => ({ name: preset.name, actionId: preset.actionId, trigger: preset.trigger, enabled: true, settings: preset.fields })));
				assert.deepEqual(summary.presetMappings, presets.map((preset) => preset.name));
				assert.deepEqual(sandbox.requests.filter((request) => request.status !== 200).map((request) => `${call(request)} ${request.status}`), []);
				return `${execution.ms} ms`;
			},
		],
		[
			'example new-destination-with-mappings: a mapping from the resource mapper, directives given as JSON text sent as objects, empty fields their default',
			(run) => {
				const [summary] = itemsOf(run, 'Summary');
				const map = requestsOf(sandbox, run, 'Map Signed Up');
				assert.deepEqual(map.map(call), [`GET /destinations/${summary.destinationId}`, `POST /destinations/${summary.destinationId}/subscriptions`]);
				const defaults = Object.fromEntries(logEvent.fields.filter((field) => field.defaultValue !== undefined).map((field) => [field.fieldKey, field.defaultValue]));
				assert.deepEqual(map[1].body, {
					name: 'Signed Up',
					actionId: logEvent.id,
					trigger: 'type = "track" and event = "Signed Up"',
					enabled: true,
					settings: { ...defaults, user_id: { '@path': '$.userId' }, event_type: { '@template': 'Signed up ({{properties.plan}})' }, use_batch_endpoint: true },
				});
				assert.deepEqual(summary.newMapping, { id: summary.newMapping.id, name: 'Signed Up', action: 'logEventV2', trigger: 'type = "track" and event = "Signed Up"', eventType: { '@template': 'Signed up ({{properties.plan}})' } });
				assert.equal(sandbox.subscriptions(summary.destinationId).length, presets.length + 1);
			},
		],
		[
			'example new-destination-with-mappings: the node paced its 8 mapping writes (never more than 5 in any 60 s), so the run took a real minute',
			(run, execution) => {
				const mappingWrites = sandbox.requests.filter((request) => request.method === 'POST' && request.segments[2] === 'subscriptions').map((request) => request.time);
				assert.equal(mappingWrites.length, presets.length + 1);
				assert.equal(rateLimit.mostInAnyWindow(mappingWrites, WINDOW_MS), 5);
				assert.ok(mappingWrites[5] - mappingWrites[0] >= WINDOW_MS, `the sixth mapping write came ${mappingWrites[5] - mappingWrites[0]} ms after the first`);
				assert.ok(execution.ms >= WINDOW_MS);
				return `1st → 6th mapping write ${mappingWrites[5] - mappingWrites[0]} ms`;
			},
		],
	]);
}
