'use strict';
// What tests set in a workspace's monitoring data (module API and control endpoints): event
// volume per source, event and minute; delivery counts per step, destination, event and minute.
// A minute's count is set, not added: setting 0 makes a source go quiet or a destination stop failing.
const { STEPS } = require('./segment/delivery');
const { MINUTE_MS } = require('./series');

const EVENT_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'];
const MAX_SPAN_MS = 62 * 24 * 60 * MINUTE_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;
const VOLUME_FIELDS = ['sourceId', 'eventName', 'eventType', 'appVersion', 'from', 'to', 'perMinute'];
const DELIVERY_FIELDS = ['step', 'destinationId', 'discardReason', ...VOLUME_FIELDS];

function fail(what, message) {
	throw new TypeError(`Invalid ${what}: ${message}`);
}

function checkSpec(what, spec, fields) {
	if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) fail(what, 'give an object');
	for (const key of Object.keys(spec)) if (!fields.includes(key)) fail(what, `unknown field ${key} (fields: ${fields.join(', ')})`);
	for (const name of ['eventName', 'appVersion', 'discardReason', 'sourceId', 'destinationId']) {
		if (spec[name] !== undefined && (typeof spec[name] !== 'string' || spec[name] === '')) fail(what, `${name} must be a non-empty string`);
	}
	if (spec.eventType !== undefined && !EVENT_TYPES.includes(spec.eventType)) fail(what, `eventType must be one of ${EVENT_TYPES.join(', ')}`);
	if (!(Number.isInteger(spec.perMinute) && spec.perMinute >= 0)) fail(what, 'perMinute must be an integer >= 0');
}

function instant(what, value, name, fallback) {
	if (value === undefined) return fallback;
	const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
	if (!Number.isFinite(ms)) fail(what, `${name} must be an ISO date-time or epoch milliseconds`);
	return ms;
}

// [from, to): default the last 24 hours up to now (the minute now is in included).
function span(what, spec, now = Date.now()) {
	const to = instant(what, spec.to, 'to', now);
	const from = instant(what, spec.from, 'from', to - DAY_MS);
	if (from >= to) fail(what, 'from must be before to');
	if (to - from > MAX_SPAN_MS) fail(what, 'from and to may be at most 62 days apart');
	return { from, to };
}

/**
 * Sets the events of one source per minute. With eventName (and eventType, default "track"): that
 * event; without: every event of the source the sandbox already counts (to silence a source).
 * Returns { keys, minutes }: how many events and minutes were set.
 */
function setEventVolume(ws, spec) {
	const what = 'event volume';
	checkSpec(what, spec, VOLUME_FIELDS);
	if (!spec.sourceId || !ws.sources.get(spec.sourceId)) fail(what, `sourceId "${spec.sourceId}" is no source of the ${ws.description}`);
	const { from, to } = span(what, spec);
	const dims = { sourceId: spec.sourceId, eventName: spec.eventName, eventType: spec.eventType, appVersion: spec.appVersion };
	if (spec.eventName !== undefined) return setKeys(ws.eventVolume, [{ ...dims, eventType: spec.eventType || 'track' }], from, to, spec.perMinute);
	const known = ws.eventVolume.matching(dims).map((entry) => entry.dims);
	if (!known.length && spec.perMinute > 0) fail(what, `source ${spec.sourceId} has no events yet: name one (eventName, eventType)`);
	return setKeys(ws.eventVolume, known, from, to, spec.perMinute);
}

/**
 * Sets one step's counts per minute. Destination steps (failed-delivery, successful-delivery,
 * filtered-at-destination) take destinationId (sourceId: the destination's own); source steps
 * (failed-on-ingest, filtered-at-source) take sourceId. "successfully-received" is the event
 * volume: set that instead. Without eventName, every key of the step already counted is set (or,
 * when there is none, one without event dimensions).
 */
function setDeliveryCounts(ws, spec) {
	const what = 'delivery counts';
	checkSpec(what, spec, DELIVERY_FIELDS);
	const step = STEPS[spec.step];
	if (!step || spec.step === 'successfully-received') fail(what, `step must be one of ${Object.keys(STEPS).filter((s) => s !== 'successfully-received').join(', ')} (successfully-received is the event volume: use setEventVolume)`);
	let sourceId = spec.sourceId;
	if (step.destination) {
		const destination = spec.destinationId && ws.destinations.get(spec.destinationId);
		if (!destination) fail(what, `${spec.step} needs the destinationId of a destination of the ${ws.description}`);
		if (sourceId !== undefined && sourceId !== destination.sourceId) fail(what, `sourceId must be the destination's own source (${destination.sourceId})`);
		sourceId = destination.sourceId;
	} else {
		if (spec.destinationId !== undefined) fail(what, `${spec.step} is a source step: give sourceId, not destinationId`);
		if (!sourceId || !ws.sources.get(sourceId)) fail(what, `sourceId "${sourceId}" is no source of the ${ws.description}`);
	}
	const { from, to } = span(what, spec);
	const dims = { step: spec.step, sourceId, destinationId: step.destination ? spec.destinationId : undefined, eventName: spec.eventName, eventType: spec.eventType, discardReason: spec.discardReason, appVersion: spec.appVersion };
	if (spec.eventName !== undefined) return setKeys(ws.deliveryCounts, [dims], from, to, spec.perMinute);
	const known = ws.deliveryCounts.matching(dims).map((entry) => entry.dims);
	return setKeys(ws.deliveryCounts, known.length ? known : [dims], from, to, spec.perMinute);
}

function setKeys(store, keys, from, to, perMinute) {
	let minutes = 0;
	for (const dims of keys) minutes += store.set(dims, from, to, perMinute);
	return { keys: keys.length, minutes };
}

module.exports = { setEventVolume, setDeliveryCounts, EVENT_TYPES };
