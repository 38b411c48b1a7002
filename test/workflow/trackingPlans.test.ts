/**
 * Tracking plans (SPEC v3 §4.11) on the wire and in the items: the shared CRUD path (PATCH answers
 * only its status, so Update reads the plan back; Get Many's type filter), the rule operations with
 * their checks, the sources a plan validates, and a workspace without Protocols.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
let ids: { sourceId: string };
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeWorkspace(sandbox);
});

const SCHEMA = { type: 'object', properties: { properties: { type: 'object', required: ['total'] } } };
const plan = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'trackingPlan', operation, ...extra });
const onPlan = (operation: string, planId: string, extra: INodeParameters = {}) => plan(operation, { trackingPlanId: rl(planId), ...extra });
const bodyOf = (index: number) => sandbox.requests[index].body as IDataObject;
const arrangePlan = (rules: IDataObject[] = [], extra: IDataObject = {}) => {
	const made = sandbox.addTrackingPlan({ name: 'Checkout', rules, ...extra });
	return String(made.id);
};

describe('the plan: Create, Get, Get Many, Update, Delete', () => {
	it('Create sends name, type (LIVE unless chosen) and description; the item is the plan as Segment sends it', async () => {
		const [made] = jsonOf(await runSegment(sandbox, plan('create', { name: 'Checkout Events', description: 'What checkout sends' })));
		expect(calls(sandbox)).toEqual(['POST /tracking-plans']);
		expect(bodyOf(0)).toEqual({ name: 'Checkout Events', type: 'LIVE', description: 'What checkout sends' });
		expect(made).toEqual({ id: expect.any(String), name: 'Checkout Events', slug: 'checkout-events', description: 'What checkout sends', type: 'LIVE', createdAt: expect.any(String), updatedAt: expect.any(String) });
		sandbox.clearRequests();
		await runSegment(sandbox, plan('create', { name: 'Library', type: 'RULE_LIBRARY' }));
		expect(bodyOf(0)).toEqual({ name: 'Library', type: 'RULE_LIBRARY' });
	});

	it('Update sends a PATCH (Segment answers only its status), then reads the plan back with one GET', async () => {
		const planId = arrangePlan();
		const [updated] = jsonOf(await runSegment(sandbox, onPlan('update', planId, { updateFields: { name: 'Checkout v2', description: 'Renamed' } })));
		expect(calls(sandbox)).toEqual([`PATCH /tracking-plans/${planId}`, `GET /tracking-plans/${planId}`]);
		expect(bodyOf(0)).toEqual({ name: 'Checkout v2', description: 'Renamed' });
		expect(updated).toMatchObject({ id: planId, name: 'Checkout v2', description: 'Renamed', type: 'LIVE' });
	});

	it('Get, Get Many with Filters > Type (sent as the query\'s type), Delete', async () => {
		const planId = arrangePlan();
		sandbox.addTrackingPlan({ name: 'Library', type: 'RULE_LIBRARY' });
		expect(jsonOf(await runSegment(sandbox, onPlan('get', planId)))).toEqual([expect.objectContaining({ id: planId, name: 'Checkout' })]);
		sandbox.clearRequests();
		const libraries = jsonOf(await runSegment(sandbox, plan('list', { returnAll: true, filters: { type: 'RULE_LIBRARY' } })));
		expect(sandbox.requests[0].query).toEqual({ type: 'RULE_LIBRARY', 'pagination.count': '200' });
		expect(libraries.map((entry) => entry.name)).toEqual(['Library']);
		expect(jsonOf(await runSegment(sandbox, plan('list', { limit: 5 }))).map((entry) => entry.name)).toEqual(['Checkout', 'Library']);
		sandbox.clearRequests();
		expect(jsonOf(await runSegment(sandbox, onPlan('delete', planId)))).toEqual([{ id: planId, deleted: true, status: 204, message: 'Tracking plan deleted successfully.' }]);
		expect(calls(sandbox)).toEqual([`DELETE /tracking-plans/${planId}`]);
	});

	it('a plan that does not exist is named', async () => {
		const result = await runSegment(sandbox, onPlan('get', 'tp_missing'));
		expect(result.error.message).toBe('Tracking plan tp_missing was not found');
	});
});

describe('rules', () => {
	it('Get Rules pages the rules (200 a page) and outputs each as Segment sends it', async () => {
		const planId = arrangePlan(Array.from({ length: 450 }, (_v, n) => ({ type: 'TRACK', key: `Event ${n}`, jsonSchema: SCHEMA, version: 1 })));
		const rules = jsonOf(await runSegment(sandbox, onPlan('listRules', planId, { returnAll: true })));
		expect(calls(sandbox)).toEqual(Array(3).fill(`GET /tracking-plans/${planId}/rules`));
		expect(rules).toHaveLength(450);
		expect(rules[449]).toEqual({ type: 'TRACK', key: 'Event 449', jsonSchema: SCHEMA, version: 1, createdAt: expect.any(String), updatedAt: expect.any(String) });
		sandbox.clearRequests();
		const some = jsonOf(await runSegment(sandbox, onPlan('listRules', planId, { limit: 5, offset: 10 })));
		expect(some.map((rule) => rule.key)).toEqual(['Event 10', 'Event 11', 'Event 12', 'Event 13', 'Event 14']);
		expect(sandbox.requests.map((request) => request.query['pagination.count'])).toEqual(['15']);
	});

	it('Add or Update Rules sends one PATCH (types in any case, newKey renames); Replace Rules one PUT', async () => {
		const planId = arrangePlan([{ type: 'TRACK', key: 'Checkout Started', jsonSchema: {}, version: 1 }]);
		const rules = [
			{ type: 'track', key: 'Order Completed', jsonSchema: SCHEMA, version: 1 },
			{ type: 'TRACK', key: 'Checkout Started', newKey: 'Checkout Begun', jsonSchema: {}, version: 1 },
			{ type: 'IDENTIFY', jsonSchema: {}, version: 1 },
		];
		const out = jsonOf(await runSegment(sandbox, onPlan('upsertRules', planId, { rules: JSON.stringify(rules) })));
		expect(calls(sandbox)).toEqual([`PATCH /tracking-plans/${planId}/rules`]);
		expect(bodyOf(0)).toEqual({ rules: [{ ...rules[0], type: 'TRACK' }, { type: 'TRACK', key: 'Checkout Started', newKey: 'Checkout Begun', jsonSchema: {}, version: 1 }, rules[2]] });
		expect(out).toEqual([{ trackingPlanId: planId, rules: 3, status: 'SUCCESS' }]);
		expect(sandbox.trackingPlanRules(planId).map((rule) => rule.key)).toEqual(['Checkout Begun', 'Order Completed', undefined]);

		sandbox.clearRequests();
		// What Get Rules outputs (with its timestamps) is taken as is.
		const current = sandbox.trackingPlanRules(planId).slice(0, 1);
		jsonOf(await runSegment(sandbox, onPlan('replaceRules', planId, { rules: '={{ $json.rules }}' }), { items: [{ rules: current }] }));
		expect(calls(sandbox)).toEqual([`PUT /tracking-plans/${planId}/rules`]);
		expect(bodyOf(0)).toEqual({ rules: [{ type: 'TRACK', key: 'Checkout Begun', jsonSchema: {}, version: 1 }] });
		expect(sandbox.trackingPlanRules(planId)).toHaveLength(1);
	});

	it('Remove Rules sends the rules in the query (rules[0][type]=…), as Get Rules outputs them', async () => {
		const planId = arrangePlan([{ type: 'TRACK', key: 'Order Completed', jsonSchema: SCHEMA, version: 1 }, { type: 'IDENTIFY', jsonSchema: {}, version: 1 }]);
		const out = jsonOf(await runSegment(sandbox, onPlan('removeRules', planId, { rules: '={{ $json.rules }}' }), { items: [{ rules: sandbox.trackingPlanRules(planId) }] }));
		expect(calls(sandbox)).toEqual([`DELETE /tracking-plans/${planId}/rules`]);
		expect(sandbox.requests[0].url.split('?')[1]).toBe('rules[0][type]=TRACK&rules[0][key]=Order%20Completed&rules[0][version]=1&rules[1][type]=IDENTIFY&rules[1][version]=1');
		expect(out).toEqual([{ trackingPlanId: planId, rules: 2, requests: 1, status: 'SUCCESS' }]);
		expect(sandbox.trackingPlanRules(planId)).toEqual([]);
	});
});

describe('sources', () => {
	it('Connect Source, Get Connected Sources (as sources, simplified), Disconnect Source (?sourceId=)', async () => {
		const planId = arrangePlan();
		const connected = jsonOf(await runSegment(sandbox, onPlan('connectSource', planId, { sourceId: rl(ids.sourceId) })));
		expect(calls(sandbox)).toEqual([`POST /tracking-plans/${planId}/sources`]);
		expect(bodyOf(0)).toEqual({ sourceId: ids.sourceId });
		expect(connected).toEqual([{ trackingPlanId: planId, sourceId: ids.sourceId, connected: true }]);
		const listed = jsonOf(await runSegment(sandbox, onPlan('listSources', planId, { returnAll: true })));
		expect(listed).toEqual([expect.objectContaining({ id: ids.sourceId, slug: 'website_analytics', metadata: { platform: 'web', categories: ['analytics'] } })]);
		sandbox.clearRequests();
		const disconnected = jsonOf(await runSegment(sandbox, onPlan('disconnectSource', planId, { sourceId: rl(ids.sourceId) })));
		expect(sandbox.requests.map((request) => [request.method, request.segmentPath, request.query])).toEqual([['DELETE', `/tracking-plans/${planId}/sources`, { sourceId: ids.sourceId }]]);
		expect(disconnected).toEqual([{ trackingPlanId: planId, sourceId: ids.sourceId, connected: false }]);
	});

	it('a source already connected to another plan: Segment\'s refusal, said', async () => {
		arrangePlan([], { sourceIds: [ids.sourceId] });
		const other = String(sandbox.addTrackingPlan({ name: 'Other' }).id);
		const result = await runSegment(sandbox, onPlan('connectSource', other, { sourceId: rl(ids.sourceId) }));
		expect(result.error.message).toMatch(/^Segment refused the request: sourceId: Source \w+ is already connected to tracking plan \w+/);
	});
});

describe('a workspace without Protocols', () => {
	it('Segment\'s 403 becomes a sentence that says so, for every operation', async () => {
		const planId = arrangePlan();
		sandbox.setProtocols(false);
		for (const parameters of [plan('list'), onPlan('listRules', planId), plan('upsert', { name: 'X', rules: '[]' }), onPlan('connectSource', planId, { sourceId: rl(ids.sourceId) })]) {
			const result = await runSegment(sandbox, parameters);
			expect(result.error.message).toBe('This Segment workspace does not have Protocols');
			expect(result.error.description).toMatch(/^Segment answered 403: This workspace does not have access to Protocols.+Contact your Segment account team to enable Protocols for the workspace\. Ask Segment \(your account team, or Segment support\) to turn on "Protocols"/);
			expect(result.error.httpCode).toBe('403');
		}
	});

	it('another 403 on a tracking plan (e.g. the token\'s role) is not called a missing Protocols', async () => {
		sandbox.addFault({ method: 'GET', path: '/tracking-plans', status: 403, body: { errors: [{ type: 'forbidden', message: 'Forbidden' }] } });
		const result = await runSegment(sandbox, plan('list'));
		expect(result.error.message).toBe('Access denied');
		expect(result.error.description).toMatch(/Tracking plans need Segment's "Protocols" in the workspace and a token with access to it/);
	});
});
