'use strict';
// The routes of tracking plans (Segment Protocols), one of routes.js's ROUTE_TABLES. Every one
// answers 403 in a workspace without Protocols; reading rules is limited per workspace (Segment
// allows 200 calls a minute; the sandbox's ruleReadsPerMinute).
const plans = require('./tracking-plans');
const rules = require('./tracking-plan-rules');
const { limited } = require('../rate-limit');
const { paged, queried } = require('./route-marks');

// What Segment answers for a workspace whose plan has no Protocols.
const NO_PROTOCOLS = {
	status: 403,
	body: { errors: [{ type: 'forbidden', message: 'This workspace does not have access to Protocols. Contact your Segment account team to enable Protocols for the workspace.' }] },
};

// Each handler first asks whether the workspace has Protocols (the route's marks are kept).
function gated(methods) {
	const out = {};
	for (const [method, run] of Object.entries(methods)) {
		const gate = (c) => (c.ws.protocols.enabled ? run(c) : NO_PROTOCOLS);
		out[method] = Object.assign(gate, { paged: run.paged, bodiless: run.bodiless, readsQuery: run.readsQuery });
	}
	return out;
}

// Every call of GET …/rules counts (a 404 or a 400 too), as for the syncs.
const limitedRead = (c, planId) => limited(c.state.ruleReadLimiter, c.ws, () => rules.list(c.ws, planId, c.params));

function trackingPlanRoutes(segments) {
	const [first, planId, third] = segments;
	if (first !== 'tracking-plans') return null;
	if (segments.length === 1) {
		return gated({ GET: paged((c) => plans.list(c.ws, c.params)), POST: (c) => plans.create(c.ws, c.body) });
	}
	if (segments.length === 2) {
		return gated({
			GET: (c) => plans.get(c.ws, planId),
			PATCH: (c) => plans.update(c.ws, planId, c.body),
			DELETE: (c) => plans.remove(c.ws, planId),
		});
	}
	if (segments.length !== 3) return null;
	if (third === 'rules') {
		return gated({
			GET: paged((c) => limitedRead(c, planId)),
			PATCH: (c) => rules.upsert(c.ws, planId, c.body),
			PUT: (c) => rules.replace(c.ws, planId, c.body),
			DELETE: queried((c) => rules.remove(c.ws, planId, c.params)),
		});
	}
	if (third === 'sources') {
		return gated({
			GET: paged((c) => plans.listSources(c.ws, planId, c.params)),
			POST: (c) => plans.addSource(c.ws, planId, c.body),
			DELETE: queried((c) => plans.removeSource(c.ws, planId, c.params)),
		});
	}
	return null;
}

module.exports = { trackingPlanRoutes, NO_PROTOCOLS };
