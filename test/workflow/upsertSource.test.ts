/**
 * Source Create or Update (SPEC v2 §4.4), keyed by slug: the list read once per execution, a
 * create when nothing has the slug, only what differs sent when something does (one PATCH, the
 * labels with PUT), nothing at all when nothing differs — on the wire and in the items.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { arrangeWorkspace, calls, catalogId, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
beforeEach(() => sandbox.reset());

/** The desired sources, one per item, as a nightly workflow holds them. */
const UPSERT: INodeParameters = {
	resource: 'source',
	operation: 'upsert',
	name: '={{ $json.name }}',
	slug: '={{ $json.slug }}',
	platform: '={{ $json.platform }}',
	categories: '={{ $json.categories }}',
};
const DESIRED: IDataObject[] = [
	{ name: 'Checkout', slug: 'checkout', platform: 'web', categories: ['analytics'] },
	{ name: 'Billing Events', slug: 'billing_events', platform: 'server', categories: ['crm', 'marketing'] },
];

/** An item without its `upsert` outcome. */
function withoutOutcome(item: IDataObject): IDataObject {
	const rest = { ...item };
	delete rest.upsert;
	return rest;
}

const writes = () => calls(sandbox).filter((call) => !call.startsWith('GET '));
const bodyOf = (call: string) => sandbox.requests[calls(sandbox).indexOf(call)].body;

