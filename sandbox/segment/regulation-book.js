'use strict';
// A workspace's regulations and suppression lists. A regulation's status is read from the clock:
// INITIALIZED for stepMs, RUNNING for stepMs, then FINISHED (or FAILED at one destination) — unless
// a control call set it (then it stays so). Segment keeps regulations 90 days: older ones are
// neither listed nor found.
const { FINAL_STATUSES, SUPPRESSING, reachesDestinations } = require('./regulation-rules');

const RETENTION_MS = 90 * 24 * 3600 * 1000;
// A subject id containing this makes its regulation end FAILED at its first destination.
const UNDELETABLE = 'undeletable';
const DEFAULT_ERROR = 'The destination refused the deletion request';

const subjectKey = (subjectType, subjectId) => `${subjectType}\u0000${subjectId}`;

class RegulationBook {
	constructor() {
		this.records = [];
		this.byId = new Map();
		// Workspace-level suppressions in the order made (GET /suppressions lists these).
		this.suppressed = new Map();
		// Source-level ones, per source: they suppress for that source only and are not listed.
		this.suppressedAt = new Map();
	}

	get(id) {
		return this.byId.get(id);
	}

	// record: {id, scope, sourceId?, collection?, regulationType, subjectType, subjectIds, createdAt, streams}
	add(record) {
		const full = { failure: null, pinned: null, ...record };
		if (!full.failure) full.failure = this.failureOf(full);
		this.applySuppression(full);
		this.records.push(full);
		this.byId.set(full.id, full);
		return full;
	}

	// Why this regulation will end FAILED, if it will: a subject Segment cannot delete at a
	// destination, or a Source-level UNSUPPRESS of a subject the Workspace suppresses (Segment's rule).
	failureOf(record) {
		if (record.scope !== 'workspace' && record.regulationType === 'UNSUPPRESS') {
			const blocked = record.subjectIds.find((id) => this.suppressed.has(subjectKey(record.subjectType, id)));
			if (blocked) return { errString: `${blocked} is suppressed at the Workspace level: un-suppress it with a Workspace regulation` };
		}
		if (record.subjectIds.some((id) => id.includes(UNDELETABLE))) {
			const first = record.streams.flatMap((stream) => stream.destinations)[0];
			return { destinationId: first ? first.id : null, errString: DEFAULT_ERROR };
		}
		return null;
	}

	applySuppression(record) {
		const set = record.scope === 'workspace' ? this.suppressed : this.sourceSet(record.sourceId);
		for (const subjectId of record.subjectIds) {
			const key = subjectKey(record.subjectType, subjectId);
			if (SUPPRESSING.has(record.regulationType)) set.set(key, { subjectType: record.subjectType, subjectId });
			// A Source-level UNSUPPRESS cannot lift a Workspace suppression (that regulation fails).
			else if (record.regulationType === 'UNSUPPRESS') set.delete(key);
		}
	}

	sourceSet(sourceId) {
		let set = this.suppressedAt.get(sourceId);
		if (!set) this.suppressedAt.set(sourceId, (set = new Map()));
		return set;
	}

	// Retained regulations matching `keep`, newest first.
	retained(now, keep) {
		return this.records.filter((record) => now - record.createdAt <= RETENTION_MS && keep(record)).reverse();
	}

	isRetained(record, now) {
		return now - record.createdAt <= RETENTION_MS;
	}

	suppressions() {
		return [...this.suppressed.values()];
	}

	// A control call: the regulation has this status from now on (FAILED at one destination).
	pin(record, status, { destinationId, errString } = {}, now = Date.now()) {
		const destinations = record.streams.flatMap((stream) => stream.destinations);
		if (destinationId !== undefined && !destinations.some((destination) => destination.id === destinationId)) {
			throw new TypeError(`Regulation ${record.id} reaches no destination ${destinationId} (it reaches ${destinations.map((d) => d.id).join(', ') || 'none'})`);
		}
		const failing = status === 'FAILED' ? (destinationId ?? (destinations[0] ? destinations[0].id : null)) : null;
		record.pinned = { status, at: now, destinationId: failing, errString: status === 'FAILED' ? (errString || DEFAULT_ERROR) : '' };
	}
}

// {status, finishedAt (ms) | null, failure}: the regulation as the clock (or a control call) has it.
function stateAt(record, now, stepMs) {
	if (record.pinned) {
		const { status, at, destinationId, errString } = record.pinned;
		return { status, finishedAt: FINAL_STATUSES.has(status) ? at : null, failure: status === 'FAILED' ? { destinationId, errString } : null };
	}
	const age = now - record.createdAt;
	if (stepMs === null || age < stepMs) return { status: 'INITIALIZED', finishedAt: null, failure: null };
	if (age < 2 * stepMs) return { status: 'RUNNING', finishedAt: null, failure: null };
	return { status: record.failure ? 'FAILED' : 'FINISHED', finishedAt: record.createdAt + 2 * stepMs, failure: record.failure };
}

const iso = (ms) => new Date(ms).toISOString();

// An entry of GET /regulations and GET /regulations/sources/{id}.
function listEntry(record, now, stepMs) {
	const { status, finishedAt } = stateAt(record, now, stepMs);
	const entry = { id: record.id, subjectType: record.subjectType, subjects: [...record.subjectIds], status, createdAt: iso(record.createdAt) };
	if (finishedAt !== null) entry.finishedAt = iso(finishedAt);
	entry.regulationType = record.regulationType;
	return entry;
}

// GET /regulations/{regulateId}: the overall status and one stream per source it reaches, each
// with its destinations' statuses (the failing destination FAILED with errString, the others FINISHED).
function detail(workspaceId, record, now, stepMs) {
	const { status, finishedAt, failure } = stateAt(record, now, stepMs);
	const destinationStatus = (destination) => {
		const failed = failure && failure.destinationId === destination.id;
		const own = status === 'FAILED' ? (failed ? 'FAILED' : 'FINISHED') : status;
		const entry = { name: destination.name, id: destination.id, status: own, errString: failed ? failure.errString : '' };
		if (finishedAt !== null) entry.finishedAt = iso(finishedAt);
		return entry;
	};
	const regulation = { id: record.id, workspaceId, overallStatus: status, createdAt: iso(record.createdAt) };
	if (finishedAt !== null) regulation.finishedAt = iso(finishedAt);
	regulation.streamStatus = record.streams.map((stream) => ({ id: stream.id, destinationStatus: stream.destinations.map(destinationStatus) }));
	return regulation;
}

// The sources a regulation reaches (the workspace's, or its own) and, for the types that reach
// destinations, their destinations: taken when it is made, as Segment plans its work then.
function streamsOf(ws, scope, sourceId, regulationType) {
	const sources = scope === 'workspace' ? ws.sources.all() : [ws.sources.get(sourceId)];
	const withDestinations = reachesDestinations(regulationType);
	const destinations = ws.destinations.all();
	return sources.map((source) => ({
		id: source.id,
		destinations: withDestinations
			? destinations.filter((destination) => destination.sourceId === source.id).map((destination) => ({ id: destination.id, name: destination.name || destination.id }))
			: [],
	}));
}

module.exports = { RegulationBook, stateAt, listEntry, detail, streamsOf, RETENTION_MS, UNDELETABLE };
