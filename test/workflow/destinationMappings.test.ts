/**
 * Destination mappings (SPEC v3 §4.9) through the engine, on the wire: Create from n8n's resource
 * mapper (directives given as JSON text go out as objects, empty fields take the action's default)
 * or from JSON, Get Many / Get / Update (the wrapped PATCH) / Delete, and Create or Update.
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { AMPLITUDE, arrangeActionsDestination, catalogAction, GA4, mappingOp, mapperValue } from '../helpers/mappings';
import { useClockedWorld } from '../helpers/useSandbox';
import { arrangeReverseEtl } from '../helpers/reverseEtl';
import { calls, jsonOf, runSegment } from '../helpers/world';

const { sandbox, ids } = useClockedWorld((world) => arrangeActionsDestination(world, GA4));

const subscriptions = () => `/destinations/${ids.destinationId}/subscriptions`;
const bodyOf = (index: number) => sandbox.requests[index].body as IDataObject;
const purchase = () => catalogAction(sandbox, GA4, 'purchase');
const purchaseFields = {
	client_id: '{"@path": "$.userId"}',
	transaction_id: '{"@template": "{{properties.order_id}}"}',
	currency: 'EUR',
	value: 42.5,
	coupon: null,
};
const create = (extra: IDataObject = {}) =>
	mappingOp(ids.destinationId, 'create', { name: 'Purchases to GA4', action: rl(purchase().id, 'list'), mapping: mapperValue(purchaseFields), ...extra });

/** Every field of the action with a default, as Segment's app fills them. */
function defaultsOf(action: { fields: IDataObject[] }): IDataObject {
	return Object.fromEntries(action.fields.filter((field) => field.defaultValue !== undefined).map((field) => [field.fieldKey, field.defaultValue]));
}

describe('Create', () => {
	it('from the mapper: one GET of the destination, then one POST; directives as objects, empty fields their default', async () => {
		const out = jsonOf(await runSegment(sandbox, create()));
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`, `POST ${subscriptions()}`]);
		const settings = {
			...defaultsOf(purchase()),
			client_id: { '@path': '$.userId' },
			transaction_id: { '@template': '{{properties.order_id}}' },
			currency: 'EUR',
			value: 42.5,
		};
		expect(bodyOf(1)).toEqual({ name: 'Purchases to GA4', actionId: purchase().id, trigger: 'type = "track" and event = "Order Completed"', enabled: true, settings });
		expect(bodyOf(1).settings).toHaveProperty('coupon', { '@path': '$.properties.coupon' });
		expect(out).toEqual([{ id: expect.any(String), name: 'Purchases to GA4', actionId: purchase().id, actionSlug: 'purchase', destinationId: ids.destinationId, enabled: true, settings, trigger: 'type = "track" and event = "Order Completed"' }]);
		expect(sandbox.subscriptions(ids.destinationId)).toEqual(out);
	});

	it('from JSON, the action by slug, its own trigger, disabled, with a reverse ETL model', async () => {
		// The model Segment checks the mapping's modelId against (a model reads from a warehouse source).
		const { modelId } = await arrangeReverseEtl(sandbox, 0);
		const settings = { name: 'signup_completed', params: { plan: { '@path': '$.properties.plan' } }, lowercase: true };
		const [made] = jsonOf(await runSegment(sandbox, create({
			action: rl('customEvent'),
			trigger: 'type = "track" and event = "Signed Up"',
			fieldsMode: 'json',
			settings: JSON.stringify(settings),
			additionalFields: { enabled: false, modelId },
		})));
		const customEvent = catalogAction(sandbox, GA4, 'customEvent');
		expect(bodyOf(1)).toEqual({ name: 'Purchases to GA4', actionId: customEvent.id, trigger: 'type = "track" and event = "Signed Up"', enabled: false, settings: { ...defaultsOf(customEvent), ...settings }, modelId });
		expect(made.modelId).toBe(modelId);
	});

	it('settings from an expression may be an object; numbers and switches from text are read as their type', async () => {
		await runSegment(sandbox, create({
			action: rl('customEvent'),
			trigger: 'event = "x"',
			fieldsMode: 'json',
			settings: '={{ { name: $json.event, lowercase: "true", engagement_time_msec: "250" } }}',
		}), { items: [{ event: 'Trial Started' }] });
		expect(bodyOf(1).settings).toMatchObject({ name: 'Trial Started', lowercase: true, engagement_time_msec: 250 });
	});

	it('a destination answered without its actions: they are read from its catalog entry (once)', async () => {
		const destination = sandbox.entities('destinations').find((entity) => entity.id === ids.destinationId)!;
		const metadata = { ...(destination.metadata as IDataObject) };
		delete metadata.actions;
		delete metadata.presets;
		sandbox.addFault({ method: 'GET', path: `/destinations/${ids.destinationId}`, status: 200, body: { data: { destination: { ...destination, metadata } } } });
		jsonOf(await runSegment(sandbox, create()));
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`, `GET /catalog/destinations/${String(metadata.id)}`, `POST ${subscriptions()}`]);
		expect(bodyOf(2).actionId).toBe(purchase().id);
	});

	it('the destination is read once per execution, whatever the number of items', async () => {
		jsonOf(await runSegment(sandbox, create({ name: '={{ $json.name }}' }), { items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }));
		expect(calls(sandbox).filter((call) => call.startsWith('GET'))).toEqual([`GET /destinations/${ids.destinationId}`]);
		expect(sandbox.subscriptions(ids.destinationId).map((mapping) => mapping.name)).toEqual(['A', 'B', 'C']);
	});
});

