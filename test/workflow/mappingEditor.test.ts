/**
 * What the editor asks the node for while a mapping is being made, through n8n-core's load-options
 * context as the editor's requests do: Action's "From list" (the destination's actions by name) and
 * the resource mapper's fields (the action's fields: label, type, required, default).
 */
import type { INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { AMPLITUDE, arrangeActionsDestination, catalogAction, GA4, mappingOp } from '../helpers/mappings';
import { calls, engine, userTokenCredentials } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
let ids: Awaited<ReturnType<typeof arrangeActionsDestination>>;
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeActionsDestination(sandbox, GA4);
});

const credentials = () => ({ type: 'paragonProxyApi', data: userTokenCredentials(sandbox) });
const editing = (extra: INodeParameters = {}) => mappingOp(ids.destinationId, 'create', { name: 'M', ...extra });
const search = async (parameters: INodeParameters, filter?: string) =>
	await engine.listSearch({ nodeType: 'segmentParagon', method: 'searchDestinationActions', parameters, credentials: credentials(), filter });
const fieldsOf = async (parameters: INodeParameters) =>
	await engine.resourceMapping({ nodeType: 'segmentParagon', method: 'getMappingFields', parameters, credentials: credentials() });

describe('Action > From list', () => {
	it('lists the destination\'s actions by name, from its own catalog entry (one GET)', async () => {
		const result = await search(editing());
		expect(result.results.map((entry) => [entry.name, entry.value])).toEqual(
			['purchase', 'addToCart', 'customEvent', 'pageView', 'signUp'].map((slug) => [catalogAction(sandbox, GA4, slug).name, catalogAction(sandbox, GA4, slug).id]),
		);
		expect(result.results[0].description).toBe('Send an event when a user completes a purchase.');
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`]);
	});

	it('filters by name or slug', async () => {
		expect((await search(editing(), 'page')).results.map((entry) => entry.name)).toEqual(['Page View']);
		expect((await search(editing(), 'ADDTOCART')).results.map((entry) => entry.name)).toEqual(['Add to Cart']);
	});

	it('says what is missing: no destination yet, or a classic destination', async () => {
		await expect(search({ ...editing(), destinationId: rl('', 'list') })).rejects.toThrow('Choose a destination first');
		await expect(search({ ...editing(), destinationId: rl(ids.classicId) })).rejects.toThrow('Google Analytics (google-analytics) is a classic destination: it has no actions');
	});
});

describe('Fields (the resource mapper)', () => {
	it('the action\'s fields: fieldKey as id, label, required, n8n types, defaults shown', async () => {
		const { fields } = await fieldsOf(editing({ action: rl(catalogAction(sandbox, GA4, 'purchase').id, 'list') }));
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(fields.map((field) => field.id)).toEqual(catalogAction(sandbox, GA4, 'purchase').fields.map((field) => field.fieldKey));
		expect(fields.filter((field) => field.required).map((field) => field.id)).toEqual(['client_id', 'transaction_id', 'currency', 'items']);
		// A text field shows its directive default as JSON text (sent as the object); so does a field of several values.
		expect(byId.client_id).toEqual({ id: 'client_id', displayName: 'Client ID', required: true, defaultMatch: false, canBeUsedToMatch: false, display: true, type: 'string', defaultValue: '{"@path":"$.anonymousId"}' });
		expect(byId.items).toMatchObject({ type: 'string', required: true, defaultValue: expect.stringMatching(/^\{"@arrayPath":\["\$\.properties\.products"/) });
		// A number input cannot show a directive: the default goes into the name.
		expect(byId.value).toEqual({ id: 'value', displayName: 'Value (default {"@path":"$.properties.total"})', required: false, defaultMatch: false, canBeUsedToMatch: false, display: true, type: 'number' });
		expect(byId.engagement_time_msec).toMatchObject({ type: 'number', defaultValue: 1, displayName: 'Engagement Time in Milliseconds' });
		expect(byId.params).toMatchObject({ type: 'object', displayName: 'Event Parameters' });
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`]);
	});

	it('by slug (By ID), with switches and whole numbers', async () => {
		sandbox.reset();
		const amplitude = await arrangeActionsDestination(sandbox, AMPLITUDE);
		const { fields } = await fieldsOf(mappingOp(amplitude.destinationId, 'create', { name: 'M', action: rl('logEventV2') }));
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(byId.use_batch_endpoint).toMatchObject({ type: 'boolean', defaultValue: false });
		expect(byId.min_id_length).toMatchObject({ type: 'number', required: false });
		expect(byId.event_type).toMatchObject({ required: true, type: 'string', defaultValue: '{"@path":"$.event"}' });
	});

	it('nothing to show before an action is chosen; an unknown action is named', async () => {
		expect(await fieldsOf(editing({ action: rl('', 'list') }))).toEqual({ fields: [], emptyFieldsNotice: expect.stringMatching(/^Choose a destination and an action first/) });
		expect(sandbox.requests).toEqual([]);
		await expect(fieldsOf(editing({ action: rl('nope') }))).rejects.toThrow(`Action "nope" is not an action of destination actions-google-analytics-4 (actions-google-analytics-4)`);
	});
});
