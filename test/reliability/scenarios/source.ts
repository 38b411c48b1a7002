/** The fault matrix's source scenarios (Segment's calls per operation; see types.ts). */
import { rl } from '../../helpers/engine';
import { labelsOf, sourceCreateSteps } from './sourceSteps';
import type { Scenario } from './types';

export const SOURCE_SCENARIOS: Scenario[] = [
	{
		// Labels platform:server and category:crm do not exist yet: both are created first.
		name: 'source create',
		parameters: () => ({ resource: 'source', operation: 'create', name: 'New Source', slug: 'new_source', platform: 'server', categories: ['crm'] }),
		steps: sourceCreateSteps,
		succeeded: (sandbox, _ids, out) => {
			const created = sandbox.entities('sources').filter((entity) => entity.slug === 'new_source');
			expect(created).toHaveLength(1);
			expect(labelsOf(created[0])).toEqual(['category:crm', 'platform:server']);
			expect(out).toEqual([expect.objectContaining({ slug: 'new_source', metadata: { platform: 'server', categories: ['crm'] } })]);
		},
	},
	{
		name: 'source get connected warehouses',
		parameters: (ids) => ({ resource: 'source', operation: 'listConnectedWarehouses', sourceId: rl(ids.sourceId) }),
		steps: (ids) => [{ method: 'GET', path: `/sources/${ids.sourceId}/connected-warehouses`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([expect.objectContaining({ id: ids.warehouseId })]),
	},
	{
		// Connected to one picked warehouse only; the labels exist already.
		name: 'source create (selected warehouse)',
		parameters: (ids) => ({ resource: 'source', operation: 'create', name: 'New Source', slug: 'new_source', platform: 'web', categories: ['analytics'], connectWarehouses: 'selected', warehouseIds: [ids.warehouseId] }),
		steps: (ids) => [
			{ method: 'GET', path: '/catalog/sources', faulted: true },
			{ method: 'GET', path: '/labels', faulted: true },
			{ method: 'POST', path: '/sources', faulted: true, creates: true },
			{ method: 'PATCH', path: '/sources/{new}', faulted: true },
			{ method: 'PUT', path: '/sources/{new}/labels', faulted: true },
			{ method: 'POST', path: `/warehouses/${ids.warehouseId}/connected-sources/{new}`, faulted: true },
		],
		succeeded: (sandbox, _ids, out) => {
			const created = sandbox.entities('sources').filter((entity) => entity.slug === 'new_source');
			expect(created).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ slug: 'new_source', name: 'New Source' })]);
		},
	},
	{
		// platform:mobile does not exist yet; the other labels (team:growth) are kept.
		name: 'source update',
		parameters: (ids) => ({ resource: 'source', operation: 'update', sourceId: rl(ids.sourceId), updateFields: { name: 'Renamed Source', platform: 'mobile' } }),
		steps: (ids) => [
			{ method: 'GET', path: `/sources/${ids.sourceId}`, faulted: true },
			{ method: 'GET', path: '/labels', faulted: true },
			{ method: 'POST', path: '/labels', faulted: true },
			{ method: 'PATCH', path: `/sources/${ids.sourceId}`, faulted: true },
			{ method: 'PUT', path: `/sources/${ids.sourceId}/labels`, faulted: true },
		],
		succeeded: (sandbox, ids, out) => {
			const source = sandbox.entities('sources').find((entity) => entity.id === ids.sourceId);
			expect(source?.name).toBe('Renamed Source');
			expect(labelsOf(source)).toEqual(['category:analytics', 'platform:mobile', 'team:growth']);
			expect(out).toEqual([expect.objectContaining({ id: ids.sourceId, name: 'Renamed Source', metadata: { platform: 'mobile', categories: ['analytics'] } })]);
		},
	},
];
