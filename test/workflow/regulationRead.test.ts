/**
 * Regulation Get, Get Many and Get Suppressed Users (SPEC §4.10), against the demo's regulations:
 * one RUNNING, one FAILED at Salesforce, one FINISHED (Workspace scope), one of a source, and one
 * past Segment's 90 days.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { calls, jsonOf, runSegment } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

interface DemoSandbox {
	regulations(): Array<IDataObject & { id: string; status: string; scope: string }>;
	entities(resource: string): IDataObject[];
}

const sandbox = useSandbox({ seed: true, connectedUsers: ['sandbox-user'] });
const demo = sandbox as unknown as DemoSandbox;
beforeEach(() => sandbox.reset());

const op = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'regulation', operation, ...extra });
const failedId = () => demo.regulations().find((regulation) => regulation.status === 'FAILED')!.id;

describe('Get', () => {
	it('the regulation as Segment sends it, with each destination\'s status', async () => {
		const [regulation] = jsonOf(await runSegment(sandbox, op('get', { regulationId: failedId() })));
		expect(calls(sandbox)).toEqual([`GET /regulations/${failedId()}`]);
		expect(regulation).toMatchObject({ id: failedId(), overallStatus: 'FAILED', workspaceId: expect.any(String), createdAt: expect.any(String), finishedAt: expect.any(String) });
		const destinations = (regulation.streamStatus as Array<{ destinationStatus: IDataObject[] }>).flatMap((stream) => stream.destinationStatus);
		expect(destinations.filter((destination) => destination.status === 'FAILED').map((destination) => destination.name)).toEqual(['Salesforce']);
	});

	it('a missing one is named as a regulation', async () => {
		const result = await runSegment(sandbox, op('get', { regulationId: 'reg_gone' }));
		expect(result.error.message).toBe('Regulation reg_gone was not found');
		expect(result.error.httpCode).toBe('404');
	});
});

describe('Get Many', () => {
	it('the Workspace\'s regulations of the last 90 days, as sent, newest first', async () => {
		const out = jsonOf(await runSegment(sandbox, op('list', { returnAll: true })));
		expect(calls(sandbox)).toEqual(['GET /regulations']);
		expect(sandbox.requests[0].query).toEqual({ 'pagination.count': '200' });
		expect(out.map((regulation) => [regulation.status, regulation.subjects])).toEqual([['RUNNING', ['user-7777']], ['FAILED', ['user-1138', 'user-2187']], ['FINISHED', ['user-4021']]]);
		expect(Object.keys(out[0]).sort()).toEqual(['createdAt', 'id', 'regulationType', 'status', 'subjectType', 'subjects']);
	});

	it('Filters > Status and Regulation Types go in the query (the array as Segment\'s own SDK sends it)', async () => {
		const out = jsonOf(await runSegment(sandbox, op('list', { returnAll: true, filters: { status: 'FAILED', regulationTypes: ['DELETE_ONLY', 'SUPPRESS_WITH_DELETE'] } })));
		expect(sandbox.requests[0].query).toEqual({ status: 'FAILED', 'regulationTypes[0]': 'DELETE_ONLY', 'regulationTypes[1]': 'SUPPRESS_WITH_DELETE', 'pagination.count': '200' });
		expect(out.map((regulation) => regulation.id)).toEqual([failedId()]);
	});

	it('a source\'s regulations: one page (Segment\'s answer has no pagination); Limit asks for no more', async () => {
		const website = demo.entities('sources').find((source) => source.slug === 'website_analytics')!;
		const out = jsonOf(await runSegment(sandbox, op('list', { scope: 'source', sourceId: rl(String(website.id)), limit: 5, filters: { regulationTypes: ['DELETE_ARCHIVE_ONLY'] } })));
		expect(calls(sandbox)).toEqual([`GET /regulations/sources/${String(website.id)}`]);
		expect(sandbox.requests[0].query).toEqual({ 'regulationTypes[0]': 'DELETE_ARCHIVE_ONLY', 'pagination.count': '5' });
		expect(out).toEqual([expect.objectContaining({ regulationType: 'DELETE_ARCHIVE_ONLY', subjectType: 'ANONYMOUS_ID', subjects: ['anon-5f2c9e'] })]);
	});

	it('refuses Delete Archive Only for the Workspace before asking', async () => {
		const result = await runSegment(sandbox, op('list', { filters: { regulationTypes: ['DELETE_ARCHIVE_ONLY'] } }));
		expect(result.error.message).toBe('Filters > Regulation Types: Delete Archive Only exists for Scope Source only (item 0)');
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Get Suppressed Users', () => {
	it('one item per subject; Offset and Limit count subjects; Simplify off: Segment\'s groups', async () => {
		expect(jsonOf(await runSegment(sandbox, op('listSuppressions', { returnAll: true })))).toEqual([
			{ subjectType: 'USER_ID', subjectId: 'user-0001' },
			{ subjectType: 'USER_ID', subjectId: 'user-4021' },
			{ subjectType: 'USER_ID', subjectId: 'user-7777' },
		]);
		sandbox.clearRequests();
		expect(jsonOf(await runSegment(sandbox, op('listSuppressions', { offset: 1, limit: 1 })))).toEqual([{ subjectType: 'USER_ID', subjectId: 'user-4021' }]);
		expect(calls(sandbox)).toEqual(['GET /suppressions']);
		expect(sandbox.requests[0].query).toEqual({ 'pagination.count': '2' });
		expect(jsonOf(await runSegment(sandbox, op('listSuppressions', { returnAll: true, simplify: false })))).toEqual([{ subjectType: 'USER_ID', subjectIds: ['user-0001', 'user-4021', 'user-7777'] }]);
	});

	it('an UNSUPPRESS filed by the node lifts a suppression', async () => {
		await runSegment(sandbox, op('create', { regulationType: 'UNSUPPRESS', subjectIds: 'user-4021' }));
		const out = jsonOf(await runSegment(sandbox, op('listSuppressions', { returnAll: true })));
		expect(out.map((subject) => subject.subjectId)).toEqual(['user-0001', 'user-7777']);
	});
});
