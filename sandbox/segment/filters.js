'use strict';
// Destination filters (/destination/{destinationId}/filters): FQL conditions ("if") with the
// actions Segment knows, kept per destination and gone with it.
const { ok, notFound, unprocessable, validationError } = require('./answers');
const { recordAudit, auditType } = require('../audit');
const { checkFields, isPlainObject } = require('./validate');
const { readPagination, pagination } = require('./query');
const { randomId } = require('../ids');

const text = { type: 'string', nonEmpty: true };
const createSpec = {
	sourceId: { ...text, required: true },
	if: { ...text, required: true },
	actions: { type: 'array', required: true },
	title: { ...text, required: true },
	enabled: { type: 'boolean', required: true },
	description: { type: 'string' },
};
const updateSpec = { if: text, actions: { type: 'array' }, title: text, description: { type: 'string' }, enabled: { type: 'boolean' } };

// The fields each action type takes besides "type" (true = required).
const ACTIONS = {
	DROP: {},
	SAMPLE: { percent: true, path: false },
	ALLOW_PROPERTIES: { fields: true },
	DROP_PROPERTIES: { fields: true },
};

function checkAction(action, field) {
	if (!isPlainObject(action)) return [validationError(`${field} must be an object`, field)];
	if (!Object.prototype.hasOwnProperty.call(ACTIONS, action.type)) {
		return [validationError(`${field}.type must be one of ${Object.keys(ACTIONS).join(', ')}`, `${field}.type`)];
	}
	const allowed = ACTIONS[action.type];
	const errors = [];
	for (const [name, required] of Object.entries(allowed)) {
		if (required && action[name] === undefined) errors.push(validationError(`${field}.${name} is required for ${action.type}`, `${field}.${name}`));
	}
	for (const name of Object.keys(action)) {
		if (name !== 'type' && !Object.prototype.hasOwnProperty.call(allowed, name)) {
			errors.push(validationError(`Unknown field: ${field}.${name} (not used by ${action.type})`, `${field}.${name}`));
		}
	}
	if (action.percent !== undefined && !(typeof action.percent === 'number' && action.percent >= 0 && action.percent <= 1)) {
		errors.push(validationError(`${field}.percent must be a number from 0 to 1`, `${field}.percent`));
	}
	if (action.path !== undefined && typeof action.path !== 'string') errors.push(validationError(`${field}.path must be a string`, `${field}.path`));
	if (action.fields !== undefined && !isFieldList(action.fields)) {
		errors.push(validationError(`${field}.fields must be an object of string arrays`, `${field}.fields`));
	}
	return errors;
}

// { properties: ['email'], context: ['ip'] }
function isFieldList(fields) {
	return isPlainObject(fields) && Object.values(fields).every((list) => Array.isArray(list) && list.every((f) => typeof f === 'string'));
}

function checkActions(actions) {
	if (actions.length === 0) return [validationError('actions must not be empty', 'actions')];
	return actions.flatMap((action, i) => checkAction(action, `actions[${i}]`));
}

function checkBody(ws, body, spec) {
	const errors = checkFields(body, spec);
	if (Array.isArray(body.actions)) errors.push(...checkActions(body.actions));
	if (spec.sourceId && typeof body.sourceId === 'string' && body.sourceId.trim() !== '' && !ws.sources.get(body.sourceId)) {
		errors.push(validationError('sourceId does not match any source in this workspace', 'sourceId'));
	}
	return errors;
}

function toApi(record) {
	const filter = { id: record.id, sourceId: record.sourceId, destinationId: record.destinationId, if: record.if, actions: structuredClone(record.actions), title: record.title };
	if (record.description !== undefined) filter.description = record.description;
	return { ...filter, enabled: record.enabled, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

function auditFilter(ws, record, change) {
	recordAudit(ws, { type: auditType('Destination Filters', change), resourceType: 'destination_filter', resourceId: record.id, resourceName: record.title });
}

function list(ws, destinationId, params) {
	const scope = `destination/${destinationId}/filters`;
	const page = readPagination(params, scope);
	if (page.error) return page.error;
	if (!ws.destinations.get(destinationId)) return notFound();
	const collection = ws.filtersOf(destinationId);
	const { items, nextSeq } = collection.page(page.from, page.count);
	return ok({ filters: items.map(toApi), pagination: pagination(scope, page.current, nextSeq, collection.size) });
}

function create(ws, destinationId, body) {
	if (!ws.destinations.get(destinationId)) return notFound();
	const errors = checkBody(ws, body, createSpec);
	if (errors.length) return unprocessable(errors);
	const now = new Date().toISOString();
	const record = { id: randomId(), sourceId: body.sourceId, destinationId, if: body.if, actions: structuredClone(body.actions), title: body.title, enabled: body.enabled, createdAt: now, updatedAt: now };
	if (body.description !== undefined) record.description = body.description;
	ws.filtersOf(destinationId).insert(record);
	auditFilter(ws, record, 'create');
	return ok({ filter: toApi(record) });
}

function find(ws, destinationId, filterId) {
	if (!ws.destinations.get(destinationId)) return null;
	return ws.filtersOf(destinationId).get(filterId) || null;
}

function get(ws, destinationId, filterId) {
	const record = find(ws, destinationId, filterId);
	return record ? ok({ filter: toApi(record) }) : notFound();
}

// description: null removes it, as Segment's update input allows.
function update(ws, destinationId, filterId, body) {
	const record = find(ws, destinationId, filterId);
	if (!record) return notFound();
	const { description, ...rest } = body;
	const errors = checkBody(ws, description === null ? rest : body, updateSpec);
	if (errors.length) return unprocessable(errors);
	for (const key of ['if', 'title', 'enabled']) if (body[key] !== undefined) record[key] = body[key];
	if (body.actions !== undefined) record.actions = structuredClone(body.actions);
	if (description === null) delete record.description;
	else if (description !== undefined) record.description = description;
	record.updatedAt = new Date().toISOString();
	auditFilter(ws, record, 'update');
	return ok({ filter: toApi(record) });
}

function remove(ws, destinationId, filterId) {
	const record = find(ws, destinationId, filterId);
	if (!record) return notFound();
	ws.filtersOf(destinationId).remove(filterId);
	auditFilter(ws, record, 'delete');
	return ok({ status: 'SUCCESS' });
}

module.exports = { list, create, get, update, remove, toApi, ACTIONS };
