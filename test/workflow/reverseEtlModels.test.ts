/**
 * Reverse ETL models (SPEC v3 §4.13) on the shared CRUD path, on the wire and in the items: Create
 * always sends description and enabled, a schedule only when set; Get, Get Many, Update, Delete;
 * the model's list in the editor; and a mapping's model (§4.9: create `modelId`, update
 * `reverseETLModelId`).
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeReverseEtl, MODEL_QUERY, reverseEtlOp, type ReverseEtlIds, type ReverseEtlSandbox } from '../helpers/reverseEtl';
import { useSandbox } from '../helpers/useSandbox';
import { calls, engine, jsonOf, runSegment, userTokenCredentials } from '../helpers/world';

const sandbox = useSandbox({ mappingWritesPerMinute: null }) as ReverseEtlSandbox;
let ids: ReverseEtlIds;
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeReverseEtl(sandbox);
});

const bodyOf = (index: number) => sandbox.requests[index].body as IDataObject;
const createModel = (extra: IDataObject = {}) => reverseEtlOp('create', { sourceId: rl(ids.sourceId), name: 'Churn risk', query: 'SELECT user_id, churn_score\nFROM analytics.churn', queryIdentifierColumn: 'user_id', ...extra });
const modelOf = (id: string) => sandbox.reverseEtlModels().find((model) => model.id === id);

describe('models', () => {
	it('Create sends description "" and enabled true when not given, no schedule; the item is the model as Segment sends it', async () => {
		const [made] = jsonOf(await runSegment(sandbox, createModel()));
		expect(calls(sandbox)).toEqual(['POST /reverse-etl-models']);
		expect(bodyOf(0)).toEqual({ sourceId: ids.sourceId, name: 'Churn risk', query: 'SELECT user_id, churn_score\nFROM analytics.churn', queryIdentifierColumn: 'user_id', description: '', enabled: true });
		expect(made).toEqual(modelOf(String(made.id)));
		expect(Object.keys(made).sort()).toEqual(['description', 'enabled', 'id', 'name', 'query', 'queryIdentifierColumn', 'sourceId']);
	});

	it('Create with Additional Fields: description, disabled, a schedule (strategy and config) sent as given', async () => {
		await runSegment(sandbox, createModel({ additionalFields: { description: 'Churn score over 0.8', enabled: false, scheduleStrategy: 'PERIODIC', scheduleConfig: '{"interval": "1h"}' } }));
		expect(bodyOf(0)).toMatchObject({ description: 'Churn score over 0.8', enabled: false, scheduleStrategy: 'PERIODIC', scheduleConfig: { interval: '1h' } });
	});

	it('Get, Get Many (paged, Return All), Update and Delete', async () => {
		const other = sandbox.addReverseEtlModel({ sourceId: ids.sourceId, name: 'Churn risk', query: 'SELECT user_id FROM churn', queryIdentifierColumn: 'user_id' });
		const [got] = jsonOf(await runSegment(sandbox, reverseEtlOp('get', { modelId: rl(ids.modelId) })));
		expect(got).toEqual(modelOf(ids.modelId));
		expect(got.query).toBe(MODEL_QUERY);
		sandbox.clearRequests();
		const listed = jsonOf(await runSegment(sandbox, reverseEtlOp('list', { returnAll: true })));
		expect(listed.map((model) => model.id)).toEqual([ids.modelId, other.id]);
		expect(sandbox.requests[0].query).toEqual({ 'pagination.count': '200' });
		const limited = jsonOf(await runSegment(sandbox, reverseEtlOp('list', { limit: 1, offset: 1 })));
		expect(limited.map((model) => model.id)).toEqual([other.id]);
		sandbox.clearRequests();
		const [updated] = jsonOf(await runSegment(sandbox, reverseEtlOp('update', { modelId: rl(String(other.id)), updateFields: { enabled: false, query: 'SELECT user_id FROM churn WHERE score > 0.8', description: '' } })));
		expect(calls(sandbox)).toEqual([`PATCH /reverse-etl-models/${String(other.id)}`]);
		expect(bodyOf(0)).toEqual({ enabled: false, query: 'SELECT user_id FROM churn WHERE score > 0.8', description: '' });
		expect(updated).toEqual(modelOf(String(other.id)));
		const [deleted] = jsonOf(await runSegment(sandbox, reverseEtlOp('delete', { modelId: rl(String(other.id)) })));
		expect(deleted).toEqual({ id: other.id, deleted: true, status: 204, message: 'Reverse ETL model deleted successfully.' });
		expect(modelOf(String(other.id))).toBeUndefined();
	});

	it('refused before anything is sent: an empty SQL query, an empty schedule config, nothing to update; a missing model named', async () => {
		const empty = await runSegment(sandbox, createModel({ query: '={{ "  " }}' }));
		expect(empty.error.message).toBe('SQL Query is empty (item 0)');
		const config = await runSegment(sandbox, createModel({ additionalFields: { scheduleConfig: '{}' } }));
		expect(config.error.message).toBe('Additional Fields > Schedule Config is an empty object (item 0)');
		const nothing = await runSegment(sandbox, reverseEtlOp('update', { modelId: rl(ids.modelId), updateFields: {} }));
		expect(nothing.error.message).toBe('Nothing to update (item 0)');
		expect(sandbox.requests).toEqual([]);
		const missing = await runSegment(sandbox, reverseEtlOp('get', { modelId: rl('mdl_missing') }));
		expect(missing.error.message).toMatch(/Reverse ETL model mdl_missing was not found/);
	});

	it('Segment\'s refusal of a source that is not a warehouse source comes through with its words', async () => {
		const [sourceId] = sandbox.bulk('sources', 1);
		const result = await runSegment(sandbox, createModel({ sourceId: rl(sourceId) }));
		expect(result.error.message).toMatch(/is not a warehouse source/);
		expect(result.error.context.itemIndex).toBe(0);
	});

	it('ids are one percent-encoded path segment each: a model "a/b?x=1", a sync "../x", a mapping "m#1"', async () => {
		await runSegment(sandbox, reverseEtlOp('getSync', { modelId: rl('a/b?x=1'), syncId: '../x' }));
		await runSegment(sandbox, reverseEtlOp('listSyncs', { modelId: rl(ids.modelId), mappingId: 'm#1', limit: 5 }));
		expect(sandbox.requests.map((request) => request.segments)).toEqual([
			['reverse-etl-models', 'a/b?x=1', 'syncs', '../x'],
			['reverse-etl-models', ids.modelId, 'subscriptionId', 'm#1', 'syncs'],
		]);
		expect(sandbox.requests[0].query).toEqual({});
		expect(sandbox.requests[1].query).toEqual({ count: '5' });
	});

	it('the Model list in the editor: the models by name, searchable', async () => {
		sandbox.addReverseEtlModel({ sourceId: ids.sourceId, name: 'Churn risk', query: 'SELECT user_id FROM churn', queryIdentifierColumn: 'user_id' });
		const found = await engine.listSearch({ nodeType: 'segmentParagon', method: 'searchReverseEtlModels', credentials: { type: 'paragonProxyApi', data: userTokenCredentials(sandbox) }, parameters: { resource: 'reverseEtl', operation: 'get' }, filter: 'high' });
		expect(found.results).toEqual([{ name: 'High-value customers', value: ids.modelId }]);
	});
});

describe('a mapping\'s model (Destination Mapping, SPEC §4.9)', () => {
	const mappingOf = (id: string) => sandbox.subscriptions(ids.destinationId).find((mapping) => mapping.id === id);

	it('Create sends Additional Fields > Reverse ETL Model ID as modelId', async () => {
		const [made] = jsonOf(await runSegment(sandbox, { resource: 'destinationMapping', operation: 'create', destinationId: rl(ids.destinationId), name: 'VIPs', action: rl('identifyUser'), fieldsMode: 'json', settings: '{}', additionalFields: { modelId: ids.modelId } }));
		expect(bodyOf(1)).toMatchObject({ name: 'VIPs', modelId: ids.modelId });
		expect(made.modelId).toBe(ids.modelId);
	});

	it('Update sends Update Fields > Reverse ETL Model ID as input.reverseETLModelId', async () => {
		const other = sandbox.addReverseEtlModel({ sourceId: ids.sourceId, name: 'Churn risk', query: 'SELECT user_id FROM churn', queryIdentifierColumn: 'user_id' });
		const [updated] = jsonOf(await runSegment(sandbox, { resource: 'destinationMapping', operation: 'update', destinationId: rl(ids.destinationId), mappingId: ids.mappingIds[0], updateFields: { modelId: String(other.id) } }));
		expect(bodyOf(0)).toEqual({ input: { reverseETLModelId: other.id } });
		expect(updated.modelId).toBe(other.id);
		expect(mappingOf(ids.mappingIds[0])!.modelId).toBe(other.id);
	});
});
