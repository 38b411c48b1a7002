'use strict';
// Tracking plans (Segment Protocols) in the sandbox: the plan CRUD with Segment's validation and
// plan types, the list's type filter and cursors, the sources a plan validates (LIVE plans only,
// one plan per source), a workspace without Protocols (403), and the URL length a front server allows.
const { startSandbox } = require('../../sandbox');
const { client, catalogId, validation, NOT_FOUND, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

async function createPlan(body) {
	const answer = await call('POST', '/tracking-plans', body);
	expect(answer.status).toBe(200);
	return answer.body.data.trackingPlan;
}

async function createSource(slug) {
	return (await call('POST', '/sources', { slug, enabled: true, metadataId: catalogId(sb, 'sources', 'javascript') })).body.data.source;
}

test('create answers the plan in Segment\'s shape; PATCH answers only the status; get and delete', async () => {
	const plan = await createPlan({ name: 'Checkout Events (v2)', type: 'LIVE', description: 'What the checkout sends' });
	expect(plan).toEqual({
		id: expect.stringMatching(/^[0-9A-Za-z]{20}$/), name: 'Checkout Events (v2)', slug: 'checkout-events-v2', description: 'What the checkout sends',
		type: 'LIVE', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), updatedAt: plan.createdAt,
	});
	expect(Object.keys(plan)).toEqual(['id', 'name', 'slug', 'description', 'type', 'createdAt', 'updatedAt']);
	const patched = await call('PATCH', `/tracking-plans/${plan.id}`, { name: 'Checkout', description: 'Renamed' });
	expect(patched).toMatchObject({ status: 200, body: { data: { status: 'SUCCESS' } } });
	const read = (await call('GET', `/tracking-plans/${plan.id}`)).body.data.trackingPlan;
	expect(read).toMatchObject({ id: plan.id, name: 'Checkout', description: 'Renamed', slug: 'checkout-events-v2', type: 'LIVE' });
	expect(sb.trackingPlans()).toEqual([read]);
	expect((await call('DELETE', `/tracking-plans/${plan.id}`)).body).toEqual({ data: { status: 'SUCCESS' } });
	expect((await call('GET', `/tracking-plans/${plan.id}`))).toMatchObject({ status: 404, body: NOT_FOUND });
	expect(sb.trackingPlans()).toEqual([]);
});

test.each([
	['no name', { type: 'LIVE' }, [validation('name is required', 'name')]],
	['no type (Segment requires it)', { name: 'P' }, [validation('type is required', 'type')]],
	['an unknown type', { name: 'P', type: 'DRAFT' }, [validation('type must be one of LIVE, PROPERTY_LIBRARY, RULE_LIBRARY, TEMPLATE, ENGAGE', 'type')]],
	['an empty name', { name: ' ', type: 'LIVE' }, [validation('name must not be empty', 'name')]],
	['rules on create (they have their own calls)', { name: 'P', type: 'LIVE', rules: [] }, [validation('Unknown field: rules', 'rules')]],
])('create refuses %s (422)', async (_what, body, errors) => {
	expect(await call('POST', '/tracking-plans', body)).toMatchObject({ status: 422, body: { errors } });
	expect(sb.trackingPlans()).toEqual([]);
});

test('update refuses a type (a plan keeps its type) and unknown fields; 404 for an unknown plan', async () => {
	const plan = await createPlan({ name: 'P', type: 'LIVE' });
	expect(await call('PATCH', `/tracking-plans/${plan.id}`, { type: 'TEMPLATE' })).toMatchObject({ status: 422, body: { errors: [validation('Unknown field: type', 'type')] } });
	expect(await call('PATCH', '/tracking-plans/nope', { name: 'x' })).toMatchObject({ status: 404, body: NOT_FOUND });
	expect(await call('DELETE', '/tracking-plans/nope')).toMatchObject({ status: 404 });
});

test('the list pages with cursors, and ?type= narrows it (every plan type Segment knows)', async () => {
	const types = ['LIVE', 'PROPERTY_LIBRARY', 'RULE_LIBRARY', 'TEMPLATE', 'ENGAGE', 'LIVE'];
	const made = [];
	for (const [n, type] of types.entries()) made.push(await createPlan({ name: `Plan ${n}`, type }));
	const first = await call('GET', '/tracking-plans?pagination.count=4');
	expect(first.body.data.trackingPlans.map((plan) => plan.name)).toEqual(['Plan 0', 'Plan 1', 'Plan 2', 'Plan 3']);
	expect(first.body.data.pagination).toEqual({ current: expect.any(String), next: expect.any(String), totalEntries: 6 });
	const second = await call('GET', `/tracking-plans?pagination%5Bcount%5D=4&pagination%5Bcursor%5D=${encodeURIComponent(first.body.data.pagination.next)}`);
	expect(second.body.data.trackingPlans.map((plan) => plan.name)).toEqual(['Plan 4', 'Plan 5']);
	const live = await call('GET', '/tracking-plans?type=LIVE&pagination.count=1');
	expect(live.body.data.trackingPlans.map((plan) => plan.id)).toEqual([made[0].id]);
	const liveNext = await call('GET', `/tracking-plans?type=LIVE&pagination.count=1&pagination.cursor=${encodeURIComponent(live.body.data.pagination.next)}`);
	expect(liveNext.body.data).toEqual({ trackingPlans: [made[5]], pagination: { current: expect.any(String), totalEntries: 2 } });
	// A cursor of the whole list is not one of the LIVE list.
	expect((await call('GET', `/tracking-plans?type=LIVE&pagination.count=1&pagination.cursor=${encodeURIComponent(first.body.data.pagination.next)}`)).status).toBe(400);
	expect(await call('GET', '/tracking-plans?type=live&pagination.count=1')).toMatchObject({ status: 400, body: { errors: [validation('type must be one of LIVE, PROPERTY_LIBRARY, RULE_LIBRARY, TEMPLATE, ENGAGE', 'type')] } });
	expect(await call('GET', '/tracking-plans?type=LIVE')).toMatchObject({ status: 400, body: { errors: [validation('pagination.count is required', 'pagination.count')] } });
	expect(await call('GET', '/tracking-plans?pagination.count=5&name=x')).toMatchObject({ status: 400 });
});

