/**
 * What destination mappings refuse before anything is written (SPEC v3 §4.9), each naming the
 * parameter, the field and the item: unknown field keys (the action's fields listed), a required
 * field without value or default, a wrong type, an empty trigger without a default trigger, an
 * action that is not the destination's, a classic destination. And Segment's 403 for a workspace
 * without the "Destination Subscriptions" feature, as a sentence saying what to ask Segment for.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { AMPLITUDE, arrangeActionsDestination, catalogAction, GA4, mappingOp, mapperValue } from '../helpers/mappings';
import { useClockedWorld } from '../helpers/useSandbox';
import { calls, runSegment } from '../helpers/world';

const { sandbox, ids } = useClockedWorld((world) => arrangeActionsDestination(world, GA4));

const create = (extra: INodeParameters = {}) => mappingOp(ids.destinationId, 'create', { name: 'M', action: rl('customEvent'), trigger: 'event = "x"', fieldsMode: 'json', settings: '{"name": "signup"}', ...extra });
const onlyTheDestinationRead = () => expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`]);

describe('checked after one read of the destination, before any write', () => {
	it.each([
		['a key that is no field of the action (its fields listed)', { settings: '{"name": "x", "eventName": "y"}' }, /^Settings: "eventName" is not a field of action Custom Event \(item 0\)$/, /^Its fields \(\* required\): client_id\* \(Client ID\), user_id \(User ID\), .*name\* \(Event Name\)/],
		['a required field with neither a value nor a default', { settings: '{}' }, /^Settings: action Custom Event requires "Event Name" \(name\), which has no value and no default \(item 0\)$/, /^Fill it with a value or a directive/],
		['a number field holding text', { settings: '{"name": "x", "engagement_time_msec": "ten"}' }, /^Settings: "Engagement Time in Milliseconds" \(engagement_time_msec\) must be a number, not "ten" \(item 0\)$/, undefined],
		['a switch holding text', { settings: '{"name": "x", "lowercase": "yes"}' }, /^Settings: "Lowercase Event Name" \(lowercase\) must be true or false, not "yes" \(item 0\)$/, undefined],
		['an object field holding a list', { settings: '{"name": "x", "params": [1]}' }, /^Settings: "Event Parameters" \(params\) must be a JSON object, not \[1\] \(item 0\)$/, undefined],
		['null where the field takes none', { settings: '{"name": null}' }, /^Settings: "Event Name" \(name\) may not be null \(item 0\)$/, undefined],
		['an empty trigger on an action without a default trigger', { trigger: '' }, /^Trigger is empty, and action Custom Event has no default trigger \(item 0\)$/, /FQL/],
		['an action of another destination (Amplitude\'s)', { action: rl('logEventV2') }, /^Action "logEventV2" is not an action of destination actions-google-analytics-4 \(actions-google-analytics-4\) \(item 0\)$/, /Its actions: Purchase \(purchase, \w+\); Add to Cart/],
	])('%s', async (_what, extra, message, description) => {
		const result = await runSegment(sandbox, create(extra as INodeParameters));
		expect(result.error.message).toMatch(message);
		if (description) expect(result.error.description).toMatch(description);
		onlyTheDestinationRead();
	});

	it('in the mapper: a list field holding text that is no list; the parameter is named Fields', async () => {
		const result = await runSegment(sandbox, create({ action: rl('purchase'), fieldsMode: 'mapper', mapping: mapperValue({ items: 'shoes' }) }));
		expect(result.error.message).toBe('Fields: "Items" (items) must be a list (the field takes several values) or a directive, not "shoes" (item 0)');
		onlyTheDestinationRead();
	});

	it('a classic destination takes no mappings', async () => {
		const result = await runSegment(sandbox, { ...create(), destinationId: rl(ids.classicId) });
		expect(result.error.message).toBe('Destination Google Analytics (google-analytics) has no actions: it is a classic destination and takes no mappings (item 0)');
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.classicId}`]);
	});

	it('Update > Settings with an unknown key: two reads, no PATCH', async () => {
		const made = (await runSegment(sandbox, create())).items[0].json;
		sandbox.clearRequests();
		const result = await runSegment(sandbox, mappingOp(ids.destinationId, 'update', { mappingId: String(made.id), updateFields: { settings: '{"event": "x"}' } }));
		expect(result.error.message).toBe('Update Fields > Settings: "event" is not a field of action Custom Event (item 0)');
		expect(calls(sandbox).every((call) => call.startsWith('GET'))).toBe(true);
	});

	it('null is sent where the field allows it (Amplitude\'s User ID)', async () => {
		sandbox.reset();
		const amplitude = await arrangeActionsDestination(sandbox, AMPLITUDE);
		const logEvent = catalogAction(sandbox, AMPLITUDE, 'logEventV2');
		await runSegment(sandbox, mappingOp(amplitude.destinationId, 'create', { name: 'Anonymous', action: rl(logEvent.id), fieldsMode: 'json', settings: '{"user_id": null}' }));
		expect((sandbox.requests[1].body as IDataObject).settings).toMatchObject({ user_id: null, event_type: { '@path': '$.event' } });
		expect(sandbox.requests[1].status).toBe(200);
	});
});

describe('checked before any request', () => {
	it.each([
		['settings that are not JSON', { settings: '{name: x}' }, 'Settings is not valid JSON (item 0)'],
		['an empty name', { name: '={{ "" }}' }, 'Name is empty (item 0)'],
		['an empty action (from an expression: n8n itself refuses a plain empty one)', { action: rl('={{ "  " }}') }, 'Action is empty (item 0)'],
		['a fields mode outside the two', { fieldsMode: '={{ "table" }}' }, 'Fields Mode must be one of mapper, json, not "table" (item 0)'],
		['mapper values that are not an object', { fieldsMode: 'mapper', mapping: { mappingMode: 'defineBelow', value: '={{ [1] }}' } }, 'Fields must be the values of the action\'s fields (item 0)'],
	])('%s', async (_what, extra, message) => {
		const result = await runSegment(sandbox, create(extra as INodeParameters));
		expect(result.error.message).toBe(message);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Segment\'s own refusals', () => {
	it('a workspace without "Destination Subscriptions": a sentence saying what to ask Segment for', async () => {
		sandbox.setFeature('destinationSubscriptions', false);
		for (const parameters of [create(), mappingOp(ids.destinationId, 'list', { returnAll: true }), mappingOp(ids.destinationId, 'delete', { mappingId: 'm1' })]) {
			const result = await runSegment(sandbox, parameters);
			expect(result.error.message).toBe('This Segment workspace does not have Destination Subscriptions');
			expect(result.error.description).toMatch(/^Segment answered 403: This workspace does not have access to the Destination Subscriptions feature\. Ask Segment \(your account team, or Segment support\) to turn on "Destination Subscriptions"/);
			expect(result.error.httpCode).toBe('403');
		}
	});

	it('a destination that does not exist', async () => {
		const result = await runSegment(sandbox, { ...create(), destinationId: rl('dst_missing') });
		expect(result.error.message).toBe('Destination dst_missing was not found');
	});

	it('with Continue On Fail each refused item is an error item, the others are made', async () => {
		const result = await runSegment(sandbox, create({ settings: '={{ JSON.stringify($json.settings) }}' }), {
			items: [{ settings: { name: 'ok' } }, { settings: { name: 1, nope: true } }, { settings: { name: 'also ok' } }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => [item.json.error ?? item.json.name, item.pairedItem])).toEqual([
			['M', { item: 0 }],
			['Settings: "nope" is not a field of action Custom Event (item 1)', { item: 1 }],
			['M', { item: 2 }],
		]);
		expect(sandbox.subscriptions(ids.destinationId).map((mapping) => (mapping.settings as IDataObject).name)).toEqual(['ok', 'also ok']);
	});
});
