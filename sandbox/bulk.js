'use strict';
// Inserts many entities straight into a workspace (for load tests), bypassing HTTP and the log.
// Records are built directly, so 100,000 take a fraction of a second.
const { randomIds } = require('./ids');
const { assertResource } = require('./workspace');

function cycle(list, i) {
	return list[i % list.length];
}

function freeSlug(ws, n) {
	let slug = `bulk_source_${n}`;
	for (let k = 1; ws.slugs.has(slug); k++) slug = `bulk_source_${n}_${k}`;
	return slug;
}

// Bulk destinations are classic ones: their metadata stays small however many there are.
function classicDestinations(state) {
	return state.catalogs.list('destinations').filter((entry) => entry.actions.length === 0);
}

// Destinations need a source: the first one of the workspace, or a new one.
function sourceFor(state, ws) {
	const existing = ws.sources.page(0, 1).items[0];
	return existing ? existing.id : bulkInsert(state, ws, 'sources', 1)[0];
}

function makeRecord(state, ws, resource, id, n, extra) {
	if (resource === 'warehouses') {
		return { id, meta: cycle(state.catalogs.list('warehouses'), n), enabled: true, settings: { name: `Bulk Warehouse ${n}` } };
	}
	if (resource === 'sources') {
		const slug = freeSlug(ws, n);
		return { id, meta: state.catalogs.bySlug('sources', 'javascript'), slug, name: `Bulk Source ${n}`, enabled: true, writeKeys: [extra.writeKeys[n - extra.first]], settings: {}, labels: [] };
	}
	return { id, meta: cycle(extra.destinationEntries, n), name: `Bulk Destination ${n}`, enabled: true, sourceId: extra.sourceId, settings: {} };
}

// ws: the workspace to fill (sb.bulk() picks it by region, user and credential).
function bulkInsert(state, ws, resource, count) {
	assertResource(resource);
	if (!(Number.isInteger(count) && count >= 0)) throw new TypeError('count must be an integer >= 0');
	const collection = ws[resource];
	const ids = randomIds(count);
	const first = collection.nextSeq;
	const extra = { first, writeKeys: resource === 'sources' ? randomIds(count, 32) : null };
	if (resource === 'destinations' && count > 0) {
		extra.sourceId = sourceFor(state, ws);
		extra.destinationEntries = classicDestinations(state);
	}
	for (let i = 0; i < count; i++) {
		const record = collection.insert(makeRecord(state, ws, resource, ids[i], extra.first + i, extra));
		if (resource === 'sources') ws.slugs.set(record.slug, record.id);
	}
	return ids;
}

module.exports = { bulkInsert };
