'use strict';
// Sources: slugs are unique per workspace and shaped like Segment's; each source gets a write key.
// Segment's create has no name (it is set with a PATCH after); a new source connects to every
// warehouse unless disconnectAllWarehouses is true.
const { checkFields } = require('./validate');
const { recordAudit } = require('../audit');
const { validationError } = require('./answers');
const { randomId } = require('../ids');
const { cloneEntry, cloneJson } = require('./clone');

const SLUG = /^[a-z0-9][a-z0-9_-]*$/;
const slug = { type: 'string', pattern: SLUG };
const name = { type: 'string', nonEmpty: true };
const settings = { type: 'object' };

const createSpec = {
	slug: { ...slug, required: true },
	enabled: { type: 'boolean', required: true },
	metadataId: { type: 'string', required: true, nonEmpty: true },
	settings,
	disconnectAllWarehouses: { type: 'boolean' },
};
const updateSpec = { name, enabled: { type: 'boolean' }, slug, settings };

function slugTaken(ws, value, ownId) {
	const owner = ws.slugs.get(value);
	return owner !== undefined && owner !== ownId;
}

function slugError(value) {
	return validationError(`A source with slug ${value} already exists in this workspace`, 'slug');
}

function create(state, ws, body, fixed = {}) {
	const errors = checkFields(body, createSpec);
	const failed = (field) => errors.some((e) => e.field === field);
	const meta = typeof body.metadataId === 'string' ? state.catalogs.find('sources', body.metadataId) : undefined;
	if (!meta && !failed('metadataId')) {
		errors.push(validationError('metadataId does not match any entry of the source catalog', 'metadataId'));
	}
	if (!failed('slug') && slugTaken(ws, body.slug)) errors.push(slugError(body.slug));
	if (errors.length) return { errors };
	const record = {
		id: fixed.id || randomId(),
		meta,
		slug: body.slug,
		enabled: body.enabled,
		writeKeys: [fixed.writeKey || randomId(32)],
		settings: structuredClone(body.settings || {}),
		labels: [],
	};
	return { record, connectAll: body.disconnectAllWarehouses !== true };
}

function onInsert(ws, record, result) {
	ws.slugs.set(record.slug, record.id);
	if (!result.connectAll) return;
	for (const warehouse of ws.warehouses.all()) ws.connections.connect(warehouse.id, record.id);
}

function update(state, ws, record, body) {
	const errors = checkFields(body, updateSpec);
	if (!errors.some((e) => e.field === 'slug') && body.slug !== undefined && slugTaken(ws, body.slug, record.id)) {
		errors.push(slugError(body.slug));
	}
	if (errors.length) return errors;
	if (body.slug !== undefined && body.slug !== record.slug) {
		ws.slugs.delete(record.slug);
		ws.slugs.set(body.slug, record.id);
		record.slug = body.slug;
	}
	if (body.name !== undefined) record.name = body.name;
	if (body.enabled !== undefined) record.enabled = body.enabled;
	if (body.settings !== undefined) Object.assign(record.settings, structuredClone(body.settings));
	return [];
}

// A source's destinations (with their filters) and connections go with it, as in Segment.
function onRemove(ws, record) {
	ws.slugs.delete(record.slug);
	ws.connections.removeSource(record.id);
	for (const destination of ws.destinations.all()) {
		if (destination.sourceId === record.id) {
			ws.destinations.remove(destination.id);
			ws.filters.delete(destination.id);
			recordAudit(ws, { type: 'Integrations Deleted', resourceType: 'destination', resourceId: destination.id, resourceName: destination.name === undefined ? destination.meta.name : destination.name });
		}
	}
}

function toApi(ws, record) {
	const entity = { id: record.id, slug: record.slug };
	if (record.name !== undefined) entity.name = record.name;
	entity.workspaceId = ws.id;
	entity.enabled = record.enabled;
	entity.writeKeys = [...record.writeKeys];
	entity.metadata = cloneEntry(record.meta);
	entity.settings = cloneJson(record.settings);
	entity.labels = record.labels.map((label) => ({ key: label.key, value: label.value }));
	return entity;
}

// How the audit trail names a source and its changes (audit.js).
const audit = { noun: 'Source', resourceType: 'source', nameOf: (ws, record) => (record.name === undefined ? record.slug : record.name) };

module.exports = { resource: 'sources', single: 'source', audit, SLUG, create, onInsert, update, onRemove, toApi };
