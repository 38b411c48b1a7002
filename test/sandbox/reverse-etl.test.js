'use strict';
// Reverse ETL in the sandbox: models (CRUD, Segment's validation, the audit trail), manual syncs
// of a mapping whose outcome a control call scripts (success or failure after N seconds, never
// ending), a sync's status under either answer key, and a mapping's syncs paged with count and
// cursor. Time is the sandbox's clock, moved by hand.
const { client, catalogId, validation, NOT_FOUND, useSandbox } = require('./helpers');
const { manualClock, arrangeReverseEtl, MODEL_BODY } = require('./reverse-etl-helpers');

const clock = manualClock();
const sb = useSandbox({ clock, mappingWritesPerMinute: null });
const call = client(sb);
let world;
beforeEach(async () => {
	world = await arrangeReverseEtl(sb, call);
});

const start = (extra = {}) => call('POST', '/reverse-etl-syncs', { sourceId: world.source.id, modelId: world.model.id, subscriptionId: world.mapping.id, ...extra });
const status = async (syncId, modelId = world.model.id) => (await call('GET', `/reverse-etl-models/${modelId}/syncs/${syncId}`)).body.data;

describe('models', () => {
	test('create answers 201 with data.reverseEtlModel; get, list (paged), update and delete', async () => {
		expect(world.model).toEqual({ id: expect.stringMatching(/^[0-9A-Za-z]{20}$/), sourceId: world.source.id, ...MODEL_BODY });
		expect((await call('GET', `/reverse-etl-models/${world.model.id}`)).body).toEqual({ data: { reverseEtlModel: world.model } });
		const second = (await call('POST', '/reverse-etl-models', { sourceId: world.source.id, ...MODEL_BODY, name: 'Churn risk', scheduleStrategy: 'PERIODIC', scheduleConfig: { interval: '1h' } }));
		expect(second.status).toBe(201);
		expect(second.body.data.reverseEtlModel).toMatchObject({ name: 'Churn risk', scheduleStrategy: 'PERIODIC', scheduleConfig: { interval: '1h' } });
		const first = await call('GET', '/reverse-etl-models?pagination.count=1');
		expect(first.body.data.models).toEqual([world.model]);
		const next = await call('GET', `/reverse-etl-models?pagination.count=1&pagination.cursor=${encodeURIComponent(first.body.data.pagination.next)}`);
		expect(next.body.data.models.map((model) => model.name)).toEqual(['Churn risk']);
		expect((await call('GET', '/reverse-etl-models')).status).toBe(400);
		const updated = await call('PATCH', `/reverse-etl-models/${world.model.id}`, { enabled: false, query: 'SELECT user_id FROM t' });
		expect(updated.body.data.reverseEtlModel).toEqual({ ...world.model, enabled: false, query: 'SELECT user_id FROM t' });
		expect((await call('DELETE', `/reverse-etl-models/${world.model.id}`)).body).toEqual({ data: { status: 'SUCCESS' } });
		expect((await call('GET', `/reverse-etl-models/${world.model.id}`)).body).toEqual(NOT_FOUND);
		expect(sb.reverseEtlModels().map((model) => model.name)).toEqual(['Churn risk']);
		const audit = sb.auditEvents().filter((event) => event.resourceType === 'reverse_etl_model').map((event) => [event.type, event.resourceName]);
		expect(audit).toEqual([
			['Reverse ETL Model Deleted', 'High-value customers'],
			['Reverse ETL Model Modified', 'High-value customers'],
			['Reverse ETL Model Created', 'Churn risk'],
			['Reverse ETL Model Created', 'High-value customers'],
		]);
	});

	test('Segment\'s validation: required fields (description and enabled too), a warehouse source, no unknown field, schedules', async () => {
		const refused = async (body) => (await call('POST', '/reverse-etl-models', body)).body.errors;
		expect(await refused({ sourceId: world.source.id, name: 'x', query: 'SELECT 1', queryIdentifierColumn: 'id' })).toEqual([validation('description is required', 'description'), validation('enabled is required', 'enabled')]);
		expect(await refused({ ...MODEL_BODY, sourceId: world.source.id, query: ' ' })).toEqual([validation('query must not be empty', 'query')]);
		const javascript = (await call('POST', '/sources', { slug: 'site', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') })).body.data.source;
		expect(await refused({ ...MODEL_BODY, sourceId: javascript.id })).toEqual([expect.objectContaining({ field: 'sourceId', message: expect.stringMatching(/^Source \w+ is not a warehouse source/) })]);
		expect(await refused({ ...MODEL_BODY, sourceId: 'nope' })).toEqual([validation('sourceId does not match any source in this workspace', 'sourceId')]);
		expect(await refused({ ...MODEL_BODY, sourceId: world.source.id, schedule: 'daily' })).toEqual([validation('Unknown field: schedule', 'schedule')]);
		expect(await refused({ ...MODEL_BODY, sourceId: world.source.id, scheduleStrategy: 'HOURLY', scheduleConfig: {} })).toEqual([
			validation('scheduleStrategy must be one of MANUAL, PERIODIC, SPECIFIC_DAYS', 'scheduleStrategy'),
			validation('scheduleConfig must be an object with at least 1 level of keys', 'scheduleConfig'),
		]);
		expect((await call('PATCH', `/reverse-etl-models/${world.model.id}`, { sourceId: 'x' })).body.errors).toEqual([validation('Unknown field: sourceId', 'sourceId')]);
	});

	test('a mapping names a model of the workspace (create: modelId, update: input.reverseETLModelId)', async () => {
		const base = `/destinations/${world.destination.id}/subscriptions`;
		expect((await call('POST', base, world.mappingBody('Other'))).status).toBe(200);
		const unknown = await call('POST', base, { ...world.mappingBody('Unknown'), modelId: 'mdl_missing' });
		expect(unknown.body.errors).toEqual([validation('modelId does not match any Reverse ETL model in this workspace', 'modelId')]);
		const other = sb.addReverseEtlModel({ sourceId: world.source.id, name: 'Churn risk', query: 'SELECT user_id FROM churn', queryIdentifierColumn: 'user_id' });
		const moved = await call('PATCH', `${base}/${world.mapping.id}`, { input: { reverseETLModelId: other.id } });
		expect(moved.body.data.subscription.modelId).toBe(other.id);
		expect((await call('PATCH', `${base}/${world.mapping.id}`, { input: { reverseETLModelId: 'nope' } })).body.errors).toEqual([validation('input.reverseETLModelId does not match any Reverse ETL model in this workspace', 'input.reverseETLModelId')]);
	});
});

describe('syncs', () => {
	test('a manual sync: IN_PROGRESS, then SUCCESS after 60 s by default, with its phases', async () => {
		const answer = await start();
		expect(answer.body).toEqual({ data: { reverseETLManualSync: { syncId: expect.stringMatching(/^[0-9A-Za-z]{27}$/), startedAt: new Date(clock.at).toISOString() } } });
		const { syncId } = answer.body.data.reverseETLManualSync;
		clock.advance(15);
		const running = (await status(syncId)).reverseETLSyncStatus;
		expect(running).toEqual({ syncId, modelId: world.model.id, sourceId: world.source.id, syncStatus: 'IN_PROGRESS', duration: '15s', startedAt: answer.body.data.reverseETLManualSync.startedAt, extractPhase: expect.objectContaining({ extractCount: '0', finishedAt: '' }) });
		clock.advance(45);
		const done = (await status(syncId)).reverseETLSyncStatus;
		expect(done).toMatchObject({ syncStatus: 'SUCCESS', duration: '1m0s', finishedAt: new Date(clock.at).toISOString(), loadPhase: { deliverFailureCount: '0' } });
		expect(done.loadPhase.deliverSuccessCount).toBe(done.extractPhase.extractCount);
		expect(done.error).toBeUndefined();
	});

	test('scripted outcomes: FAIL with its error after N seconds, never ending, PARTIAL_SUCCESS; then the default', async () => {
		sb.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'FAIL', afterSeconds: 10, error: 'Permission denied on table customers', errorCode: 'WAREHOUSE_PERMISSION_DENIED' }, { syncStatus: 'IN_PROGRESS' }, { syncStatus: 'PARTIAL_SUCCESS', afterSeconds: 5 }] });
		const ids = [];
		for (let i = 0; i < 4; i++) ids.push((await start()).body.data.reverseETLManualSync.syncId);
		clock.advance(3600);
		const statuses = await Promise.all(ids.map(async (id) => (await status(id)).reverseETLSyncStatus));
		expect(statuses.map((s) => s.syncStatus)).toEqual(['FAIL', 'IN_PROGRESS', 'PARTIAL_SUCCESS', 'SUCCESS']);
		expect(statuses[0]).toMatchObject({ error: 'Permission denied on table customers', errorCode: 'WAREHOUSE_PERMISSION_DENIED', duration: '10s', loadPhase: { errorCode: 'WAREHOUSE_PERMISSION_DENIED' } });
		expect(statuses[1].duration).toBe('1h0m0s');
		expect(Number(statuses[2].loadPhase.deliverFailureCount)).toBeGreaterThan(0);
		expect(() => sb.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'DONE' }] })).toThrow(/syncStatus must be one of SUCCESS, PARTIAL_SUCCESS, FAIL, IN_PROGRESS/);
		expect(() => sb.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'SUCCESS', errorCode: 'X' }] })).toThrow(/only a FAIL outcome/);
	});

	test('the control endpoint scripts them too, and the older answer key (reverseETLSync)', async () => {
		const control = await fetch(`${sb.url}/__sandbox/reverse-etl/syncs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcomes: [{ syncStatus: 'SUCCESS', afterSeconds: 0 }], syncStatusKey: 'reverseETLSync' }) });
		expect(await control.json()).toEqual({ ok: true, next: [{ syncStatus: 'SUCCESS', afterSeconds: 0 }], default: { syncStatus: 'SUCCESS', afterSeconds: 60 }, syncStatusKey: 'reverseETLSync' });
		const { syncId } = (await start()).body.data.reverseETLManualSync;
		expect(await status(syncId)).toEqual({ reverseETLSync: expect.objectContaining({ syncId, syncStatus: 'SUCCESS', duration: '0s' }) });
	});

	test('refused: a mapping of another model, another source, a disabled model, an unknown model or sync', async () => {
		const other = sb.addReverseEtlModel({ sourceId: world.source.id, name: 'Churn risk', query: 'SELECT user_id FROM churn', queryIdentifierColumn: 'user_id' });
		expect((await start({ modelId: other.id })).body.errors).toEqual([validation(`subscriptionId does not match any mapping of model ${other.id}`, 'subscriptionId')]);
		expect((await start({ subscriptionId: 'nope' })).status).toBe(422);
		expect((await start({ sourceId: 'src_other' })).body.errors).toEqual([validation(`sourceId is not the source of model ${world.model.id}`, 'sourceId')]);
		expect((await start({ modelId: 'nope' })).body).toEqual(NOT_FOUND);
		expect((await call('POST', '/reverse-etl-syncs', { modelId: world.model.id })).body.errors.map((e) => e.field)).toEqual(['sourceId', 'subscriptionId']);
		await call('PATCH', `/reverse-etl-models/${world.model.id}`, { enabled: false });
		expect((await start()).body.errors).toEqual([validation(`Model ${world.model.id} is disabled: no sync can be triggered until it is enabled`, 'modelId')]);
		expect((await call('GET', `/reverse-etl-models/${world.model.id}/syncs/nope`)).body).toEqual(NOT_FOUND);
		expect(sb.reverseEtlSyncs(world.mapping.id)).toEqual([]);
	});

	test('a mapping\'s syncs: newest first, paged with count (1-100, default 10) and cursor; pagination.* refused', async () => {
		const history = sb.addReverseEtlSyncs(world.mapping.id, Array.from({ length: 12 }, (_v, n) => ({ syncStatus: n % 5 === 0 ? 'FAIL' : 'SUCCESS', afterSeconds: 30, startedAt: clock.at - (12 - n) * 3600_000 })));
		const manual = (await start()).body.data.reverseETLManualSync.syncId;
		const path = `/reverse-etl-models/${world.model.id}/subscriptionId/${world.mapping.id}/syncs`;
		const first = (await call('GET', path)).body.data;
		expect(first.syncStatuses.map((s) => s.syncId)).toEqual([manual, ...history.slice(3).map((s) => s.syncId).reverse()]);
		expect(first.syncStatuses[0].syncStatus).toBe('IN_PROGRESS');
		expect(first.pagination).toEqual({ current: expect.any(String), next: expect.any(String), totalEntries: 13 });
		const second = (await call('GET', `${path}?count=100&cursor=${encodeURIComponent(first.pagination.next)}`)).body.data;
		expect(second.syncStatuses.map((s) => s.syncId)).toEqual(history.slice(0, 3).map((s) => s.syncId).reverse());
		expect(second.pagination.next).toBeUndefined();
		expect((await call('GET', `${path}?pagination.count=10`)).body.errors).toEqual([validation('Unknown query parameter: pagination.count', 'pagination.count')]);
		expect((await call('GET', `${path}?count=101`)).body.errors).toEqual([validation('count must be an integer from 1 to 100', 'count')]);
		expect((await call('GET', `${path}?cursor=bogus`)).status).toBe(400);
		expect((await call('GET', `/reverse-etl-models/${world.model.id}/subscriptionId/nope/syncs`)).body).toEqual(NOT_FOUND);
	});

	test('a deleted model takes its syncs with it', async () => {
		const { syncId } = (await start()).body.data.reverseETLManualSync;
		await call('DELETE', `/reverse-etl-models/${world.model.id}`);
		expect((await call('GET', `/reverse-etl-models/${world.model.id}/syncs/${syncId}`)).status).toBe(404);
	});
});
