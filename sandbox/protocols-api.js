'use strict';
// The module API's reads and writes of a workspace's Protocols (never logged): tracking plans,
// their rules and sources, a plan made directly (with thousands of rules, for load tests), and the
// switch that takes Protocols away from a workspace. `from(options)` picks the workspace by
// { region, user, credential } (workspace-api.js).
const plans = require('./segment/tracking-plans');
const rules = require('./segment/tracking-plan-rules');
const { stableId } = require('./ids');

function planIn(ws, planId) {
	const plan = ws.protocols.plans.get(planId);
	if (!plan) throw new TypeError(`Unknown tracking plan "${planId}" in the ${ws.description}`);
	return plan;
}

function checkPlanInput(input) {
	if (!input || typeof input !== 'object') throw new TypeError('A tracking plan must be an object { name, type?, description?, rules?, sourceIds? }');
	const { name, type = 'LIVE', description, rules: given = [], sourceIds = [] } = input;
	if (typeof name !== 'string' || !name.trim()) throw new TypeError('A tracking plan needs a name');
	if (!plans.PLAN_TYPES.includes(type)) throw new TypeError(`type must be one of ${plans.PLAN_TYPES.join(', ')}`);
	if (description !== undefined && typeof description !== 'string') throw new TypeError('description must be a string');
	const errors = rules.checkRules(given, rules.REPLACE_FIELDS, { allowEmpty: true });
	if (errors.length) throw new TypeError(`Invalid rules: ${errors.map((error) => error.message).join('; ')}`);
	if (!Array.isArray(sourceIds)) throw new TypeError('sourceIds must be an array');
	return { name, type, description, rules: given, sourceIds };
}

function protocolsApi(from) {
	return {
		trackingPlans(options) {
			return from(options).protocols.plans.all().map(plans.toApi);
		},
		trackingPlanRules(planId, options) {
			const ws = from(options);
			planIn(ws, planId);
			return ws.protocols.rulesOf(planId).all().map(rules.toApi);
		},
		trackingPlanSources(planId, options) {
			const ws = from(options);
			planIn(ws, planId);
			return ws.protocols.sourcesOf(ws, planId);
		},
		// A plan made directly; `key` (optional) derives a stable id, as the demo data does.
		addTrackingPlan(input, options) {
			const ws = from(options);
			const plan = checkPlanInput(input);
			for (const sourceId of plan.sourceIds) {
				if (!ws.sources.get(sourceId)) throw new TypeError(`Unknown source "${sourceId}" in the ${ws.description}`);
				if (ws.protocols.planOf(ws, sourceId) !== undefined) throw new TypeError(`Source "${sourceId}" is already connected to a tracking plan`);
			}
			const id = input.key === undefined ? undefined : stableId(`tracking-plan:${ws.key}:${input.key}`);
			const record = ws.protocols.plans.insert(plans.newPlan(plan, id));
			const store = ws.protocols.rulesOf(record.id);
			for (const rule of plan.rules) store.insert(rules.newRecord(rule, record.createdAt));
			for (const sourceId of plan.sourceIds) ws.protocols.connect(record.id, sourceId);
			return plans.toApi(record);
		},
		// false: every /tracking-plans call of the workspace answers 403, as Segment does without Protocols.
		setProtocols(enabled, options) {
			if (typeof enabled !== 'boolean') throw new TypeError('setProtocols(enabled): enabled must be true or false');
			from(options).protocols.enabled = enabled;
		},
		hasProtocols(options) {
			return from(options).protocols.enabled;
		},
	};
}

module.exports = { protocolsApi };
