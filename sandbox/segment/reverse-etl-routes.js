'use strict';
// The routes of Reverse ETL (one of routes.js's ROUTE_TABLES): models, manual syncs, a sync's
// status, and a mapping's syncs (which reads its own query: count and cursor).
const models = require('./reverse-etl-models');
const syncs = require('./reverse-etl-syncs');
const { paged, queried } = require('./route-marks');

function reverseEtlRoutes(segments) {
	const [first, modelId, third, fourth, fifth] = segments;
	if (first === 'reverse-etl-syncs' && segments.length === 1) return { POST: (c) => syncs.startSync(c.state, c.ws, c.body) };
	if (first !== 'reverse-etl-models') return null;
	if (segments.length === 1) return { GET: paged((c) => models.list(c.ws, c.params)), POST: (c) => models.create(c.ws, c.body) };
	if (segments.length === 2) {
		return {
			GET: (c) => models.get(c.ws, modelId),
			PATCH: (c) => models.update(c.ws, modelId, c.body),
			DELETE: (c) => models.remove(c.ws, modelId),
		};
	}
	if (segments.length === 4 && third === 'syncs') return { GET: (c) => syncs.getSync(c.state, c.ws, modelId, fourth) };
	if (segments.length === 5 && third === 'subscriptionId' && fifth === 'syncs') {
		return { GET: queried((c) => syncs.listSyncs(c.state, c.ws, modelId, fourth, c.params)) };
	}
	return null;
}

module.exports = { reverseEtlRoutes };
