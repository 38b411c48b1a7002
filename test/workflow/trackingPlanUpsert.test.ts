/**
 * Tracking plan Create or Update (SPEC v3 §4.11): key name + type, the plans' list and each plan's
 * rules read once, only the rules that differ sent in one PATCH, other rules removed only with
 * Remove Other Rules, a second run writing nothing; 2,000 rules on the wire.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { calls, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
beforeEach(() => sandbox.reset());

const schema = (required: string[]) => ({ type: 'object', properties: { properties: { type: 'object', required } } });
const track = (key: string, required: string[] = [], version = 1) => ({ type: 'TRACK', key, jsonSchema: schema(required), version });
const RULES = [track('Order Completed', ['total']), track('Checkout Started'), { type: 'IDENTIFY', jsonSchema: schema([]), version: 1 }];
const upsert = (rules: unknown[], extra: INodeParameters = {}): INodeParameters => ({ resource: 'trackingPlan', operation: 'upsert', name: 'Checkout', rules: JSON.stringify(rules), ...extra });
const planId = () => String(sandbox.trackingPlans().find((entry) => entry.name === 'Checkout')?.id);
const rulesPath = () => `/tracking-plans/${planId()}/rules`;
const writes = () => calls(sandbox).filter((call) => !call.startsWith('GET'));

it('no plan with the name and type: created, then its rules in one PATCH (a new plan has no rules to read)', async () => {
	const [out] = jsonOf(await runSegment(sandbox, upsert(RULES, { description: 'Checkout events' })));
	expect(calls(sandbox)).toEqual(['GET /tracking-plans', 'POST /tracking-plans', `PATCH ${rulesPath()}`]);
	expect(sandbox.requests[1].body).toEqual({ name: 'Checkout', type: 'LIVE', description: 'Checkout events' });
	expect(sandbox.requests[2].body).toEqual({ rules: RULES });
	expect(out).toEqual({
		id: planId(), name: 'Checkout', slug: 'checkout', description: 'Checkout events', type: 'LIVE', createdAt: expect.any(String), updatedAt: expect.any(String),
		upsert: 'created', rules: { added: 3, updated: 0, removed: 0, unchanged: 0 },
	});
});

it('the same input again: one list read, one rules read, nothing written', async () => {
	await runSegment(sandbox, upsert(RULES));
	sandbox.clearRequests();
	const [out] = jsonOf(await runSegment(sandbox, upsert(RULES)));
	expect(calls(sandbox)).toEqual(['GET /tracking-plans', `GET ${rulesPath()}`]);
	expect(out).toMatchObject({ upsert: 'unchanged', rules: { added: 0, updated: 0, removed: 0, unchanged: 3 } });
});

it('only what differs is sent: a changed schema and a new rule in one PATCH; rules not given are kept', async () => {
	sandbox.addTrackingPlan({ name: 'Checkout', rules: [...RULES, track('Legacy Event')] });
	// jsonSchema is compared as JSON: the same schema with its keys in another order is no change.
	const reordered = { ...RULES[1], jsonSchema: { properties: { properties: { required: [], type: 'object' } }, type: 'object' } };
	const given = [track('Order Completed', ['total', 'currency']), reordered, RULES[2], track('Coupon Applied')];
	const [out] = jsonOf(await runSegment(sandbox, upsert(given)));
	expect(writes()).toEqual([`PATCH ${rulesPath()}`]);
	expect(sandbox.requests.at(-1)?.body).toEqual({ rules: [given[0], given[3]] });
	expect(out).toMatchObject({ upsert: 'updated', rules: { added: 1, updated: 1, removed: 0, unchanged: 2 } });
	expect(sandbox.trackingPlanRules(planId()).map((rule) => rule.key)).toEqual(['Order Completed', 'Checkout Started', undefined, 'Legacy Event', 'Coupon Applied']);
});

it('Remove Other Rules: the rules not given are removed with a DELETE naming them in the query', async () => {
	sandbox.addTrackingPlan({ name: 'Checkout', rules: [...RULES, track('Legacy Event'), track('Order Completed', ['total'], 2)] });
	const [out] = jsonOf(await runSegment(sandbox, upsert(RULES, { removeOtherRules: true })));
	expect(writes()).toEqual([`DELETE ${rulesPath()}`]);
	expect(sandbox.requests.at(-1)?.url.split('?')[1]).toBe('rules[0][type]=TRACK&rules[0][key]=Legacy%20Event&rules[0][version]=1&rules[1][type]=TRACK&rules[1][key]=Order%20Completed&rules[1][version]=2');
	expect(out).toMatchObject({ upsert: 'updated', rules: { added: 0, updated: 0, removed: 2, unchanged: 3 } });
	expect(sandbox.trackingPlanRules(planId())).toHaveLength(3);
});

it('a new description: one PATCH of the plan, read back with one GET; the type is part of the key', async () => {
	sandbox.addTrackingPlan({ name: 'Checkout', description: 'Old', rules: RULES });
	sandbox.addTrackingPlan({ name: 'Checkout', type: 'RULE_LIBRARY' });
	const [out] = jsonOf(await runSegment(sandbox, upsert(RULES, { description: 'New' })));
	expect(writes()).toEqual([`PATCH /tracking-plans/${planId()}`]);
	expect(calls(sandbox).at(-1)).toBe(`GET /tracking-plans/${planId()}`);
	expect(out).toMatchObject({ id: planId(), description: 'New', type: 'LIVE', upsert: 'updated', rules: { unchanged: 3 } });
});

it('2,000 rules: created with 1 POST + 1 PATCH; the second run reads them in 10 pages and writes nothing', async () => {
	const many = Array.from({ length: 2000 }, (_v, n) => track(`Event ${n}`, [`property_${n}`]));
	const first = await runSegment(sandbox, upsert(many, { rules: '={{ $json.rules }}' }), { items: [{ rules: many }] });
	expect(jsonOf(first)[0]).toMatchObject({ upsert: 'created', rules: { added: 2000, updated: 0, removed: 0, unchanged: 0 } });
	expect(calls(sandbox)).toEqual(['GET /tracking-plans', 'POST /tracking-plans', `PATCH ${rulesPath()}`]);
	expect((sandbox.requests[2].body as { rules: unknown[] }).rules).toHaveLength(2000);
	expect(sandbox.trackingPlanRules(planId())).toHaveLength(2000);

	sandbox.clearRequests();
	const second = await runSegment(sandbox, upsert(many, { rules: '={{ $json.rules }}', removeOtherRules: true }), { items: [{ rules: many }] });
	expect(jsonOf(second)).toEqual([expect.objectContaining({ upsert: 'unchanged', rules: { added: 0, updated: 0, removed: 0, unchanged: 2000 } })]);
	expect(second.items[0].pairedItem).toEqual({ item: 0 });
	expect(calls(sandbox)).toEqual(['GET /tracking-plans', ...Array(10).fill(`GET ${rulesPath()}`)]);
	expect(sandbox.requests.slice(1).every((request) => request.query['pagination.count'] === '200')).toBe(true);
});

it('two items with one key in one execution: one create, and the second finds the rules the first sent (no read)', async () => {
	const out = jsonOf(await runSegment(sandbox, upsert([], { rules: '={{ $json.rules }}' }), { items: [{ rules: RULES }, { rules: [...RULES, track('Coupon Applied')] }] }));
	expect(out.map((item) => [item.upsert, item.rules])).toEqual([
		['created', { added: 3, updated: 0, removed: 0, unchanged: 0 }],
		['updated', { added: 1, updated: 0, removed: 0, unchanged: 3 }],
	]);
	expect(calls(sandbox)).toEqual(['GET /tracking-plans', 'POST /tracking-plans', `PATCH ${rulesPath()}`, `PATCH ${rulesPath()}`]);
});

it('two plans with the name and type: an error naming both, and nothing written', async () => {
	const a = sandbox.addTrackingPlan({ name: 'Checkout' });
	const b = sandbox.addTrackingPlan({ name: 'Checkout' });
	const result = await runSegment(sandbox, upsert(RULES));
	expect(result.error.message).toBe(`2 tracking plans in the workspace have name "Checkout" and type LIVE: ${String(a.id)}, ${String(b.id)} (item 0)`);
	expect(writes()).toEqual([]);
});

it('a bad rule is refused before anything is sent, named by index and key', async () => {
	const result = await runSegment(sandbox, upsert([RULES[0], { ...track('Checkout Started'), version: 0 }]));
	expect(result.error.message).toBe('Rules: rules[1] ("Checkout Started") has version 0; a version is a whole number from 1 (item 0)');
	expect(sandbox.requests).toEqual([]);
});

it('the plan made but its rules refused: the error gives its id, and the next run sends only the rules', async () => {
	sandbox.addFault({ method: 'PATCH', path: '/tracking-plans', status: 500 });
	const failed = await runSegment(sandbox, upsert(RULES));
	expect(failed.error.message).toBe(`Tracking plan ${planId()} was created, but its 3 rules could not be set: Segment had a server error (500) (item 0)`);
	expect(failed.error.description).toMatch(/^Run Create or Update again: it finds the plan by name and type and sends the rules it lacks\. Do not run Create again/);
	sandbox.clearRequests();
	expect(jsonOf(await runSegment(sandbox, upsert(RULES)))[0]).toMatchObject({ upsert: 'updated', rules: { added: 3 } });
	expect(calls(sandbox)).toEqual(['GET /tracking-plans', `GET ${rulesPath()}`, `PATCH ${rulesPath()}`]);
	expect(sandbox.trackingPlans()).toHaveLength(1);
});

it('Remove Other Rules over many long keys: several DELETEs, each URL within 4,000 characters, together all of them', async () => {
	const keep = [track('Order Completed')];
	const old = Array.from({ length: 300 }, (_v, n) => track(`Legacy checkout funnel event number ${n} with a long descriptive name`));
	sandbox.addTrackingPlan({ name: 'Checkout', rules: [...keep, ...old] });
	const [out] = jsonOf(await runSegment(sandbox, upsert(keep, { removeOtherRules: true })));
	const deletes = sandbox.requests.filter((request) => request.method === 'DELETE');
	expect(deletes.length).toBeGreaterThan(1);
	for (const request of deletes) expect(`${sandbox.url}${request.url}`.length).toBeLessThanOrEqual(4000);
	const removedKeys = deletes.flatMap((request) => Object.entries(request.query).filter(([name]) => name.endsWith('[key]')).map(([, key]) => key));
	expect(removedKeys).toEqual(old.map((rule) => rule.key));
	expect(out).toMatchObject({ rules: { removed: 300, unchanged: 1 } });
	expect(sandbox.trackingPlanRules(planId()).map((rule: IDataObject) => rule.key)).toEqual(['Order Completed']);
});
