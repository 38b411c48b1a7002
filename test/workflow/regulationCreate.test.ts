/**
 * User deletion and suppression, Create (SPEC §4.10): the IDs of all items that share scope,
 * source, collection, type and subject type go in one request of up to 5,000 IDs; each output item
 * is paired with its input and carries its own IDs and the regulateId of its request.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { calls, catalogId, jsonOf, runSegment, segmentApi } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

interface RegulationSandbox {
	regulations(): Array<IDataObject & { id: string; subjects: string[] }>;
}

const sandbox = useSandbox({ regulationStepMs: null });
const book = () => (sandbox as unknown as RegulationSandbox).regulations();
beforeEach(() => sandbox.reset());

const create = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'regulation', operation: 'create', subjectIds: '={{ $json.userId }}', ...extra });
const bodies = () => sandbox.requests.map((request) => request.body as IDataObject);
const users = (count: number, from = 0) => Array.from({ length: count }, (_, index) => ({ userId: `user-${from + index}` }));

it('one item: POST /regulations with Segment\'s defaults; the item gets the regulateId and its own IDs', async () => {
	const result = await runSegment(sandbox, create(), { items: [{ userId: 'user-42' }] });
	expect(calls(sandbox)).toEqual(['POST /regulations']);
	expect(bodies()).toEqual([{ regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: ['user-42'] }]);
	const [regulation] = book();
	expect(jsonOf(result)).toEqual([{ regulateId: regulation.id, regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: ['user-42'], scope: 'workspace' }]);
	expect(result.items[0].pairedItem).toEqual({ item: 0 });
});

it('10,000 items of one ID each are 2 requests of 5,000; order and pairing kept', async () => {
	const items = users(10_000);
	const result = await runSegment(sandbox, create(), { items });
	expect(calls(sandbox)).toEqual(['POST /regulations', 'POST /regulations']);
	expect(bodies().map((body) => (body.subjectIds as string[]).length)).toEqual([5000, 5000]);
	expect((bodies()[1].subjectIds as string[])[0]).toBe('user-5000');
	const [first, second] = book();
	expect(first.subjects).toEqual(items.slice(0, 5000).map((item) => item.userId));
	expect(result.items).toHaveLength(10_000);
	result.items.forEach((item, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		expect(item.json).toEqual({ regulateId: index < 5000 ? first.id : second.id, regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: [`user-${index}`], scope: 'workspace' });
	});
});

it('3 items of different types are 3 requests; items of one type share a request wherever they stand', async () => {
	const items = [{ userId: 'a', type: 'SUPPRESS_ONLY' }, { userId: 'b', type: 'DELETE_ONLY' }, { userId: 'c', type: 'UNSUPPRESS' }, { userId: 'd', type: 'SUPPRESS_ONLY' }];
	const out = jsonOf(await runSegment(sandbox, create({ regulationType: '={{ $json.type }}' }), { items }));
	expect(bodies().map((body) => [body.regulationType, body.subjectIds])).toEqual([['SUPPRESS_ONLY', ['a', 'd']], ['DELETE_ONLY', ['b']], ['UNSUPPRESS', ['c']]]);
	expect(out.map((json) => [json.regulationType, json.subjectIds])).toEqual([['SUPPRESS_ONLY', ['a']], ['DELETE_ONLY', ['b']], ['UNSUPPRESS', ['c']], ['SUPPRESS_ONLY', ['d']]]);
	expect(out[0].regulateId).toBe(out[3].regulateId);
	expect(new Set(out.map((json) => json.regulateId)).size).toBe(3);
});

it('several IDs per item (commas, new lines, a list from an expression): blanks dropped, each sent once; an item is never split', async () => {
	const items = [{ ids: 'a, b,\nc,, a' }, { ids: ['c', 'd', 7] }, { ids: Array.from({ length: 4998 }, (_, index) => `big-${index}`) }];
	const out = jsonOf(await runSegment(sandbox, create({ subjectIds: '={{ $json.ids }}' }), { items }));
	// a, b, c, d, 7 fill 5 places; the next item's 4,998 IDs do not fit beside them: a request of their own.
	expect(bodies().map((body) => (body.subjectIds as string[]).length)).toEqual([5, 4998]);
	expect(bodies()[0].subjectIds).toEqual(['a', 'b', 'c', 'd', '7']);
	expect(out.map((json) => json.subjectIds)).toEqual([['a', 'b', 'c'], ['c', 'd', '7'], items[2].ids]);
	expect(out[0].regulateId).toBe(out[1].regulateId);
	expect(out[2].regulateId).not.toBe(out[0].regulateId);
});

it('Options > Combine Items off: one request per item', async () => {
	const out = jsonOf(await runSegment(sandbox, create({ options: { combineItems: false } }), { items: users(3) }));
	expect(bodies().map((body) => body.subjectIds)).toEqual([['user-0'], ['user-1'], ['user-2']]);
	expect(new Set(out.map((json) => json.regulateId)).size).toBe(3);
});

it('source and cloud source scope: their own paths; a cloud source sends its collection', async () => {
	const web = (await segmentApi(sandbox, 'POST', '/sources', { slug: 'web', enabled: true, metadataId: catalogId(sandbox, 'sources', 'javascript') })).source as IDataObject;
	const zendesk = (await segmentApi(sandbox, 'POST', '/sources', { slug: 'help', enabled: true, metadataId: catalogId(sandbox, 'sources', 'zendesk') })).source as IDataObject;
	sandbox.clearRequests();
	const archive = jsonOf(await runSegment(sandbox, create({ scope: 'source', sourceId: rl(String(web.id)), regulationType: 'DELETE_ARCHIVE_ONLY', subjectType: 'ANONYMOUS_ID' }), { items: [{ userId: 'anon-1' }] }));
	const cloud = jsonOf(await runSegment(sandbox, create({ scope: 'cloudSource', sourceId: rl(String(zendesk.id)), collection: 'users', regulationType: 'DELETE_ONLY', subjectType: 'OBJECT_ID' }), { items: [{ userId: 'obj-9' }] }));
	expect(calls(sandbox)).toEqual([`POST /regulations/sources/${String(web.id)}`, `POST /regulations/cloudsources/${String(zendesk.id)}`]);
	expect(bodies()[1]).toEqual({ regulationType: 'DELETE_ONLY', subjectType: 'OBJECT_ID', subjectIds: ['obj-9'], collection: 'users' });
	expect(archive[0]).toEqual({ regulateId: expect.any(String), regulationType: 'DELETE_ARCHIVE_ONLY', subjectType: 'ANONYMOUS_ID', subjectIds: ['anon-1'], scope: 'source', sourceId: web.id });
	expect(cloud[0]).toMatchObject({ scope: 'cloudSource', sourceId: zendesk.id, subjectIds: ['obj-9'] });
});

it('items of different sources are different requests', async () => {
	const made = await Promise.all(['one', 'two'].map(async (slug) => (await segmentApi(sandbox, 'POST', '/sources', { slug, enabled: true, metadataId: catalogId(sandbox, 'sources', 'javascript') })).source as IDataObject));
	sandbox.clearRequests();
	const items = [{ userId: 'a', source: made[0].id }, { userId: 'b', source: made[1].id }, { userId: 'c', source: made[0].id }];
	await runSegment(sandbox, create({ scope: 'source', sourceId: rl('={{ $json.source }}') }), { items });
	expect(calls(sandbox)).toEqual([`POST /regulations/sources/${String(made[0].id)}`, `POST /regulations/sources/${String(made[1].id)}`]);
	expect(bodies().map((body) => body.subjectIds)).toEqual([['a', 'c'], ['b']]);
});

it('Options > Concurrency 3: the requests go side by side, the items come out in their order', async () => {
	sandbox.addFault({ method: 'POST', path: '/regulations', delayMs: 150, times: 1 });
	const items = ['SUPPRESS_ONLY', 'DELETE_ONLY', 'UNSUPPRESS'].map((type, index) => ({ userId: `u${index}`, type }));
	const out = jsonOf(await runSegment(sandbox, create({ regulationType: '={{ $json.type }}', options: { concurrency: 3 } }), { items }));
	// The first request was held back: the others were answered first.
	const answered = book().map((regulation) => regulation.subjects[0]);
	expect(answered).toEqual(['u1', 'u2', 'u0']);
	expect(out.map((json) => json.subjectIds)).toEqual([['u0'], ['u1'], ['u2']]);
	expect(out.map((json) => json.regulateId)).toEqual(['u0', 'u1', 'u2'].map((id) => book().find((regulation) => regulation.subjects[0] === id)!.id));
});
