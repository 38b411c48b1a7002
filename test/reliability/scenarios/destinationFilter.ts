/** The fault matrix's destination filter scenarios (Segment's calls per operation; see types.ts). */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import type { Scenario } from './types';

export const DESTINATION_FILTER_SCENARIOS: Scenario[] = [
	{
		// The filter's source is the destination's own: one GET of the destination first.
		name: 'destination filter create',
		parameters: (ids) => ({ resource: 'destinationFilter', operation: 'create', destinationId: rl(ids.destinationId), title: 'Drop tests', condition: 'event = "Test"', action: 'sample', percent: 10 }),
		steps: (ids) => [
			{ method: 'GET', path: `/destinations/${ids.destinationId}`, faulted: true },
			{ method: 'POST', path: `/destination/${ids.destinationId}/filters`, faulted: true, creates: true },
		],
		succeeded: (sandbox, ids, out) => {
			const filters = (sandbox as unknown as { filters: (id: string) => IDataObject[] }).filters(ids.destinationId);
			expect(filters).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ id: filters[0].id, title: 'Drop tests', actions: [{ type: 'SAMPLE', percent: 0.1 }] })]);
		},
	},
	{
		name: 'destination filter list',
		parameters: (ids) => ({ resource: 'destinationFilter', operation: 'list', destinationId: rl(ids.destinationId) }),
		steps: (ids) => [{ method: 'GET', path: `/destination/${ids.destinationId}/filters`, faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([]),
	},
];
