/**
 * Destination mappings (issue 18) in the fault matrix: every call of create, update (its two
 * reads, then the wrapped PATCH), delete, list and Create or Update on an Actions destination,
 * which each scenario arranges itself (with one mapping).
 */
import type { IDataObject } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import { catalogId, segmentApi, type Sandbox } from '../../helpers/world';
import type { Ids, Scenario } from './types';

const ACTIONS_DESTINATION = 'actions-amplitude';

/** An Amplitude (Actions) destination on the arranged source, with one mapping. */
async function arrangeMapping(sandbox: Sandbox, ids: Ids): Promise<Ids> {
	const destination = (await segmentApi(sandbox, 'POST', '/destinations', { sourceId: ids.sourceId, metadataId: catalogId(sandbox, 'destinations', ACTIONS_DESTINATION), name: 'Amplitude', enabled: true, settings: {} })).destination as IDataObject;
	const action = ((destination.metadata as IDataObject).actions as IDataObject[]).find((candidate) => candidate.slug === 'logEventV2')!;
	const mapping = (await segmentApi(sandbox, 'POST', `/destinations/${String(destination.id)}/subscriptions`, { name: 'Existing', actionId: action.id, trigger: 'type = "track"', enabled: true, settings: { event_type: { '@path': '$.event' } } })).destinationSubscription as IDataObject;
	sandbox.clearRequests();
	return { ...ids, actionsDestinationId: String(destination.id), mappingId: String(mapping.id) };
}

const mappingsOf = (sandbox: Sandbox, ids: Ids) => sandbox.subscriptions(ids.actionsDestinationId!);
const base = (ids: Ids) => `/destinations/${ids.actionsDestinationId}`;
const op = (ids: Ids, operation: string, extra: IDataObject = {}) => ({ resource: 'destinationMapping', operation, destinationId: rl(ids.actionsDestinationId!), ...extra });
const createParameters = { name: 'Orders', action: rl('logEventV2'), trigger: 'event = "Order Completed"', fieldsMode: 'json', settings: '{"event_type": {"@template": "Order {{properties.order_id}}"}}' };

export const MAPPING_SCENARIOS: Scenario[] = [
	{
		// One read of the destination (its actions), then the POST.
		name: 'destination mapping create',
		arrange: arrangeMapping,
		count: (sandbox, ids) => mappingsOf(sandbox, ids).length,
		parameters: (ids) => op(ids, 'create', createParameters),
		steps: (ids) => [
			{ method: 'GET', path: base(ids), faulted: true },
			{ method: 'POST', path: `${base(ids)}/subscriptions`, faulted: true, creates: true },
		],
		succeeded: (sandbox, ids, out) => {
			const made = mappingsOf(sandbox, ids).filter((mapping) => mapping.name === 'Orders');
			expect(made).toHaveLength(1);
			expect(out).toEqual(made);
		},
	},
	{
		name: 'destination mapping update (settings)',
		arrange: arrangeMapping,
		parameters: (ids) => op(ids, 'update', { mappingId: ids.mappingId!, updateFields: { settings: '{"platform": "Web"}' } }),
		steps: (ids) => [
			{ method: 'GET', path: base(ids), faulted: true },
			{ method: 'GET', path: `${base(ids)}/subscriptions/${ids.mappingId}`, faulted: true },
			{ method: 'PATCH', path: `${base(ids)}/subscriptions/${ids.mappingId}`, faulted: true },
		],
		succeeded: (sandbox, ids, out) => {
			expect(mappingsOf(sandbox, ids)[0].settings).toEqual({ event_type: { '@path': '$.event' }, platform: 'Web' });
			expect(out).toEqual(mappingsOf(sandbox, ids));
		},
	},
	{
		name: 'destination mapping delete',
		arrange: arrangeMapping,
		parameters: (ids) => op(ids, 'delete', { mappingId: ids.mappingId! }),
		steps: (ids) => [{ method: 'DELETE', path: `${base(ids)}/subscriptions/${ids.mappingId}`, faulted: true }],
		succeeded: (sandbox, ids, out) => {
			expect(mappingsOf(sandbox, ids)).toEqual([]);
			expect(out).toEqual([{ id: ids.mappingId, deleted: true, status: 204, message: 'Destination mapping deleted successfully.' }]);
		},
	},
	{
		name: 'destination mapping list',
		arrange: arrangeMapping,
		parameters: (ids) => op(ids, 'list', { returnAll: true }),
		steps: (ids) => [{ method: 'GET', path: `${base(ids)}/subscriptions`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out.map((mapping) => mapping.id)).toEqual([ids.mappingId]),
	},
	{
		// The key needs the action (one read of the destination), then the list, then the create.
		name: 'destination mapping upsert (no match: create)',
		arrange: arrangeMapping,
		count: (sandbox, ids) => mappingsOf(sandbox, ids).length,
		parameters: (ids) => op(ids, 'upsert', createParameters),
		steps: (ids) => [
			{ method: 'GET', path: base(ids), faulted: true },
			{ method: 'GET', path: `${base(ids)}/subscriptions`, faulted: true },
			{ method: 'POST', path: `${base(ids)}/subscriptions`, faulted: true, creates: true },
		],
		succeeded: (sandbox, ids, out) => {
			expect(mappingsOf(sandbox, ids).map((mapping) => mapping.name)).toEqual(['Existing', 'Orders']);
			expect(out).toEqual([expect.objectContaining({ name: 'Orders', upsert: 'created' })]);
		},
	},
];
