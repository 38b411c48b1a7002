'use strict';
// A workspace's Protocols: its tracking plans, each plan's rules, and which sources each plan
// validates (a source belongs to one plan at most, as in Segment). `enabled` false stands for a
// workspace whose Segment plan lacks Protocols: every /tracking-plans call then answers 403.
const { Collection } = require('./collection');
const { recordAudit, auditType } = require('./audit');

// Segment tells rules apart by type, key and version (one event may have several versions).
function ruleId(type, key, version) {
	return `${type}\u0000${key === undefined ? '' : key}\u0000${version}`;
}

class Protocols {
	constructor() {
		this.enabled = true;
		this.plans = new Collection();
		// plan id -> Collection of rule records (id = ruleId), in the order they were added
		this.rules = new Map();
		// source id -> plan id
		this.planOfSource = new Map();
	}

	rulesOf(planId) {
		let rules = this.rules.get(planId);
		if (!rules) this.rules.set(planId, (rules = new Collection()));
		return rules;
	}

	// The plan's sources that still exist in the workspace, in the order they were connected.
	sourcesOf(ws, planId) {
		const ids = [];
		for (const [sourceId, owner] of this.planOfSource) {
			if (owner === planId && ws.sources.get(sourceId)) ids.push(sourceId);
		}
		return ids;
	}

	// The plan a source validates against (a deleted source validates nothing).
	planOf(ws, sourceId) {
		const planId = this.planOfSource.get(sourceId);
		return planId !== undefined && ws.sources.get(sourceId) && this.plans.get(planId) ? planId : undefined;
	}

	connect(planId, sourceId) {
		this.planOfSource.delete(sourceId);
		this.planOfSource.set(sourceId, planId);
	}

	disconnect(sourceId) {
		this.planOfSource.delete(sourceId);
	}

	// A plan's rules and sources go with it.
	removePlan(planId) {
		this.plans.remove(planId);
		this.rules.delete(planId);
		for (const [sourceId, owner] of [...this.planOfSource]) if (owner === planId) this.planOfSource.delete(sourceId);
	}
}

// The audit trail's entry for a change of a plan made through the API ("Tracking Plan Modified").
function auditPlan(ws, plan, change) {
	recordAudit(ws, { type: auditType('Tracking Plan', change), resourceType: 'tracking_plan', resourceId: plan.id, resourceName: plan.name });
}

module.exports = { Protocols, ruleId, auditPlan };
