'use strict';
// A workspace's Reverse ETL: its models (a SQL query over a warehouse source), the syncs of each
// mapping (a destination subscription carrying the model's id), and how the next manual syncs end.
// A sync's status is worked out from the sandbox's clock when it is read, so a test that moves a
// fake clock moves every sync with it. Outcomes are scripted per workspace: success or failure
// after N seconds, or never ending.
const { Collection } = require('./collection');
const { randomId } = require('./ids');

const FINAL = ['SUCCESS', 'PARTIAL_SUCCESS', 'FAIL'];
// IN_PROGRESS as an outcome: the sync never ends.
const OUTCOMES = [...FINAL, 'IN_PROGRESS'];
const DEFAULT_OUTCOME = Object.freeze({ syncStatus: 'SUCCESS', afterSeconds: 60 });
// Older API versions answered a sync's status under `reverseETLSync`.
const SYNC_STATUS_KEYS = ['reverseETLSyncStatus', 'reverseETLSync'];

function fail(message) {
	throw new TypeError(`Invalid sync outcome: ${message}`);
}

// { syncStatus, afterSeconds?, error?, errorCode? } → the same, checked and completed.
function makeOutcome(input) {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) fail('an outcome must be an object { syncStatus, afterSeconds?, error?, errorCode? }');
	for (const key of Object.keys(input)) if (!['syncStatus', 'afterSeconds', 'error', 'errorCode'].includes(key)) fail(`unknown field ${key}`);
	const { syncStatus, afterSeconds = 60, error, errorCode } = input;
	if (!OUTCOMES.includes(syncStatus)) fail(`syncStatus must be one of ${OUTCOMES.join(', ')}`);
	if (!(Number.isFinite(afterSeconds) && afterSeconds >= 0)) fail('afterSeconds must be a number >= 0');
	for (const [name, value] of [['error', error], ['errorCode', errorCode]]) {
		if (value !== undefined && (typeof value !== 'string' || value === '')) fail(`${name} must be a non-empty string`);
	}
	if (syncStatus === 'FAIL') return { syncStatus, afterSeconds, error: error || 'The sync failed', errorCode: errorCode || 'SYNC_FAILED' };
	if (error !== undefined || errorCode !== undefined) fail('only a FAIL outcome has error and errorCode');
	return { syncStatus, afterSeconds };
}

// Go's time.Duration text, as Segment's (Go) API writes durations: "1m0s", "45s", "1h2m3s".
function goDuration(ms) {
	const total = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	if (h) return `${h}h${m}m${s}s`;
	if (m) return `${m}m${s}s`;
	return `${s}s`;
}

const iso = (ms) => new Date(ms).toISOString();

// Rows the model extracted: fixed per sync, so a status read twice says the same.
function countsOf(record) {
	const seed = [...record.syncId].reduce((sum, char) => sum + char.charCodeAt(0), 0);
	const added = 100 + (seed % 400);
	const updated = 1000 + (seed % 1000);
	return { added, updated, deleted: seed % 7, extract: added + updated };
}

// The status of a sync at `now`: IN_PROGRESS until its outcome's time has come, then the outcome.
function statusAt(record, now) {
	const { outcome } = record;
	const endsAt = record.startedAt + outcome.afterSeconds * 1000;
	const ended = outcome.syncStatus !== 'IN_PROGRESS' && now >= endsAt;
	const end = ended ? endsAt : now;
	const midpoint = record.startedAt + (endsAt - record.startedAt) / 2;
	const counts = countsOf(record);
	const status = {
		syncId: record.syncId,
		modelId: record.modelId,
		sourceId: record.sourceId,
		syncStatus: ended ? outcome.syncStatus : 'IN_PROGRESS',
		duration: goDuration(end - record.startedAt),
		startedAt: iso(record.startedAt),
	};
	if (ended) status.finishedAt = iso(endsAt);
	const extracted = ended || (outcome.syncStatus !== 'IN_PROGRESS' && now >= midpoint);
	status.extractPhase = {
		addedCount: String(extracted ? counts.added : 0),
		updatedCount: String(extracted ? counts.updated : 0),
		deletedCount: String(extracted ? counts.deleted : 0),
		extractCount: String(extracted ? counts.extract : 0),
		errorCode: '',
		startedAt: iso(record.startedAt),
		finishedAt: extracted ? iso(Math.min(midpoint, end)) : '',
	};
	if (extracted) {
		const failed = !ended ? 0 : outcome.syncStatus === 'FAIL' ? counts.extract : outcome.syncStatus === 'PARTIAL_SUCCESS' ? Math.ceil(counts.extract / 10) : 0;
		status.loadPhase = {
			deliverSuccessCount: String(ended ? counts.extract - failed : 0),
			deliverFailureCount: String(failed),
			errorCode: ended && outcome.syncStatus === 'FAIL' ? outcome.errorCode : '',
			startedAt: iso(midpoint),
			finishedAt: ended ? iso(endsAt) : '',
		};
	}
	if (ended && outcome.syncStatus === 'FAIL') Object.assign(status, { error: outcome.error, errorCode: outcome.errorCode });
	return status;
}

class ReverseEtl {
	constructor() {
		this.models = new Collection();
		// mapping (subscription) id -> its syncs, oldest first
		this.syncsByMapping = new Map();
		// sync id -> record
		this.syncs = new Map();
		// How the next manual syncs end, in order; then `defaultOutcome`.
		this.outcomes = [];
		this.defaultOutcome = DEFAULT_OUTCOME;
		this.syncStatusKey = SYNC_STATUS_KEYS[0];
	}

	nextOutcome() {
		return this.outcomes.length ? this.outcomes.shift() : this.defaultOutcome;
	}

	// A sync of a mapping: { modelId, sourceId, subscriptionId, startedAt (ms), outcome, manual }.
	addSync(input, syncId = randomId(27)) {
		const record = { syncId, ...input };
		this.syncs.set(syncId, record);
		let list = this.syncsByMapping.get(input.subscriptionId);
		if (!list) this.syncsByMapping.set(input.subscriptionId, (list = []));
		// Kept in start order: history added later with an earlier start slots in where it belongs.
		let index = list.length;
		while (index > 0 && list[index - 1].startedAt > record.startedAt) index--;
		list.splice(index, 0, record);
		return record;
	}

	// Newest first, as Segment lists them.
	syncsOf(subscriptionId) {
		return [...(this.syncsByMapping.get(subscriptionId) || [])].reverse();
	}

	// A model's syncs and their history go with it.
	removeModel(modelId) {
		this.models.remove(modelId);
		for (const [syncId, record] of [...this.syncs]) {
			if (record.modelId !== modelId) continue;
			this.syncs.delete(syncId);
			const list = this.syncsByMapping.get(record.subscriptionId);
			if (list) list.splice(list.indexOf(record), 1);
		}
	}
}

// The mapping (subscription) of the workspace with this id, whatever its destination.
function findMapping(ws, subscriptionId) {
	for (const subscriptions of ws.subscriptions.values()) {
		const record = subscriptions.get(subscriptionId);
		if (record) return record;
	}
	return undefined;
}

// A warehouse source (Snowflake, BigQuery, ...): the only kind a Reverse ETL model reads from.
function isWarehouseSource(source) {
	return Boolean(source && source.meta && (source.meta.categories || []).includes('Warehouse'));
}

module.exports = { ReverseEtl, makeOutcome, statusAt, goDuration, findMapping, isWarehouseSource, FINAL, OUTCOMES, DEFAULT_OUTCOME, SYNC_STATUS_KEYS };
