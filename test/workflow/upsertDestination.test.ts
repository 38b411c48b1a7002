/**
 * Destination Create or Update (SPEC v2 §4.4), keyed by source, catalog slug ("_" and "-" alike)
 * and name: the list read once per execution, the catalog only for a create, one PATCH with only
 * the settings (and Enabled) that differ, a secret-named setting always sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, catalogId, jsonOf, runSegment, segmentApi } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
let ids: { warehouseId: string; sourceId: string; destinationId: string };
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeWorkspace(sandbox);
});

const UPSERT = (): INodeParameters => ({
	resource: 'destination',
	operation: 'upsert',
	name: '={{ $json.name }}',
	slug: '={{ $json.slug }}',
	platform: 'web',
	categories: ['analytics'],
	sourceId: rl(ids.sourceId),
	additionalFields: { settings: '={{ $json.settings }}' },
});
const AMPLITUDE = { name: 'Product Analytics', slug: 'amplitude', settings: { region: 'us' } };
const GA = { name: 'Google Analytics', slug: 'google_analytics', settings: { trackingId: 'UA-1' } };

const writes = () => calls(sandbox).filter((call) => !call.startsWith('GET '));
const bodies = () => sandbox.requests.filter((request) => request.method !== 'GET').map((request) => request.body);

describe('destination Create or Update', () => {
	it('two runs of one workflow: the first creates what is missing, the second reads the list once and writes nothing', async () => {
		const first = jsonOf(await runSegment(sandbox, UPSERT(), { items: [AMPLITUDE, GA] }));
		// The arranged Google Analytics has the key already ("google_analytics" is its slug "google-analytics").
		expect(calls(sandbox)).toEqual(['GET /destinations', 'GET /catalog/destinations', 'POST /destinations']);
		expect(bodies()).toEqual([{ sourceId: ids.sourceId, metadataId: catalogId(sandbox, 'destinations', 'amplitude'), settings: { region: 'us' }, name: 'Product Analytics', enabled: true }]);
		expect(first.map((item) => [item.name, item.slug, item.upsert])).toEqual([['Product Analytics', 'amplitude', 'created'], ['Google Analytics', 'google-analytics', 'unchanged']]);
		expect(first[1]).toEqual({ id: ids.destinationId, name: 'Google Analytics', slug: 'google-analytics', metadata: { platform: 'web', categories: ['analytics'] }, status: 'active', sourceId: ids.sourceId, upsert: 'unchanged' });

		sandbox.clearRequests();
		const second = jsonOf(await runSegment(sandbox, UPSERT(), { items: [AMPLITUDE, GA] }));
		expect(calls(sandbox)).toEqual(['GET /destinations']);
		expect(second.map((item) => item.upsert)).toEqual(['unchanged', 'unchanged']);
		expect(second[0]).toMatchObject({ id: first[0].id, metadata: { platform: 'web', categories: ['analytics'] } });
	});

	it('a changed setting: exactly one PATCH with that setting; Enabled off joins the same PATCH', async () => {
		const out = jsonOf(await runSegment(sandbox, { ...UPSERT(), additionalFields: { settings: '{"trackingId": "UA-2"}', enabled: false } }, { items: [GA] }));
		expect(writes()).toEqual([`PATCH /destinations/${ids.destinationId}`]);
		expect(bodies()).toEqual([{ settings: { trackingId: 'UA-2' }, enabled: false }]);
		expect(out[0]).toMatchObject({ id: ids.destinationId, status: 'inactive', upsert: 'updated' });
		expect(sandbox.entities('destinations')[0].settings).toEqual({ trackingId: 'UA-2' });
	});

	it('a secret-named setting cannot be compared: sent on every run, with only itself', async () => {
		const items = [{ ...AMPLITUDE, settings: { region: 'us', apiKey: 'amp-key-123456' } }];
		await runSegment(sandbox, UPSERT(), { items });
		const [, amplitude] = sandbox.entities('destinations');
		sandbox.clearRequests();
		const out = jsonOf(await runSegment(sandbox, UPSERT(), { items }));
		expect(writes()).toEqual([`PATCH /destinations/${String(amplitude.id)}`]);
		expect(bodies()).toEqual([{ settings: { apiKey: 'amp-key-123456' } }]);
		expect(out[0].upsert).toBe('updated');
	});

	it('Simplify off: Segment\'s entity with upsert', async () => {
		const out = jsonOf(await runSegment(sandbox, { ...UPSERT(), simplify: false }, { items: [GA] }));
		expect(out[0]).toMatchObject({ id: ids.destinationId, enabled: true, sourceId: ids.sourceId, settings: { trackingId: 'UA-1' }, metadata: expect.objectContaining({ slug: 'google-analytics' }), upsert: 'unchanged' });
	});

	it('a platform the destination\'s entry does not support is refused, naming what it supports; nothing is written', async () => {
		await segmentApi(sandbox, 'POST', '/destinations', { sourceId: ids.sourceId, metadataId: catalogId(sandbox, 'destinations', 'facebook-pixel'), name: 'Pixel', enabled: true, settings: {} });
		sandbox.clearRequests();
		const result = await runSegment(sandbox, { ...UPSERT(), platform: 'mobile' }, { items: [{ ...GA, slug: 'facebook-pixel', name: 'Pixel' }] });
		expect(result.error.message).toBe('Facebook Pixel does not support platform mobile (item 0)');
		expect(result.error.description).toBe('It supports: web (browser). Choose one of those under Platform.');
		// Checked against the destination's own entry: no catalog read.
		expect(calls(sandbox)).toEqual(['GET /destinations']);
	});

	it('duplicate keys in one run: one create, then an update, then nothing', async () => {
		const items = [AMPLITUDE, { ...AMPLITUDE, settings: { region: 'eu' } }, { ...AMPLITUDE, settings: { region: 'eu' } }];
		const out = jsonOf(await runSegment(sandbox, UPSERT(), { items }));
		expect(out.map((item) => item.upsert)).toEqual(['created', 'updated', 'unchanged']);
		expect(writes()).toEqual(['POST /destinations', `PATCH /destinations/${String(out[0].id)}`]);
		expect(bodies()[1]).toEqual({ settings: { region: 'eu' } });
	});

	it('Options > Concurrency 5 with duplicate keys: still one create per key', async () => {
		const items = Array.from({ length: 10 }, (_v, n) => [AMPLITUDE, { ...AMPLITUDE, name: 'Second Amplitude' }][n % 2]);
		const result = await runSegment(sandbox, { ...UPSERT(), options: { concurrency: 5 } }, { items });
		const out = jsonOf(result);
		expect(writes()).toEqual(['POST /destinations', 'POST /destinations']);
		expect(calls(sandbox).filter((call) => call.startsWith('GET /destinations') || call.startsWith('GET /catalog'))).toEqual(['GET /destinations', 'GET /catalog/destinations']);
		expect(out.map((item) => item.upsert)).toEqual(['created', 'created', ...Array(8).fill('unchanged')]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_item, item) => ({ item })));
	});

	it('two destinations with the key: an error naming both ids; another source or name is no match', async () => {
		const second = (await segmentApi(sandbox, 'POST', '/destinations', { sourceId: ids.sourceId, metadataId: catalogId(sandbox, 'destinations', 'google-analytics'), name: 'Google Analytics', enabled: true, settings: {} })).destination as IDataObject;
		sandbox.clearRequests();
		const result = await runSegment(sandbox, UPSERT(), { items: [GA] });
		expect(result.error.message).toBe(`2 destinations in the workspace have name "Google Analytics", slug google_analytics and source ${ids.sourceId}: ${ids.destinationId}, ${String(second.id)} (item 0)`);
		expect(result.error.description).toMatch(/Delete or rename all but one of them/);
		expect(writes()).toEqual([]);
		const other = jsonOf(await runSegment(sandbox, UPSERT(), { items: [{ ...GA, name: 'Google Analytics (staging)' }] }));
		expect(other[0]).toMatchObject({ name: 'Google Analytics (staging)', upsert: 'created' });
	});

	it('Continue On Fail: each bad item is an error naming its parameter and item; the others go on', async () => {
		const items = [{ ...GA, slug: 'google analytics' }, { ...AMPLITUDE, settings: '[1]' }, { ...AMPLITUDE, slug: 'no-such-tool' }, AMPLITUDE];
		const result = await runSegment(sandbox, UPSERT(), { items, continueOnFail: true });
		const out = jsonOf(result);
		expect(out[0].error).toBe('Slug "google analytics" is not a destination catalog slug (item 0)');
		expect(out[1].error).toBe('Additional Fields > Settings must be a JSON object, not a list (item 1)');
		expect(out[2].error).toBe('Segment\'s destination catalog has no entry with slug "no-such-tool" (item 2)');
		expect(out[3]).toMatchObject({ name: 'Product Analytics', upsert: 'created' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(writes()).toEqual(['POST /destinations']);
	});
});
