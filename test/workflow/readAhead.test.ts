/**
 * Reading ahead (actions/router.ts, shared/readAhead.ts): one item at a time, the next item's
 * parameters are read while the item before it waits for Segment. What a user could notice must
 * not change: each item's parameters read once, the same requests one after the other (never two
 * in flight), the same items out, and an expression that fails on one item failing that item only
 * (named as before). The credential is read once per execution whatever the number of items.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ParagonProxyApi } from '../../credentials/ParagonProxyApi.credentials';
import { SegmentParagon } from '../../nodes/SegmentParagon/SegmentParagon.node';
import { createEngine, rl } from '../helpers/engine';
import { arrangeWorkspace, calls, jsonOf, startWorld, userTokenCredentials, type Sandbox } from '../helpers/world';

/** Every parameter read of the last execution: [name, item]. */
const reads: Array<[string, number]> = [];

/** The node as it is, with its parameter reads counted. */
class CountingSegmentParagon extends SegmentParagon {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const read = this.getNodeParameter.bind(this) as (name: string, itemIndex: number, fallback?: unknown) => unknown;
		(this as unknown as { getNodeParameter: typeof read }).getNodeParameter = (name, itemIndex, fallback) => {
			reads.push([name, itemIndex]);
			return read(name, itemIndex, fallback);
		};
		return await SegmentParagon.prototype.execute.call(this);
	}
}

const engine = createEngine({ nodeTypes: [CountingSegmentParagon], credentialTypes: [ParagonProxyApi] });
const LATENCY_MS = 40;

let sandbox: Sandbox;
let warehouseId: string;
beforeAll(async () => {
	sandbox = await startWorld({ latencyMs: LATENCY_MS });
	({ warehouseId } = await arrangeWorkspace(sandbox));
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.clearRequests();
	reads.length = 0;
});

const getByItem = { resource: 'warehouse', operation: 'get', warehouseId: rl('={{ $json.id }}') };
const run = async (items: IDataObject[], extra: IDataObject = {}, continueOnFail = false) =>
	await engine.runNode({ nodeType: 'segmentParagon', parameters: { ...getByItem, ...extra }, credentials: { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) }, items, continueOnFail });

it('each item\'s parameters are read once; the requests go one after the other, in item order', async () => {
	const items = Array.from({ length: 5 }, () => ({ id: warehouseId }));
	const out = jsonOf(await run(items));
	expect(out.map((entry) => entry.id)).toEqual(items.map(() => warehouseId));
	for (let item = 0; item < items.length; item++) {
		expect(reads.filter(([name, index]) => name === 'warehouseId' && index === item)).toHaveLength(1);
		expect(reads.filter(([name, index]) => name === 'simplify' && index === item)).toHaveLength(1);
	}
	expect(calls(sandbox)).toEqual(items.map(() => `GET /warehouses/${warehouseId}`));
	// One in flight at a time: each request reached the sandbox after the answer to the one before.
	const times = sandbox.requests.map((request) => (request as unknown as { time: number }).time);
	for (let index = 1; index < times.length; index++) expect(times[index] - times[index - 1]).toBeGreaterThanOrEqual(LATENCY_MS - 2);
});

it('an expression that fails on item 2 fails item 2 as before (named, not sent); the others go on with Continue On Fail', async () => {
	const items = [{ id: warehouseId }, { id: warehouseId }, { other: 1 }, { id: warehouseId }];
	const parameters = { warehouseId: rl('={{ $json.id ?? $("No such node").item.json.id }}') };
	const result = await run(items, parameters, true);
	const out = result.items.map((item) => item.json);
	expect(out.map((entry) => (entry.error ? 'error' : entry.id))).toEqual([warehouseId, warehouseId, 'error', warehouseId]);
	expect(String(out[2].error)).toMatch(/^Warehouse ID: .+ \(item 2\)$/);
	expect(calls(sandbox)).toHaveLength(3);

	sandbox.clearRequests();
	const stopped = await run(items, parameters);
	expect(stopped.error.message).toMatch(/^Warehouse ID: .+ \(item 2\)$/);
	// Items 0 and 1 were sent; nothing after the failed item.
	expect(calls(sandbox)).toHaveLength(2);
});

it('with Options > Concurrency above 1 nothing is read ahead: each parameter once per item all the same', async () => {
	const items = Array.from({ length: 4 }, () => ({ id: warehouseId }));
	jsonOf(await run(items, { options: { concurrency: 4 } }));
	for (let item = 0; item < items.length; item++) expect(reads.filter(([name, index]) => name === 'warehouseId' && index === item)).toHaveLength(1);
});

it('the credential is read once per execution, not per request (n8n is handed the decrypted credential)', async () => {
	const items = Array.from({ length: 6 }, () => ({ id: warehouseId }));
	const getDecrypted = jest.spyOn(engine.credentialsHelper, 'getDecrypted');
	try {
		jsonOf(await run(items));
		expect(calls(sandbox)).toHaveLength(6);
		expect(getDecrypted).toHaveBeenCalledTimes(1);
	} finally {
		getDecrypted.mockRestore();
	}
});