describe('the sources a plan validates', () => {
	let plan;
	let site;
	beforeEach(async () => {
		plan = await createPlan({ name: 'Website', type: 'LIVE' });
		site = await createSource('site');
	});

	test('connect, list (paged, as sources), disconnect with ?sourceId=', async () => {
		const app = await createSource('app');
		expect((await call('POST', `/tracking-plans/${plan.id}/sources`, { sourceId: site.id })).body).toEqual({ data: { status: 'SUCCESS' } });
		await call('POST', `/tracking-plans/${plan.id}/sources`, { sourceId: app.id });
		const first = await call('GET', `/tracking-plans/${plan.id}/sources?pagination.count=1`);
		expect(first.body.data.sources).toEqual([site]);
		const second = await call('GET', `/tracking-plans/${plan.id}/sources?pagination.count=1&pagination.cursor=${encodeURIComponent(first.body.data.pagination.next)}`);
		expect(second.body.data.sources.map((source) => source.id)).toEqual([app.id]);
		expect(sb.trackingPlanSources(plan.id)).toEqual([site.id, app.id]);
		expect((await call('DELETE', `/tracking-plans/${plan.id}/sources?sourceId=${site.id}`)).body).toEqual({ data: { status: 'SUCCESS' } });
		expect(sb.trackingPlanSources(plan.id)).toEqual([app.id]);
		// Not connected (any more): 404.
		expect(await call('DELETE', `/tracking-plans/${plan.id}/sources?sourceId=${site.id}`)).toMatchObject({ status: 404, body: NOT_FOUND });
	});

	test('a source already connected (to this plan or another) is refused: one plan per source', async () => {
		const other = await createPlan({ name: 'Other', type: 'LIVE' });
		await call('POST', `/tracking-plans/${plan.id}/sources`, { sourceId: site.id });
		expect(await call('POST', `/tracking-plans/${plan.id}/sources`, { sourceId: site.id })).toMatchObject({
			status: 422, body: { errors: [validation(`Source ${site.id} is already connected to this tracking plan: a source can be connected to one tracking plan only`, 'sourceId')] },
		});
		expect(await call('POST', `/tracking-plans/${other.id}/sources`, { sourceId: site.id })).toMatchObject({
			status: 422, body: { errors: [validation(`Source ${site.id} is already connected to tracking plan ${plan.id}: a source can be connected to one tracking plan only`, 'sourceId')] },
		});
		// Freed when the plan goes, or the source.
		await call('DELETE', `/tracking-plans/${plan.id}`);
		expect((await call('POST', `/tracking-plans/${other.id}/sources`, { sourceId: site.id })).status).toBe(200);
		await call('DELETE', `/sources/${site.id}`);
		expect(sb.trackingPlanSources(other.id)).toEqual([]);
	});

	test.each([
		['an unknown source', () => ({ sourceId: 'nope' }), 422, [validation('sourceId does not match any source in this workspace', 'sourceId')]],
		['no sourceId', () => ({}), 422, [validation('sourceId is required', 'sourceId')]],
		['a field Segment does not know', () => ({ sourceId: site.id, enabled: true }), 422, [validation('Unknown field: enabled', 'enabled')]],
	])('connect refuses %s', async (_what, body, status, errors) => {
		expect(await call('POST', `/tracking-plans/${plan.id}/sources`, body())).toMatchObject({ status, body: { errors } });
	});

	test('only a LIVE plan takes sources', async () => {
		const library = await createPlan({ name: 'Library', type: 'RULE_LIBRARY' });
		expect(await call('POST', `/tracking-plans/${library.id}/sources`, { sourceId: site.id })).toMatchObject({
			status: 422, body: { errors: [validation('Only a LIVE tracking plan can be connected to sources; this one is RULE_LIBRARY', 'sourceId')] },
		});
	});

	test('disconnect needs exactly one sourceId and no other query', async () => {
		const path = `/tracking-plans/${plan.id}/sources`;
		expect(await call('DELETE', path)).toMatchObject({ status: 400, body: { errors: [validation('sourceId is required', 'sourceId')] } });
		expect(await call('DELETE', `${path}?sourceId=a&sourceId=b`)).toMatchObject({ status: 400, body: { errors: [validation('sourceId must be given once', 'sourceId')] } });
		expect(await call('DELETE', `${path}?sourceId=${site.id}&force=1`)).toMatchObject({ status: 400, body: { errors: [validation('Unknown query parameter: force', 'force')] } });
	});
});

