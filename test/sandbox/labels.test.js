'use strict';
// Workspace labels and source labels.
const { client, catalogId, NOT_FOUND, validation, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

async function newSource() {
	const answer = await call('POST', '/sources', { slug: 'site', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') });
	return answer.body.data.source;
}

test('labels start empty; create adds one, with or without description', async () => {
	expect((await call('GET', '/labels')).body).toEqual({ data: { labels: [] } });
	const one = await call('POST', '/labels', { label: { key: 'platform', value: 'web' } });
	expect(one.status).toBe(200);
	expect(one.body).toEqual({ data: { label: { key: 'platform', value: 'web' } } });
	const two = await call('POST', '/labels', { label: { key: 'category', value: 'crm', description: 'Sales' } });
	expect(two.body).toEqual({ data: { label: { key: 'category', value: 'crm', description: 'Sales' } } });
	const list = await call('GET', '/labels');
	expect(list.body).toEqual({ data: { labels: [{ key: 'platform', value: 'web' }, { key: 'category', value: 'crm', description: 'Sales' }] } });
	expect(sb.labels()).toEqual(list.body.data.labels);
	expect(sb.labels('eu')).toEqual([]);
});

test('a duplicate label answers 422', async () => {
	await call('POST', '/labels', { label: { key: 'platform', value: 'web' } });
	const answer = await call('POST', '/labels', { label: { key: 'platform', value: 'web', description: 'again' } });
	expect(answer.status).toBe(422);
	expect(answer.body).toEqual({ errors: [validation('Label platform:web already exists', 'label')] });
	expect(sb.labels()).toHaveLength(1);
});

test.each([
	[{}, [validation('label is required', 'label')]],
	[{ label: 'platform:web' }, [validation('label must be an object', 'label')]],
	[{ label: { key: 'platform' } }, [validation('label.value is required', 'label.value')]],
	[{ label: { value: 'web' } }, [validation('label.key is required', 'label.key')]],
	[{ label: { key: '', value: 'web' } }, [validation('label.key must not be empty', 'label.key')]],
	[{ label: { key: 'platform', value: 3 } }, [validation('label.value must be a string', 'label.value')]],
	[{ label: { key: 'p', value: 'w', color: 'red' } }, [validation('Unknown field: label.color', 'label.color')]],
	[{ label: { key: 'p', value: 'w' }, labels: [] }, [validation('Unknown field: labels', 'labels')]],
])('POST /labels %j answers 422', async (body, errors) => {
	const answer = await call('POST', '/labels', body);
	expect(answer.status).toBe(422);
	expect(answer.body).toEqual({ errors });
});

test('GET /labels takes no pagination', async () => {
	const answer = await call('GET', '/labels?pagination.count=10');
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ errors: [validation('Unknown query parameter: pagination.count', 'pagination.count')] });
});

describe('PUT /sources/{id}/labels', () => {
	beforeEach(async () => {
		for (const [key, value] of [['platform', 'web'], ['category', 'analytics'], ['env', 'prod']]) {
			await call('POST', '/labels', { label: { key, value } });
		}
	});

	test('replaces the source labels and shows them on the source', async () => {
		const source = await newSource();
		const first = await call('PUT', `/sources/${source.id}/labels`, { labels: [{ key: 'platform', value: 'web' }, { key: 'env', value: 'prod' }] });
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ data: { labels: [{ key: 'platform', value: 'web' }, { key: 'env', value: 'prod' }] } });
		const second = await call('PUT', `/sources/${source.id}/labels`, { labels: [{ key: 'category', value: 'analytics' }] });
		expect(second.body).toEqual({ data: { labels: [{ key: 'category', value: 'analytics' }] } });
		const got = await call('GET', `/sources/${source.id}`);
		expect(got.body.data.source.labels).toEqual([{ key: 'category', value: 'analytics' }]);
		expect((await call('PUT', `/sources/${source.id}/labels`, { labels: [] })).body).toEqual({ data: { labels: [] } });
	});

	test('a label missing from the workspace answers 422 naming it, and nothing changes', async () => {
		const source = await newSource();
		await call('PUT', `/sources/${source.id}/labels`, { labels: [{ key: 'env', value: 'prod' }] });
		const answer = await call('PUT', `/sources/${source.id}/labels`, { labels: [{ key: 'platform', value: 'web' }, { key: 'platform', value: 'tv' }] });
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors: [validation('Label platform:tv does not exist in this workspace', 'labels[1]')] });
		expect(sb.entities('sources')[0].labels).toEqual([{ key: 'env', value: 'prod' }]);
	});

	test.each([
		[{}, [validation('labels is required', 'labels')]],
		[{ labels: { key: 'platform', value: 'web' } }, [validation('labels must be an array', 'labels')]],
		[{ labels: ['platform:web'] }, [validation('labels[0] must be an object', 'labels[0]')]],
		[{ labels: [{ key: 'platform' }] }, [validation('labels[0].value is required', 'labels[0].value')]],
		[{ labels: [{ key: 'platform', value: 'web', description: 'x' }] }, [validation('Unknown field: labels[0].description', 'labels[0].description')]],
		[{ labels: [{ key: 'platform', value: 'web' }, { key: 'platform', value: 'web' }] }, [validation('Label platform:web is listed twice', 'labels[1]')]],
		[{ labels: [], extra: true }, [validation('Unknown field: extra', 'extra')]],
	])('%j answers 422', async (body, errors) => {
		const source = await newSource();
		const answer = await call('PUT', `/sources/${source.id}/labels`, body);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ errors });
	});

	test('an unknown source answers 404', async () => {
		const answer = await call('PUT', '/sources/nope/labels', { labels: [] });
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual(NOT_FOUND);
	});

	test('only PUT is allowed', async () => {
		const source = await newSource();
		const answer = await call('GET', `/sources/${source.id}/labels`);
		expect(answer.status).toBe(405);
		expect(answer.headers.get('allow')).toBe('PUT');
	});
});
