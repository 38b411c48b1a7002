'use strict';
// Destination mappings (Segment's destination subscriptions) under
// /destinations/{destinationId}/subscriptions: the Actions entries of the catalog, CRUD with the
// three answer keys, the wrapped update, Segment's validation against the action's fields, paging,
// and mappings going with their destination. The write limit and the feature switch: subscription-limits.test.js.
const { client, catalogId, validation, NOT_FOUND, useSandbox } = require('./helpers');

const sb = useSandbox({ mappingWritesPerMinute: null });
const call = client(sb);

const entry = (slug) => sb.catalog('destinations').find((e) => e.slug === slug);
const actionOf = (slug, actionSlug) => entry(slug).actions.find((a) => a.slug === actionSlug);

let source;
async function makeDestination(slug) {
	const answer = await call('POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sb, 'destinations', slug), settings: {}, enabled: true, name: slug });
	expect(answer.status).toBe(200);
	return answer.body.data.destination;
}
beforeEach(async () => {
	source = (await call('POST', '/sources', { slug: 'site', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') })).body.data.source;
});

const purchase = () => actionOf('actions-google-analytics-4', 'purchase');
const purchaseBody = (extra = {}) => ({
	name: 'Purchases to GA4',
	actionId: purchase().id,
	trigger: 'type = "track" and event = "Order Completed"',
	enabled: true,
	settings: {
		client_id: { '@path': '$.anonymousId' },
		transaction_id: { '@template': '{{properties.order_id}}' },
		currency: 'USD',
		value: { '@path': '$.properties.revenue' },
		items: { '@arrayPath': ['$.properties.products', { item_id: { '@path': '$.product_id' } }] },
		engagement_time_msec: 1,
	},
	...extra,
});

describe('the catalog', () => {
	test('Actions entries carry actions with fields and presets; classic entries neither', () => {
		const ga4 = entry('actions-google-analytics-4');
		expect(ga4).toMatchObject({ name: 'Google Analytics 4 Cloud', presets: [], supportedPlatforms: { browser: false, server: true, mobile: false } });
		expect(ga4.actions.map((a) => a.slug)).toEqual(['purchase', 'addToCart', 'customEvent', 'pageView', 'signUp']);
		expect(purchase().fields.filter((f) => f.required).map((f) => f.fieldKey)).toEqual(['client_id', 'transaction_id', 'currency', 'items']);
		expect(purchase()).toEqual(expect.objectContaining({ id: expect.stringMatching(/^[0-9A-Za-z]{22}$/), name: 'Purchase', platform: 'CLOUD', hidden: false, defaultTrigger: 'type = "track" and event = "Order Completed"' }));
		expect(purchase().fields[0]).toEqual({
			id: expect.any(String), sortOrder: 0, fieldKey: 'client_id', label: 'Client ID', type: 'STRING', description: expect.any(String),
			defaultValue: { '@path': '$.anonymousId' }, required: true, multiple: false, choices: null, dynamic: false, allowNull: false,
		});
		expect(actionOf('actions-google-analytics-4', 'customEvent').defaultTrigger).toBeNull();
		const amplitude = entry('actions-amplitude');
		expect(amplitude.presets).toHaveLength(7);
		for (const preset of amplitude.presets) {
			expect(Object.keys(preset)).toEqual(['actionId', 'name', 'fields', 'trigger']);
			expect(amplitude.actions.map((a) => a.id)).toContain(preset.actionId);
		}
		expect(amplitude.presets.find((p) => p.name === 'Page Calls').fields.event_type).toEqual({ '@template': 'Viewed {{name}}' });
		expect(entry('webhooks')).toMatchObject({ actions: [], presets: [] });
	});

	test('GET /catalog/destinations/{id} answers the whole entry; unknown ids 404', async () => {
		const id = catalogId(sb, 'destinations', 'actions-amplitude');
		const answer = await call('GET', `/catalog/destinations/${id}`);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ data: { destinationMetadata: entry('actions-amplitude') } });
		expect((await call('GET', `/catalog/warehouses/${catalogId(sb, 'warehouses', 'redshift')}`)).body.data.warehouseMetadata.slug).toBe('redshift');
		expect((await call('GET', '/catalog/destinations/nope')).body).toEqual(NOT_FOUND);
	});

	test('a destination carries its catalog entry, actions and presets included', async () => {
		const destination = await makeDestination('actions-amplitude');
		const read = (await call('GET', `/destinations/${destination.id}`)).body.data.destination;
		expect(read.metadata).toEqual(entry('actions-amplitude'));
	});

	test('every preset of every entry is a mapping Segment accepts as it stands', async () => {
		for (const slug of ['actions-amplitude']) {
			const destination = await makeDestination(slug);
			for (const preset of entry(slug).presets) {
				const answer = await call('POST', `/destinations/${destination.id}/subscriptions`, { name: preset.name, actionId: preset.actionId, trigger: preset.trigger, enabled: true, settings: preset.fields });
				expect([preset.name, answer.status, answer.body.errors]).toEqual([preset.name, 200, undefined]);
			}
			expect(sb.subscriptions(destination.id)).toHaveLength(7);
		}
	});
});

describe('CRUD', () => {
	let destination;
	beforeEach(async () => {
		destination = await makeDestination('actions-google-analytics-4');
	});
	const base = () => `/destinations/${destination.id}/subscriptions`;

	test('create answers data.destinationSubscription in Segment\'s shape (a Reverse ETL mapping with its model\'s id)', async () => {
		const warehouseSource = (await call('POST', '/sources', { slug: 'snowflake_models', enabled: true, metadataId: catalogId(sb, 'sources', 'snowflake') })).body.data.source;
		const model = sb.addReverseEtlModel({ sourceId: warehouseSource.id, name: 'Buyers', query: 'SELECT id FROM buyers', queryIdentifierColumn: 'id' });
		const answer = await call('POST', base(), purchaseBody({ modelId: model.id }));
		expect(answer.status).toBe(200);
		const made = answer.body.data.destinationSubscription;
		expect(made).toEqual({ id: expect.stringMatching(/^[0-9A-Za-z]{20}$/), name: 'Purchases to GA4', actionId: purchase().id, actionSlug: 'purchase', destinationId: destination.id, enabled: true, settings: purchaseBody().settings, trigger: purchaseBody().trigger, modelId: model.id });
		expect(sb.subscriptions(destination.id)).toEqual([made]);
	});

	test('get and update answer data.subscription; the update input is wrapped and replaces the settings', async () => {
		const made = (await call('POST', base(), purchaseBody())).body.data.destinationSubscription;
		expect((await call('GET', `${base()}/${made.id}`)).body).toEqual({ data: { subscription: made } });
		const settings = { ...purchaseBody().settings, currency: 'EUR' };
		delete settings.engagement_time_msec;
		const answer = await call('PATCH', `${base()}/${made.id}`, { input: { name: 'Renamed', enabled: false, settings } });
		expect(answer.status).toBe(200);
		expect(answer.body.data.subscription).toEqual({ ...made, name: 'Renamed', enabled: false, settings });
	});

	test('a flat update body (not wrapped in input) is refused, and changes nothing', async () => {
		const made = (await call('POST', base(), purchaseBody())).body.data.destinationSubscription;
		const answer = await call('PATCH', `${base()}/${made.id}`, { name: 'Flat' });
		expect(answer.status).toBe(422);
		expect(answer.body.errors).toEqual([validation('input is required', 'input'), validation('Unknown field: name', 'name')]);
		expect(sb.subscriptions(destination.id)[0].name).toBe('Purchases to GA4');
	});

	test('list answers data.subscriptions with pagination; delete data.status', async () => {
		const ids = [];
		for (const name of ['a', 'b', 'c']) ids.push((await call('POST', base(), purchaseBody({ name }))).body.data.destinationSubscription.id);
		const first = await call('GET', `${base()}?pagination.count=2`);
		expect(first.body.data.subscriptions.map((s) => s.id)).toEqual(ids.slice(0, 2));
		expect(first.body.data.pagination).toEqual({ current: expect.any(String), next: expect.any(String), totalEntries: 3 });
		const second = await call('GET', `${base()}?pagination.count=2&pagination.cursor=${encodeURIComponent(first.body.data.pagination.next)}`);
		expect(second.body.data.subscriptions.map((s) => s.id)).toEqual(ids.slice(2));
		expect((await call('DELETE', `${base()}/${ids[0]}`)).body).toEqual({ data: { status: 'SUCCESS' } });
		expect(sb.subscriptions(destination.id).map((s) => s.id)).toEqual(ids.slice(1));
		expect((await call('GET', base())).status).toBe(400);
	});

	test('unknown destinations and mappings are 404; a destination\'s mappings go with it', async () => {
		const made = (await call('POST', base(), purchaseBody())).body.data.destinationSubscription;
		expect((await call('GET', `${base()}/nope`)).body).toEqual(NOT_FOUND);
		expect((await call('PATCH', `${base()}/nope`, { input: { name: 'x' } })).status).toBe(404);
		expect((await call('POST', '/destinations/nope/subscriptions', purchaseBody())).body).toEqual(NOT_FOUND);
		await call('DELETE', `/destinations/${destination.id}`);
		expect(sb.subscriptions(destination.id)).toEqual([]);
		expect((await call('GET', `/destinations/${destination.id}/subscriptions/${made.id}`)).status).toBe(404);
	});

	test.each(['PUT'])('%s answers 405', async (method) => {
		expect((await call(method, base(), {})).headers.get('allow')).toBe('GET, POST');
	});
});

describe('Segment\'s validation (422, every problem at once, nothing stored)', () => {
	let destination;
	beforeEach(async () => {
		destination = await makeDestination('actions-google-analytics-4');
	});
	const refused = async (body) => {
		const answer = await call('POST', `/destinations/${destination.id}/subscriptions`, body);
		expect(answer.status).toBe(422);
		expect(sb.subscriptions(destination.id)).toEqual([]);
		return answer.body.errors;
	};

	test('name, actionId, trigger and enabled are required', async () => {
		expect(await refused({ settings: {} })).toEqual([
			validation('name is required', 'name'), validation('actionId is required', 'actionId'),
			validation('trigger is required', 'trigger'), validation('enabled is required', 'enabled'),
		]);
		expect(await refused(purchaseBody({ trigger: '  ' }))).toEqual([validation('trigger must not be empty', 'trigger')]);
	});

	test('an unknown fieldKey, a missing required field and a wrong type', async () => {
		const settings = { ...purchaseBody().settings, revenue: 10, value: 'ten' };
		delete settings.transaction_id;
		expect(await refused(purchaseBody({ settings }))).toEqual([
			validation('settings.value must be a number', 'settings.value'),
			validation('Unknown field: settings.revenue (not a field of action purchase)', 'settings.revenue'),
			validation('settings.transaction_id is required (field "Order Id" of action purchase)', 'settings.transaction_id'),
		]);
	});

	test('a field of several values takes an array or a directive; an unknown directive is refused', async () => {
		const settings = (extra) => ({ ...purchaseBody().settings, ...extra });
		expect(await refused(purchaseBody({ settings: settings({ items: { item_id: 'x' } }) }))).toEqual([
			validation('settings.items must be an array (the field takes several values) or a directive', 'settings.items'),
		]);
		expect(await refused(purchaseBody({ settings: settings({ items: ['x'], client_id: { '@paht': '$.userId' } }) }))).toEqual([
			validation('settings.client_id uses an unknown directive @paht', 'settings.client_id'),
			validation('settings.items[0] must be an object', 'settings.items[0]'),
		]);
		expect(await refused(purchaseBody({ settings: settings({ client_id: null }) }))).toEqual([validation('settings.client_id must not be null', 'settings.client_id')]);
	});

	test('an action of another destination; a classic destination takes no mappings', async () => {
		const amplitudeAction = entry('actions-amplitude').actions[0].id;
		expect(await refused(purchaseBody({ actionId: amplitudeAction, settings: {} }))).toEqual([validation('actionId does not match any action of this destination', 'actionId')]);
		const classic = await makeDestination('webhooks');
		const answer = await call('POST', `/destinations/${classic.id}/subscriptions`, purchaseBody());
		expect(answer.body.errors).toEqual([validation('This destination has no actions (a classic destination): it takes no subscriptions', 'actionId')]);
	});

	test('updates are checked against the mapping\'s own action', async () => {
		const made = (await call('POST', `/destinations/${destination.id}/subscriptions`, purchaseBody())).body.data.destinationSubscription;
		const answer = await call('PATCH', `/destinations/${destination.id}/subscriptions/${made.id}`, { input: { settings: { client_id: 'x' }, actionId: 'other' } });
		expect(answer.status).toBe(422);
		expect(answer.body.errors.map((e) => e.field)).toEqual(['input.actionId', 'input.settings.transaction_id', 'input.settings.currency', 'input.settings.items']);
	});
});