describe('source Create or Update', () => {
	it('two runs of one workflow: the first creates, the second reads the list once and writes nothing', async () => {
		const first = jsonOf(await runSegment(sandbox, UPSERT, { items: DESIRED }));
		expect(first.map((item) => [item.slug, item.upsert])).toEqual([['checkout', 'created'], ['billing_events', 'created']]);
		const [checkout, billing] = first.map((item) => String(item.id));
		expect(calls(sandbox)).toEqual([
			'GET /sources',
			'GET /catalog/sources',
			'GET /labels',
			'POST /labels',
			'POST /labels',
			'POST /sources',
			`PATCH /sources/${checkout}`,
			`PUT /sources/${checkout}/labels`,
			'POST /labels',
			'POST /labels',
			'POST /labels',
			'POST /sources',
			`PATCH /sources/${billing}`,
			`PUT /sources/${billing}/labels`,
		]);
		expect(sandbox.requests[0].query).toEqual({ 'pagination.count': '200' });
		expect(bodyOf('POST /sources')).toEqual({ slug: 'checkout', enabled: true, metadataId: catalogId(sandbox, 'sources', 'javascript') });

		sandbox.clearRequests();
		const second = jsonOf(await runSegment(sandbox, UPSERT, { items: DESIRED }));
		expect(calls(sandbox)).toEqual(['GET /sources']);
		expect(second.map((item) => item.upsert)).toEqual(['unchanged', 'unchanged']);
		// The same entity, simplified, as the first run gave it.
		expect(second.map(withoutOutcome)).toEqual(first.map(withoutOutcome));
		expect(second[1]).toMatchObject({ id: billing, name: 'Billing Events', metadata: { platform: 'server', categories: ['crm', 'marketing'] }, status: 'active' });
	});

	it('a changed name: exactly one PATCH with the name; other labels of the source are kept', async () => {
		const { sourceId } = await arrangeWorkspace(sandbox);
		const out = jsonOf(await runSegment(sandbox, { ...UPSERT, name: 'Website (renamed)', slug: 'website_analytics', platform: 'web', categories: ['analytics'] }));
		expect(calls(sandbox)).toEqual(['GET /sources', `PATCH /sources/${sourceId}`]);
		expect(sandbox.requests[1].body).toEqual({ name: 'Website (renamed)' });
		expect(out).toEqual([expect.objectContaining({ id: sourceId, name: 'Website (renamed)', upsert: 'updated', metadata: { platform: 'web', categories: ['analytics'] } })]);
		const labels = (sandbox.entities('sources')[0].labels as IDataObject[]).map((label) => `${String(label.key)}:${String(label.value)}`);
		expect(labels).toContain('team:growth');
	});

	it('changed categories: only the labels (made when missing, then PUT with the others kept), no PATCH', async () => {
		const { sourceId } = await arrangeWorkspace(sandbox);
		const out = jsonOf(await runSegment(sandbox, { ...UPSERT, name: 'Website Analytics', slug: 'website_analytics', platform: 'web', categories: ['analytics', 'marketing'] }));
		expect(calls(sandbox)).toEqual(['GET /sources', 'GET /labels', 'POST /labels', `PUT /sources/${sourceId}/labels`]);
		expect(sandbox.requests[2].body).toEqual({ label: { key: 'category', value: 'marketing' } });
		expect(sandbox.requests[3].body).toEqual({
			labels: [{ key: 'team', value: 'growth' }, { key: 'platform', value: 'web' }, { key: 'category', value: 'analytics' }, { key: 'category', value: 'marketing' }],
		});
		expect(out[0]).toMatchObject({ upsert: 'updated', metadata: { platform: 'web', categories: ['analytics', 'marketing'] } });
	});

	it('Enabled off and Simplify off: one PATCH {enabled:false}, Segment\'s entity with upsert', async () => {
		const { sourceId } = await arrangeWorkspace(sandbox);
		const out = jsonOf(await runSegment(sandbox, { ...UPSERT, name: 'Website Analytics', slug: 'website_analytics', platform: 'web', categories: ['analytics'], additionalFields: { enabled: false }, simplify: false }));
		expect(writes()).toEqual([`PATCH /sources/${sourceId}`]);
		expect(sandbox.requests[1].body).toEqual({ enabled: false });
		expect(out[0]).toMatchObject({ id: sourceId, slug: 'website_analytics', enabled: false, workspaceId: expect.any(String), writeKeys: expect.any(Array), upsert: 'updated' });
		expect(out[0]).toHaveProperty('labels');
	});

	it('duplicate keys in one run: one create, then an update of what differs, then nothing', async () => {
		const items = [DESIRED[0], { ...DESIRED[0], name: 'Checkout v2' }, { ...DESIRED[0], name: 'Checkout v2' }];
		const out = jsonOf(await runSegment(sandbox, UPSERT, { items }));
		expect(out.map((item) => item.upsert)).toEqual(['created', 'updated', 'unchanged']);
		expect(new Set(out.map((item) => item.id)).size).toBe(1);
		const id = String(out[0].id);
		expect(calls(sandbox).filter((call) => call === 'POST /sources')).toHaveLength(1);
		expect(writes().slice(-1)).toEqual([`PATCH /sources/${id}`]);
		expect(sandbox.requests.at(-1)!.body).toEqual({ name: 'Checkout v2' });
		expect(calls(sandbox).filter((call) => call === 'GET /sources')).toHaveLength(1);
		expect(out[2]).toMatchObject({ name: 'Checkout v2', upsert: 'unchanged' });
	});

	it('Options > Concurrency 5 with duplicate keys: still one create per slug, one list read', async () => {
		const items = Array.from({ length: 10 }, (_v, n) => DESIRED[n % 2]);
		const result = await runSegment(sandbox, { ...UPSERT, options: { concurrency: 5 } }, { items });
		const out = jsonOf(result);
		expect(calls(sandbox).filter((call) => call === 'POST /sources')).toHaveLength(2);
		expect(calls(sandbox).filter((call) => call === 'GET /sources')).toHaveLength(1);
		expect(calls(sandbox).filter((call) => call === 'GET /catalog/sources')).toHaveLength(1);
		expect(out.map((item) => item.upsert)).toEqual(['created', 'created', ...Array(8).fill('unchanged')]);
		expect(out.map((item) => item.slug)).toEqual(items.map((item) => item.slug));
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_item, item) => ({ item })));
		expect(sandbox.entities('sources')).toHaveLength(2);
	});

	it('two existing sources with the key (a list Segment should not give): an error naming both ids, nothing written', async () => {
		const [a, b] = sandbox.bulk('sources', 2);
		const listed = sandbox.entities('sources').map((entity) => ({ ...entity, slug: 'checkout' }));
		sandbox.addFault({ method: 'GET', path: '/sources', status: 200, body: { data: { sources: listed, pagination: { current: 'x', totalEntries: 2 } } } });
		const result = await runSegment(sandbox, UPSERT, { items: [DESIRED[0]] });
		expect(result.error.message).toBe(`2 sources in the workspace have slug "checkout": ${a}, ${b} (item 0)`);
		expect(result.error.description).toMatch(/nothing was sent/);
		expect(writes()).toEqual([]);
	});

	it('Continue On Fail: a bad item becomes an error item naming the parameter and the item; the others go on', async () => {
		const items = [DESIRED[0], { ...DESIRED[1], slug: 'Not A Slug' }, { ...DESIRED[1], categories: ['sports'] }, DESIRED[1]];
		const result = await runSegment(sandbox, UPSERT, { items, continueOnFail: true });
		const out = jsonOf(result);
		expect(out[0]).toMatchObject({ slug: 'checkout', upsert: 'created' });
		expect(out[1]).toEqual({ error: 'Slug "Not A Slug" is not a valid source slug (item 1)', description: expect.any(String) });
		expect(out[2].error).toBe('Categories may only contain analytics, marketing, crm; "sports" is not one of them (item 2)');
		expect(out[3]).toMatchObject({ slug: 'billing_events', upsert: 'created' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		// A bad item sends nothing: two creates, one list read.
		expect(calls(sandbox).filter((call) => call === 'POST /sources')).toHaveLength(2);
		expect(calls(sandbox).filter((call) => call === 'GET /sources')).toHaveLength(1);
	});

	it('a list read that fails is one error for the item, and the next item reads again (Continue On Fail)', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 500 });
		const out = jsonOf(await runSegment(sandbox, UPSERT, { items: DESIRED, continueOnFail: true }));
		expect(out[0].error).toMatch(/server error \(500\)/);
		expect(out[1]).toMatchObject({ slug: 'billing_events', upsert: 'created' });
		expect(calls(sandbox).filter((call) => call === 'GET /sources')).toHaveLength(2);
	});

	it('a step after the PATCH fails: the error says what was updated and what was not', async () => {
		const { sourceId } = await arrangeWorkspace(sandbox);
		sandbox.addFault({ method: 'PUT', path: '/sources', status: 422, body: { errors: [{ type: 'ValidationError', message: 'labels refused', field: 'labels' }] } });
		const result = await runSegment(sandbox, { ...UPSERT, name: 'Renamed', slug: 'website_analytics', platform: 'server', categories: ['analytics'] });
		expect(result.error.message).toBe(`Source ${sourceId} was updated (its name), but its platform and category labels could not be set: Segment refused the request: labels: labels refused (item 0)`);
		expect(result.error.description).toMatch(/^Run Create or Update again to finish it/);
		expect(sandbox.entities('sources')[0].name).toBe('Renamed');
	});

	it('a create left unfinished is found by the next item with its slug, which finishes it', async () => {
		sandbox.addFault({ method: 'PATCH', path: '/sources', status: 500 });
		const out = jsonOf(await runSegment(sandbox, UPSERT, { items: [DESIRED[0], DESIRED[0]], continueOnFail: true }));
		const [created] = sandbox.entities('sources');
		expect(out[0].error).toBe(`Source ${String(created.id)} was created, but its name, its platform and category labels could not be set: Segment had a server error (500) (item 0)`);
		expect(out[1]).toMatchObject({ id: created.id, name: 'Checkout', upsert: 'updated', metadata: { platform: 'web', categories: ['analytics'] } });
		expect(calls(sandbox).filter((call) => call === 'POST /sources')).toHaveLength(1);
		expect(sandbox.entities('sources')).toHaveLength(1);
	});

	it('a Catalog Entry other than the source\'s is an error (Segment cannot change it)', async () => {
		const { sourceId } = await arrangeWorkspace(sandbox);
		const other = catalogId(sandbox, 'sources', 'http-api');
		const result = await runSegment(sandbox, { ...UPSERT, name: 'Website Analytics', slug: 'website_analytics', platform: 'web', categories: ['analytics'], catalogId: { __rl: true, mode: 'id', value: other } });
		expect(result.error.message).toBe(`Catalog Entry: source ${sourceId} (slug website_analytics) is a Javascript source (catalog entry ${catalogId(sandbox, 'sources', 'javascript')}), not ${other} (item 0)`);
		expect(writes()).toEqual([]);
	});
});
