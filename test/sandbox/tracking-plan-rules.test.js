'use strict';
// A tracking plan's rules in the sandbox: pages of at most 200, PATCH adding or updating (newKey
// renames), PUT replacing them all, DELETE with the rules in the query, Segment's validation of
// each rule (type, key where the type has one, jsonSchema, version, no rule twice), and the
// 200-reads-a-minute limit of GET …/rules.
const { startSandbox } = require('../../sandbox');
const { client, validation, NOT_FOUND, useSandbox } = require('./helpers');

const sb = useSandbox();
const call = client(sb);

const SCHEMA = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { properties: { type: 'object', required: ['total'] } } };
const track = (key, version = 1, jsonSchema = SCHEMA) => ({ type: 'TRACK', key, jsonSchema, version });

let plan;
beforeEach(async () => {
	plan = (await call('POST', '/tracking-plans', { name: 'Checkout', type: 'LIVE' })).body.data.trackingPlan;
});
const rulesPath = () => `/tracking-plans/${plan.id}/rules`;
const ruleKeys = () => sb.trackingPlanRules(plan.id).map((rule) => `${rule.type}:${rule.key ?? ''}:v${rule.version}`);
const removal = (rules) => rules.map((rule, i) => Object.entries(rule).map(([field, value]) => `rules[${i}][${field}]=${encodeURIComponent(value)}`).join('&')).join('&');

test('PATCH adds rules in Segment\'s shape; GET pages them; PATCH again updates one, keeps createdAt', async () => {
	const added = await call('PATCH', rulesPath(), { rules: [track('Order Completed'), { type: 'IDENTIFY', jsonSchema: {}, version: 1 }, track('Order Completed', 2)] });
	expect(added).toMatchObject({ status: 200, body: { data: { status: 'SUCCESS' } } });
	const first = await call('GET', `${rulesPath()}?pagination.count=2`);
	expect(first.body.data.rules).toEqual([
		{ type: 'TRACK', key: 'Order Completed', jsonSchema: SCHEMA, version: 1, createdAt: expect.any(String), updatedAt: expect.any(String) },
		{ type: 'IDENTIFY', jsonSchema: {}, version: 1, createdAt: expect.any(String), updatedAt: expect.any(String) },
	]);
	expect(first.body.data.pagination).toEqual({ current: expect.any(String), next: expect.any(String), totalEntries: 3 });
	const second = await call('GET', `${rulesPath()}?pagination%5Bcount%5D=2&pagination%5Bcursor%5D=${encodeURIComponent(first.body.data.pagination.next)}`);
	expect(second.body.data.rules.map((rule) => rule.version)).toEqual([2]);
	const changed = { ...SCHEMA, properties: {} };
	await call('PATCH', rulesPath(), { rules: [track('Order Completed', 1, changed)] });
	const [updated] = sb.trackingPlanRules(plan.id);
	expect(updated).toMatchObject({ key: 'Order Completed', version: 1, jsonSchema: changed, createdAt: first.body.data.rules[0].createdAt });
	expect(ruleKeys()).toEqual(['TRACK:Order Completed:v1', 'IDENTIFY::v1', 'TRACK:Order Completed:v2']);
	expect(sb.trackingPlans()[0].updatedAt >= plan.updatedAt).toBe(true);
});

test('pages hold at most 200 rules: 2,000 rules are 10 pages', async () => {
	sb.addTrackingPlan({ name: 'Big', rules: Array.from({ length: 2000 }, (_v, n) => track(`Event ${n}`)) });
	const big = sb.trackingPlans().find((entry) => entry.name === 'Big');
	let cursor;
	let pages = 0;
	const seen = [];
	do {
		const answer = await call('GET', `/tracking-plans/${big.id}/rules?pagination.count=200${cursor ? `&pagination.cursor=${encodeURIComponent(cursor)}` : ''}`);
		seen.push(...answer.body.data.rules.map((rule) => rule.key));
		cursor = answer.body.data.pagination.next;
		pages++;
	} while (cursor);
	expect(pages).toBe(10);
	expect(seen).toEqual(Array.from({ length: 2000 }, (_v, n) => `Event ${n}`));
	expect((await call('GET', `/tracking-plans/${big.id}/rules?pagination.count=201`)).status).toBe(400);
});

