'use strict';
// Warehouses: Segment keeps a warehouse's name inside its settings (settings.name).
const { checkFields } = require('./validate');
const { validationError } = require('./answers');
const { randomId } = require('../ids');
const { cloneEntry, cloneJson } = require('./clone');

const name = { type: 'string', nonEmpty: true };
const enabled = { type: 'boolean' };
const settings = { type: 'object', required: true };

const createSpec = { metadataId: { type: 'string', required: true, nonEmpty: true }, settings, name, enabled };
const updateSpec = { settings, name, enabled };

function create(state, ws, body, fixed = {}) {
	const errors = checkFields(body, createSpec);
	const meta = typeof body.metadataId === 'string' ? state.catalogs.find('warehouses', body.metadataId) : undefined;
	if (!meta && !errors.some((e) => e.field === 'metadataId')) {
		errors.push(validationError('metadataId does not match any entry of the warehouse catalog', 'metadataId'));
	}
	if (errors.length) return { errors };
	const stored = structuredClone(body.settings);
	if (body.name !== undefined) stored.name = body.name;
	// No default of true: a client that leaves "enabled" out must notice.
	return { record: { id: fixed.id || randomId(), meta, enabled: body.enabled === true, settings: stored } };
}

function update(state, ws, record, body) {
	const errors = checkFields(body, updateSpec);
	if (errors.length) return errors;
	Object.assign(record.settings, structuredClone(body.settings));
	if (body.name !== undefined) record.settings.name = body.name;
	if (body.enabled !== undefined) record.enabled = body.enabled;
	return [];
}

function toApi(ws, record) {
	return {
		id: record.id,
		workspaceId: ws.id,
		enabled: record.enabled,
		metadata: cloneEntry(record.meta),
		settings: cloneJson(record.settings),
	};
}

module.exports = { resource: 'warehouses', single: 'warehouse', create, update, toApi };
