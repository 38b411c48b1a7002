'use strict';
// Warehouses: settings follow the catalog entry's options; the name is kept as settings.name
// (there is no top-level name on the entity); a new warehouse connects to every source
// unless disconnectAllSources is true.
const { checkFields, isPlainObject } = require('./validate');
const { validationError } = require('./answers');
const { randomId } = require('../ids');
const { cloneEntry } = require('./clone');
const { checkSettings, storable, settingsForApi, newCiphertext, hasSecret } = require('./warehouse-settings');

const name = { type: 'string', nonEmpty: true };
const enabled = { type: 'boolean' };
const settings = { type: 'object', required: true };
const metadataId = { type: 'string', required: true, nonEmpty: true };

const createSpec = { metadataId, settings, name, enabled, disconnectAllSources: { type: 'boolean' } };
const updateSpec = { settings, name, enabled };
const validationSpec = { metadataId, settings };

// The catalog entry of a body's metadataId, or an error for it.
function findMeta(state, body, errors) {
	const meta = typeof body.metadataId === 'string' ? state.catalogs.find('warehouses', body.metadataId) : undefined;
	if (!meta && !errors.some((e) => e.field === 'metadataId')) {
		errors.push(validationError('metadataId does not match any entry of the warehouse catalog', 'metadataId'));
	}
	return meta;
}

// Body checks shared by create and POST /warehouses/validation.
function checkNew(state, body, spec) {
	const errors = checkFields(body, spec);
	const meta = findMeta(state, body, errors);
	if (meta && isPlainObject(body.settings)) errors.push(...checkSettings(meta, body.settings, { create: true }));
	return { errors, meta };
}

function create(state, ws, body, fixed = {}) {
	const { errors, meta } = checkNew(state, body, createSpec);
	if (errors.length) return { errors };
	const stored = storable(body.settings);
	if (body.name !== undefined) stored.name = body.name;
	const record = {
		id: fixed.id || randomId(),
		meta,
		// No default of true: a client that leaves "enabled" out must notice.
		enabled: body.enabled === true,
		settings: stored,
		ciphertext: fixed.ciphertext || newCiphertext(),
	};
	return { record, connectAll: body.disconnectAllSources !== true };
}

function onInsert(ws, record, result) {
	if (!result.connectAll) return;
	for (const source of ws.sources.all()) ws.connections.connect(record.id, source.id);
}

function update(state, ws, record, body) {
	const errors = checkFields(body, updateSpec);
	if (isPlainObject(body.settings)) errors.push(...checkSettings(record.meta, body.settings, { create: false }));
	if (errors.length) return errors;
	// A changed secret gets a new ciphertext, as re-encrypting would.
	if (hasSecret(record.meta, body.settings)) record.ciphertext = newCiphertext();
	Object.assign(record.settings, storable(body.settings));
	if (body.name !== undefined) record.settings.name = body.name;
	if (body.enabled !== undefined) record.enabled = body.enabled;
	return [];
}

// A warehouse's connections, sync reports go with it.
function onRemove(ws, record) {
	ws.connections.removeWarehouse(record.id);
	ws.syncReports.delete(record.id);
}

function toApi(ws, record) {
	return {
		id: record.id,
		workspaceId: ws.id,
		enabled: record.enabled,
		metadata: cloneEntry(record.meta),
		settings: settingsForApi(record.meta, record.settings, record.ciphertext),
	};
}

// How the audit trail names a warehouse and its changes (audit.js).
const audit = { noun: 'Warehouses', resourceType: 'warehouse', nameOf: (ws, record) => record.settings.name };

module.exports = { resource: 'warehouses', single: 'warehouse', audit, create, onInsert, update, onRemove, toApi, checkNew, validationSpec };