test('newKey renames a rule in place; a rename onto a rule that exists, or of a rule that does not, is refused', async () => {
	await call('PATCH', rulesPath(), { rules: [track('Checkout Started'), track('Order Completed')] });
	expect((await call('PATCH', rulesPath(), { rules: [{ ...track('Checkout Started'), newKey: 'Checkout Begun' }] })).status).toBe(200);
	expect(ruleKeys()).toEqual(['TRACK:Checkout Begun:v1', 'TRACK:Order Completed:v1']);
	expect(await call('PATCH', rulesPath(), { rules: [{ ...track('Checkout Begun'), newKey: 'Order Completed' }] })).toMatchObject({
		status: 422, body: { errors: [validation('rules[0].newKey: a TRACK rule "Order Completed" version 1 already exists', 'rules[0].newKey')] },
	});
	expect(await call('PATCH', rulesPath(), { rules: [{ ...track('Nowhere'), newKey: 'Somewhere' }] })).toMatchObject({
		status: 422, body: { errors: [validation('rules[0].newKey: there is no TRACK rule "Nowhere" version 1 to rename', 'rules[0].newKey')] },
	});
	expect(await call('PATCH', rulesPath(), { rules: [{ type: 'IDENTIFY', jsonSchema: {}, version: 1, newKey: 'x' }] })).toMatchObject({
		status: 422, body: { errors: [validation('rules[0].newKey is not allowed for IDENTIFY rules', 'rules[0].newKey')] },
	});
	expect(ruleKeys()).toEqual(['TRACK:Checkout Begun:v1', 'TRACK:Order Completed:v1']);
});

test('PUT replaces every rule (an empty list clears them)', async () => {
	await call('PATCH', rulesPath(), { rules: [track('A'), track('B')] });
	expect((await call('PUT', rulesPath(), { rules: [track('B'), { type: 'PAGE', key: 'Home', jsonSchema: {}, version: 1 }] })).body).toEqual({ data: { status: 'SUCCESS' } });
	expect(ruleKeys()).toEqual(['TRACK:B:v1', 'PAGE:Home:v1']);
	expect((await call('PUT', rulesPath(), { rules: [] })).status).toBe(200);
	expect(sb.trackingPlanRules(plan.id)).toEqual([]);
	expect(await call('PUT', rulesPath(), { rules: [{ ...track('A'), newKey: 'B' }] })).toMatchObject({ status: 422, body: { errors: [validation('Unknown field: rules[0].newKey', 'rules[0].newKey')] } });
});

test('DELETE takes the rules in the query, bracket form literal or percent-encoded (as Segment\'s SDK sends it)', async () => {
	await call('PATCH', rulesPath(), { rules: [track('Order Completed'), track('Order Completed', 2), { type: 'IDENTIFY', jsonSchema: {}, version: 1 }, track('Keep')] });
	const literal = await call('DELETE', `${rulesPath()}?rules[0][type]=TRACK&rules[0][key]=Order%20Completed&rules[0][version]=1&rules[1][type]=IDENTIFY&rules[1][version]=1`);
	expect(literal).toMatchObject({ status: 200, body: { data: { status: 'SUCCESS' } } });
	expect(ruleKeys()).toEqual(['TRACK:Order Completed:v2', 'TRACK:Keep:v1']);
	const encoded = await call('DELETE', `${rulesPath()}?rules%5B0%5D%5Btype%5D=TRACK&rules%5B0%5D%5Bkey%5D=Order%20Completed&rules%5B0%5D%5Bversion%5D=2`);
	expect(encoded.status).toBe(200);
	// A rule the plan does not have (any more) is passed over.
	expect((await call('DELETE', `${rulesPath()}?${removal([track('Order Completed', 2)].map(({ jsonSchema: _schema, ...rule }) => rule))}`)).status).toBe(200);
	expect(ruleKeys()).toEqual(['TRACK:Keep:v1']);
});

