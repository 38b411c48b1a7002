'use strict';
// What a trigger watches, made to happen: a connection going down and up (sb.setConnectionState,
// POST /__sandbox/connection-state), sync reports added from another process (POST
// /__sandbox/sync-reports) and a Reverse ETL mapping's sync ending FAIL without a manual start
// (POST /__sandbox/reverse-etl/history).
const { client, useSandbox, generateKeys } = require('./helpers');
const { arrangeReverseEtl } = require('./reverse-etl-helpers');

const sb = useSandbox({ publicKey: generateKeys().publicKeyPem, connectedUsers: ['sandbox-user', 'customer-acme'] });
const call = client(sb);

beforeEach(() => sb.reset());

async function control(path, body) {
	const response = await fetch(`${sb.url}/__sandbox${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, body: await response.json() };
}

test('sb.setConnectionState: a connection goes down and up; null lets the settings decide again', async () => {
	const [id] = sb.bulk('warehouses', 1);
	const state = async () => (await call('GET', `/warehouses/${id}/connection-state`)).body.data.connectionState;
	expect(await state()).toBe('CONNECTED');
	sb.setConnectionState(id, 'FAILED');
	expect(await state()).toBe('FAILED');
	sb.setConnectionState(id, 'CONNECTED');
	expect(await state()).toBe('CONNECTED');
	sb.setConnectionState(id, null);
	expect(await state()).toBe('CONNECTED');
	expect(() => sb.setConnectionState(id, 'DOWN')).toThrow('connectionState must be CONNECTED, FAILED or null');
	expect(() => sb.setConnectionState('nope', 'FAILED')).toThrow(TypeError);
});

test('a set state belongs to one workspace and goes with a reset', async () => {
	const [id] = sb.bulk('warehouses', 1, { user: 'customer-acme' });
	sb.setConnectionState(id, 'FAILED', { user: 'customer-acme' });
	expect(() => sb.setConnectionState(id, 'FAILED')).toThrow(TypeError); // not a warehouse of sandbox-user
	sb.reset();
	expect(() => sb.setConnectionState(id, 'FAILED', { user: 'customer-acme' })).toThrow(TypeError);
});

test('POST /__sandbox/connection-state', async () => {
	const [id] = sb.bulk('warehouses', 1);
	expect(await control('/connection-state', { warehouseId: id, connectionState: 'FAILED' })).toEqual({ status: 200, body: { ok: true } });
	expect((await call('GET', `/warehouses/${id}/connection-state`)).body).toEqual({ data: { connectionState: 'FAILED' } });
	expect(await control('/connection-state', { warehouseId: id })).toEqual({ status: 200, body: { ok: true } });
	expect((await call('GET', `/warehouses/${id}/connection-state`)).body).toEqual({ data: { connectionState: 'CONNECTED' } });
	expect(await control('/connection-state', { warehouseId: id, connectionState: 'DOWN' })).toEqual({ status: 400, body: { message: 'connectionState must be CONNECTED, FAILED or null' } });
	expect((await control('/connection-state', { warehouseId: id, connectionState: 'FAILED', usr: 'x' })).status).toBe(400);
});

test('POST /__sandbox/sync-reports adds reports, completed, to the workspace named', async () => {
	const [id] = sb.bulk('warehouses', 1, { user: 'customer-acme' });
	const start = new Date(Date.now() - 60_000).toISOString();
	const answer = await control('/sync-reports', { warehouseId: id, user: 'customer-acme', reports: [{ status: 'FAILED', sourceId: 'src_1', start, duration: 30 }] });
	expect(answer).toEqual({
		status: 200,
		body: { ok: true, reports: [{ sourceId: 'src_1', start, end: new Date(Date.parse(start) + 30_000).toISOString(), status: 'FAILED', duration: 30, humanDuration: '30s', count: 0, notices: [] }] },
	});
	expect(sb.syncReports(id, { user: 'customer-acme' })).toEqual(answer.body.reports);
	expect(await control('/sync-reports', { warehouseId: id, reports: [] })).toEqual({ status: 400, body: { message: expect.stringContaining(`Unknown warehouse "${id}"`) } });
	expect((await control('/sync-reports', { warehouseId: id, user: 'customer-acme', reports: [{ status: 'BROKEN', sourceId: 's' }] })).status).toBe(400);
});

test('POST /__sandbox/reverse-etl/history: a sync of the mapping that ended FAIL, listed as Segment lists it', async () => {
	const { model, mapping } = await arrangeReverseEtl(sb, call);
	const startedAt = new Date(Date.now() - 30_000).toISOString();
	const answer = await control('/reverse-etl/history', { mappingId: mapping.id, syncs: [{ syncStatus: 'FAIL', startedAt, afterSeconds: 20, error: 'e2e: permission denied', errorCode: 'QUERY_FAILED' }] });
	expect(answer.status).toBe(200);
	const [sync] = answer.body.syncs;
	expect(sync).toMatchObject({ modelId: model.id, syncStatus: 'FAIL', startedAt, finishedAt: new Date(Date.parse(startedAt) + 20_000).toISOString(), duration: '20s', error: 'e2e: permission denied', errorCode: 'QUERY_FAILED' });
	const listed = await call('GET', `/reverse-etl-models/${model.id}/subscriptionId/${mapping.id}/syncs?count=10`);
	expect(listed.body.data.syncStatuses).toEqual([sync]);
	expect(await control('/reverse-etl/history', { mappingId: 'nope', syncs: [] })).toEqual({ status: 400, body: { message: expect.stringContaining('Unknown mapping "nope"') } });
	expect((await control('/reverse-etl/history', { mappingId: mapping.id, syncs: [{ syncStatus: 'BROKEN' }] })).status).toBe(400);
});
