/**
 * The monitoring operations (SPEC §4.12) in the fault matrix: each Segment call they make meets
 * every fault — a read, so each retryable fault is retried and the item still comes out. Listed in
 * index.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import type { Scenario } from './types';

export const MONITORING_SCENARIOS: Scenario[] = [
	{
		name: 'workspace get',
		parameters: () => ({ resource: 'workspace', operation: 'get' }),
		steps: () => [{ method: 'GET', path: '/', faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([{ id: expect.any(String), slug: 'sandbox-workspace-us', name: 'Sandbox Workspace US' }]),
	},
	{
		name: 'workspace get audit events',
		parameters: () => ({ resource: 'workspace', operation: 'getAuditEvents', filters: { resourceType: 'source' } }),
		steps: () => [{ method: 'GET', path: '/audit-events', faulted: true }],
		// The arranged source: created, named, its labels set (newest first).
		succeeded: (_sandbox, ids, out) => expect(out.map((event) => [event.type, event.resourceId])).toEqual([['Source Modified', ids.sourceId], ['Source Modified', ids.sourceId], ['Source Created', ids.sourceId]]),
	},
	{
		name: 'workspace get event volume',
		parameters: () => ({ resource: 'workspace', operation: 'getEventVolume', granularity: 'DAY' }),
		steps: () => [{ method: 'GET', path: '/events/volume', faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([{ total: 0, series: expect.any(Array) }]),
	},
	{
		name: 'workspace get usage',
		parameters: () => ({ resource: 'workspace', operation: 'getUsage', metric: 'apiCalls', limit: 1 }),
		steps: () => [{ method: 'GET', path: '/usage/api-calls/daily', faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([{ apiCalls: 0, timestamp: expect.any(String) }]),
	},
	{
		name: 'destination get delivery metrics (its own source)',
		parameters: (ids) => ({ resource: 'destination', operation: 'getDeliveryMetrics', destinationId: rl(ids.destinationId) }),
		steps: (ids) => [
			{ method: 'GET', path: `/destinations/${ids.destinationId}`, faulted: true },
			{ method: 'GET', path: `/destinations/${ids.destinationId}/delivery-metrics`, faulted: true },
		],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([expect.objectContaining({ destinationId: ids.destinationId, sourceId: ids.sourceId, metrics: expect.any(Array) })]),
	},
	{
		name: 'source get delivery overview (failed delivery)',
		parameters: (ids) => ({ resource: 'source', operation: 'getDeliveryOverview', sourceId: rl(ids.sourceId), step: 'failedDelivery', destinationId: rl(ids.destinationId) }),
		steps: () => [{ method: 'GET', path: '/delivery-overview/failed-delivery', faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([expect.objectContaining({ sourceId: ids.sourceId, destinationId: ids.destinationId, total: 0, dataset: [expect.any(Object) as IDataObject] })]),
	},
];
