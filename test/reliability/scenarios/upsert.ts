/**
 * Create or Update (issue 13) in the fault matrix: the list read it starts with, the creates it
 * falls back to, and the changes it sends to an entity that exists (a PATCH, then the labels).
 * Listed in index.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import type { Scenario } from './types';
import { labelsOf, sourceCreateSteps } from './sourceSteps';
import { WAREHOUSE_PASSWORD } from '../support';


export const UPSERT_SCENARIOS: Scenario[] = [
	{
		// Nothing has the slug: the list, then the whole source create.
		name: 'source upsert (no match: create)',
		parameters: () => ({ resource: 'source', operation: 'upsert', name: 'New Source', slug: 'new_source', platform: 'server', categories: ['crm'] }),
		steps: () => [{ method: 'GET', path: '/sources', faulted: true }, ...sourceCreateSteps()],
		succeeded: (sandbox, _ids, out) => {
			const created = sandbox.entities('sources').filter((entity) => entity.slug === 'new_source');
			expect(created).toHaveLength(1);
			expect(labelsOf(created[0])).toEqual(['category:crm', 'platform:server']);
			expect(out).toEqual([expect.objectContaining({ id: created[0].id, name: 'New Source', upsert: 'created' })]);
		},
	},
	{
		// The arranged source has the slug: a new name (one PATCH) and platform:mobile, which does not exist yet.
		name: 'source upsert (match: name and labels)',
		parameters: () => ({ resource: 'source', operation: 'upsert', name: 'Renamed Source', slug: 'website_analytics', platform: 'mobile', categories: ['analytics'] }),
		steps: (ids) => [
			{ method: 'GET', path: '/sources', faulted: true },
			{ method: 'GET', path: '/labels', faulted: true },
			{ method: 'POST', path: '/labels', faulted: true },
			{ method: 'PATCH', path: `/sources/${ids.sourceId}`, faulted: true },
			{ method: 'PUT', path: `/sources/${ids.sourceId}/labels`, faulted: true },
		],
		succeeded: (sandbox, ids, out) => {
			const source = sandbox.entities('sources').find((entity) => entity.id === ids.sourceId);
			expect(source?.name).toBe('Renamed Source');
			expect(labelsOf(source)).toEqual(['category:analytics', 'platform:mobile', 'team:growth']);
			expect(out).toEqual([expect.objectContaining({ id: ids.sourceId, metadata: { platform: 'mobile', categories: ['analytics'] }, upsert: 'updated' })]);
		},
	},
	{
		name: 'warehouse upsert (no match: create)',
		parameters: () => ({ resource: 'warehouse', operation: 'upsert', name: 'Fault Warehouse', type: 'redshift', host: 'fault.redshift.amazonaws.com', database: 'analytics', username: 'loader', password: WAREHOUSE_PASSWORD }),
		steps: () => [
			{ method: 'GET', path: '/catalog/warehouses', faulted: true },
			{ method: 'GET', path: '/warehouses', faulted: true },
			{ method: 'POST', path: '/warehouses', faulted: true, creates: true },
		],
		succeeded: (sandbox, _ids, out) => {
			expect(sandbox.entities('warehouses').filter((entity) => (entity.settings as IDataObject).name === 'Fault Warehouse')).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ name: 'Fault Warehouse', upsert: 'created' })]);
		},
	},
	{
		// The arranged warehouse has the name and type: its host changes, and the password (masked by Segment) is sent as given.
		name: 'warehouse upsert (match: a setting and the secret)',
		parameters: () => ({ resource: 'warehouse', operation: 'upsert', name: 'My Data Warehouse', type: 'redshift', host: 'moved.redshift.amazonaws.com', database: 'analytics', username: 'user', password: WAREHOUSE_PASSWORD }),
		steps: (ids) => [
			{ method: 'GET', path: '/catalog/warehouses', faulted: true },
			{ method: 'GET', path: '/warehouses', faulted: true },
			{ method: 'PATCH', path: `/warehouses/${ids.warehouseId}`, faulted: true },
		],
		succeeded: (sandbox, ids, out) => {
			const settings = sandbox.entities('warehouses').find((entity) => entity.id === ids.warehouseId)?.settings as IDataObject;
			expect(settings.hostname).toBe('moved.redshift.amazonaws.com');
			expect(out).toEqual([expect.objectContaining({ id: ids.warehouseId, upsert: 'updated' })]);
		},
	},
	{
		name: 'destination upsert (match: a setting)',
		parameters: (ids) => ({
			resource: 'destination',
			operation: 'upsert',
			name: 'Google Analytics',
			slug: 'google-analytics',
			platform: 'web',
			categories: ['analytics'],
			sourceId: rl(ids.sourceId),
			additionalFields: { settings: '{"trackingId": "UA-2"}' },
		}),
		steps: (ids) => [
			{ method: 'GET', path: '/destinations', faulted: true },
			{ method: 'PATCH', path: `/destinations/${ids.destinationId}`, faulted: true },
		],
		succeeded: (sandbox, ids, out) => {
			expect(sandbox.entities('destinations').find((entity) => entity.id === ids.destinationId)?.settings).toEqual({ trackingId: 'UA-2' });
			expect(out).toEqual([expect.objectContaining({ id: ids.destinationId, upsert: 'updated' })]);
		},
	},
];
