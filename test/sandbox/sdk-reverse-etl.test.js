'use strict';
// Segment's official TypeScript SDK (API 47, the one on the registry) on the sandbox's Reverse ETL
// calls: models (create, get, list, update, delete), a manual sync of a mapping made with the SDK,
// and the sync's status. API 47 reads a status under `reverseETLSync` (API 73 answers
// `reverseETLSyncStatus`, which the SDK's typed answer drops): with the sandbox told to answer as
// the older API, the SDK reads it; the node reads either (test/workflow/reverseEtlSyncs.test.ts).
const { catalogId, useSandbox } = require('./helpers');
const { useSdk, data } = require('./sdk-helpers');

const sb = useSandbox({ mappingWritesPerMinute: null });
const sdk = useSdk(sb);

test('models, a mapping with its model, a manual sync and its status through the SDK', async () => {
	const { reverseEtl, sources, destinations } = sdk();
	const { source } = await data(sources.createSource({ slug: 'snowflake_models', enabled: true, metadataId: catalogId(sb, 'sources', 'snowflake') }));
	const input = { sourceId: source.id, name: 'High-value customers', description: 'LTV over 1000', enabled: true, query: 'SELECT user_id, ltv FROM customers WHERE ltv > 1000', queryIdentifierColumn: 'user_id' };
	const { reverseEtlModel: model } = await data(reverseEtl.createReverseEtlModel(input));
	expect(model).toEqual({ id: expect.any(String), ...input });
	expect((await data(reverseEtl.getReverseEtlModel(model.id))).reverseEtlModel).toEqual(model);
	await data(reverseEtl.createReverseEtlModel({ ...input, name: 'Churn risk', scheduleStrategy: 'PERIODIC', scheduleConfig: { interval: '1h' } }));
	const page = await data(reverseEtl.listReverseEtlModels({ count: 1 }));
	expect(page.models.map((entry) => entry.id)).toEqual([model.id]);
	const rest = await data(reverseEtl.listReverseEtlModels({ count: 10, cursor: page.pagination.next }));
	expect(rest.models).toEqual([expect.objectContaining({ name: 'Churn risk', scheduleStrategy: 'PERIODIC', scheduleConfig: { interval: '1h' } })]);
	expect((await data(reverseEtl.updateReverseEtlModel(model.id, { description: 'LTV over 1000, EU only' }))).reverseEtlModel.description).toBe('LTV over 1000, EU only');

	const { destination } = await data(destinations.createDestination({ sourceId: source.id, metadataId: catalogId(sb, 'destinations', 'actions-amplitude'), name: 'Amplitude', enabled: true, settings: {} }));
	const action = destination.metadata.actions.find((candidate) => candidate.slug === 'identifyUser');
	const { destinationSubscription: mapping } = await data(destinations.createDestinationSubscription(destination.id, { name: 'Customers', actionId: action.id, trigger: 'type = "identify"', enabled: true, settings: {}, modelId: model.id }));
	expect(mapping.modelId).toBe(model.id);

	sb.scriptReverseEtlSyncs({ outcomes: [{ syncStatus: 'FAIL', afterSeconds: 0, error: 'Query timed out', errorCode: 'QUERY_TIMEOUT' }], syncStatusKey: 'reverseETLSync' });
	const { reverseETLManualSync: started } = await data(reverseEtl.createReverseETLManualSync({ sourceId: source.id, modelId: model.id, subscriptionId: mapping.id }));
	expect(started).toEqual({ syncId: expect.any(String), startedAt: expect.any(String) });
	const { reverseETLSync: sync } = await data(reverseEtl.getReverseETLSyncFromModel(model.id, started.syncId));
	expect(sync).toMatchObject({ syncId: started.syncId, modelId: model.id, sourceId: source.id, syncStatus: 'FAIL', error: 'Query timed out', errorCode: 'QUERY_TIMEOUT', duration: '0s', startedAt: started.startedAt, finishedAt: started.startedAt });
	expect(sync.extractPhase).toMatchObject({ extractCount: expect.stringMatching(/^\d+$/) });

	expect(await data(reverseEtl.deleteReverseEtlModel(model.id))).toEqual({ status: 'SUCCESS' });
	expect(sb.reverseEtlModels().map((entry) => entry.name)).toEqual(['Churn risk']);
});
