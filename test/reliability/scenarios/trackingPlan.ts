/**
 * Tracking plans (issue 22) in the fault matrix: Create or Update of a plan that exists (the list,
 * its rules read once, one PATCH of what differs, a DELETE of the others), of one that does not
 * (the list, the create, one PATCH of its rules), and Remove Rules (the rules in the query).
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import type { Scenario } from './types';

const track = (key: string, jsonSchema: IDataObject = {}) => ({ type: 'TRACK', key, jsonSchema, version: 1 });
const PLAN_RULES = [track('Order Completed'), track('Checkout Started'), track('Legacy Event')];
const keysOf = (rules: IDataObject[]) => rules.map((rule) => rule.key);

export const TRACKING_PLAN_SCENARIOS: Scenario[] = [
	{
		// Order Completed gets a schema, Checkout Started is as it was, Coupon Applied is new, Legacy Event goes.
		name: 'tracking plan upsert (match: rules differ, others removed)',
		arrange: (sandbox) => ({ trackingPlanId: String(sandbox.addTrackingPlan({ name: 'Fault Plan', rules: PLAN_RULES }).id) }),
		parameters: () => ({
			resource: 'trackingPlan',
			operation: 'upsert',
			name: 'Fault Plan',
			rules: JSON.stringify([track('Order Completed', { type: 'object' }), track('Checkout Started'), track('Coupon Applied')]),
			removeOtherRules: true,
		}),
		steps: (ids) => [
			{ method: 'GET', path: '/tracking-plans', faulted: true },
			{ method: 'GET', path: `/tracking-plans/${ids.trackingPlanId}/rules`, faulted: true },
			{ method: 'PATCH', path: `/tracking-plans/${ids.trackingPlanId}/rules`, faulted: true },
			{ method: 'DELETE', path: `/tracking-plans/${ids.trackingPlanId}/rules`, faulted: true },
		],
		succeeded: (sandbox, ids, out) => {
			const rules = sandbox.trackingPlanRules(String(ids.trackingPlanId));
			expect(keysOf(rules)).toEqual(['Order Completed', 'Checkout Started', 'Coupon Applied']);
			expect(rules[0].jsonSchema).toEqual({ type: 'object' });
			expect(out).toEqual([expect.objectContaining({ id: ids.trackingPlanId, upsert: 'updated', rules: { added: 1, updated: 1, removed: 1, unchanged: 1 } })]);
		},
	},
	{
		name: 'tracking plan upsert (no match: create)',
		createdIds: (sandbox) => sandbox.trackingPlans().filter((plan) => plan.name === 'New Fault Plan').map((plan) => String(plan.id)),
		count: (sandbox) => sandbox.trackingPlans().length,
		parameters: () => ({ resource: 'trackingPlan', operation: 'upsert', name: 'New Fault Plan', rules: JSON.stringify(PLAN_RULES) }),
		steps: () => [
			{ method: 'GET', path: '/tracking-plans', faulted: true },
			{ method: 'POST', path: '/tracking-plans', faulted: true, creates: true },
			{ method: 'PATCH', path: '/tracking-plans/{new}/rules', faulted: true },
		],
		succeeded: (sandbox, _ids, out) => {
			const made = sandbox.trackingPlans().filter((plan) => plan.name === 'New Fault Plan');
			expect(made).toHaveLength(1);
			expect(keysOf(sandbox.trackingPlanRules(String(made[0].id)))).toEqual(keysOf(PLAN_RULES));
			expect(out).toEqual([expect.objectContaining({ id: made[0].id, upsert: 'created', rules: { added: 3, updated: 0, removed: 0, unchanged: 0 } })]);
		},
	},
	{
		name: 'tracking plan remove rules',
		arrange: (sandbox) => ({ trackingPlanId: String(sandbox.addTrackingPlan({ name: 'Fault Plan', rules: PLAN_RULES }).id) }),
		parameters: (ids) => ({
			resource: 'trackingPlan',
			operation: 'removeRules',
			trackingPlanId: rl(String(ids.trackingPlanId)),
			rules: JSON.stringify([{ type: 'TRACK', key: 'Legacy Event', version: 1 }]),
		}),
		steps: (ids) => [{ method: 'DELETE', path: `/tracking-plans/${ids.trackingPlanId}/rules`, faulted: true }],
		succeeded: (sandbox, ids, out) => {
			expect(keysOf(sandbox.trackingPlanRules(String(ids.trackingPlanId)))).toEqual(['Order Completed', 'Checkout Started']);
			expect(out).toEqual([{ trackingPlanId: ids.trackingPlanId, rules: 1, requests: 1, status: 'SUCCESS' }]);
		},
	},
];