describe('Get Many, Get, Update, Delete', () => {
	it('the whole life of a mapping, each on its own path; the update is wrapped in input', async () => {
		const [made] = jsonOf(await runSegment(sandbox, create()));
		const mappingId = String(made.id);
		sandbox.clearRequests();

		const listed = jsonOf(await runSegment(sandbox, mappingOp(ids.destinationId, 'list', { returnAll: true })));
		expect(calls(sandbox)).toEqual([`GET ${subscriptions()}`]);
		expect(listed).toEqual([made]);
		expect(jsonOf(await runSegment(sandbox, mappingOp(ids.destinationId, 'get', { mappingId })))).toEqual([made]);

		sandbox.clearRequests();
		const updated = jsonOf(await runSegment(sandbox, mappingOp(ids.destinationId, 'update', { mappingId, updateFields: { name: 'Orders', enabled: false, trigger: 'event = "Order Completed"' } })));
		expect(calls(sandbox)).toEqual([`PATCH ${subscriptions()}/${mappingId}`]);
		expect(bodyOf(0)).toEqual({ input: { name: 'Orders', enabled: false, trigger: 'event = "Order Completed"' } });
		expect(updated).toEqual([{ ...made, name: 'Orders', enabled: false, trigger: 'event = "Order Completed"' }]);

		sandbox.clearRequests();
		const deleted = jsonOf(await runSegment(sandbox, mappingOp(ids.destinationId, 'delete', { mappingId })));
		expect(calls(sandbox)).toEqual([`DELETE ${subscriptions()}/${mappingId}`]);
		expect(deleted).toEqual([{ id: mappingId, deleted: true, status: 204, message: 'Destination mapping deleted successfully.' }]);
		expect(sandbox.subscriptions(ids.destinationId)).toEqual([]);
	});

	it('Update > Settings: checked against the mapping\'s own action, put over its current settings', async () => {
		const [made] = jsonOf(await runSegment(sandbox, create()));
		sandbox.clearRequests();
		const updated = jsonOf(await runSegment(sandbox, mappingOp(ids.destinationId, 'update', { mappingId: String(made.id), updateFields: { settings: '{"currency": "USD", "tax": {"@path": "$.properties.vat"}}' } })));
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`, `GET ${subscriptions()}/${String(made.id)}`, `PATCH ${subscriptions()}/${String(made.id)}`]);
		const settings = { ...(made.settings as IDataObject), currency: 'USD', tax: { '@path': '$.properties.vat' } };
		expect(bodyOf(2)).toEqual({ input: { settings } });
		expect(updated[0].settings).toEqual(settings);
	});

	it('a missing mapping is named with its destination', async () => {
		const result = await runSegment(sandbox, mappingOp(ids.destinationId, 'get', { mappingId: 'map_missing' }));
		expect(result.error.message).toBe(`Destination mapping map_missing of destination ${ids.destinationId} was not found`);
		expect(result.error.httpCode).toBe('404');
	});
});

describe('Create or Update (key: destination + action + name)', () => {
	it('creates, then writes nothing for the same input, then sends only what differs', async () => {
		const upsert = (extra: IDataObject = {}) => ({ ...create(extra), operation: 'upsert' });
		const [first] = jsonOf(await runSegment(sandbox, upsert()));
		expect(first.upsert).toBe('created');
		sandbox.clearRequests();

		const [second] = jsonOf(await runSegment(sandbox, upsert()));
		expect(second).toEqual({ ...first, upsert: 'unchanged' });
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`, `GET ${subscriptions()}`]);

		sandbox.clearRequests();
		const [third] = jsonOf(await runSegment(sandbox, upsert({ trigger: 'event = "Checkout"', mapping: mapperValue({ ...purchaseFields, currency: 'USD' }) })));
		expect(third).toMatchObject({ id: first.id, upsert: 'updated', trigger: 'event = "Checkout"' });
		const patch = sandbox.requests.find((request) => request.method === 'PATCH')!;
		expect((patch.body as IDataObject).input).toEqual({ trigger: 'event = "Checkout"', settings: { ...(first.settings as IDataObject), currency: 'USD' } });
		expect(sandbox.subscriptions(ids.destinationId)).toHaveLength(1);
	});

	it('the same name on another action is another mapping', async () => {
		await runSegment(sandbox, { ...create(), operation: 'upsert' });
		const [other] = jsonOf(await runSegment(sandbox, { ...create({ action: rl('pageView'), mapping: mapperValue(null) }), operation: 'upsert' }));
		expect(other.upsert).toBe('created');
		expect(sandbox.subscriptions(ids.destinationId).map((mapping) => mapping.actionSlug)).toEqual(['purchase', 'pageView']);
	});
});

describe('another Actions destination', () => {
	it('Amplitude\'s Log Event V2 from the mapper: a template directive, an integer, a switch', async () => {
		sandbox.reset();
		const amplitude = await arrangeActionsDestination(sandbox, AMPLITUDE);
		const logEvent = catalogAction(sandbox, AMPLITUDE, 'logEventV2');
		await runSegment(sandbox, mappingOp(amplitude.destinationId, 'create', {
			name: 'Track',
			action: rl(logEvent.id, 'list'),
			mapping: mapperValue({ event_type: '{"@template": "{{event}} (web)"}', min_id_length: 7, use_batch_endpoint: true }),
		}));
		expect((sandbox.requests[1].body as IDataObject).settings).toMatchObject({ event_type: { '@template': '{{event}} (web)' }, min_id_length: 7, use_batch_endpoint: true, user_id: { '@path': '$.userId' } });
		expect((sandbox.requests[1].body as IDataObject).trigger).toBe('type = "track"');
	});
});
