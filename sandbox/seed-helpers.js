'use strict';
// Building blocks of the demo data, made the v2 way (warehouse settings from the catalog,
// sources created without a name and named after, connections set explicitly). Ids, write keys
// and ciphertexts are derived from the workspace's key and a name, so they are the same every run.
const { insert } = require('./segment/resources');
const { KINDS } = require('./segment/router');
const { makeReport } = require('./segment/syncs');
const { stableId } = require('./ids');

const HOUR_MS = 3600 * 1000;

function add(state, ws, resource, key, body) {
	const name = `seed:${ws.key}:${resource}:${key}`;
	const fixed = { id: stableId(name), writeKey: stableId(`${name}:writeKey`, 32), ciphertext: stableId(`${name}:ciphertext`, 64) };
	const result = insert(state, ws, KINDS[resource], body, fixed);
	if (result.errors) throw new Error(`Demo data ${name} is invalid: ${JSON.stringify(result.errors)}`);
	return result.record;
}

function metadataId(state, kind, slug) {
	return state.catalogs.bySlug(kind, slug).id;
}

function addLabels(ws, labels) {
	for (const [key, value, description] of labels) {
		ws.addLabel(description === undefined ? { key, value } : { key, value, description });
	}
}

function warehouse(state, ws, key, slug, name, settings) {
	return add(state, ws, 'warehouses', key, { metadataId: metadataId(state, 'warehouses', slug), name, enabled: true, settings, disconnectAllSources: true });
}

// POST /sources has no name: Segment's clients name a source with a PATCH right after.
function source(state, ws, key, { slug, name, catalog, labels, warehouses }) {
	const record = add(state, ws, 'sources', key, { slug, enabled: true, metadataId: metadataId(state, 'sources', catalog), disconnectAllWarehouses: true });
	record.name = name;
	record.labels = labels.map(([labelKey, value]) => ({ key: labelKey, value }));
	for (const target of warehouses) ws.connections.connect(target.id, record.id);
	return record;
}

function destination(state, ws, key, { from, slug, name, enabled = true, settings }) {
	return add(state, ws, 'destinations', key, { sourceId: from.id, metadataId: metadataId(state, 'destinations', slug), name, enabled, settings });
}

// list: [source, status, hours ago, extra report fields?], newest first.
function reports(ws, target, now, list) {
	ws.syncReports.set(target.id, list.map(([from, status, hoursAgo, extra = {}]) =>
		makeReport({ sourceId: from.id, status, start: new Date(now - hoursAgo * HOUR_MS).toISOString(), ...extra }, from.id, now)));
}

module.exports = { add, metadataId, addLabels, warehouse, source, destination, reports };
