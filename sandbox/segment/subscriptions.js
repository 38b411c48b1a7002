'use strict';
// Destination mappings, which Segment's API calls destination subscriptions
// (/destinations/{destinationId}/subscriptions[/{id}]): which events (an FQL trigger) fire which
// action of an Actions destination, and how its fields are filled. Kept per destination, gone
// with it. A Reverse ETL mapping carries its model's id (modelId; an update's input names it
// reverseETLModelId), which must be a model of the workspace. The workspace needs Segment's
// "Destination Subscriptions" feature (else 403), and writes (create, update, delete) are limited
// to 5 a minute per workspace (mappingWritesPerMinute).
const { ok, notFound, unprocessable, validationError } = require('./answers');
const { checkFields } = require('./validate');
const { readPagination, pagination } = require('./query');
const { checkSettings } = require('./subscription-settings');
const { paged } = require('./route-marks');
const { tooManyRequests, limitedHeaders } = require('../rate-limit');
const { randomId } = require('../ids');

const text = { type: 'string', nonEmpty: true };
const createSpec = {
	name: { ...text, required: true },
	actionId: { ...text, required: true },
	trigger: { ...text, required: true },
	enabled: { type: 'boolean', required: true },
	settings: { type: 'object' },
	modelId: text,
};
// API 73 names the model `reverseETLModelId` in an update's input.
const updateSpec = { name: text, trigger: text, enabled: { type: 'boolean' }, settings: { type: 'object' }, reverseETLModelId: text };

// A Reverse ETL mapping names a model of the workspace.
function checkModel(ws, modelId, field, errors) {
	if (typeof modelId === 'string' && !errors.some((e) => e.field === field) && !ws.reverseEtl.models.get(modelId)) {
		errors.push(validationError(`${field} does not match any Reverse ETL model in this workspace`, field));
	}
}

function forbidden() {
	return {
		status: 403,
		body: { errors: [{ type: 'Forbidden', message: 'This workspace does not have access to the Destination Subscriptions feature' }] },
	};
}

function toApi(record) {
	const subscription = {
		id: record.id,
		name: record.name,
		actionId: record.actionId,
		actionSlug: record.actionSlug,
		destinationId: record.destinationId,
		enabled: record.enabled,
		settings: structuredClone(record.settings),
		trigger: record.trigger,
	};
	if (record.modelId !== undefined) subscription.modelId = record.modelId;
	return subscription;
}

// What every call checks first: the feature, then the destination; writes then count against the limit.
function open(c, destinationId, write) {
	const { state, ws } = c;
	if (!ws.features.destinationSubscriptions) return { answer: forbidden() };
	const destination = ws.destinations.get(destinationId);
	if (!destination) return { answer: notFound() };
	if (!write) return { destination };
	const now = state.now();
	const verdict = state.mappingLimiter.take(ws.id, now);
	if (!verdict.allowed) return { answer: tooManyRequests(verdict) };
	return { destination, headers: limitedHeaders(verdict) };
}

function withHeaders(answer, headers) {
	if (headers) answer.headers = { ...(answer.headers || {}), ...headers };
	return answer;
}

function findAction(destination, actionId) {
	return (destination.meta.actions || []).find((act) => act.id === actionId);
}

function list(c, destinationId) {
	const scope = `destinations/${destinationId}/subscriptions`;
	const page = readPagination(c.params, scope);
	if (page.error) return page.error;
	const { answer } = open(c, destinationId, false);
	if (answer) return answer;
	const collection = c.ws.subscriptionsOf(destinationId);
	const { items, nextSeq } = collection.page(page.from, page.count);
	return ok({ subscriptions: items.map(toApi), pagination: pagination(scope, page.current, nextSeq, collection.size) });
}

function create(c, destinationId) {
	const { answer, destination, headers } = open(c, destinationId, true);
	if (answer) return answer;
	const body = c.body;
	const errors = checkFields(body, createSpec);
	const act = typeof body.actionId === 'string' ? findAction(destination, body.actionId) : undefined;
	if (!errors.some((e) => e.field === 'actionId') && !act) {
		errors.push(destination.meta.actions.length
			? validationError('actionId does not match any action of this destination', 'actionId')
			: validationError('This destination has no actions (a classic destination): it takes no subscriptions', 'actionId'));
	}
	if (act && !errors.some((e) => e.field === 'settings')) errors.push(...checkSettings(act, body.settings || {}, 'settings'));
	checkModel(c.ws, body.modelId, 'modelId', errors);
	if (errors.length) return withHeaders(unprocessable(errors), headers);
	const record = { id: randomId(), name: body.name, actionId: act.id, actionSlug: act.slug, destinationId, enabled: body.enabled, settings: structuredClone(body.settings || {}), trigger: body.trigger };
	if (body.modelId !== undefined) record.modelId = body.modelId;
	c.ws.subscriptionsOf(destinationId).insert(record);
	return withHeaders(ok({ destinationSubscription: toApi(record) }), headers);
}

function find(c, destinationId, id) {
	return c.ws.subscriptionsOf(destinationId).get(id) || null;
}

function get(c, destinationId, id) {
	const { answer } = open(c, destinationId, false);
	if (answer) return answer;
	const record = find(c, destinationId, id);
	return record ? ok({ subscription: toApi(record) }) : notFound();
}

// The update input is wrapped: {"input": {name?, trigger?, enabled?, settings?}}; the action cannot change.
function update(c, destinationId, id) {
	const { answer, destination, headers } = open(c, destinationId, true);
	if (answer) return answer;
	const record = find(c, destinationId, id);
	if (!record) return withHeaders(notFound(), headers);
	const body = c.body;
	const errors = checkFields(body, { input: { type: 'object', required: true } });
	const input = errors.length ? null : body.input;
	if (input) {
		errors.push(...checkFields(input, updateSpec, 'input.'));
		const act = findAction(destination, record.actionId);
		if (act && input.settings !== undefined && !errors.some((e) => e.field === 'input.settings')) errors.push(...checkSettings(act, input.settings, 'input.settings'));
		checkModel(c.ws, input.reverseETLModelId, 'input.reverseETLModelId', errors);
	}
	if (errors.length) return withHeaders(unprocessable(errors), headers);
	for (const key of ['name', 'trigger', 'enabled']) if (input[key] !== undefined) record[key] = input[key];
	if (input.settings !== undefined) record.settings = structuredClone(input.settings);
	if (input.reverseETLModelId !== undefined) record.modelId = input.reverseETLModelId;
	return withHeaders(ok({ subscription: toApi(record) }), headers);
}

function remove(c, destinationId, id) {
	const { answer, headers } = open(c, destinationId, true);
	if (answer) return answer;
	if (!find(c, destinationId, id)) return withHeaders(notFound(), headers);
	c.ws.subscriptionsOf(destinationId).remove(id);
	return withHeaders(ok({ status: 'SUCCESS' }), headers);
}

// /destinations/{destinationId}/subscriptions[/{id}]
function subscriptionRoutes(segments) {
	const [first, destinationId, third, id] = segments;
	if (first !== 'destinations' || third !== 'subscriptions') return null;
	if (segments.length === 3) return { GET: paged((c) => list(c, destinationId)), POST: (c) => create(c, destinationId) };
	if (segments.length === 4) {
		return { GET: (c) => get(c, destinationId, id), PATCH: (c) => update(c, destinationId, id), DELETE: (c) => remove(c, destinationId, id) };
	}
	return null;
}

module.exports = { subscriptionRoutes, toApi };
