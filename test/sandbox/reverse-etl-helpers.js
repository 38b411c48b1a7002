'use strict';
// The Reverse ETL sandbox tests' world: a warehouse source, a model over it, an Actions
// destination and a mapping carrying the model's id, made through the API; and a clock the test moves.
const { catalogId } = require('./helpers');

// The sandbox's clock (state.now): moved by hand, so a sync of an hour takes no real hour.
function manualClock() {
	const clock = { at: Date.parse('2026-03-02T10:00:00Z') };
	clock.now = () => clock.at;
	clock.advance = (seconds) => {
		clock.at += seconds * 1000;
	};
	return clock;
}

const MODEL_BODY = { name: 'High-value customers', description: '', enabled: true, query: 'SELECT user_id, email, ltv FROM analytics.customers WHERE ltv > 1000', queryIdentifierColumn: 'user_id' };

async function arrangeReverseEtl(sb, call) {
	const source = (await call('POST', '/sources', { slug: 'snowflake_models', enabled: true, metadataId: catalogId(sb, 'sources', 'snowflake') })).body.data.source;
	const model = (await call('POST', '/reverse-etl-models', { sourceId: source.id, ...MODEL_BODY })).body.data.reverseEtlModel;
	const destination = (await call('POST', '/destinations', { sourceId: source.id, metadataId: catalogId(sb, 'destinations', 'actions-amplitude'), name: 'Amplitude', enabled: true, settings: {} })).body.data.destination;
	const action = destination.metadata.actions.find((candidate) => candidate.slug === 'identifyUser');
	const mappingBody = (name) => ({ name, actionId: action.id, trigger: 'type = "identify"', enabled: true, settings: {}, modelId: model.id });
	const mapping = (await call('POST', `/destinations/${destination.id}/subscriptions`, mappingBody('Customers to Amplitude'))).body.data.destinationSubscription;
	sb.clearRequests();
	return { source, model, destination, mapping, mappingBody };
}

module.exports = { manualClock, arrangeReverseEtl, MODEL_BODY };
