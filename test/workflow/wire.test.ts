/**
 * What crosses the wire: paging, both token modes, the EU region, id encoding,
 * the proxy's headers, and list search / options loading the way the editor calls them.
 */
import { ParagonProxyApi } from '../../credentials/ParagonProxyApi.credentials';
import { clearTokenCache, signatureCount } from '../../nodes/shared/transport/userToken';
import { rl } from '../helpers/engine';
import {
	arrangeWorkspace,
	calls,
	engine,
	jsonOf,
	PROJECT_ID,
	runSegment,
	signingKeyCredentials,
	USER_TOKEN,
	userTokenCredentials,
} from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
beforeEach(() => {
	sandbox.reset();
	clearTokenCache();
});

function counts(): number[] {
	return sandbox.requests.map((request) => Number(request.query['pagination.count']));
}

describe('Get Many paging', () => {
	beforeEach(() => {
		sandbox.bulk('warehouses', 450);
		sandbox.clearRequests();
	});

	it('Return All walks 450 warehouses in 3 requests of at most 200', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'list', returnAll: true }));
		expect(out).toHaveLength(450);
		expect(new Set(out.map((item) => item.id)).size).toBe(450);
		expect(counts()).toEqual([200, 200, 200]);
		expect(sandbox.requests[0].query['pagination.cursor']).toBeUndefined();
		expect(sandbox.requests[1].query['pagination.cursor']).toEqual(expect.any(String));
	});

	it('offset + limit returns the right slice with the fewest requests', async () => {
		const all = sandbox.entities('warehouses').map((entity) => entity.id);
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'list', offset: 390, limit: 20 }));
		expect(out.map((item) => item.id)).toEqual(all.slice(390, 410));
		expect(counts()).toEqual([200, 200, 10]);
	});

	it('the default limit is 50, in one request', async () => {
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'list' }));
		expect(out).toHaveLength(50);
		expect(counts()).toEqual([50]);
	});

	it('runs once per input item, each output paired with its item', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'list', limit: '={{ $json.n }}' }, { items: [{ n: 2 }, { n: 3 }] });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }, { item: 1 }]);
		expect(counts()).toEqual([2, 3]);
	});
});

describe('the proxy request', () => {
	it('carries the bearer token, JSON headers and Segment\'s real path under the project', async () => {
		await runSegment(sandbox, { resource: 'source', operation: 'list' });
		const [request] = sandbox.requests;
		expect(request.url).toBe(`/projects/${PROJECT_ID}/sdk/proxy/segment/sources?pagination.count=50`);
		expect(request.headers.authorization).toBe(`Bearer ${USER_TOKEN}`);
		expect(request.headers.accept).toBe('application/json');
		expect(request.region).toBe('us');
	});

	it('keeps an id like ../workspaces one encoded segment, and names it when not found', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl('../workspaces') });
		const [request] = sandbox.requests;
		expect(request.segmentPath).toBe('/warehouses/..%2Fworkspaces');
		expect(request.segments).toEqual(['warehouses', '../workspaces']);
		expect(result.error.message).toBe('Warehouse ../workspaces was not found');
		expect(result.error.httpCode).toBe('404');
	});

	it('keeps a query-looking id out of the query', async () => {
		await runSegment(sandbox, { resource: 'source', operation: 'delete', sourceId: rl('a/b?x=1#frag') });
		expect(sandbox.requests[0].segments).toEqual(['sources', 'a/b?x=1#frag']);
		expect(sandbox.requests[0].query).toEqual({});
	});
});

describe('signing-key mode', () => {
	it('signs a JWT the proxy accepts, once for the whole run', async () => {
		sandbox.bulk('sources', 3);
		const before = signatureCount();
		const result = await runSegment(sandbox, { resource: 'source', operation: 'list', limit: 1 }, { credentials: signingKeyCredentials(sandbox), items: [{}, {}, {}] });
		expect(jsonOf(result)).toHaveLength(3);
		expect(signatureCount() - before).toBe(1);
		const tokens = new Set(sandbox.requests.map((request) => request.headers.authorization));
		expect(tokens.size).toBe(1);
		const payload = JSON.parse(Buffer.from([...tokens][0].split('.')[1], 'base64url').toString());
		expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'sub']);
		expect(payload).toMatchObject({ sub: 'sandbox-user', aud: `useparagon.com/${PROJECT_ID}` });
		expect(payload.exp - payload.iat).toBe(3600);
	});

	it('a key Paragon does not know is refused with a hint about the signing key', async () => {
		const { generateKeyPairSync } = await import('node:crypto');
		const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const result = await runSegment(sandbox, { resource: 'source', operation: 'list' }, { credentials: signingKeyCredentials(sandbox, { signingKey: other }) });
		expect(result.error.message).toBe('Paragon rejected the user token');
		expect(result.error.description).toMatch(/Signing Key/);
		expect(result.error.httpCode).toBe('401');
		expect(JSON.stringify(result.error)).not.toContain(other.split('\n')[1]);
	});
});