test.each([
	['no rules at all', '', 400, [validation('rules is required: rules[0][type]=…&rules[0][key]=…&rules[0][version]=…', 'rules')]],
	['a gap in the indexes', 'rules[0][type]=IDENTIFY&rules[0][version]=1&rules[2][type]=GROUP&rules[2][version]=1', 400, [validation('rules[1] is missing: rule indexes run from 0 without gaps', 'rules[1]')]],
	['a field removal does not take', 'rules[0][type]=IDENTIFY&rules[0][version]=1&rules[0][jsonSchema]=x', 400, [validation('Unknown query parameter: rules[0][jsonSchema]', 'rules[0][jsonSchema]')]],
	['a field given twice', 'rules[0][type]=IDENTIFY&rules[0][type]=GROUP&rules[0][version]=1', 400, [validation('rules[0][type] must be given once', 'rules[0][type]')]],
	['a version that is no whole number', 'rules[0][type]=IDENTIFY&rules[0][version]=1.5', 422, [validation('rules[0].version must be an integer >= 1', 'rules[0].version')]],
	['a TRACK rule without its key', 'rules[0][type]=TRACK&rules[0][version]=1', 422, [validation('rules[0].key is required for TRACK rules', 'rules[0].key')]],
	['the same rule twice', 'rules[0][type]=GROUP&rules[0][version]=1&rules[1][type]=GROUP&rules[1][version]=1', 422, [validation('rules[1] duplicates rules[0]: the GROUP rule version 1 is given twice', 'rules[1]')]],
])('DELETE refuses %s', async (_what, query, status, errors) => {
	await call('PATCH', rulesPath(), { rules: [{ type: 'IDENTIFY', jsonSchema: {}, version: 1 }] });
	expect(await call('DELETE', `${rulesPath()}${query ? `?${query}` : ''}`)).toMatchObject({ status, body: { errors } });
	expect(ruleKeys()).toEqual(['IDENTIFY::v1']);
});

test.each([
	['an unknown rule type', [{ ...track('A'), type: 'ALIAS' }], [validation('rules[0].type must be one of TRACK, IDENTIFY, GROUP, PAGE, SCREEN, COMMON', 'rules[0].type')]],
	['a TRACK rule without a key', [{ type: 'TRACK', jsonSchema: {}, version: 1 }], [validation('rules[0].key is required for TRACK rules', 'rules[0].key')]],
	['a SCREEN rule with an empty key', [{ type: 'SCREEN', key: ' ', jsonSchema: {}, version: 1 }], [validation('rules[0].key must be a non-empty string', 'rules[0].key')]],
	['a key on an IDENTIFY rule', [{ type: 'IDENTIFY', key: 'x', jsonSchema: {}, version: 1 }], [validation('rules[0].key is not allowed for IDENTIFY rules', 'rules[0].key')]],
	['a key on a COMMON rule', [track('A'), { type: 'COMMON', key: 'x', jsonSchema: {}, version: 1 }], [validation('rules[1].key is not allowed for COMMON rules', 'rules[1].key')]],
	['a jsonSchema that is a list', [track('A', 1, [])], [validation('rules[0].jsonSchema must be an object (a JSON Schema)', 'rules[0].jsonSchema')]],
	['a jsonSchema that is text', [track('A', 1, '{"type":"object"}')], [validation('rules[0].jsonSchema must be an object (a JSON Schema)', 'rules[0].jsonSchema')]],
	['version 0', [track('A', 0)], [validation('rules[0].version must be an integer >= 1', 'rules[0].version')]],
	['version "1" (text)', [track('A', '1')], [validation('rules[0].version must be an integer >= 1', 'rules[0].version')]],
	['a field Segment does not know', [{ ...track('A'), description: 'd' }], [validation('Unknown field: rules[0].description', 'rules[0].description')]],
	['the same rule twice', [track('A'), track('B'), track('A', 1, {})], [validation('rules[2] duplicates rules[0]: the TRACK rule "A" version 1 is given twice', 'rules[2]')]],
	['an empty list', [], [validation('rules must not be empty', 'rules')]],
	['rules that are no list', { A: SCHEMA }, [validation('rules must be an array', 'rules')]],
])('PATCH refuses %s (422), and changes nothing', async (_what, rules, errors) => {
	await call('PATCH', rulesPath(), { rules: [track('Keep')] });
	expect(await call('PATCH', rulesPath(), { rules })).toMatchObject({ status: 422, body: { errors } });
	expect(ruleKeys()).toEqual(['TRACK:Keep:v1']);
});

