/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs a real HTTP forwarder in Node.js, never inside n8n */
/**
 * Paragon's raw-response header (SPEC v2 §2): every request asks for Segment's own answer, and a
 * proxy that ignores the header (answering `{output: …}` without Segment's headers) still works.
 * The "proxy that ignores it" is a real HTTP forwarder in front of the sandbox that drops the header.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ParagonProxyApi } from '../../credentials/ParagonProxyApi.credentials';
import { rl } from '../helpers/engine';
import { arrangeWorkspace, engine, jsonOf, runSegment, userTokenCredentials } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
beforeEach(() => sandbox.reset());

/** Forwards every request to the sandbox without X-Paragon-Use-Raw-Response; returns its base URL. */
async function headerDroppingProxy(): Promise<{ url: string; close: () => Promise<void> }> {
	const target = new URL(sandbox.url);
	const server: Server = createServer((req, res) => {
		const headers = { ...req.headers };
		delete headers['x-paragon-use-raw-response'];
		const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the raw-response header', () => {
	it('is on every request: the node, list search, options loading and the credential test', async () => {
		const { warehouseId } = await arrangeWorkspace(sandbox);
		await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl(warehouseId) });
		const credentials = { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) };
		await engine.listSearch({ nodeType: 'segmentParagon', method: 'searchWarehouses', credentials, parameters: { resource: 'warehouse', operation: 'get' } });
		await engine.loadOptions({ nodeType: 'segmentParagon', method: 'getSources', credentials, parameters: { resource: 'warehouse', operation: 'create' } });
		await engine.testCredential(credentials);
		expect(sandbox.requests.length).toBeGreaterThanOrEqual(4);
		for (const request of sandbox.requests) expect(request.headers['x-paragon-use-raw-response']).toBe('1');
	});

	it('comes from the credential\'s authenticate, so n8n\'s HTTP Request node gets it too', async () => {
		const authenticate = new ParagonProxyApi().authenticate as (credentials: object, options: object) => Promise<{ headers: Record<string, string> }>;
		const options = await authenticate(userTokenCredentials(sandbox), { url: '/tracking-plans', headers: { Accept: 'application/json' } });
		expect(options.headers).toMatchObject({ 'X-Paragon-Use-Raw-Response': '1', Accept: 'application/json' });
	});
});

describe('a proxy that ignores the header and wraps answers in {output}', () => {
	let proxy: Awaited<ReturnType<typeof headerDroppingProxy>>;
	beforeAll(async () => {
		proxy = await headerDroppingProxy();
	});
	afterAll(async () => proxy.close());
	const viaProxy = () => ({ credentials: userTokenCredentials(sandbox, { proxyBaseUrl: proxy.url }) });

	it('lists, gets and creates as with raw answers', async () => {
		const { warehouseId, sourceId } = await arrangeWorkspace(sandbox);
		const list = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'list' }, viaProxy()));
		expect(list.map((item) => item.id)).toEqual([sourceId]);
		const got = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl(warehouseId) }, viaProxy()));
		expect(got[0]).toMatchObject({ id: warehouseId, name: 'My Data Warehouse', type: 'redshift' });
		const created = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'Wrapped', slug: 'wrapped', platform: 'web', categories: ['analytics'] }, viaProxy()));
		expect(created[0]).toMatchObject({ name: 'Wrapped', slug: 'wrapped', metadata: { platform: 'web', categories: ['analytics'] } });
		// The sandbox really answered in the wrapped form: the header never reached it.
		for (const request of sandbox.requests) expect(request.headers['x-paragon-use-raw-response']).toBeUndefined();
	});

	it('reads Segment\'s error from inside output, and still names the missing id', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl('wh_missing') }, viaProxy());
		expect(result.error.message).toBe('Warehouse wh_missing was not found');
		expect(result.error.httpCode).toBe('404');
	});

	it('waits out a wrapped 429 by Segment\'s msBeforeNext (the rate-limit headers are gone)', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 429, msBeforeNext: 120 });
		const started = Date.now();
		jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'list' }, viaProxy()));
		expect(Date.now() - started).toBeGreaterThanOrEqual(120);
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 200]);
	});

	it('Paragon\'s own errors (never wrapped) read as before', async () => {
		const result = await runSegment(sandbox, { resource: 'source', operation: 'list' }, { credentials: userTokenCredentials(sandbox, { proxyBaseUrl: proxy.url, userToken: 'lonely-user-token' }) });
		expect(result.error.message).toBe('Segment is not connected for this Paragon user');
	});
});
