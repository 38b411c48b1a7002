/**
 * Rate limits and flaky gateways: what is retried, how long the node waits, and that a
 * create is never sent twice after an answer that may mean it was processed.
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
let ids: { warehouseId: string; sourceId: string; destinationId: string };
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeWorkspace(sandbox);
});

const getSource = () => ({ resource: 'source', operation: 'get', sourceId: rl(ids.sourceId) });
const createWarehouse = { resource: 'warehouse', operation: 'create', name: 'W', type: 'redshift', connectionMode: 'json', connection: '{"host":"h","port":5439,"database":"d","username":"u","password":"pw-123456"}' };

function gaps(): number[] {
	const times = sandbox.requests.map((request) => (request as unknown as { time: number }).time);
	return times.slice(1).map((time, index) => time - times[index]);
}

describe('429 Too Many Requests', () => {
	it('waits what msBeforeNext asks, retries and succeeds', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 429, msBeforeNext: 150, times: 2 });
		const out = jsonOf(await runSegment(sandbox, getSource()));
		expect(out[0].id).toBe(ids.sourceId);
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 429, 200]);
		for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(145);
	});

	it('honours Retry-After in seconds', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 429, msBeforeNext: 0, retryAfter: '1' });
		jsonOf(await runSegment(sandbox, getSource()));
		expect(sandbox.requests).toHaveLength(2);
		expect(gaps()[0]).toBeGreaterThanOrEqual(990);
	});

	it('honours X-RateLimit-Reset (epoch milliseconds) when no calls remain', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 429, msBeforeNext: 0, rateLimitRemaining: '0', rateLimitReset: String(Date.now() + 400) });
		jsonOf(await runSegment(sandbox, getSource()));
		expect(sandbox.requests).toHaveLength(2);
		expect(gaps()[0]).toBeGreaterThanOrEqual(350);
	});

	it('retries a create too: a 429 means Segment did not take it', async () => {
		sandbox.addFault({ method: 'POST', path: '/warehouses', status: 429, msBeforeNext: 20 });
		jsonOf(await runSegment(sandbox, createWarehouse));
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses', 'POST /warehouses']);
		expect(sandbox.entities('warehouses')).toHaveLength(2); // the arranged one and this one, once
	});

	it('gives up after 4 retries with one clear error', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 429, msBeforeNext: 10, times: 'Infinity' });
		const result = await runSegment(sandbox, getSource());
		expect(sandbox.requests).toHaveLength(5);
		expect(result.error).toMatchObject({ message: 'Segment rate limit still exceeded', httpCode: '429' });
		expect(result.error.description).toMatch(/retried 4 time\(s\)/);
	});

	it('does not sit out a wait longer than a minute: it says so at once', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 429, msBeforeNext: 120_000 });
		const started = Date.now();
		const result = await runSegment(sandbox, getSource());
		expect(Date.now() - started).toBeLessThan(10_000); // not the two minutes asked for
		expect(sandbox.requests).toHaveLength(1);
		expect(result.error.message).toBe('Segment rate limit still exceeded');
	});
});

describe('gateway errors', () => {
	it.each([502, 503, 504])('%i on a read is retried', async (status) => {
		sandbox.addFault({ method: 'GET', path: '/sources', status, retryAfter: '0' });
		jsonOf(await runSegment(sandbox, getSource()));
		expect(sandbox.requests.map((request) => request.status)).toEqual([status, 200]);
	});

	it('a 502 with an HTML body on a read is retried too', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 502, nonJson: true });
		jsonOf(await runSegment(sandbox, getSource()));
		expect(sandbox.requests).toHaveLength(2);
	});

	it.each([502, 503])('%i on a create is retried: the gateway did not pass it on, and the warehouse is made once', async (status) => {
		sandbox.addFault({ method: 'POST', path: '/warehouses', status, retryAfter: '0' });
		const out = jsonOf(await runSegment(sandbox, createWarehouse));
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses', 'POST /warehouses']);
		expect(sandbox.requests.map((request) => request.status)).toEqual([200, status, 200]);
		expect(out[0].name).toBe('W');
		expect(sandbox.entities('warehouses').filter((entity) => (entity.settings as IDataObject).name === 'W')).toHaveLength(1);
	});

	it('a 503 on a create that never clears ends in one error that says the create may have happened', async () => {
		sandbox.addFault({ method: 'POST', path: '/warehouses', status: 503, retryAfter: '0', times: 'Infinity' });
		const result = await runSegment(sandbox, createWarehouse);
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', ...Array(5).fill('POST /warehouses')]);
		expect(result.error.httpCode).toBe('503');
		expect(result.error.description).toMatch(/retried 4 time/);
		expect(result.error.description).toMatch(/may or may not have created the warehouse "W": check with Get Many/);
	});

	it('a 504 (gateway timeout) on a create is not retried, and the error says the create may have happened', async () => {
		sandbox.addFault({ method: 'POST', path: '/warehouses', status: 504, process: true });
		const result = await runSegment(sandbox, createWarehouse);
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses']);
		expect(result.error.httpCode).toBe('504');
		expect(result.error.description).toMatch(/may or may not have created the warehouse "W": check with Get Many/);
		expect(sandbox.entities('warehouses')).toHaveLength(2);
	});

	it('a 500 on a create that Segment processed is reported, never re-sent', async () => {
		sandbox.addFault({ method: 'POST', path: '/sources', status: 500, process: true });
		const result = await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'S', slug: 'new_s', platform: 'web', categories: ['analytics'] });
		expect(calls(sandbox).filter((call) => call === 'POST /sources')).toHaveLength(1);
		expect(result.error.message).toBe('Segment had a server error (500)');
		expect(sandbox.entities('sources').map((entity) => entity.slug)).toContain('new_s');
	});

	it('a 500 on a read is not retried (it is not a gateway hiccup)', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 500 });
		const result = await runSegment(sandbox, getSource());
		expect(sandbox.requests).toHaveLength(1);
		expect(result.error.httpCode).toBe('500');
	});

	it('a DELETE whose first answer was lost counts the 404 of its retry as done', async () => {
		sandbox.addFault({ method: 'DELETE', path: '/warehouses', status: 504, process: true, retryAfter: '0' });
		const out = jsonOf(await runSegment(sandbox, { resource: 'warehouse', operation: 'delete', warehouseId: rl(ids.warehouseId) }));
		expect(sandbox.requests.map((request) => request.status)).toEqual([504, 404]);
		expect(out).toEqual([{ id: ids.warehouseId, deleted: true, status: 204, message: 'Warehouse deleted successfully.' }]);
	});
});

describe('connections that break', () => {
	it('a dropped connection on a read is retried', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', drop: true });
		jsonOf(await runSegment(sandbox, getSource()));
		expect(sandbox.requests.map((request) => request.status)).toEqual([0, 200]);
	});

	it('a dropped connection on a create is not retried and says the outcome is unknown', async () => {
		sandbox.addFault({ method: 'POST', path: '/warehouses', drop: true, process: true });
		const result = await runSegment(sandbox, createWarehouse);
		expect(calls(sandbox)).toEqual(['GET /catalog/warehouses', 'POST /warehouses']);
		expect(result.error.message).toBe('Could not reach Segment through Paragon: the connection was dropped');
		expect(result.error.description).toMatch(/not known whether Segment created the warehouse "W"/);
	});

	it('an unreachable proxy says so and points at the Proxy Base URL', async () => {
		const result = await runSegment(sandbox, getSource(), {
			credentials: { projectId: 'sandbox-project', tokenSource: 'userToken', userToken: 'sandbox-user-token', proxyBaseUrl: 'http://127.0.0.1:9', region: 'us' },
		});
		expect(result.error.message).toBe('Could not reach Segment through Paragon: the connection was refused');
		expect(result.error.description).toMatch(/\(ECONNREFUSED\).*Proxy Base URL.*retried 4 time\(s\)/);
	});

	it('a 200 answer that is not JSON is a clear error', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', nonJson: true });
		const result = await runSegment(sandbox, getSource());
		expect(result.error.message).toBe('Paragon\'s proxy returned a response that is not JSON');
		expect(sandbox.requests).toHaveLength(1);
	});

	it('a 200 answer without the entity is a clear error, not a crash', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', status: 200, body: { data: {} } });
		const result = await runSegment(sandbox, getSource());
		expect(result.error.message).toBe('Segment\'s answer has no source');
		expect(result.error.description).toMatch(/^Expected \{"data":\{"source":\{\.\.\.\}\}\} in the answer to GET \/sources\/\S+ \(status 200\)\. Check the Proxy Base URL/);
		expect(result.error.context?.itemIndex).toBe(0);
	});

	it('a create answered without the entity says the source may exist, and is not sent again', async () => {
		sandbox.addFault({ method: 'POST', path: '/sources', status: 200, body: { data: { status: 'SUCCESS' } }, process: true });
		const result = await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'S', slug: 'answerless', platform: 'web', categories: ['analytics'] });
		expect(result.error.message).toBe('Segment\'s answer has no source');
		expect(result.error.description).toMatch(/may or may not have created the source "answerless": check with Get Many/);
		expect(calls(sandbox).filter((call) => call === 'POST /sources')).toHaveLength(1);
		expect(calls(sandbox).some((call) => call.startsWith('PUT '))).toBe(false);
	});
});
