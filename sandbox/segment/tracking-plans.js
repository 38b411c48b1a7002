'use strict';
// Tracking plans (Segment Protocols): /tracking-plans (list with an optional type, create),
// /tracking-plans/{id} (get, PATCH name/description answering only {status}, delete), and the
// sources a plan validates, /tracking-plans/{id}/sources (GET paged, POST {sourceId},
// DELETE ?sourceId=). Only a LIVE plan takes sources, and a source belongs to one plan at most.
const { ok, notFound, badRequest, unprocessable, validationError } = require('./answers');
const { checkFields } = require('./validate');
const { readPagination, pagination, checkQuery } = require('./query');
const { randomId } = require('../ids');
const sources = require('./sources');
const { auditPlan } = require('../protocols');

const PLAN_TYPES = ['LIVE', 'PROPERTY_LIBRARY', 'RULE_LIBRARY', 'TEMPLATE', 'ENGAGE'];
const name = { type: 'string', nonEmpty: true };
const createSpec = { name: { ...name, required: true }, description: { type: 'string' }, type: { type: 'string', required: true } };
const updateSpec = { name, description: { type: 'string' } };

function checkType(body, errors) {
	if (typeof body.type === 'string' && !PLAN_TYPES.includes(body.type)) errors.push(validationError(`type must be one of ${PLAN_TYPES.join(', ')}`, 'type'));
}

// "Checkout Events (v2)" -> "checkout-events-v2"
function slugOf(text) {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'tracking-plan';
}

function toApi(record) {
	const plan = { id: record.id, name: record.name, slug: record.slug };
	if (record.description !== undefined) plan.description = record.description;
	return { ...plan, type: record.type, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

function newPlan(body, id = randomId(), now = new Date().toISOString()) {
	const record = { id, name: body.name, slug: slugOf(body.name), type: body.type, createdAt: now, updatedAt: now };
	if (body.description !== undefined) record.description = body.description;
	return record;
}

// GET /tracking-plans?type=LIVE: the query's type narrows the list (its cursors are its own).
function list(ws, params) {
	const type = params.get('type');
	const paging = new URLSearchParams([...params].filter(([key]) => key !== 'type'));
	if (params.getAll('type').length > 1) return badRequest('type must be given once', 'type');
	if (type !== null && !PLAN_TYPES.includes(type)) return badRequest(`type must be one of ${PLAN_TYPES.join(', ')}`, 'type');
	const scope = type === null ? 'tracking-plans' : `tracking-plans?type=${type}`;
	const page = readPagination(paging, scope);
	if (page.error) return page.error;
	const plans = ws.protocols.plans.all().filter((record) => type === null || record.type === type);
	const end = page.from + page.count;
	return ok({ trackingPlans: plans.slice(page.from, end).map(toApi), pagination: pagination(scope, page.current, end < plans.length ? end : null, plans.length) });
}

function create(ws, body) {
	const errors = checkFields(body, createSpec);
	checkType(body, errors);
	if (errors.length) return unprocessable(errors);
	const record = ws.protocols.plans.insert(newPlan(body));
	auditPlan(ws, record, 'create');
	return ok({ trackingPlan: toApi(record) });
}

function get(ws, planId) {
	const record = ws.protocols.plans.get(planId);
	return record ? ok({ trackingPlan: toApi(record) }) : notFound();
}

// Segment's PATCH answers only the status: a client reads the plan again to see it.
function update(ws, planId, body) {
	const record = ws.protocols.plans.get(planId);
	if (!record) return notFound();
	const errors = checkFields(body, updateSpec);
	if (errors.length) return unprocessable(errors);
	if (body.name !== undefined) record.name = body.name;
	if (body.description !== undefined) record.description = body.description;
	record.updatedAt = new Date().toISOString();
	auditPlan(ws, record, 'update');
	return ok({ status: 'SUCCESS' });
}

function remove(ws, planId) {
	const record = ws.protocols.plans.get(planId);
	if (!record) return notFound();
	ws.protocols.removePlan(planId);
	auditPlan(ws, record, 'delete');
	return ok({ status: 'SUCCESS' });
}

function listSources(ws, planId, params) {
	const scope = `tracking-plans/${planId}/sources`;
	const page = readPagination(params, scope);
	if (page.error) return page.error;
	if (!ws.protocols.plans.get(planId)) return notFound();
	const ids = ws.protocols.sourcesOf(ws, planId);
	const end = page.from + page.count;
	const items = ids.slice(page.from, end).map((id) => sources.toApi(ws, ws.sources.get(id)));
	return ok({ sources: items, pagination: pagination(scope, page.current, end < ids.length ? end : null, ids.length) });
}

function addSource(ws, planId, body) {
	const plan = ws.protocols.plans.get(planId);
	if (!plan) return notFound();
	const errors = checkFields(body, { sourceId: { type: 'string', required: true, nonEmpty: true } });
	if (errors.length) return unprocessable(errors);
	const { sourceId } = body;
	if (!ws.sources.get(sourceId)) return unprocessable([validationError('sourceId does not match any source in this workspace', 'sourceId')]);
	if (plan.type !== 'LIVE') {
		return unprocessable([validationError(`Only a LIVE tracking plan can be connected to sources; this one is ${plan.type}`, 'sourceId')]);
	}
	const current = ws.protocols.planOf(ws, sourceId);
	if (current !== undefined) {
		const where = current === planId ? 'this tracking plan' : `tracking plan ${current}`;
		return unprocessable([validationError(`Source ${sourceId} is already connected to ${where}: a source can be connected to one tracking plan only`, 'sourceId')]);
	}
	ws.protocols.connect(planId, sourceId);
	auditPlan(ws, plan, 'update');
	return ok({ status: 'SUCCESS' });
}

// DELETE /tracking-plans/{id}/sources?sourceId=…
function removeSource(ws, planId, params) {
	const query = new URLSearchParams([...params].filter(([key]) => key !== 'sourceId'));
	const unknown = checkQuery(query, []);
	if (unknown) return unknown;
	const ids = params.getAll('sourceId');
	if (ids.length !== 1 || ids[0].trim() === '') return badRequest(ids.length > 1 ? 'sourceId must be given once' : 'sourceId is required', 'sourceId');
	const plan = ws.protocols.plans.get(planId);
	if (!plan) return notFound();
	if (ws.protocols.planOf(ws, ids[0]) !== planId) return notFound();
	ws.protocols.disconnect(ids[0]);
	auditPlan(ws, plan, 'update');
	return ok({ status: 'SUCCESS' });
}

module.exports = { list, create, get, update, remove, listSources, addSource, removeSource, toApi, newPlan, PLAN_TYPES };
