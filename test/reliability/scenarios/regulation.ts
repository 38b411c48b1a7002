/**
 * User deletion and suppression (issue 19) in the fault matrix: a create is a POST that must never
 * be sent again once Segment may have filed it (it would file the deletion twice); the lists are
 * reads, retried. Listed in index.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import type { Sandbox } from '../../helpers/world';
import type { Scenario } from './types';

const regulationsOf = (sandbox: Sandbox) => (sandbox as unknown as { regulations(): Array<IDataObject & { subjects: string[] }> }).regulations();

export const REGULATION_SCENARIOS: Scenario[] = [
	{
		name: 'regulation create (workspace)',
		parameters: () => ({ resource: 'regulation', operation: 'create', subjectIds: 'user-1, user-2' }),
		steps: () => [{ method: 'POST', path: '/regulations', faulted: true, creates: true }],
		count: (sandbox) => regulationsOf(sandbox).length,
		succeeded: (sandbox, _ids, out) => {
			const [filed, ...more] = regulationsOf(sandbox);
			expect(more).toEqual([]);
			expect(filed.subjects).toEqual(['user-1', 'user-2']);
			expect(out).toEqual([{ regulateId: filed.id, regulationType: 'SUPPRESS_WITH_DELETE', subjectType: 'USER_ID', subjectIds: ['user-1', 'user-2'], scope: 'workspace' }]);
		},
	},
	{
		name: 'regulation create (source)',
		parameters: (ids) => ({ resource: 'regulation', operation: 'create', scope: 'source', sourceId: rl(ids.sourceId), regulationType: 'DELETE_ONLY', subjectIds: 'user-9' }),
		steps: (ids) => [{ method: 'POST', path: `/regulations/sources/${ids.sourceId}`, faulted: true, creates: true }],
		count: (sandbox) => regulationsOf(sandbox).length,
		succeeded: (sandbox, ids, out) => {
			expect(regulationsOf(sandbox).map((regulation) => [regulation.scope, regulation.sourceId, regulation.subjects])).toEqual([['source', ids.sourceId, ['user-9']]]);
			expect(out).toEqual([expect.objectContaining({ scope: 'source', sourceId: ids.sourceId, regulationType: 'DELETE_ONLY' })]);
		},
	},
	{
		name: 'regulation list',
		parameters: () => ({ resource: 'regulation', operation: 'list', filters: { status: 'FAILED' } }),
		steps: () => [{ method: 'GET', path: '/regulations', faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([]),
	},
	{
		name: 'regulation get suppressed users',
		parameters: () => ({ resource: 'regulation', operation: 'listSuppressions', returnAll: true }),
		steps: () => [{ method: 'GET', path: '/suppressions', faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([]),
	},
];
