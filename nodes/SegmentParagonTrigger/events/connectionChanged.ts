import type { IDataObject } from 'n8n-workflow';

import { warehouseName } from '../../shared/entities';
import { mapItems } from '../../shared/mapItems';
import { segmentPath } from '../../shared/transport/proxyUrl';
import type { Params } from '../../shared/validation';
import { pollError } from './errors';
import type { EventContext, TriggerEvent } from './types';
import { forgetIfDeleted, isNotFound, readWarehouseWatch, warehouseProperties, warehousesToWatch, type WarehouseWatch } from './warehouses';

// A few reads at a time: a workspace of 1,000 warehouses is read in seconds, without a burst.
const CONCURRENT_READS = 5;

interface Config {
	watch: WarehouseWatch;
	emitRecovered: boolean;
}

/** Each watched warehouse's last connection state (1 connected, 0 failed), and when the list was last read. */
interface ConnectionState extends IDataObject {
	listedAt?: number;
	s: Record<string, 0 | 1>;
}

const CONNECTED = 'CONNECTED';
const FAILED = 'FAILED';

/** Connection states now; a warehouse deleted meanwhile (watching all) is left out. */
async function readStates(context: EventContext, watch: WarehouseWatch, ids: string[]): Promise<Map<string, 0 | 1>> {
	const states = new Map<string, 0 | 1>();
	await mapItems(ids.length, CONCURRENT_READS, async (index) => {
		const warehouseId = ids[index];
		try {
			const data = await context.workspace.client.request<IDataObject>(
				{ method: 'GET', path: segmentPath('warehouses', warehouseId, 'connection-state'), notFound: `Warehouse ${warehouseId}` },
				0,
			);
			states.set(warehouseId, data.connectionState === CONNECTED ? 1 : 0);
		} catch (error) {
			forgetIfDeleted(context, watch, warehouseId, error);
		}
	});
	return states;
}

/** The warehouse's name, read only for a change (one GET); null when it is gone. */
async function nameOf(context: EventContext, warehouseId: string): Promise<string | null> {
	try {
		const data = await context.workspace.client.request<{ warehouse: IDataObject }>(
			{ method: 'GET', path: segmentPath('warehouses', warehouseId), notFound: `Warehouse ${warehouseId}`, entity: 'warehouse' },
			0,
		);
		return warehouseName(data.warehouse);
	} catch (error) {
		if (isNotFound(error)) return null;
		// n8n's lint wants a node error here; runPoll hands a node error on as it is.
		throw pollError(context.fn.getNode(), error);
	}
}

function stateName(state: 0 | 1 | undefined): string | null {
	return state === undefined ? null : state ? CONNECTED : FAILED;
}

async function changeItem(context: EventContext, warehouseId: string, now: 0 | 1, before: 0 | 1 | undefined): Promise<IDataObject> {
	return {
		warehouseId,
		warehouseName: await nameOf(context, warehouseId),
		connectionState: stateName(now),
		previousState: stateName(before),
		change: now ? 'recovered' : 'failed',
	};
}

export const connectionChanged: TriggerEvent<Config, ConnectionState> = {
	value: 'connectionChanged',
	name: 'Warehouse Connection Changed',
	description: 'Triggers when Segment can no longer connect to a warehouse (and, if chosen, when it can again)',
	properties: [
		...warehouseProperties,
		{
			displayName: 'Emit Recovered',
			name: 'emitRecovered',
			type: 'boolean',
			default: false,
			description: 'Whether to trigger also when a failed connection works again',
		},
	],

	read(params: Params): Config {
		return { watch: readWarehouseWatch(params), emitRecovered: params.boolean('emitRecovered', 'Emit Recovered', false) };
	},

	async start(context, config) {
		const listed = await warehousesToWatch(context, config.watch, undefined);
		const states = await readStates(context, config.watch, listed?.ids ?? []);
		return { ...(listed?.listedAt === undefined ? {} : { listedAt: listed.listedAt }), s: Object.fromEntries(states) };
	},

	async poll(context, config, state) {
		const listed = await warehousesToWatch(context, config.watch, state.listedAt);
		const ids = listed ? listed.ids : Object.keys(state.s);
		const states = await readStates(context, config.watch, ids);
		const items: IDataObject[] = [];
		for (const [warehouseId, now] of states) {
			const before = Object.prototype.hasOwnProperty.call(state.s, warehouseId) ? state.s[warehouseId] : undefined;
			// A warehouse watched for the first time counts as connected before: a failed one is news.
			const failed = !now && before !== 0;
			const recovered = now && before === 0 && config.emitRecovered;
			if (failed || recovered) items.push(await changeItem(context, warehouseId, now, before));
		}
		const listedAt = listed?.listedAt ?? state.listedAt;
		return { items, state: { ...(listedAt === undefined ? {} : { listedAt }), s: Object.fromEntries(states) } };
	},

	async sample(context, config) {
		const listed = await warehousesToWatch(context, config.watch, undefined);
		const ids = listed?.ids ?? [];
		const states = await readStates(context, config.watch, ids);
		const failedId = ids.find((id) => states.get(id) === 0);
		if (failedId !== undefined) return await changeItem(context, failedId, 0, undefined);
		throw context.params.fail(
			ids.length ? `All ${states.size} watched warehouse${states.size === 1 ? ' is' : 's are'} connected: no connection has failed yet` : 'This workspace has no warehouses to watch yet',
			'Fetch Test Event shows a warehouse whose connection failed. Once the trigger is active, it fires when a connection fails' + (config.emitRecovered ? ' or works again.' : '.'),
		);
	},
};
