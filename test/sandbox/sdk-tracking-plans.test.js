'use strict';
// Segment's official TypeScript SDK on the twelve tracking-plan endpoints of the sandbox: what the
// SDK sends (its bracket-encoded query for removing rules and for paging, its bodies) is taken,
// and what comes back carries the fields of Segment's models (TrackingPlanV1, RuleV1, SourceV1).
const { catalogId, useSandbox } = require('./helpers');
const { useSdk, data } = require('./sdk-helpers');

const sb = useSandbox();
const sdk = useSdk(sb);

const schema = (required) => ({ type: 'object', properties: { properties: { type: 'object', required } } });

test('plans, rules and sources through every tracking-plan call of the SDK', async () => {
	const { trackingPlans: api, sources } = sdk();
	// Plans: create (type required), get, update (answers only its status), list with a type
	const { trackingPlan } = await data(api.createTrackingPlan({ name: 'Checkout', type: 'LIVE', description: 'Checkout events' }));
	expect(trackingPlan).toMatchObject({ id: expect.any(String), name: 'Checkout', slug: 'checkout', description: 'Checkout events', type: 'LIVE', createdAt: expect.any(String), updatedAt: expect.any(String) });
	const id = trackingPlan.id;
	await data(api.createTrackingPlan({ name: 'Library', type: 'RULE_LIBRARY' }));
	expect(await data(api.updateTrackingPlan(id, { description: 'What checkout sends' }))).toEqual({ status: 'SUCCESS' });
	expect((await data(api.getTrackingPlan(id))).trackingPlan.description).toBe('What checkout sends');
	const live = await data(api.listTrackingPlans({ count: 10 }, 'LIVE'));
	expect(live.trackingPlans.map((plan) => plan.id)).toEqual([id]);
	expect((await data(api.listTrackingPlans({ count: 1 }))).pagination.next).toEqual(expect.any(String));

	// Rules: add (PATCH), page (GET), rename (newKey), replace (PUT), remove (DELETE with the rules in the query)
	const rules = [
		{ type: 'TRACK', key: 'Order Completed', jsonSchema: schema(['total']), version: 1 },
		{ type: 'TRACK', key: 'Checkout Started', jsonSchema: schema([]), version: 1 },
		{ type: 'IDENTIFY', jsonSchema: schema(['email']), version: 1 },
	];
	expect(await data(api.updateRulesInTrackingPlan(id, { rules }))).toEqual({ status: 'SUCCESS' });
	const page = await data(api.listRulesFromTrackingPlan(id, { count: 2 }));
	expect(page.rules).toEqual([
		{ ...rules[0], createdAt: expect.any(String), updatedAt: expect.any(String) },
		{ ...rules[1], createdAt: expect.any(String), updatedAt: expect.any(String) },
	]);
	const rest = await data(api.listRulesFromTrackingPlan(id, { count: 2, cursor: page.pagination.next }));
	expect(rest.rules.map((rule) => rule.type)).toEqual(['IDENTIFY']);
	await data(api.updateRulesInTrackingPlan(id, { rules: [{ ...rules[1], newKey: 'Checkout Begun' }] }));
	expect(sb.trackingPlanRules(id).map((rule) => rule.key)).toEqual(['Order Completed', 'Checkout Begun', undefined]);
	// The SDK sends rules[0][type]=…&rules[0][key]=… with the brackets percent-encoded.
	const removed = [{ type: 'TRACK', key: 'Order Completed', version: 1 }, { type: 'IDENTIFY', version: 1 }];
	expect(await data(api.removeRulesFromTrackingPlan(id, removed))).toEqual({ status: 'SUCCESS' });
	expect(sb.requests.at(-1).url).toMatch(/\?rules%5B0%5D%5Btype%5D=TRACK&rules%5B0%5D%5Bkey%5D=Order%20Completed&rules%5B0%5D%5Bversion%5D=1&rules%5B1%5D%5Btype%5D=IDENTIFY/);
	expect(sb.trackingPlanRules(id).map((rule) => rule.key)).toEqual(['Checkout Begun']);
	expect(await data(api.replaceRulesInTrackingPlan(id, { rules: [rules[0]] }))).toEqual({ status: 'SUCCESS' });
	expect(sb.trackingPlanRules(id)).toEqual([expect.objectContaining(rules[0])]);

	// Sources: connect, list (as SourceV1), disconnect (?sourceId=)
	const { source } = await data(sources.createSource({ slug: 'checkout', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') }));
	expect(await data(api.addSourceToTrackingPlan(id, { sourceId: source.id }))).toEqual({ status: 'SUCCESS' });
	const connected = await data(api.listSourcesFromTrackingPlan(id, { count: 10 }));
	expect(connected.sources).toEqual([expect.objectContaining({ id: source.id, slug: 'checkout', workspaceId: sb.workspaceId('us'), writeKeys: source.writeKeys })]);
	expect(await data(api.removeSourceFromTrackingPlan(id, source.id))).toEqual({ status: 'SUCCESS' });
	expect(sb.trackingPlanSources(id)).toEqual([]);

	expect(await data(api.deleteTrackingPlan(id))).toEqual({ status: 'SUCCESS' });
	expect(sb.trackingPlans().map((plan) => plan.name)).toEqual(['Library']);
	expect(sb.requests.every((request) => request.status === 200)).toBe(true);
});

test('the SDK sees Segment\'s refusals: a rule without its key (422), a second plan for a source (422), no Protocols (403)', async () => {
	const { trackingPlans: api, sources } = sdk();
	const { trackingPlan } = await data(api.createTrackingPlan({ name: 'P', type: 'LIVE' }));
	const noKey = await api.updateRulesInTrackingPlan(trackingPlan.id, { rules: [{ type: 'TRACK', jsonSchema: {}, version: 1 }] }).catch((error) => error);
	expect(noKey.statusCode).toBe(422);
	expect(noKey.body.errors).toEqual([{ type: 'ValidationError', message: 'rules[0].key is required for TRACK rules', field: 'rules[0].key' }]);
	const { source } = await data(sources.createSource({ slug: 'site', enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') }));
	await data(api.addSourceToTrackingPlan(trackingPlan.id, { sourceId: source.id }));
	const { trackingPlan: other } = await data(api.createTrackingPlan({ name: 'Q', type: 'LIVE' }));
	const twice = await api.addSourceToTrackingPlan(other.id, { sourceId: source.id }).catch((error) => error);
	expect(twice.statusCode).toBe(422);
	sb.setProtocols(false);
	const forbidden = await api.listTrackingPlans({ count: 10 }).catch((error) => error);
	expect(forbidden.statusCode).toBe(403);
	expect(forbidden.body.errors[0].message).toMatch(/Protocols/);
});
