'use strict';
// Reverse ETL syncs: POST /reverse-etl-syncs {sourceId, modelId, subscriptionId} starts a manual
// sync of a mapping (it must exist and carry the model's id; the source must be the model's), GET
// /reverse-etl-models/{modelId}/syncs/{syncId} reads one sync's status, and GET
// /reverse-etl-models/{modelId}/subscriptionId/{subscriptionId}/syncs lists a mapping's syncs,
// newest first, paged with the query `count` (1-100, default 10) and `cursor` — not pagination.*.
const { ok, notFound, badRequest, unprocessable, validationError } = require('./answers');
const { checkFields } = require('./validate');
const { readQuery, encodeCursor, decodeCursor } = require('./query');
const { statusAt, findMapping } = require('../reverse-etl');

const MAX_SYNCS_PAGE = 100;
const DEFAULT_SYNCS_PAGE = 10;
const text = { type: 'string', required: true, nonEmpty: true };

function startSync(state, ws, body) {
	const errors = checkFields(body, { sourceId: text, modelId: text, subscriptionId: text });
	if (errors.length) return unprocessable(errors);
	const model = ws.reverseEtl.models.get(body.modelId);
	if (!model) return notFound();
	const mapping = findMapping(ws, body.subscriptionId);
	if (!mapping || mapping.modelId !== model.id) {
		return unprocessable([validationError(`subscriptionId does not match any mapping of model ${model.id}`, 'subscriptionId')]);
	}
	if (body.sourceId !== model.sourceId) return unprocessable([validationError(`sourceId is not the source of model ${model.id}`, 'sourceId')]);
	if (!model.enabled) return unprocessable([validationError(`Model ${model.id} is disabled: no sync can be triggered until it is enabled`, 'modelId')]);
	const record = ws.reverseEtl.addSync({ modelId: model.id, sourceId: model.sourceId, subscriptionId: mapping.id, startedAt: state.now(), outcome: ws.reverseEtl.nextOutcome(), manual: true });
	return ok({ reverseETLManualSync: { syncId: record.syncId, startedAt: new Date(record.startedAt).toISOString() } });
}

function getSync(state, ws, modelId, syncId) {
	if (!ws.reverseEtl.models.get(modelId)) return notFound();
	const record = ws.reverseEtl.syncs.get(syncId);
	if (!record || record.modelId !== modelId) return notFound();
	return ok({ [ws.reverseEtl.syncStatusKey]: statusAt(record, state.now()) });
}

function listSyncs(state, ws, modelId, subscriptionId, params) {
	const query = readQuery(params, ['count', 'cursor']);
	if (query.error) return query.error;
	const scope = `reverse-etl-models/${modelId}/subscriptionId/${subscriptionId}/syncs`;
	const rawCount = query.values.has('count') ? query.values.get('count') : String(DEFAULT_SYNCS_PAGE);
	const count = /^[1-9]\d{0,3}$/.test(rawCount) ? Number(rawCount) : NaN;
	if (!(count >= 1 && count <= MAX_SYNCS_PAGE)) return badRequest(`count must be an integer from 1 to ${MAX_SYNCS_PAGE}`, 'count');
	const cursor = query.values.has('cursor') ? query.values.get('cursor') : null;
	const from = cursor === null ? 0 : decodeCursor(scope, cursor);
	if (from === null) return badRequest('cursor is not a valid cursor', 'cursor');
	if (!ws.reverseEtl.models.get(modelId)) return notFound();
	const mapping = findMapping(ws, subscriptionId);
	if (!mapping || mapping.modelId !== modelId) return notFound();
	const syncs = ws.reverseEtl.syncsOf(subscriptionId);
	const end = from + count;
	const now = state.now();
	const page = { current: encodeCursor(scope, from) };
	if (end < syncs.length) page.next = encodeCursor(scope, end);
	if (from > 0) page.previous = encodeCursor(scope, Math.max(0, from - count));
	page.totalEntries = syncs.length;
	return ok({ syncStatuses: syncs.slice(from, end).map((record) => statusAt(record, now)), pagination: page });
}

module.exports = { startSync, getSync, listSyncs, MAX_SYNCS_PAGE, DEFAULT_SYNCS_PAGE };
