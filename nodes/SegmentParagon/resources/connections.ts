import { NodeApiError, NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { segmentPath } from '../../shared/transport/proxyUrl';
import { errorNode } from '../../shared/transport/redact';
import type { Workspace } from '../../shared/transport/workspace';
import type { Params } from '../../shared/validation';
import type { OperationContext, UpsertChange } from './types';

/** Segment connects a new warehouse to every source (and a new source to every warehouse) unless told otherwise. */
export const CONNECT_CHOICES = ['all', 'none', 'selected'] as const;
export type ConnectChoice = (typeof CONNECT_CHOICES)[number];
const CONNECT_DEFAULT: ConnectChoice = 'all';

interface ConnectOnCreate {
	/** e.g. `connectSources` */
	name: string;
	/** e.g. `sourceIds` */
	idsName: string;
	/** What gets connected: `source` or `warehouse`. */
	other: 'source' | 'warehouse';
	/** The resource being created: `warehouse` or `source`. */
	own: 'warehouse' | 'source';
	loadOptionsMethod: string;
}

function title(word: string): string {
	return word[0].toUpperCase() + word.slice(1);
}

/** The create parameters that choose what the new entity is connected to. */
export function connectOnCreateProperties(config: ConnectOnCreate): INodeProperties[] {
	const others = `${config.other}s`;
	return [
		{
			displayName: `Connect ${title(others)}`,
			name: config.name,
			type: 'options',
			default: CONNECT_DEFAULT,
			options: [
				{ name: `All ${title(others)}`, value: 'all', description: `Segment's default: the new ${config.own} is connected to every ${config.other} of the workspace` },
				{ name: 'None', value: 'none', description: `Connected to no ${config.other}` },
				{ name: `Selected ${title(others)}`, value: 'selected', description: `Connected only to the ${others} picked below` },
			],
			description: `Which ${others} the new ${config.own} is connected to; Segment connects all of them unless told otherwise`,
		},
		{
			displayName: `${title(config.other)} Names or IDs`,
			name: config.idsName,
			type: 'multiOptions',
			default: [],
			typeOptions: { loadOptionsMethod: config.loadOptionsMethod },
			// Not `required`: it depends on Connect ..., which may be an expression; checked when the node runs.
			displayOptions: { show: { [config.name]: ['selected'] } },
			description: `The ${others} to connect. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
	];
}

/** The connection choice of a create, and the picked ids for `selected` (never empty). */
export function readConnectChoice(params: Params, config: ConnectOnCreate): { choice: ConnectChoice; ids: string[] } {
	const label = `Connect ${title(config.other)}s`;
	const choice = params.choice(config.name, label, CONNECT_CHOICES, CONNECT_DEFAULT);
	const ids = choice === 'selected' ? params.idList(config.idsName, `${title(config.other)} IDs`) : [];
	return { choice, ids };
}

/** Connects a source to a warehouse; Segment's NOT_CONNECTED is an error that says so. */
export async function connectSourceToWarehouse(workspace: Workspace, params: Params, warehouseId: string, sourceId: string): Promise<void> {
	const data = await workspace.client.request<IDataObject>(
		{
			method: 'POST',
			path: segmentPath('warehouses', warehouseId, 'connected-sources', sourceId),
			notFound: `Warehouse ${warehouseId} or source ${sourceId}`,
		},
		params.itemIndex,
	);
	if (data.status !== 'CONNECTED') {
		throw params.fail(
			`Segment did not connect source ${sourceId} to warehouse ${warehouseId} (status ${String(data.status ?? 'missing')})`,
			'Check in Segment that the source can load into this warehouse (its plan and the warehouse\'s settings), then connect it again.',
		);
	}
}

/**
 * Segment's 404 on a warehouse-source pair does not say which id it did not find: one GET of the
 * warehouse tells (made only after such a 404). Returns the error to throw.
 */
export async function missingOfPair(context: OperationContext, error: unknown, warehouseId: string, sourceId: string): Promise<unknown> {
	const pairMissing = `Warehouse ${warehouseId} or source ${sourceId} was not found`;
	if (!(error instanceof NodeApiError) || error.message !== pairMissing) return error;
	try {
		await context.workspace.client.request({ method: 'GET', path: segmentPath('warehouses', warehouseId), notFound: `Warehouse ${warehouseId}` }, context.params.itemIndex);
	} catch (lookup) {
		return lookup;
	}
	error.message = `Source ${sourceId} was not found`;
	return error;
}

/**
 * An entity was created, but a later step failed: say so with its id, what is left undone and
 * how to finish, so nobody creates it twice.
 */
export function createdButUnfinished(context: OperationContext, what: string, id: string, undone: string, error: unknown, finish: string): NodeOperationError {
	const { params, fn } = context;
	const detail = (error as { description?: string }).description;
	const cause = String((error as Error).message ?? error).replace(/ \(item \d+\)$/, '');
	return new NodeOperationError(errorNode(fn.getNode()), `${what} ${id} was created, but ${undone}: ${cause} (item ${params.itemIndex})`, {
		itemIndex: params.itemIndex,
		description: `The ${what.toLowerCase()} exists in Segment (id ${id}). ${finish} Do not run Create again: it would make a second one.${detail ? ` What failed: ${detail}` : ''}`,
	});
}

/** A step after a create (naming it, labelling it, its mappings): what is left undone when it fails. */
export interface CreateStep {
	undone: string;
	run(): Promise<void>;
}

/**
 * Runs the steps that follow a create, in order. When one fails, the error says the entity exists
 * (its id), which steps are left undone (`describe` words them) and how to finish.
 */
export async function finishCreate(context: OperationContext, what: string, id: string, steps: CreateStep[], describe: (undone: string[]) => string, finish: string): Promise<void> {
	for (const [index, step] of steps.entries()) {
		try {
			await step.run();
		} catch (error) {
			throw createdButUnfinished(context, what, id, describe(steps.slice(index).map((left) => left.undone)), error, finish);
		}
	}
}

/**
 * Create or Update on an entity that exists: the calls that give it exactly the connections
 * chosen (None: none; Selected: the picked ones), after one read of its connections (all pages).
 * All, Segment's default for a new entity, leaves them as they are and reads nothing.
 */
export async function connectionChanges(context: OperationContext, config: ConnectOnCreate, choice: ConnectChoice, picked: string[], ownId: string): Promise<UpsertChange[]> {
	if (choice === 'all') return [];
	const { params, workspace } = context;
	const others = `${config.other}s`;
	const path = segmentPath(`${config.own}s`, ownId, `connected-${others}`);
	const connected = (await workspace.list(path, others, {}, params.itemIndex, `${title(config.own)} ${ownId}`)).map((entity) => String(entity.id));
	const pair = (otherId: string) => (config.own === 'warehouse' ? { warehouseId: ownId, sourceId: otherId } : { warehouseId: otherId, sourceId: ownId });
	const connect = picked.filter((id) => !connected.includes(id)).map((id): UpsertChange => {
		const { warehouseId, sourceId } = pair(id);
		return { what: `its connection to ${config.other} ${id}`, send: () => connectSourceToWarehouse(workspace, params, warehouseId, sourceId) };
	});
	const disconnect = connected.filter((id) => !picked.includes(id)).map((id): UpsertChange => {
		const { warehouseId, sourceId } = pair(id);
		return {
			what: `the removal of its connection to ${config.other} ${id}`,
			send: async () => {
				await workspace.client.request(
					{ method: 'DELETE', path: segmentPath('warehouses', warehouseId, 'connected-sources', sourceId), notFound: `Warehouse ${warehouseId} or source ${sourceId}` },
					params.itemIndex,
				);
			},
		};
	});
	return [...connect, ...disconnect];
}
