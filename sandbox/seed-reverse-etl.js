'use strict';
// The main demo's Reverse ETL: a Snowflake warehouse source, a model of high-value customers over
// it, an Amplitude (Actions) destination on that source and one mapping carrying the model's id,
// with a week of nightly syncs (one of them failed). Manual syncs of the demo end after 20 s, so
// the "after dbt" example finishes quickly. Ids are derived from the workspace, like every demo id.
const { source, destination } = require('./seed-helpers');
const { reverseEtlApi } = require('./reverse-etl-api');
const { stableId } = require('./ids');

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

const MODEL = {
	key: 'high-value-customers',
	name: 'High-value customers',
	description: 'Customers with a lifetime value over 1,000 (the dbt model analytics.customers)',
	query: 'SELECT user_id, email, lifetime_value, plan FROM analytics.customers WHERE lifetime_value > 1000',
	queryIdentifierColumn: 'user_id',
};

// The demo model's and mapping's ids in a workspace (the example workflow and the screenshot use the default one's).
function demoReverseEtlIds(wsKey = 'us') {
	return { modelId: stableId(`reverse-etl-model:${wsKey}:${MODEL.key}`), mappingId: stableId(`seed:${wsKey}:mapping:customers-to-amplitude`) };
}

function seedReverseEtl(state, ws, now) {
	const api = reverseEtlApi(() => ws, state);
	const snowflake = source(state, ws, 'snowflake-models', { slug: 'snowflake_models', name: 'Snowflake Models', catalog: 'snowflake', warehouses: [], labels: [] });
	const model = api.addReverseEtlModel({ ...MODEL, sourceId: snowflake.id });
	const amplitude = destination(state, ws, 'amplitude-reverse-etl', { from: snowflake, slug: 'actions-amplitude', name: 'Amplitude (Reverse ETL)', settings: {} });
	const identify = amplitude.meta.actions.find((action) => action.slug === 'identifyUser');
	const mapping = {
		id: demoReverseEtlIds(ws.key).mappingId,
		name: 'Customers to Amplitude',
		actionId: identify.id,
		actionSlug: identify.slug,
		destinationId: amplitude.id,
		enabled: true,
		settings: { user_id: { '@path': '$.properties.user_id' }, user_properties: { '@path': '$.properties' } },
		trigger: 'type = "identify"',
		modelId: model.id,
	};
	ws.subscriptionsOf(amplitude.id).insert(mapping);
	// Nightly at 02:00 UTC for a week, oldest first; the one three nights before the last failed.
	let lastNight = now - (now % DAY_MS) + 2 * HOUR_MS;
	if (lastNight > now) lastNight -= DAY_MS;
	api.addReverseEtlSyncs(mapping.id, Array.from({ length: 7 }, (_v, night) => {
		const sync = { syncId: stableId(`seed:${ws.key}:reverse-etl-sync:${night}`, 27), startedAt: lastNight - (6 - night) * DAY_MS };
		if (night === 3) return { ...sync, syncStatus: 'FAIL', afterSeconds: 95, error: 'SQL compilation error: Object \'ANALYTICS.CUSTOMERS\' does not exist or not authorized.', errorCode: 'QUERY_FAILED' };
		return { ...sync, syncStatus: 'SUCCESS', afterSeconds: 240 + 10 * night };
	}));
	ws.reverseEtl.defaultOutcome = { syncStatus: 'SUCCESS', afterSeconds: 20 };
	return { snowflake, model, amplitude, mapping };
}

module.exports = { seedReverseEtl, demoReverseEtlIds, MODEL };
