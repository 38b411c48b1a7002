'use strict';
// Pagination: count required and bounded, opaque cursors, "next" absent on the last page.
const { client, validation, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

const COUNT_ERROR = { errors: [validation('pagination.count must be an integer from 1 to 200', 'pagination.count')] };
const CURSOR_ERROR = { errors: [validation('pagination.cursor is not a valid cursor', 'pagination.cursor')] };

test.each(['warehouses', 'sources', 'destinations'])('a list of %s without pagination.count answers 400', async (resource) => {
	const answer = await call('GET', `/${resource}`);
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation('pagination.count is required', 'pagination.count')] });
});

test.each(['0', '201', '-1', '1.5', 'abc', '', '1e2', '010', ' 5'])('pagination.count=%j answers 400', async (count) => {
	const answer = await call('GET', `/warehouses?pagination.count=${encodeURIComponent(count)}`);
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual(COUNT_ERROR);
});

test.each(['1', '200'])('pagination.count=%s is accepted', async (count) => {
	expect((await call('GET', `/warehouses?pagination.count=${count}`)).status).toBe(200);
});

test('walking the pages returns every entity once, in order, and next is absent on the last page', async () => {
	const ids = sb.bulk('warehouses', 7);
	const seen = [];
	let cursor;
	let pages = 0;
	do {
		const query = `pagination.count=3${cursor ? `&pagination.cursor=${encodeURIComponent(cursor)}` : ''}`;
		const answer = await call('GET', `/warehouses?${query}`);
		expect(answer.status).toBe(200);
		const { warehouses, pagination } = answer.body.data;
		expect(pagination.totalEntries).toBe(7);
		if (cursor) expect(pagination.current).toBe(cursor);
		seen.push(...warehouses.map((w) => w.id));
		cursor = pagination.next;
		pages++;
		if (pages === 3) expect(pagination).not.toHaveProperty('next');
	} while (cursor);
	expect(pages).toBe(3);
	expect(seen).toEqual(ids);
});

test('a page that ends exactly at the last entity has no next', async () => {
	sb.bulk('sources', 4);
	const answer = await call('GET', '/sources?pagination.count=4');
	expect(answer.body.data.sources).toHaveLength(4);
	expect(answer.body.data.pagination).toEqual({ current: answer.body.data.pagination.current, totalEntries: 4 });
});

test('an empty list has no next and totalEntries 0', async () => {
	const answer = await call('GET', '/destinations?pagination.count=10');
	expect(answer.body).toEqual({ data: { destinations: [], pagination: { current: expect.any(String), totalEntries: 0 } } });
});

test('deleting entities between pages neither repeats nor skips the others', async () => {
	const ids = sb.bulk('warehouses', 6);
	const first = await call('GET', '/warehouses?pagination.count=2');
	await call('DELETE', `/warehouses/${ids[2]}`);
	await call('DELETE', `/warehouses/${ids[3]}`);
	const second = await call('GET', `/warehouses?pagination.count=2&pagination.cursor=${encodeURIComponent(first.body.data.pagination.next)}`);
	expect(second.body.data.warehouses.map((w) => w.id)).toEqual([ids[4], ids[5]]);
	expect(second.body.data.pagination).not.toHaveProperty('next');
	expect(second.body.data.pagination.totalEntries).toBe(4);
});

test.each(['garbage', 'MA==x', '!!!', 'd2FyZWhvdXNlczp4', Buffer.from('warehouses:-1').toString('base64'), Buffer.from('sources:2').toString('base64')])(
	'a cursor %s this list did not make answers 400',
	async (cursor) => {
		const answer = await call('GET', `/warehouses?pagination.count=2&pagination.cursor=${encodeURIComponent(cursor)}`);
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual(CURSOR_ERROR);
	},
);

test('an empty cursor answers 400', async () => {
	const answer = await call('GET', '/warehouses?pagination.count=2&pagination.cursor=');
	expect(answer.body).toEqual(CURSOR_ERROR);
});

test('unknown query parameters answer 400', async () => {
	const answer = await call('GET', '/warehouses?pagination.count=2&limit=5');
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation('Unknown query parameter: limit', 'limit')] });
	const offset = await call('GET', '/warehouses?pagination.count=2&offset=0');
	expect(offset.body).toEqual({ errors: [validation('Unknown query parameter: offset', 'offset')] });
});

test('a repeated pagination.count answers 400', async () => {
	const answer = await call('GET', '/warehouses?pagination.count=2&pagination.count=3');
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation('pagination.count must be given once', 'pagination.count')] });
});

test('the first page reports a current cursor that pages again from the start', async () => {
	const ids = sb.bulk('warehouses', 3);
	const first = await call('GET', '/warehouses?pagination.count=2');
	const again = await call('GET', `/warehouses?pagination.count=2&pagination.cursor=${encodeURIComponent(first.body.data.pagination.current)}`);
	expect(again.body.data.warehouses.map((w) => w.id)).toEqual(ids.slice(0, 2));
});

describe('the bracket form Segment\'s SDK sends: pagination[count], pagination[cursor]', () => {
	const bracket = (count, cursor) => `pagination%5Bcount%5D=${count}${cursor === undefined ? '' : `&pagination%5Bcursor%5D=${encodeURIComponent(cursor)}`}`;

	test('pages exactly as the dotted form does, and the forms mix', async () => {
		const ids = sb.bulk('sources', 5);
		const first = await call('GET', `/sources?${bracket(2)}`);
		expect(first.status).toBe(200);
		expect(first.body.data.sources.map((s) => s.id)).toEqual(ids.slice(0, 2));
		const second = await call('GET', `/sources?${bracket(2, first.body.data.pagination.next)}`);
		expect(second.body.data.sources.map((s) => s.id)).toEqual(ids.slice(2, 4));
		const mixed = await call('GET', `/sources?pagination.count=2&pagination%5Bcursor%5D=${encodeURIComponent(second.body.data.pagination.next)}`);
		expect(mixed.body.data.sources.map((s) => s.id)).toEqual(ids.slice(4));
		expect(sb.requests[0].query).toEqual({ 'pagination[count]': '2' });
	});

	test('unencoded brackets work too; catalogs take them', async () => {
		expect((await call('GET', '/catalog/warehouses?pagination[count]=200')).body.data.warehousesCatalog.length).toBeGreaterThan(3);
	});

	test('its values are checked the same way, errors named in the dotted form', async () => {
		expect((await call('GET', `/warehouses?${bracket(0)}`)).body).toEqual(COUNT_ERROR);
		expect((await call('GET', `/warehouses?${bracket(2, 'bogus')}`)).body).toEqual(CURSOR_ERROR);
	});

	test('both forms of one key at once are a repetition: 400', async () => {
		const answer = await call('GET', `/warehouses?pagination.count=2&${bracket(3)}`);
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({ errors: [validation('pagination.count must be given once', 'pagination.count')] });
	});

	test('other bracket keys stay unknown', async () => {
		const answer = await call('GET', '/warehouses?pagination%5Bcount%5D=2&pagination%5Blimit%5D=3');
		expect(answer.body).toEqual({ errors: [validation('Unknown query parameter: pagination[limit]', 'pagination[limit]')] });
		const labels = await call('GET', '/labels?pagination%5Bcount%5D=2');
		expect(labels.body).toEqual({ errors: [validation('Unknown query parameter: pagination[count]', 'pagination[count]')] });
	});
});
