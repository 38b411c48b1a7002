'use strict';
// The module API's reads and writes of a workspace's Reverse ETL (never logged): models, a model
// made directly, a mapping's sync history (syncs that ran before, e.g. on its schedule), how the
// next manual syncs end, and which answer key a sync's status comes under (older API versions:
// reverseETLSync). `from(options)` picks the workspace by { region, user, credential }.
const models = require('./segment/reverse-etl-models');
const { makeOutcome, statusAt, findMapping, SYNC_STATUS_KEYS } = require('./reverse-etl');
const { stableId } = require('./ids');

function fail(message) {
	throw new TypeError(message);
}

function mappingIn(ws, subscriptionId) {
	const mapping = findMapping(ws, subscriptionId);
	if (!mapping) fail(`Unknown mapping "${subscriptionId}" in the ${ws.description}`);
	if (mapping.modelId === undefined || !ws.reverseEtl.models.get(mapping.modelId)) fail(`Mapping "${subscriptionId}" is not a Reverse ETL mapping (it names no model of the ${ws.description})`);
	return mapping;
}

// A sync that ran: { syncStatus, startedAt (ISO or epoch ms; default now), afterSeconds?, error?, errorCode? }.
function pastSync(input, now) {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) fail('A sync must be an object { syncStatus, startedAt?, afterSeconds?, error?, errorCode? }');
	const { startedAt, syncId, ...outcome } = input;
	const at = startedAt === undefined ? now : typeof startedAt === 'number' ? startedAt : Date.parse(startedAt);
	if (!Number.isFinite(at)) fail('startedAt must be an ISO date-time or epoch milliseconds');
	if (syncId !== undefined && (typeof syncId !== 'string' || !syncId)) fail('syncId must be a non-empty string');
	return { syncId, startedAt: at, outcome: makeOutcome(outcome) };
}

function reverseEtlApi(from, state) {
	return {
		reverseEtlModels(options) {
			return from(options).reverseEtl.models.all().map(models.toApi);
		},
		// A model made directly (description "" and enabled true unless given); `key` derives a stable id, as the demo data does.
		addReverseEtlModel(input, options) {
			const ws = from(options);
			if (!input || typeof input !== 'object') fail('A model must be an object { sourceId, name, query, queryIdentifierColumn, description?, enabled? }');
			const { key, ...body } = input;
			const id = key === undefined ? undefined : stableId(`reverse-etl-model:${ws.key}:${key}`);
			const result = models.newModel(ws, { description: '', enabled: true, ...body }, id);
			if (result.errors) fail(`Invalid model: ${result.errors.map((error) => error.message).join('; ')}`);
			return models.toApi(ws.reverseEtl.models.insert(result.record));
		},
		// The mapping's syncs as the API lists them (newest first), at the sandbox's time.
		reverseEtlSyncs(subscriptionId, options) {
			const ws = from(options);
			mappingIn(ws, subscriptionId);
			const now = state.now();
			return ws.reverseEtl.syncsOf(subscriptionId).map((record) => statusAt(record, now));
		},
		// Syncs of a mapping that ran before (its history); returns their statuses, in the order given.
		addReverseEtlSyncs(subscriptionId, syncs, options) {
			const ws = from(options);
			const mapping = mappingIn(ws, subscriptionId);
			if (!Array.isArray(syncs)) fail('syncs must be an array');
			const now = state.now();
			const records = syncs.map((input) => pastSync(input, now)).map(({ syncId, ...sync }) =>
				ws.reverseEtl.addSync({ modelId: mapping.modelId, sourceId: ws.reverseEtl.models.get(mapping.modelId).sourceId, subscriptionId, ...sync, manual: false }, syncId));
			return records.map((record) => statusAt(record, now));
		},
		// How the next manual syncs end, in order ({ syncStatus, afterSeconds, error?, errorCode? });
		// `default` the outcome after those; `syncStatusKey` the key a status is answered under.
		scriptReverseEtlSyncs({ outcomes = [], default: fallback, syncStatusKey } = {}, options) {
			const ws = from(options);
			if (!Array.isArray(outcomes)) fail('outcomes must be an array');
			if (syncStatusKey !== undefined && !SYNC_STATUS_KEYS.includes(syncStatusKey)) fail(`syncStatusKey must be one of ${SYNC_STATUS_KEYS.join(', ')}`);
			const checked = outcomes.map(makeOutcome);
			const defaultOutcome = fallback === undefined ? undefined : makeOutcome(fallback);
			ws.reverseEtl.outcomes.push(...checked);
			if (defaultOutcome) ws.reverseEtl.defaultOutcome = defaultOutcome;
			if (syncStatusKey) ws.reverseEtl.syncStatusKey = syncStatusKey;
			return { next: structuredClone(ws.reverseEtl.outcomes), default: { ...ws.reverseEtl.defaultOutcome }, syncStatusKey: ws.reverseEtl.syncStatusKey };
		},
	};
}

module.exports = { reverseEtlApi };