test('a workspace without Protocols: every tracking-plan call answers 403 with Segment\'s message; other calls go on', async () => {
	const plan = await createPlan({ name: 'P', type: 'LIVE' });
	sb.setProtocols(false);
	expect(sb.hasProtocols()).toBe(false);
	const forbidden = { status: 403, body: { errors: [{ type: 'forbidden', message: expect.stringMatching(/does not have access to Protocols/) }] } };
	for (const [method, path, body] of [
		['GET', '/tracking-plans?pagination.count=5'],
		['POST', '/tracking-plans', { name: 'Q', type: 'LIVE' }],
		['GET', `/tracking-plans/${plan.id}`],
		['PATCH', `/tracking-plans/${plan.id}/rules`, { rules: [] }],
		['GET', `/tracking-plans/${plan.id}/rules?pagination.count=5`],
		['DELETE', `/tracking-plans/${plan.id}/sources?sourceId=x`],
	]) {
		expect(await call(method, path, body)).toMatchObject(forbidden);
	}
	expect((await call('GET', '/sources?pagination.count=5')).status).toBe(200);
	// A reset gives them back.
	sb.reset();
	expect((await call('GET', '/tracking-plans?pagination.count=5')).status).toBe(200);
});

test('the switch over HTTP: POST /__sandbox/protocols', async () => {
	const post = (body) => fetch(`${sb.url}/__sandbox/protocols`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	expect(await (await post({ enabled: false, region: 'eu' })).json()).toEqual({ ok: true, enabled: false });
	expect(sb.hasProtocols({ region: 'eu' })).toBe(false);
	expect(sb.hasProtocols()).toBe(true);
	expect((await post({ enabled: 'no' })).status).toBe(400);
});

test('a request target over 8,192 characters answers 414 from the front server (an HTML page), and is logged', async () => {
	const plan = await createPlan({ name: 'P', type: 'LIVE' });
	const path = (length) => {
		const start = `/tracking-plans/${plan.id}/rules?rules[0][type]=TRACK&rules[0][version]=1&rules[0][key]=`;
		const prefix = `/projects/${sb.projectId}/sdk/proxy/segment`;
		return start + 'k'.repeat(length - prefix.length - start.length);
	};
	const tooLong = await call('DELETE', path(8193));
	expect(tooLong.status).toBe(414);
	expect(tooLong.headers.get('content-type')).toMatch(/text\/html/);
	expect(tooLong.text).toContain('414 URI Too Long');
	expect(sb.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 414 });
	// Exactly at the limit it reaches Segment (which finds no such rule: nothing to remove).
	expect((await call('DELETE', path(8192))).status).toBe(200);
});

test('maxUrlLength and the rule-read limit are options, checked', async () => {
	await expect(startSandbox({ maxUrlLength: 10 })).rejects.toThrow(/maxUrlLength must be an integer >= 256/);
	await expect(startSandbox({ ruleReadsPerMinute: 0 })).rejects.toThrow(/ruleReadsPerMinute must be null/);
	await expect(startSandbox({ ruleReadsWindowMs: -1 })).rejects.toThrow(/ruleReadsWindowMs must be a number > 0/);
});

test('each change of a plan through the API is in the audit trail: Tracking Plan Created, Modified (its fields, rules, sources), Deleted', async () => {
	const plan = await createPlan({ name: 'Audited', type: 'LIVE' });
	const site = await createSource('audited_site');
	await call('PATCH', `/tracking-plans/${plan.id}`, { description: 'd' });
	await call('PATCH', `/tracking-plans/${plan.id}/rules`, { rules: [{ type: 'IDENTIFY', jsonSchema: {}, version: 1 }] });
	await call('POST', `/tracking-plans/${plan.id}/sources`, { sourceId: site.id });
	await call('POST', `/tracking-plans/${plan.id}/sources`, { sourceId: 'nope' }); // refused: not recorded
	await call('DELETE', `/tracking-plans/${plan.id}`);
	sb.addTrackingPlan({ name: 'Direct' }); // the module API: not recorded
	const planEvents = sb.auditEvents().filter((event) => event.resourceType === 'tracking_plan');
	expect(planEvents.map((event) => event.type)).toEqual(['Tracking Plan Deleted', 'Tracking Plan Modified', 'Tracking Plan Modified', 'Tracking Plan Modified', 'Tracking Plan Created']);
	expect(planEvents.every((event) => event.resourceId === plan.id && event.resourceName === 'Audited')).toBe(true);
});
