'use strict';
// List / get / create / update / delete, the same for the three resources;
// what differs (fields, checks, shape) lives in warehouses.js, sources.js, destinations.js.
const { ok, notFound, unprocessable } = require('./answers');
const { readPagination, pagination } = require('./query');
const { recordAudit, auditType, updateChange } = require('../audit');

// One entry of the audit trail for a change made through the API.
function audited(ws, kind, record, change) {
	const { noun, resourceType, nameOf } = kind.audit;
	recordAudit(ws, { type: auditType(noun, change), resourceType, resourceId: record.id, resourceName: nameOf(ws, record) });
}

function list(state, ws, kind, params) {
	const page = readPagination(params, kind.resource);
	if (page.error) return page.error;
	const collection = ws[kind.resource];
	const { items, nextSeq } = collection.page(page.from, page.count);
	return ok({
		[kind.resource]: items.map((record) => kind.toApi(ws, record)),
		pagination: pagination(kind.resource, page.current, nextSeq, collection.size),
	});
}

function insert(state, ws, kind, body, fixed) {
	const result = kind.create(state, ws, body, fixed);
	if (result.errors) return result;
	ws[kind.resource].insert(result.record);
	if (kind.onInsert) kind.onInsert(ws, result.record, result);
	return result;
}

function create(state, ws, kind, body) {
	const result = insert(state, ws, kind, body);
	if (result.errors) return unprocessable(result.errors);
	audited(ws, kind, result.record, 'create');
	return ok({ [kind.single]: kind.toApi(ws, result.record) });
}

function get(state, ws, kind, id) {
	const record = ws[kind.resource].get(id);
	if (!record) return notFound();
	return ok({ [kind.single]: kind.toApi(ws, record) });
}

function update(state, ws, kind, id, body) {
	const record = ws[kind.resource].get(id);
	if (!record) return notFound();
	const wasEnabled = record.enabled;
	const errors = kind.update(state, ws, record, body);
	if (errors.length) return unprocessable(errors);
	audited(ws, kind, record, updateChange(body, wasEnabled, record.enabled));
	return ok({ [kind.single]: kind.toApi(ws, record) });
}

function remove(state, ws, kind, id) {
	const record = ws[kind.resource].get(id);
	if (!record) return notFound();
	ws[kind.resource].remove(id);
	if (kind.onRemove) kind.onRemove(ws, record);
	audited(ws, kind, record, 'delete');
	return ok({ status: 'SUCCESS' });
}

module.exports = { list, insert, create, get, update, remove, audited };