describe('EU region', () => {
	it('sends requests to Segment\'s EU host through the proxy, into the EU workspace', async () => {
		const out = jsonOf(
			await runSegment(
				sandbox,
				{ resource: 'source', operation: 'create', name: 'EU Site', slug: 'eu_site', platform: 'web', categories: ['analytics'] },
				{ credentials: userTokenCredentials(sandbox, { region: 'eu' }) },
			),
		);
		expect(sandbox.requests.every((request) => request.region === 'eu')).toBe(true);
		expect(sandbox.requests[0].url).toMatch(new RegExp(`^/projects/${PROJECT_ID}/sdk/proxy/segment/https://eu1\\.api\\.segmentapis\\.com/catalog/sources`));
		expect(sandbox.entities('sources', 'eu').map((entity) => entity.id)).toEqual([out[0].id]);
		expect(sandbox.entities('sources', 'us')).toEqual([]);
	});
});

describe('list search and options, as the editor calls them', () => {
	it('searchWarehouses pages with the cursor and filters by name', async () => {
		sandbox.bulk('warehouses', 250);
		const { warehouseId } = await arrangeWorkspace(sandbox);
		const credentials = { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) };
		const first = await engine.listSearch({ nodeType: 'segmentParagon', method: 'searchWarehouses', parameters: { resource: 'warehouse', operation: 'get' }, credentials });
		expect(first.results).toHaveLength(200);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await engine.listSearch({ nodeType: 'segmentParagon', method: 'searchWarehouses', parameters: { resource: 'warehouse', operation: 'get' }, credentials, paginationToken: first.paginationToken });
		expect(second.results).toHaveLength(51);
		expect(second.paginationToken).toBeUndefined();
		expect(second.results).toContainEqual({ name: 'My Data Warehouse (redshift)', value: warehouseId });

		const filtered = await engine.listSearch({ nodeType: 'segmentParagon', method: 'searchWarehouses', parameters: { resource: 'warehouse', operation: 'get' }, credentials, filter: 'my data', paginationToken: first.paginationToken });
		expect(filtered.results).toEqual([{ name: 'My Data Warehouse (redshift)', value: warehouseId }]);
	});

	it('searchSourceCatalog lists the source catalog', async () => {
		const credentials = { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) };
		const found = await engine.listSearch({ nodeType: 'segmentParagon', method: 'searchSourceCatalog', parameters: { resource: 'source', operation: 'create' }, credentials, filter: 'react' });
		expect(found.results.map((result) => result.value)).toContain(sandbox.catalog('sources').find((entry) => entry.slug === 'react-native')!.id);
	});
});

describe('the credential test', () => {
	it('passes for a working credential', async () => {
		expect(await engine.testCredential({ type: 'paragonProxyApi', data: userTokenCredentials(sandbox) })).toEqual({ status: 'OK', message: expect.any(String) });
		expect(calls(sandbox)).toEqual(['GET /warehouses']);
		expect(sandbox.requests[0].query).toEqual({ 'pagination.count': '1' });
	});

	it('passes in signing-key mode', async () => {
		expect((await engine.testCredential({ type: 'paragonProxyApi', data: signingKeyCredentials(sandbox) })).status).toBe('OK');
	});

	it.each([
		['a token Paragon does not know', { userToken: 'forged-token' }, /Paragon rejected the user token/],
		['a user who has not connected Segment', { userToken: 'lonely-user-token' }, /not connected for this user in Paragon/],
		['an unknown project', { projectId: 'no-such-project' }, /check the Project ID and the Proxy Base URL/],
	])('explains %s', async (_case, extra, message) => {
		const result = await engine.testCredential({ type: 'paragonProxyApi', data: userTokenCredentials(sandbox, extra) });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
	});

	it('its rules cover every status the proxy answers with', () => {
		const codes = new ParagonProxyApi().test.rules!.map((rule) => (rule.properties as { value: number }).value);
		expect(codes).toEqual([400, 401, 403, 404, 429, 502, 503]);
	});
});

describe('the Slug dropdown of destination create', () => {
	it('offers catalog entries of the chosen categories that support the chosen platform', async () => {
		const credentials = { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) };
		const options = await engine.loadOptions({
			nodeType: 'segmentParagon',
			method: 'getDestinationSlugs',
			parameters: { resource: 'destination', operation: 'create', categories: ['ads'], platform: 'server' },
			credentials,
		});
		const slugs = options.map((option) => option.value);
		expect(slugs).toContain('google-ads-conversions');
		expect(slugs).not.toContain('facebook-pixel'); // browser only
		expect(slugs).not.toContain('google-analytics'); // not ads
		expect(options.find((option) => option.value === 'google-ads-conversions')!.description).toBe('ads');
		expect(calls(sandbox)).toEqual(['GET /catalog/destinations']);
	});
});

describe('answers other proxies give', () => {
	it('a delete answered 204 No Content is a success', async () => {
		const [id] = sandbox.bulk('warehouses', 1);
		sandbox.clearRequests();
		sandbox.addFault({ method: 'DELETE', path: '/warehouses', status: 204, body: '', process: true });
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'delete', warehouseId: rl(id) }));
		expect(sandbox.requests.map((request) => request.status)).toEqual([204]);
		expect(out).toEqual([{ id, deleted: true, status: 204, message: 'Warehouse deleted successfully.' }]);
		expect(sandbox.entities('warehouses')).toEqual([]);
	});
});