test('an unknown plan is 404 on every rules call; a body without rules or with more is refused', async () => {
	for (const [method, query, body] of [['GET', '?pagination.count=5'], ['PATCH', '', { rules: [track('A')] }], ['PUT', '', { rules: [] }], ['DELETE', '?rules[0][type]=GROUP&rules[0][version]=1']]) {
		expect(await call(method, `/tracking-plans/nope/rules${query}`, body)).toMatchObject({ status: 404, body: NOT_FOUND });
	}
	expect(await call('PATCH', rulesPath(), {})).toMatchObject({ status: 422, body: { errors: [validation('rules is required', 'rules')] } });
	expect(await call('PUT', rulesPath(), { rules: [], force: true })).toMatchObject({ status: 422, body: { errors: [validation('Unknown field: force', 'force')] } });
});

test('sb.addTrackingPlan makes a plan with rules and sources directly, and checks them', () => {
	expect(() => sb.addTrackingPlan({ name: 'Bad', rules: [{ type: 'TRACK', jsonSchema: {}, version: 1 }] })).toThrow(/Invalid rules: rules\[0\]\.key is required for TRACK rules/);
	expect(() => sb.addTrackingPlan({ name: 'Bad', sourceIds: ['nope'] })).toThrow(/Unknown source "nope"/);
	expect(() => sb.trackingPlanRules('nope')).toThrow(/Unknown tracking plan "nope"/);
	const made = sb.addTrackingPlan({ name: 'Direct', type: 'TEMPLATE', rules: [track('A')], key: 'direct' });
	expect(made).toMatchObject({ name: 'Direct', type: 'TEMPLATE', slug: 'direct' });
	expect(sb.addTrackingPlan({ name: 'Again', key: 'direct' }, { region: 'eu' }).id).not.toBe(made.id);
	expect(sb.trackingPlanRules(made.id)).toEqual([expect.objectContaining({ key: 'A', jsonSchema: SCHEMA })]);
});

describe('reading rules is limited per workspace (Segment: 200 calls a minute)', () => {
	let limited;
	let limitedCall;
	beforeAll(async () => {
		limited = await startSandbox({ ruleReadsPerMinute: 2, ruleReadsWindowMs: 1500 });
		limitedCall = client(limited);
	});
	afterAll(() => limited.close());

	test('the third read in a window answers 429 with msBeforeNext; writes do not count; the next window reads again', async () => {
		const made = limited.addTrackingPlan({ name: 'P', rules: [track('A')] });
		const read = () => limitedCall('GET', `/tracking-plans/${made.id}/rules?pagination.count=5`);
		const first = await read();
		expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
		await limitedCall('PATCH', `/tracking-plans/${made.id}/rules`, { rules: [track('B')] });
		expect((await read()).status).toBe(200);
		const refused = await read();
		expect(refused.status).toBe(429);
		expect(refused.body.errors[0]).toMatchObject({ type: 'RequestError', message: 'Too many requests', data: { msBeforeNext: expect.any(Number), remainingPoints: 0 } });
		expect(refused.body.errors[0].data.msBeforeNext).toBeLessThanOrEqual(1500);
		expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
		await new Promise((resolve) => setTimeout(resolve, refused.body.errors[0].data.msBeforeNext + 20));
		expect((await read()).status).toBe(200);
	});

	test('the default is Segment\'s 200 a minute', async () => {
		const made = sb.addTrackingPlan({ name: 'P', rules: [track('A')] });
		const answer = await call('GET', `/tracking-plans/${made.id}/rules?pagination.count=5`);
		expect(answer.headers.get('x-ratelimit-remaining')).toBe('199');
	});
});
