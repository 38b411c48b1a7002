'use strict';
// Destination filters under /destination/{destinationId}/filters (singular, as Segment spells it):
// CRUD, Segment's validation of the actions, paging, 404s, and filters going with their destination.
const { client, catalogId, validation, NOT_FOUND, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

let source;
let destination;
beforeEach(async () => {
	source = (await call('POST', '/sources', { slug: 'site', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') })).body.data.source;
	destination = (await call('POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sb, 'destinations', 'webhooks'), settings: {}, enabled: true })).body.data.destination;
});

const base = () => `/destination/${destination.id}/filters`;
const body = (extra = {}) => ({ sourceId: source.id, if: 'type = "track" and event = "Order Completed"', actions: [{ type: 'DROP' }], title: 'Drop orders', enabled: true, ...extra });

async function createOne(extra) {
	const answer = await call('POST', base(), body(extra));
	expect(answer.status).toBe(200);
	return answer.body.data.filter;
}

test('create answers the filter in Segment\'s shape', async () => {
	const answer = await call('POST', base(), body({ description: 'No orders here' }));
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({
		data: {
			filter: {
				id: expect.stringMatching(/^[0-9A-Za-z]{20}$/), sourceId: source.id, destinationId: destination.id,
				if: body().if, actions: [{ type: 'DROP' }], title: 'Drop orders', description: 'No orders here', enabled: true,
				createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), updatedAt: answer.body.data.filter.createdAt,
			},
		},
	});
	expect(Object.keys(answer.body.data.filter)).toEqual(['id', 'sourceId', 'destinationId', 'if', 'actions', 'title', 'description', 'enabled', 'createdAt', 'updatedAt']);
	expect(sb.filters(destination.id)).toEqual([answer.body.data.filter]);
});

test('every action type Segment knows', async () => {
	const actions = [
		{ type: 'SAMPLE', percent: 0.25, path: 'userId' },
		{ type: 'SAMPLE', percent: 1 },
		{ type: 'ALLOW_PROPERTIES', fields: { properties: ['email', 'plan'], context: [] } },
		{ type: 'DROP_PROPERTIES', fields: { traits: ['ssn'] } },
	];
	const filter = await createOne({ actions });
	expect(filter.actions).toEqual(actions);
	expect(filter).not.toHaveProperty('description');
});

test('get, list, update and delete', async () => {
	const filter = await createOne();
	expect((await call('GET', `${base()}/${filter.id}`)).body).toEqual({ data: { filter } });
	const updated = await call('PATCH', `${base()}/${filter.id}`, { title: 'Sample', actions: [{ type: 'SAMPLE', percent: 0.1 }], enabled: false, description: 'Ten percent' });
	expect(updated.status).toBe(200);
	expect(updated.body.data.filter).toEqual({ ...filter, title: 'Sample', actions: [{ type: 'SAMPLE', percent: 0.1 }], enabled: false, description: 'Ten percent', updatedAt: expect.any(String) });
	const cleared = await call('PATCH', `${base()}/${filter.id}`, { description: null });
	expect(cleared.body.data.filter).not.toHaveProperty('description');
	expect((await call('GET', `${base()}?pagination.count=10`)).body).toEqual({ data: { filters: [cleared.body.data.filter], pagination: { current: expect.any(String), totalEntries: 1 } } });
	expect((await call('DELETE', `${base()}/${filter.id}`)).body).toEqual({ data: { status: 'SUCCESS' } });
	expect((await call('GET', `${base()}/${filter.id}`)).body).toEqual(NOT_FOUND);
	expect(sb.filters(destination.id)).toEqual([]);
});

test('the list is paged, per destination', async () => {
	const made = [];
	for (let i = 0; i < 5; i++) made.push((await createOne({ title: `F${i}` })).id);
	const first = await call('GET', `${base()}?pagination%5Bcount%5D=3`);
	expect(first.body.data.filters.map((f) => f.id)).toEqual(made.slice(0, 3));
	const second = await call('GET', `${base()}?pagination.count=3&pagination.cursor=${encodeURIComponent(first.body.data.pagination.next)}`);
	expect(second.body.data.filters.map((f) => f.id)).toEqual(made.slice(3));
	expect(second.body.data.pagination).toEqual({ current: expect.any(String), totalEntries: 5 });
	const other = (await call('POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sb, 'destinations', 'slack'), settings: {}, enabled: true })).body.data.destination;
	expect((await call('GET', `/destination/${other.id}/filters?pagination.count=3`)).body.data.filters).toEqual([]);
	expect((await call('GET', base())).body.errors[0].field).toBe('pagination.count');
});

test('404 for an unknown destination or filter, and for a filter of another destination', async () => {
	const filter = await createOne();
	const other = (await call('POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sb, 'destinations', 'slack'), settings: {}, enabled: true })).body.data.destination;
	for (const [method, path, payload] of [
		['GET', '/destination/nope/filters?pagination.count=5'],
		['POST', '/destination/nope/filters', body()],
		['GET', `/destination/nope/filters/${filter.id}`],
		['GET', `${base()}/nope`],
		['PATCH', `${base()}/nope`, { title: 'x' }],
		['DELETE', `${base()}/nope`],
		['GET', `/destination/${other.id}/filters/${filter.id}`],
	]) {
		const answer = await call(method, path, payload);
		expect([method, path, answer.status]).toEqual([method, path, 404]);
		expect(answer.body).toEqual(NOT_FOUND);
	}
	expect((await call('GET', `/destinations/${destination.id}/filters?pagination.count=5`)).status).toBe(404);
});

test('filters go away with their destination, and with its source', async () => {
	await createOne();
	await call('DELETE', `/destinations/${destination.id}`);
	expect(sb.filters(destination.id)).toEqual([]);
	const again = (await call('POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sb, 'destinations', 'webhooks'), settings: {}, enabled: true })).body.data.destination;
	destination = again;
	await createOne();
	await call('DELETE', `/sources/${source.id}`);
	expect(sb.filters(again.id)).toEqual([]);
});

describe('create validation (422)', () => {
	test.each([
		[{ sourceId: undefined }, [validation('sourceId is required', 'sourceId')]],
		[{ if: undefined }, [validation('if is required', 'if')]],
		[{ if: ' ' }, [validation('if must not be empty', 'if')]],
		[{ actions: undefined }, [validation('actions is required', 'actions')]],
		[{ title: undefined }, [validation('title is required', 'title')]],
		[{ enabled: undefined }, [validation('enabled is required', 'enabled')]],
		[{ enabled: 'true' }, [validation('enabled must be a boolean', 'enabled')]],
		[{ description: 5 }, [validation('description must be a string', 'description')]],
		[{ sourceId: 'nope' }, [validation('sourceId does not match any source in this workspace', 'sourceId')]],
		[{ destinationId: 'x' }, [validation('Unknown field: destinationId', 'destinationId')]],
		[{ actions: {} }, [validation('actions must be an array', 'actions')]],
		[{ actions: [] }, [validation('actions must not be empty', 'actions')]],
		[{ actions: ['DROP'] }, [validation('actions[0] must be an object', 'actions[0]')]],
		[{ actions: [{ type: 'drop' }] }, [validation('actions[0].type must be one of DROP, SAMPLE, ALLOW_PROPERTIES, DROP_PROPERTIES', 'actions[0].type')]],
		[{ actions: [{ type: 'SAMPLE' }] }, [validation('actions[0].percent is required for SAMPLE', 'actions[0].percent')]],
		[{ actions: [{ type: 'SAMPLE', percent: 50 }] }, [validation('actions[0].percent must be a number from 0 to 1', 'actions[0].percent')]],
		[{ actions: [{ type: 'SAMPLE', percent: '0.5' }] }, [validation('actions[0].percent must be a number from 0 to 1', 'actions[0].percent')]],
		[{ actions: [{ type: 'SAMPLE', percent: 0.5, path: 3 }] }, [validation('actions[0].path must be a string', 'actions[0].path')]],
		[{ actions: [{ type: 'DROP', percent: 0.5 }] }, [validation('Unknown field: actions[0].percent (not used by DROP)', 'actions[0].percent')]],
		[{ actions: [{ type: 'ALLOW_PROPERTIES' }] }, [validation('actions[0].fields is required for ALLOW_PROPERTIES', 'actions[0].fields')]],
		[{ actions: [{ type: 'DROP_PROPERTIES', fields: ['email'] }] }, [validation('actions[0].fields must be an object of string arrays', 'actions[0].fields')]],
		[{ actions: [{ type: 'DROP_PROPERTIES', fields: { properties: 'email' } }] }, [validation('actions[0].fields must be an object of string arrays', 'actions[0].fields')]],
		[{ actions: [{ type: 'DROP_PROPERTIES', fields: { properties: [1] } }] }, [validation('actions[0].fields must be an object of string arrays', 'actions[0].fields')]],
	])('%j', async (extra, errors) => {
		const answer = await call('POST', base(), JSON.parse(JSON.stringify(body(extra))));
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.filters(destination.id)).toEqual([]);
	});
});

describe('update validation (422)', () => {
	test.each([
		[{ sourceId: 'x' }, [validation('Unknown field: sourceId', 'sourceId')]],
		[{ title: '' }, [validation('title must not be empty', 'title')]],
		[{ enabled: 1 }, [validation('enabled must be a boolean', 'enabled')]],
		[{ actions: [{ type: 'SAMPLE', percent: -0.1 }] }, [validation('actions[0].percent must be a number from 0 to 1', 'actions[0].percent')]],
		[{ if: 7 }, [validation('if must be a string', 'if')]],
	])('%j', async (payload, errors) => {
		const filter = await createOne();
		const answer = await call('PATCH', `${base()}/${filter.id}`, payload);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
		expect(sb.filters(destination.id)).toEqual([filter]);
	});
});
