/**
 * The source operations of the user's description (five of the fifteen), each run in the real n8n engine
 * against the sandbox: what goes over the wire, and the items that come out; Simplify off.
 */
import { calls, catalogId, jsonOf, runSegment } from '../helpers/world';
import { useArrangedWorkspace } from '../helpers/useSandbox';
import { rl } from '../helpers/engine';

const { sandbox, ids } = useArrangedWorkspace();

describe('source', () => {
	it('Get Many lists sources with platform and categories from labels', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'list', limit: 20 }));
		expect(calls(sandbox)).toEqual(['GET /sources']);
		expect(out).toEqual([
			{
				id: ids.sourceId,
				name: 'Website Analytics',
				slug: 'website_analytics',
				metadata: { platform: 'web', categories: ['analytics'] },
				status: 'active',
				writeKeys: [expect.any(String)],
				catalog: { id: catalogId(sandbox, 'sources', 'javascript'), slug: 'javascript', name: expect.any(String) },
			},
		]);
	});

	it('Create picks the platform\'s catalog entry, creates missing labels and sets them', async () => {
		const out = jsonOf(
			await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'New Source', slug: 'new_source', platform: 'server', categories: ['crm'] }),
		);
		expect(calls(sandbox)).toEqual(['GET /catalog/sources', 'GET /labels', 'POST /labels', 'POST /labels', 'POST /sources', expect.stringMatching(/^PATCH \/sources\/[^/]+$/), expect.stringMatching(/^PUT \/sources\/.+\/labels$/)]);
		expect(sandbox.requests.filter((request) => request.method === 'POST' && request.segments[0] === 'labels').map((request) => request.body)).toEqual([
			{ label: { key: 'platform', value: 'server' } },
			{ label: { key: 'category', value: 'crm' } },
		]);
		// Segment's create has no name: it is set by the PATCH right after.
		expect(sandbox.requests[4].body).toEqual({ slug: 'new_source', enabled: true, metadataId: catalogId(sandbox, 'sources', 'http-api') });
		expect(sandbox.requests[5].body).toEqual({ name: 'New Source' });
		expect(sandbox.requests[6].body).toEqual({ labels: [{ key: 'platform', value: 'server' }, { key: 'category', value: 'crm' }] });
		expect(out).toEqual([
			{
				id: expect.any(String),
				name: 'New Source',
				slug: 'new_source',
				metadata: { platform: 'server', categories: ['crm'] },
				status: 'active',
				writeKeys: [expect.any(String)],
				catalog: { id: catalogId(sandbox, 'sources', 'http-api'), slug: 'http-api', name: expect.any(String) },
			},
		]);
	});

	it('Create uses the Catalog Entry when one is picked, and existing labels are not created again', async () => {
		const ios = catalogId(sandbox, 'sources', 'ios');
		await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'iOS', slug: 'ios_app', platform: 'web', categories: ['analytics'], catalogId: rl(ios) });
		expect(calls(sandbox)).toEqual(['GET /labels', 'POST /sources', expect.stringMatching(/^PATCH /), expect.stringMatching(/^PUT /)]);
		expect((sandbox.requests[1].body as { metadataId: string }).metadataId).toBe(ios);
	});

	it('Get returns one source', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'get', sourceId: rl(ids.sourceId) }));
		expect(calls(sandbox)).toEqual([`GET /sources/${ids.sourceId}`]);
		expect(out[0]).toMatchObject({ id: ids.sourceId, slug: 'website_analytics', metadata: { platform: 'web', categories: ['analytics'] } });
	});

	it('Update renames and replaces only the category labels, keeping the others', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'source',
				operation: 'update',
				sourceId: rl(ids.sourceId),
				updateFields: { name: 'Updated Source Name', categories: ['analytics', 'marketing'] },
			}),
		);
		expect(calls(sandbox)).toEqual([`GET /sources/${ids.sourceId}`, 'GET /labels', 'POST /labels', `PATCH /sources/${ids.sourceId}`, `PUT /sources/${ids.sourceId}/labels`]);
		expect(sandbox.requests[3].body).toEqual({ name: 'Updated Source Name' });
		expect(sandbox.requests[4].body).toEqual({
			labels: [
				{ key: 'platform', value: 'web' },
				{ key: 'team', value: 'growth' },
				{ key: 'category', value: 'analytics' },
				{ key: 'category', value: 'marketing' },
			],
		});
		expect(out[0]).toMatchObject({ name: 'Updated Source Name', slug: 'website_analytics', metadata: { platform: 'web', categories: ['analytics', 'marketing'] } });
	});

	it('Update of the name alone is one PATCH', async () => {
		await runSegment(sandbox, { resource: 'source', operation: 'update', sourceId: rl(ids.sourceId), updateFields: { name: 'Renamed' } });
		expect(calls(sandbox)).toEqual([`PATCH /sources/${ids.sourceId}`]);
	});

	it('Delete', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'delete', sourceId: rl(ids.sourceId) }));
		expect(calls(sandbox)).toEqual([`DELETE /sources/${ids.sourceId}`]);
		expect(out).toEqual([{ id: ids.sourceId, deleted: true, status: 204, message: 'Source deleted successfully.' }]);
	});
});

describe('Simplify off', () => {
	it('returns Segment\'s entity as it came', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'get', sourceId: rl(ids.sourceId), simplify: false }));
		expect(out[0]).toEqual(sandbox.entities('sources')[0]);
		expect(out[0]).toHaveProperty('labels');
		expect(out[0]).toHaveProperty('workspaceId');
	});
});
