/**
 * The destination operations of the user's description (five of the fifteen), each run in the real n8n
 * engine against the sandbox: what goes over the wire, and the items that come out.
 */
import { calls, catalogId, jsonOf, runSegment } from '../helpers/world';
import { useArrangedWorkspace } from '../helpers/useSandbox';
import { rl } from '../helpers/engine';

const { sandbox, ids } = useArrangedWorkspace();

describe('destination', () => {
	it('Get Many lists destinations with the catalog entry\'s slug and categories', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'destination', operation: 'list', limit: 20 }));
		expect(calls(sandbox)).toEqual(['GET /destinations']);
		expect(out).toEqual([
			{ id: ids.destinationId, name: 'Google Analytics', slug: 'google-analytics', metadata: { platform: 'web', categories: ['analytics'] }, status: 'active', sourceId: ids.sourceId },
		]);
	});

	it('Create finds the catalog entry by slug (_ and - alike) and checks the platform', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'destination',
				operation: 'create',
				name: 'New Destination',
				slug: 'google_analytics',
				platform: 'server',
				categories: ['analytics'],
				sourceId: rl(ids.sourceId),
				additionalFields: { settings: '{"trackingId": "UA-2"}' },
			}),
		);
		expect(calls(sandbox)).toEqual(['GET /catalog/destinations', 'POST /destinations']);
		expect(sandbox.requests[1].body).toEqual({
			sourceId: ids.sourceId,
			metadataId: catalogId(sandbox, 'destinations', 'google-analytics'),
			settings: { trackingId: 'UA-2' },
			name: 'New Destination',
			enabled: true,
		});
		expect(out).toEqual([
			{ id: expect.any(String), name: 'New Destination', slug: 'google-analytics', metadata: { platform: 'server', categories: ['analytics'] }, status: 'active', sourceId: ids.sourceId },
		]);
	});

	it('Create refuses a platform the entry does not support, naming the supported ones, and sends nothing', async () => {
		const result = await runSegment(sandbox, {
			resource: 'destination',
			operation: 'create',
			name: 'Pixel',
			slug: 'facebook-pixel',
			platform: 'server',
			categories: ['ads'],
			sourceId: rl(ids.sourceId),
		});
		expect(result.error.message).toMatch(/does not support platform server \(item 0\)/);
		expect(result.error.description).toMatch(/It supports: web \(browser\)/);
		expect(calls(sandbox)).toEqual(['GET /catalog/destinations']);
	});

	it('Create with an unknown slug says what is similar', async () => {
		const result = await runSegment(sandbox, {
			resource: 'destination',
			operation: 'create',
			name: 'x',
			slug: 'google',
			platform: 'web',
			categories: ['analytics'],
			sourceId: rl(ids.sourceId),
		});
		expect(result.error.message).toMatch(/no entry with slug "google"/);
		expect(result.error.description).toMatch(/google-analytics/);
	});

	it('Get returns one destination', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'destination', operation: 'get', destinationId: rl(ids.destinationId) }));
		expect(calls(sandbox)).toEqual([`GET /destinations/${ids.destinationId}`]);
		expect(out[0]).toMatchObject({ id: ids.destinationId, slug: 'google-analytics', sourceId: ids.sourceId });
	});

	it('Update sends name, enabled and settings', async () => {
		const out = jsonOf(
			await runSegment(sandbox, {
				resource: 'destination',
				operation: 'update',
				destinationId: rl(ids.destinationId),
				updateFields: { name: 'Updated Destination Name', enabled: false, settings: { anonymizeIp: true } },
			}),
		);
		expect(calls(sandbox)).toEqual([`PATCH /destinations/${ids.destinationId}`]);
		expect(sandbox.requests[0].body).toEqual({ name: 'Updated Destination Name', enabled: false, settings: { anonymizeIp: true } });
		expect(out[0]).toMatchObject({ name: 'Updated Destination Name', status: 'inactive' });
		expect(sandbox.entities('destinations')[0].settings).toEqual({ trackingId: 'UA-1', anonymizeIp: true });
	});

	it('Delete', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'destination', operation: 'delete', destinationId: rl(ids.destinationId) }));
		expect(out).toEqual([{ id: ids.destinationId, deleted: true, status: 204, message: 'Destination deleted successfully.' }]);
	});
});
