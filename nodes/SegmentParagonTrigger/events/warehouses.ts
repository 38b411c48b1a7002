import { NodeApiError, type INodeProperties } from 'n8n-workflow';

import { segmentPath } from '../../shared/transport/proxyUrl';
import type { Params } from '../../shared/validation';
import type { EventContext } from './types';

/** Which warehouses an event watches: every one of the workspace, or those picked. */
export interface WarehouseWatch {
	choice: 'all' | 'selected';
	/** The picked ones (`selected`); empty for `all`. */
	ids: string[];
}

const CHOICES = ['all', 'selected'] as const;
/** The workspace's warehouse list is read at most this often (new and deleted warehouses show up within it). */
export const LIST_EVERY_MS = 3_600_000;

export const warehouseProperties: INodeProperties[] = [
	{
		displayName: 'Warehouses',
		name: 'warehouses',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All Warehouses', value: 'all', description: 'Every warehouse of the workspace (the list is read at most once an hour)' },
			{ name: 'Selected Warehouses', value: 'selected', description: 'Only the warehouses picked below' },
		],
		description: 'Which warehouses to watch',
	},
	{
		displayName: 'Warehouse Names or IDs',
		name: 'warehouseIds',
		type: 'multiOptions',
		default: [],
		typeOptions: { loadOptionsMethod: 'getWarehouses' },
		// Not `required`: it depends on Warehouses, which may be an expression; checked when the trigger polls.
		displayOptions: { show: { warehouses: ['selected'] } },
		description: 'The warehouses to watch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export function readWarehouseWatch(params: Params): WarehouseWatch {
	const choice = params.choice('warehouses', 'Warehouses', CHOICES, 'all');
	return { choice, ids: choice === 'selected' ? params.idList('warehouseIds', 'Warehouse IDs') : [] };
}

/**
 * The warehouses to watch now: the picked ones, or the workspace's list when the last one read is
 * an hour old (or there is none). Undefined: keep watching the ones already known.
 */
export async function warehousesToWatch(context: EventContext, watch: WarehouseWatch, listedAt: number | undefined): Promise<{ ids: string[]; listedAt?: number } | undefined> {
	if (watch.choice === 'selected') return { ids: watch.ids };
	if (listedAt !== undefined && context.now - listedAt < LIST_EVERY_MS && context.now >= listedAt) return undefined;
	const warehouses = await context.workspace.list(segmentPath('warehouses'), 'warehouses', {}, 0);
	return { ids: warehouses.map((warehouse) => String(warehouse.id)), listedAt: context.now };
}

/** Segment answered 404 for this warehouse: it was deleted (or never existed). */
export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/**
 * A warehouse that vanished: with `all` it is dropped (the workspace changed under the watch);
 * a picked one is an error naming it, since the watch can no longer do what was asked.
 */
export function forgetIfDeleted(context: EventContext, watch: WarehouseWatch, warehouseId: string, error: unknown): void {
	if (watch.choice === 'all' && isNotFound(error)) return;
	if (isNotFound(error)) {
		throw context.params.fail(`Warehouse ${warehouseId} was not found`, 'It may have been deleted in Segment: remove it from Warehouse Names or IDs, or watch All Warehouses.');
	}
	// The poll turns it into the node's error (pollError) on its way out.
	throw error;
}
