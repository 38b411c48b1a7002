/**
 * The two limits of tracking-plan rules: the URL (Remove Rules puts the rules in the query, so the
 * node splits them into DELETEs whose full URL, the proxy's prefix included, stays within 4,000
 * characters; the sandbox's front server refuses targets over 8,192 as nginx does) and the 200
 * rule reads a minute (a 429 from reads the node did not make is waited out).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { calls, jsonOf, PROJECT_ID, runSegment, startWorld, userTokenCredentials, USER_TOKEN, type Sandbox } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
beforeEach(() => sandbox.reset());

const track = (key: string, version = 1) => ({ type: 'TRACK', key, jsonSchema: {}, version });
const remove = (planId: string): INodeParameters => ({ resource: 'trackingPlan', operation: 'removeRules', trackingPlanId: rl(planId), rules: '={{ $json.rules }}' });
const fullUrls = (sb: Sandbox, method = 'DELETE') => sb.requests.filter((request) => request.method === method).map((request) => `${sb.url}${request.url}`);
const removedKeys = (sb: Sandbox) => sb.requests.filter((request) => request.method === 'DELETE').flatMap((request) => Object.entries(request.query).filter(([name]) => name.endsWith('[key]')).map(([, key]) => key));

// 2,000 rules whose keys carry what a URL encodes in several characters (spaces, apostrophes, accents).
const RULES = Array.from({ length: 2000 }, (_v, n) => track(`Customer's order №${n} — completed`));

async function removeAll(sb: Sandbox, planId: string, rules: unknown[], credentials?: IDataObject) {
	return await runSegment(sb, remove(planId), { items: [{ rules }], credentials: credentials as never });
}

it('2,000 rules: several DELETEs, each full URL within 4,000 characters and filled close to it; together exactly the rules given', async () => {
	const planId = String(sandbox.addTrackingPlan({ name: 'Big', rules: RULES }).id);
	const [out] = jsonOf(await removeAll(sandbox, planId, RULES));
	const urls = fullUrls(sandbox);
	expect(urls.length).toBeGreaterThan(10);
	expect(out).toEqual({ trackingPlanId: planId, rules: 2000, requests: urls.length, status: 'SUCCESS' });
	for (const url of urls) expect(url.length).toBeLessThanOrEqual(4000);
	// Measured as sent: every batch but the last would not take one more rule (about 120 characters each).
	for (const url of urls.slice(0, -1)) expect(url.length).toBeGreaterThan(4000 - 130);
	// Indexes start again at 0 in each request; the keys arrive as given, in order.
	for (const request of sandbox.requests) expect(request.url).toContain('?rules[0][type]=TRACK&rules[0][key]=Customer%27s');
	expect(removedKeys(sandbox)).toEqual(RULES.map((rule) => rule.key));
	expect(sandbox.trackingPlanRules(planId)).toEqual([]);
});

it('an EU credential\'s longer proxy prefix is counted too', async () => {
	const eu = { region: 'eu' };
	const planId = String(sandbox.addTrackingPlan({ name: 'Big', rules: RULES.slice(0, 500) }, eu).id);
	jsonOf(await removeAll(sandbox, planId, RULES.slice(0, 500), userTokenCredentials(sandbox, { region: 'eu' })));
	const urls = fullUrls(sandbox);
	expect(urls[0]).toContain('/sdk/proxy/segment/https://eu1.api.segmentapis.com/tracking-plans/');
	for (const url of urls) expect(url.length).toBeLessThanOrEqual(4000);
	expect(urls.slice(0, -1).every((url) => url.length > 4000 - 130)).toBe(true);
	expect(sandbox.trackingPlanRules(planId, eu)).toEqual([]);
});

it('sent as one DELETE, the same rules would be refused by the front server (414): why the node splits', async () => {
	// 80 rules: about 9,600 characters (Node's own limit, 16 KB of headers, is not what answers here).
	const planId = String(sandbox.addTrackingPlan({ name: 'Big', rules: RULES.slice(0, 80) }).id);
	const query = RULES.slice(0, 80).map((rule, i) => `rules[${i}][type]=TRACK&rules[${i}][key]=${encodeURIComponent(rule.key)}&rules[${i}][version]=1`).join('&');
	const response = await fetch(`${sandbox.url}/projects/${PROJECT_ID}/sdk/proxy/segment/tracking-plans/${planId}/rules?${query}`, {
		method: 'DELETE',
		headers: { authorization: `Bearer ${USER_TOKEN}`, 'x-paragon-use-raw-response': '1' },
	});
	expect(response.status).toBe(414);
	expect(sandbox.trackingPlanRules(planId)).toHaveLength(80);
});

it('a rule whose key alone makes the URL too long is refused before any DELETE, named by its index', async () => {
	const rules = [track('Short'), track('x'.repeat(3900))];
	const result = await removeAll(sandbox, 'tp_1', rules);
	expect(result.error.message).toBe(`Rules: rules[1] is too long to remove: its URL alone would be over 4000 characters (item 0)`);
	expect(sandbox.requests).toEqual([]);
});

it('a DELETE failing after others went through: the error says which rules were removed and which were not', async () => {
	const planId = String(sandbox.addTrackingPlan({ name: 'Big', rules: RULES.slice(0, 200) }).id);
	// The first DELETE passes (a fault that only delays it by nothing), the second fails.
	sandbox.addFault({ method: 'DELETE', path: '/tracking-plans', delayMs: 0 });
	sandbox.addFault({ method: 'DELETE', path: '/tracking-plans', status: 500 });
	const result = await removeAll(sandbox, planId, RULES.slice(0, 200));
	const [first] = sandbox.requests;
	const removed = Object.keys(first.query).filter((name) => name.endsWith('[key]')).length;
	expect(calls(sandbox)).toEqual([`DELETE /tracking-plans/${planId}/rules`, `DELETE /tracking-plans/${planId}/rules`]);
	expect(result.error.message).toBe(`Tracking plan ${planId}: rules[0] to rules[${removed - 1}] were removed, but rules[${removed}] to rules[199] could not be: Segment had a server error (500) (item 0)`);
	expect(result.error.description).toMatch(new RegExp(`^Run Remove Rules again with the rules from rules\\[${removed}\\] on\\.`));
	expect(sandbox.trackingPlanRules(planId)).toHaveLength(200 - removed);
});

describe('rule reads (Segment allows 200 a minute)', () => {
	let limited: Sandbox;
	beforeAll(async () => {
		// A workspace where other workflows already use the allowance: 3 reads per 1.5 s.
		limited = await startWorld({ ruleReadsPerMinute: 3, ruleReadsWindowMs: 1500 });
	});
	afterAll(async () => limited.close());

	it('a 429 with msBeforeNext is waited out: Get Rules of 5 pages succeeds, each page read once after its wait', async () => {
		const planId = String(limited.addTrackingPlan({ name: 'Big', rules: RULES.slice(0, 1000) }).id);
		const started = Date.now();
		const rules = jsonOf(await runSegment(limited, { resource: 'trackingPlan', operation: 'listRules', trackingPlanId: rl(planId), returnAll: true }));
		expect(rules).toHaveLength(1000);
		const statuses = limited.requests.map((request) => request.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(5);
		expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
		// The fourth read waited for the next window.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});
});
