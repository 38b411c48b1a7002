/** The fault matrix's warehouse scenarios (Segment's calls per operation; see types.ts). */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import { WAREHOUSE_PASSWORD } from '../support';
import type { Scenario } from './types';

export const WAREHOUSE_SCENARIOS: Scenario[] = [
	{
		name: 'warehouse list',
		parameters: () => ({ resource: 'warehouse', operation: 'list', limit: 10 }),
		steps: () => [{ method: 'GET', path: '/warehouses', faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out.map((item) => item.id)).toEqual([ids.warehouseId]),
	},
	{
		name: 'warehouse get',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'get', warehouseId: rl(ids.warehouseId) }),
		steps: (ids) => [{ method: 'GET', path: `/warehouses/${ids.warehouseId}`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([expect.objectContaining({ id: ids.warehouseId, type: 'redshift' })]),
	},
	{
		name: 'warehouse create',
		parameters: () => ({
			resource: 'warehouse',
			operation: 'create',
			name: 'Fault Warehouse',
			type: 'redshift',
			host: 'fault.redshift.amazonaws.com',
			database: 'analytics',
			username: 'loader',
			password: WAREHOUSE_PASSWORD,
		}),
		steps: () => [
			{ method: 'GET', path: '/catalog/warehouses', faulted: true },
			{ method: 'POST', path: '/warehouses', faulted: true, creates: true },
		],
		succeeded: (sandbox, _ids, out) => {
			expect(sandbox.entities('warehouses').filter((entity) => (entity.settings as IDataObject).name === 'Fault Warehouse')).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ name: 'Fault Warehouse', status: 'active' })]);
		},
	},
	{
		name: 'warehouse update',
		parameters: (ids) => ({
			resource: 'warehouse',
			operation: 'update',
			warehouseId: rl(ids.warehouseId),
			updateFields: { name: 'Renamed Warehouse', connection: JSON.stringify({ password: WAREHOUSE_PASSWORD }) },
		}),
		// The connection is checked against the warehouse's own catalog entry: one GET of it first.
		steps: (ids) => [
			{ method: 'GET', path: `/warehouses/${ids.warehouseId}`, faulted: true },
			{ method: 'GET', path: '/catalog/warehouses', faulted: true },
			{ method: 'PATCH', path: `/warehouses/${ids.warehouseId}`, faulted: true },
		],
		succeeded: (sandbox, ids) => expect((sandbox.entities('warehouses').find((entity) => entity.id === ids.warehouseId)?.settings as IDataObject).name).toBe('Renamed Warehouse'),
	},
	{
		// Validated first, then made connected to the one source picked.
		name: 'warehouse create (validate first, selected source)',
		parameters: (ids) => ({
			resource: 'warehouse',
			operation: 'create',
			name: 'Validated Warehouse',
			type: 'redshift',
			host: 'fault.redshift.amazonaws.com',
			database: 'analytics',
			username: 'loader',
			password: WAREHOUSE_PASSWORD,
			connectSources: 'selected',
			sourceIds: [ids.sourceId],
			additionalFields: { validateFirst: true },
		}),
		steps: (ids) => [
			{ method: 'GET', path: '/catalog/warehouses', faulted: true },
			{ method: 'POST', path: '/warehouses/validation', faulted: true },
			// A fault aimed at POST /warehouses would hit the validation first: the plain create covers it.
			{ method: 'POST', path: '/warehouses', faulted: false, creates: true },
			{ method: 'POST', path: `/warehouses/{new}/connected-sources/${ids.sourceId}`, faulted: false },
		],
		succeeded: (sandbox, ids, out) => {
			const created = sandbox.entities('warehouses').filter((entity) => (entity.settings as IDataObject).name === 'Validated Warehouse');
			expect(created).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ id: created[0].id, name: 'Validated Warehouse' })]);
			expect(ids.sourceId).toBeTruthy();
		},
	},
	{
		name: 'warehouse delete',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'delete', warehouseId: rl(ids.warehouseId) }),
		steps: (ids) => [{ method: 'DELETE', path: `/warehouses/${ids.warehouseId}`, faulted: true }],
		succeeded: (sandbox, ids, out) => {
			expect(sandbox.entities('warehouses')).toEqual([]);
			expect(out).toEqual([{ id: ids.warehouseId, deleted: true, status: 204, message: 'Warehouse deleted successfully.' }]);
		},
	},
	{
		name: 'warehouse connect source',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'connectSource', warehouseId: rl(ids.warehouseId), sourceId: rl(ids.sourceId) }),
		steps: (ids) => [{ method: 'POST', path: `/warehouses/${ids.warehouseId}/connected-sources/${ids.sourceId}`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([{ warehouseId: ids.warehouseId, sourceId: ids.sourceId, connected: true }]),
	},
	{
		name: 'warehouse test connection',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'testConnection', warehouseId: rl(ids.warehouseId) }),
		steps: (ids) => [{ method: 'GET', path: `/warehouses/${ids.warehouseId}/connection-state`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([{ id: ids.warehouseId, connectionState: 'CONNECTED' }]),
	},
	{
		name: 'warehouse get syncs',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'listSyncs', warehouseId: rl(ids.warehouseId) }),
		steps: (ids) => [{ method: 'GET', path: `/warehouses/${ids.warehouseId}/syncs`, faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([]),
	},
];
