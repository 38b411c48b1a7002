'use strict';
// The workspace's audit trail (GET /audit-events): one entry per change the sandbox sees.
// Every module that changes a workspace through Segment's API calls recordAudit() after the
// change is made — the core resources do (create, update, delete of warehouses, sources,
// destinations, filters, labels, connections); a new resource calls it from its own handlers:
//
//   recordAudit(ws, { type: 'Tracking Plan Created', resourceType: 'tracking_plan', resourceId: plan.id, resourceName: plan.name });
//
// `type` is the sentence Segment's Audit Trail shows ("<Noun> Created | Modified | Deleted",
// Segment's own nouns: "Source", "Integrations" for destinations, "Warehouses", "Destination
// Filters", "Tracking Plan"); `resourceType` is a lower-case word (snake_case for two). The actor
// is the Public API token behind the request's Paragon credential (no email); the module API and
// the control endpoint can add entries by people (with actorEmail) or at other times.
const { randomId } = require('./ids');

const CHANGES = { create: 'Created', update: 'Modified', delete: 'Deleted', enable: 'Enabled', disable: 'Disabled' };

// Who Segment names for a change made through the Public API with this workspace's token.
function tokenActor(ws) {
	return `Public API token (${ws.credentialId || 'sandbox'})`;
}

function isNonEmptyString(value) {
	return typeof value === 'string' && value !== '';
}

function fail(message) {
	throw new TypeError(`Invalid audit event: ${message}`);
}

// Completes and checks one entry: {id, timestamp, type, actor, actorEmail?, resourceId, resourceType, resourceName}.
function makeAuditEvent(ws, input, now = Date.now()) {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) fail('an event must be an object');
	for (const field of ['type', 'resourceType', 'resourceId']) if (!isNonEmptyString(input[field])) fail(`${field} must be a non-empty string`);
	const timestamp = input.timestamp === undefined ? now : typeof input.timestamp === 'number' ? input.timestamp : Date.parse(input.timestamp);
	if (!Number.isFinite(timestamp)) fail('timestamp must be an ISO date-time or epoch milliseconds');
	const event = {
		id: input.id === undefined ? randomId(27) : input.id,
		timestamp: new Date(timestamp).toISOString(),
		type: input.type,
		actor: input.actor === undefined ? tokenActor(ws) : input.actor,
	};
	if (!isNonEmptyString(event.actor)) fail('actor must be a non-empty string');
	if (input.actorEmail !== undefined) {
		if (!isNonEmptyString(input.actorEmail)) fail('actorEmail must be a non-empty string');
		event.actorEmail = input.actorEmail;
	}
	Object.assign(event, { resourceId: input.resourceId, resourceType: input.resourceType, resourceName: input.resourceName === undefined || input.resourceName === null ? '' : String(input.resourceName) });
	return event;
}

// Keeps the trail in time order (entries given a past timestamp slot in where they belong).
function insertInOrder(trail, event) {
	const at = Date.parse(event.timestamp);
	let index = trail.length;
	while (index > 0 && Date.parse(trail[index - 1].timestamp) > at) index--;
	trail.splice(index, 0, event);
}

/** Records one change of `ws`; returns the entry. */
function recordAudit(ws, input) {
	const event = makeAuditEvent(ws, input);
	insertInOrder(ws.auditEvents, event);
	return event;
}

/** sb.addAuditEvents(): entries by anyone at any time; returns them completed. */
function addAuditEvents(ws, inputs) {
	if (!Array.isArray(inputs)) throw new TypeError('events must be an array');
	const events = inputs.map((input) => makeAuditEvent(ws, input));
	for (const event of events) insertInOrder(ws.auditEvents, event);
	return structuredClone(events);
}

// What a core resource's change is called: "Source Created", "Integrations Disabled", …
function auditType(noun, change) {
	return `${noun} ${CHANGES[change]}`;
}

// A PATCH that only flips `enabled` is "Enabled" / "Disabled"; any other is "Modified".
function updateChange(body, wasEnabled, isEnabled) {
	const onlyEnabled = Object.keys(body).every((key) => key === 'enabled' || (key === 'settings' && Object.keys(body.settings || {}).length === 0));
	if (onlyEnabled && body.enabled !== undefined && wasEnabled !== isEnabled) return isEnabled ? 'enable' : 'disable';
	return 'update';
}

module.exports = { recordAudit, addAuditEvents, makeAuditEvent, auditType, updateChange, tokenActor };
