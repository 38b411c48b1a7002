/**
 * Regulation Create when something is wrong: a bad item stops the node before anything is sent
 * (or, with Continue On Fail, fails alone); a refused request fails exactly its items; a 429 is
 * waited out; an answer that may have been processed is never sent again (it would file twice).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { calls, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox({ regulationStepMs: null });
const book = () => (sandbox as unknown as { regulations(): IDataObject[] }).regulations();
beforeEach(() => sandbox.reset());

const create = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'regulation', operation: 'create', subjectIds: '={{ $json.userId }}', ...extra });

describe('without Continue On Fail', () => {
	it('a bad item stops the node before anything is sent, naming the parameter and the item', async () => {
		const result = await runSegment(sandbox, create(), { items: [{ userId: 'fine' }, { userId: '  ' }, { userId: 'fine too' }] });
		expect(result.error.message).toBe('Subject IDs is empty (item 1)');
		expect(sandbox.requests).toEqual([]);
	});

	it('a refused request says what was filed before it (it stands) and what was not sent', async () => {
		// Items 0–1 share the first request; item 2 (another type) is refused; item 3 (a third type) is never sent.
		const items = [{ userId: 'a', type: 'SUPPRESS_ONLY' }, { userId: 'b', type: 'SUPPRESS_ONLY' }, { userId: 'c', type: 'DELETE_ONLY' }, { userId: 'd', type: 'UNSUPPRESS' }];
		// A fault without an answer of its own lets the first POST through; the next one answers the second.
		sandbox.addFault({ method: 'POST', path: '/regulations' });
		sandbox.addFault({ method: 'POST', path: '/regulations', status: 422, body: { errors: [{ type: 'ValidationError', message: 'Too many subjects this month', field: 'subjectIds' }] } });
		const result = await runSegment(sandbox, create({ regulationType: '={{ $json.type }}' }), { items });
		expect(sandbox.requests.map((request) => (request.body as IDataObject).subjectIds)).toEqual([['a', 'b'], ['c']]);
		const [filed] = book();
		expect(result.error.message).toBe('Segment refused the request: subjectIds: Too many subjects this month');
		expect(result.error.description).toContain('This request held item 2.');
		expect(result.error.description).toContain(`Filed before it (they stand: a regulation cannot be cancelled): ${String(filed.id)} for items 0–1.`);
		expect(result.error.description).toContain('Not sent: item 3. Run only the items not filed again.');
	});

	it('a 500 whose request Segment processed is not sent again: the error says it may have been filed', async () => {
		sandbox.addFault({ method: 'POST', path: '/regulations', status: 500, process: true });
		const result = await runSegment(sandbox, create(), { items: [{ userId: 'a' }, { userId: 'b' }] });
		expect(calls(sandbox)).toEqual(['POST /regulations']);
		expect(book()).toHaveLength(1);
		expect(result.error.description).toMatch(/may or may not have created the regulation of 2 subject ID\(s\) for items 0–1: check with Get Many/);
	});

	it.each([
		['a 504', { status: 504, process: true }],
		['a timeout', { delayMs: 600, process: true }],
	])('%s is not sent again either', async (_what, fault) => {
		sandbox.addFault({ method: 'POST', path: '/regulations', ...fault });
		const result = await runSegment(sandbox, create({ options: { timeout: 300 } }), { items: [{ userId: 'a' }] });
		expect(calls(sandbox)).toEqual(['POST /regulations']);
		expect(result.error.description).toMatch(/regulation of 1 subject ID\(s\) for item 0/);
	});
});

it('a 429 on a create is waited out (Segment\'s msBeforeNext), then the regulation is filed once', async () => {
	sandbox.addFault({ method: 'POST', path: '/regulations', status: 429, msBeforeNext: 300 });
	const started = Date.now();
	const out = jsonOf(await runSegment(sandbox, create(), { items: [{ userId: 'a' }, { userId: 'b' }] }));
	expect(Date.now() - started).toBeGreaterThanOrEqual(300);
	expect(calls(sandbox)).toEqual(['POST /regulations', 'POST /regulations']);
	expect(sandbox.requests.map((request) => request.status)).toEqual([429, 200]);
	expect(book()).toHaveLength(1);
	expect(out.map((json) => json.regulateId)).toEqual([book()[0].id, book()[0].id]);
});

describe('with Continue On Fail', () => {
	it('a bad item fails alone; a refused request fails exactly its items; the others are filed, order and pairing kept', async () => {
		const items = [
			{ userId: 'a', source: '' },
			{ userId: 'x\u0007y', source: '' },
			{ userId: 'b', source: 'src_missing' },
			{ userId: 'c', source: '' },
			{ userId: 'd', source: 'src_missing' },
		];
		const parameters = create({ scope: '={{ $json.source ? "source" : "workspace" }}', sourceId: rl('={{ $json.source }}') });
		const result = await runSegment(sandbox, parameters, { items, continueOnFail: true });
		expect(calls(sandbox)).toEqual(['POST /regulations', 'POST /regulations/sources/src_missing']);
		expect((sandbox.requests[0].body as IDataObject).subjectIds).toEqual(['a', 'c']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		const out = result.items.map((item) => item.json);
		expect(out[0]).toMatchObject({ regulateId: book()[0].id, subjectIds: ['a'] });
		expect(out[1]).toEqual({ error: 'Subject IDs: "x?y" contains control characters (item 1)' });
		expect(out[2]).toEqual({ error: 'Source src_missing was not found', description: expect.stringContaining('Check the ID') });
		expect(out[3]).toMatchObject({ regulateId: book()[0].id, subjectIds: ['c'] });
		expect(out[4]).toEqual(out[2]);
	});
});
