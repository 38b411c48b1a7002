'use strict';
// Destinations: each reads from a source of the same workspace; platforms and categories
// come from the catalog entry (metadata), so they cannot be set here.
const { checkFields } = require('./validate');
const { validationError } = require('./answers');
const { randomId } = require('../ids');
const { cloneEntry, cloneJson } = require('./clone');

const name = { type: 'string', nonEmpty: true };
const enabled = { type: 'boolean' };

const createSpec = {
	sourceId: { type: 'string', required: true, nonEmpty: true },
	metadataId: { type: 'string', required: true, nonEmpty: true },
	settings: { type: 'object', required: true },
	name,
	enabled,
};
const updateSpec = { name, enabled, settings: { type: 'object' } };

function create(state, ws, body, fixed = {}) {
	const errors = checkFields(body, createSpec);
	const failed = (field) => errors.some((e) => e.field === field);
	if (!failed('sourceId') && !ws.sources.get(body.sourceId)) {
		errors.push(validationError('sourceId does not match any source in this workspace', 'sourceId'));
	}
	const meta = typeof body.metadataId === 'string' ? state.catalogs.find('destinations', body.metadataId) : undefined;
	if (!meta && !failed('metadataId')) {
		errors.push(validationError('metadataId does not match any entry of the destination catalog', 'metadataId'));
	}
	if (errors.length) return { errors };
	const record = {
		id: fixed.id || randomId(),
		meta,
		name: body.name,
		// No default of true: a client that leaves "enabled" out must notice.
		enabled: body.enabled === true,
		sourceId: body.sourceId,
		settings: structuredClone(body.settings),
	};
	return { record };
}

function update(state, ws, record, body) {
	const errors = checkFields(body, updateSpec);
	if (errors.length) return errors;
	if (body.name !== undefined) record.name = body.name;
	if (body.enabled !== undefined) record.enabled = body.enabled;
	if (body.settings !== undefined) Object.assign(record.settings, structuredClone(body.settings));
	return [];
}

// A destination's filters and mappings go with it.
function onRemove(ws, record) {
	ws.filters.delete(record.id);
	ws.subscriptions.delete(record.id);
}

function toApi(ws, record) {
	const entity = { id: record.id };
	if (record.name !== undefined) entity.name = record.name;
	entity.enabled = record.enabled;
	entity.workspaceId = ws.id;
	entity.sourceId = record.sourceId;
	entity.metadata = cloneEntry(record.meta);
	entity.settings = cloneJson(record.settings);
	return entity;
}

// How the audit trail names a destination and its changes (audit.js): Segment says "Integrations".
const audit = { noun: 'Integrations', resourceType: 'destination', nameOf: (ws, record) => (record.name === undefined ? record.meta.name : record.name) };

module.exports = { resource: 'destinations', single: 'destination', audit, create, update, onRemove, toApi };
