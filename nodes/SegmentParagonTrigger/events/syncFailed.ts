import type { IDataObject } from 'n8n-workflow';

import { simplifySync } from '../../shared/entities';
import { MINUTE_MS } from '../../shared/monitoring';
import { segmentPath } from '../../shared/transport/proxyUrl';
import type { Params } from '../../shared/validation';
import type { EventContext, TriggerEvent } from './types';
import { forgetIfDeleted, readWarehouseWatch, warehouseProperties, warehousesToWatch, type WarehouseWatch } from './warehouses';

/** Segment allows 2 calls a minute of GET /warehouses/{id}/syncs (per workspace): the trigger never makes more. */
export const SYNC_READS_PER_MINUTE = 2;
/** One page, the largest Segment gives: a warehouse's reports since its last turn fit in it. */
const REPORTS_PER_READ = 200;
// A report is decided once it has ended; IN_PROGRESS reports wait for their end.
const STATUSES = ['FAILED', 'PARTIAL_SUCCESS', 'SUCCESS'] as const;
type Status = (typeof STATUSES)[number];

interface Config {
	watch: WarehouseWatch;
	statuses: Status[];
}

/**
 * Where the event stands: `since` the first poll (ms); per warehouse, in turn order, the end of
 * the newest finished report already decided (0: none read yet, `since` counts); whose turn is next;
 * when the workspace's warehouse list was last read.
 */
interface SyncState extends IDataObject {
	since: number;
	turn: number;
	listedAt?: number;
	w: Array<[string, number]>;
}

/** When a report ended (ms), or undefined while it runs. */
function endOf(report: IDataObject): number | undefined {
	if (report.status === 'IN_PROGRESS') return undefined;
	const end = Date.parse(String(report.end ?? report.start ?? ''));
	return Number.isNaN(end) ? undefined : end;
}

/** Sync reads left in the last minute, and a note of each one made (kept even if the poll fails). */
function syncReadsLeft(context: EventContext): number {
	const recent = (Array.isArray(context.pacing.syncReads) ? (context.pacing.syncReads as number[]) : []).filter((at) => context.now - at < MINUTE_MS && at <= context.now);
	context.pacing.syncReads = recent;
	return Math.max(0, SYNC_READS_PER_MINUTE - recent.length);
}

async function readReports(context: EventContext, warehouseId: string): Promise<IDataObject[]> {
	const reads = Array.isArray(context.pacing.syncReads) ? (context.pacing.syncReads as number[]) : [];
	context.pacing.syncReads = [...reads, Date.now()];
	const page = await context.workspace.page(segmentPath('warehouses', warehouseId, 'syncs'), 'reports', REPORTS_PER_READ, undefined, 0, `Warehouse ${warehouseId}`);
	return page.entries;
}

/** The known markers in the order of `ids` (a new warehouse starts at 0: reports ended after `since` are new). */
function watchList(previous: Array<[string, number]>, ids: string[]): Array<[string, number]> {
	const markers = new Map(previous);
	return ids.map((id) => [id, markers.get(id) ?? 0]);
}

function byEnd(a: { end: number }, b: { end: number }): number {
	return a.end - b.end;
}

export const syncFailed: TriggerEvent<Config, SyncState> = {
	value: 'syncFailed',
	name: 'Warehouse Sync Failed',
	description: 'Triggers when a warehouse sync ends with a chosen status (Segment allows 2 sync reads a minute: the warehouses are read 2 at a time, in turn)',
	properties: [
		...warehouseProperties,
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			default: ['FAILED'],
			options: [
				{ name: 'Failed', value: 'FAILED' },
				{ name: 'Partial Success', value: 'PARTIAL_SUCCESS' },
				{ name: 'Success', value: 'SUCCESS' },
			],
			description: 'Which ended syncs trigger the workflow',
		},
	],

	read(params: Params): Config {
		return { watch: readWarehouseWatch(params), statuses: params.choices('statuses', 'Statuses', STATUSES) };
	},

	async start(context, config) {
		const listed = await warehousesToWatch(context, config.watch, undefined);
		return { since: context.now, turn: 0, ...(listed?.listedAt === undefined ? {} : { listedAt: listed.listedAt }), w: watchList([], listed?.ids ?? []) };
	},

	async poll(context, config, state) {
		const listed = await warehousesToWatch(context, config.watch, state.listedAt);
		const w = listed ? watchList(state.w, listed.ids) : state.w.map(([id, marker]): [string, number] => [id, marker]);
		const reads = Math.min(syncReadsLeft(context), w.length);
		const found: Array<{ end: number; item: IDataObject }> = [];
		const deleted = new Set<number>();
		let turn = w.length ? state.turn % w.length : 0;
		for (let read = 0; read < reads; read++) {
			const index = (turn + read) % w.length;
			const [warehouseId, marker] = w[index];
			let reports: IDataObject[];
			try {
				reports = await readReports(context, warehouseId);
			} catch (error) {
				forgetIfDeleted(context, config.watch, warehouseId, error);
				deleted.add(index);
				continue;
			}
			const after = marker || state.since;
			let newest = marker;
			for (const report of reports) {
				const end = endOf(report);
				if (end === undefined || end <= after) continue;
				newest = Math.max(newest, end);
				if (config.statuses.includes(report.status as Status)) found.push({ end, item: simplifySync(warehouseId, report) });
			}
			w[index] = [warehouseId, newest];
		}
		turn = w.length ? (turn + reads) % w.length : 0;
		// A deleted warehouse leaves the list; the turn keeps pointing at the same next warehouse.
		const kept = w.filter((_, index) => !deleted.has(index));
		turn = kept.length ? (turn - [...deleted].filter((index) => index < turn).length + kept.length) % kept.length : 0;
		found.sort(byEnd);
		const listedAt = listed?.listedAt ?? state.listedAt;
		return { items: found.map(({ item }) => item), state: { since: state.since, turn, ...(listedAt === undefined ? {} : { listedAt }), w: kept } };
	},

	async sample(context, config) {
		const listed = await warehousesToWatch(context, config.watch, undefined);
		const ids = (listed?.ids ?? []).slice(0, SYNC_READS_PER_MINUTE);
		const found: Array<{ end: number; item: IDataObject }> = [];
		for (const warehouseId of ids) {
			let reports: IDataObject[] = [];
			try {
				reports = await readReports(context, warehouseId);
			} catch (error) {
				forgetIfDeleted(context, config.watch, warehouseId, error);
			}
			for (const report of reports) {
				const end = endOf(report);
				if (end !== undefined && config.statuses.includes(report.status as Status)) found.push({ end, item: simplifySync(warehouseId, report) });
			}
		}
		found.sort(byEnd);
		if (found.length) return found[found.length - 1].item;
		const where = ids.length ? `warehouse${ids.length > 1 ? 's' : ''} ${ids.join(', ')}` : 'this workspace (it has no warehouses)';
		throw context.params.fail(
			`No sync with status ${config.statuses.join(' or ')} in ${where} yet`,
			`Segment allows 2 sync reads a minute, so Fetch Test Event reads the reports of at most ${SYNC_READS_PER_MINUTE} warehouses: pick others under Warehouses > Selected Warehouses to test them, or add a status.`,
		);
	},
};
