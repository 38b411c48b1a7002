/**
 * What each event's benchmark run makes happen in the sandbox, a poll a minute (poll.ts polls and
 * counts): failed syncs, connections going down and up, 10,000 audit events a day, sources going
 * quiet, a destination failing, reverse ETL syncs failing — each record or incident must be
 * emitted exactly once.
 */
import type { IDataObject } from 'n8n-workflow';

import { arrangeReverseEtl, type ReverseEtlSandbox } from '../../helpers/reverseEtl';
import type { Sandbox } from '../../helpers/world';
import { MINUTE, pollMany, random, TRIGGER_POLLS, withTrigger, type EventFigures, type Run } from './poll';

/** The sandbox's monitoring data (sandbox/README.md, Monitoring). */
interface MonitoringSandbox extends Sandbox {
	addAuditEvents(events: IDataObject[]): IDataObject[];
	setEventVolume(spec: IDataObject): unknown;
	setDeliveryCounts(spec: IDataObject): unknown;
}
const monitoring = (run: Run) => run.sandbox as MonitoringSandbox;

/** The nth incident of `id`: what was caused and what was emitted are counted alike. */
function counter(): (id: string) => string {
	const counts = new Map<string, number>();
	return (id) => {
		const n = (counts.get(id) ?? 0) + 1;
		counts.set(id, n);
		return `${id} #${n}`;
	};
}

/** Warehouse Sync Failed over 1,000 warehouses: a failed report every 5th minute, found within a round of 500 polls. */
function syncFailed(latencyMs: number): Promise<EventFigures> {
	let ids: string[] = [];
	const next = random(21);
	return withTrigger(latencyMs, { event: 'syncFailed', warehouses: 'all', statuses: ['FAILED'] }, (run) => (ids = run.sandbox.bulk('warehouses', 1000)), async (run) => {
		const cause = (poll: number) => {
			if (poll % 5 || poll >= TRIGGER_POLLS) return [];
			const id = ids[Math.floor(next() * ids.length)];
			const start = new Date(run.now - 30_000).toISOString();
			run.sandbox.addSyncReports(id, [{ status: 'FAILED', sourceId: 'src', start, duration: 20 }, { status: 'SUCCESS', sourceId: 'other', start, duration: 10 }]);
			return [`${id} ${start}`];
		};
		// A full round more, so the last reports caused are read too.
		return await pollMany('syncFailed', run, TRIGGER_POLLS + ids.length / 2, cause, (item) => `${String(item.warehouseId)} ${String(item.start)}`);
	});
}

/** Warehouse Connection Changed over 10 warehouses: a connection goes down or up every 10th minute. */
function connectionChanged(latencyMs: number): Promise<EventFigures> {
	let ids: string[] = [];
	const down = new Set<string>();
	const next = random(7);
	const caused = counter();
	const emitted = counter();
	return withTrigger(latencyMs, { event: 'connectionChanged', warehouses: 'all' }, (run) => (ids = run.sandbox.bulk('warehouses', 10)), async (run) => {
		const cause = (poll: number) => {
			if (poll % 10) return [];
			const id = ids[Math.floor(next() * ids.length)];
			if (down.delete(id)) {
				run.sandbox.setConnectionState(id, null);
				return [];
			}
			down.add(id);
			run.sandbox.setConnectionState(id, 'FAILED');
			return [caused(id)];
		};
		return await pollMany('connectionChanged', run, TRIGGER_POLLS, cause, (item) => emitted(String(item.warehouseId)));
	});
}

/** Workspace Changed at 10,000 audit events a day (7 a minute), with a quiet stretch of 100 minutes. */
function auditEvent(latencyMs: number): Promise<EventFigures> {
	return withTrigger(latencyMs, { event: 'auditEvent' }, () => undefined, async (run) => {
		const cause = (poll: number) => {
			if (poll >= 400 && poll < 500) return [];
			const events = Array.from({ length: 7 }, (_v, k) => ({
				type: 'Source Modified',
				resourceType: 'source',
				resourceId: `src_${k}`,
				resourceName: `Source ${k}`,
				actor: 'bench@example.com',
				timestamp: new Date(run.now - MINUTE + 1 + k * 8000).toISOString(),
			}));
			return monitoring(run).addAuditEvents(events).map((event) => String(event.id));
		};
		return await pollMany('auditEvent', run, TRIGGER_POLLS, cause, (item) => String(item.id));
	});
}

/** Event Volume Dropped over 50 sources sending 10 events a minute: every 100 minutes one goes quiet for 30. */
function volumeDropped(latencyMs: number): Promise<EventFigures> {
	let ids: string[] = [];
	const next = random(3);
	const caused = counter();
	const emitted = counter();
	const arrange = (run: Run) => {
		ids = run.sandbox.bulk('sources', 50);
		for (const sourceId of ids) monitoring(run).setEventVolume({ sourceId, eventName: 'Page Viewed', perMinute: 10, from: run.now - 3 * 60 * MINUTE, to: run.now + (TRIGGER_POLLS + 60) * MINUTE });
	};
	return withTrigger(latencyMs, { event: 'volumeDropped', windowMinutes: 60, minimumEvents: 1 }, arrange, async (run) => {
		const cause = (poll: number) => {
			if (poll % 100 !== 50) return [];
			const sourceId = ids[Math.floor(next() * ids.length)];
			// Quiet over the whole window (up to a minute ago) and 30 minutes on: one incident, then it recovers.
			monitoring(run).setEventVolume({ sourceId, perMinute: 0, from: run.now - 62 * MINUTE, to: run.now + 30 * MINUTE });
			return [caused(sourceId)];
		};
		return await pollMany('volumeDropped', run, TRIGGER_POLLS, cause, (item) => emitted(String(item.sourceId)));
	});
}

/** Destination Delivery Failing: every 100 minutes the destination fails 5 deliveries a minute for 20 minutes. */
function deliveryFailing(latencyMs: number): Promise<EventFigures> {
	let destinationId = '';
	const caused = counter();
	const emitted = counter();
	const arrange = (run: Run) => ([destinationId] = run.sandbox.bulk('destinations', 1));
	return withTrigger(latencyMs, () => ({ event: 'deliveryFailing', destinationId: { __rl: true, mode: 'id', value: destinationId }, windowMinutes: 60, minimumFailures: 1 }), arrange, async (run) => {
		const cause = (poll: number) => {
			if (poll % 100 !== 50) return [];
			monitoring(run).setDeliveryCounts({ step: 'failed-delivery', destinationId, discardReason: 'Unauthorized', perMinute: 5, from: run.now - 2 * MINUTE, to: run.now + 20 * MINUTE });
			return [caused(destinationId)];
		};
		return await pollMany('deliveryFailing', run, TRIGGER_POLLS, cause, (item) => emitted(String(item.destinationId)));
	});
}

/**
 * Reverse ETL Sync Failed on one mapping: a sync every 5th minute that runs 7 minutes (so one runs
 * at most polls), every other one ending FAIL; the mapping's history holds a week of syncs before.
 */
function reverseEtlSyncFailed(latencyMs: number): Promise<EventFigures> {
	let modelId = '';
	let mappingId = '';
	const reverseEtl = (run: Run) => run.sandbox as ReverseEtlSandbox;
	const arrange = async (run: Run) => {
		({ modelId, mappingIds: [mappingId] } = await arrangeReverseEtl(run.sandbox));
		const history = Array.from({ length: 7 * 24 }, (_v, hour) => ({ syncStatus: hour % 10 ? 'SUCCESS' : 'FAIL', afterSeconds: 300, startedAt: run.now - (hour + 1) * 60 * MINUTE }) as const);
		reverseEtl(run).addReverseEtlSyncs(mappingId, history);
	};
	const parameters = () => ({ event: 'reverseEtlSyncFailed', modelId: { __rl: true, mode: 'id', value: modelId }, mappingId });
	return withTrigger(latencyMs, parameters, arrange, async (run) => {
		let started = 0;
		const cause = (poll: number) => {
			// None after the last 10 polls: each one caused has ended (and been read) by the end.
			if (poll % 5 || poll >= TRIGGER_POLLS - 10) return [];
			const syncStatus = started++ % 2 ? 'SUCCESS' : 'FAIL';
			const [sync] = reverseEtl(run).addReverseEtlSyncs(mappingId, [{ syncStatus, afterSeconds: 7 * 60, startedAt: run.now - 30_000 }]);
			return syncStatus === 'FAIL' ? [String(sync.syncId)] : [];
		};
		return await pollMany('reverseEtlSyncFailed', run, TRIGGER_POLLS, cause, (item) => String(item.syncId));
	});
}

export const TRIGGER_EVENTS: Record<string, (latencyMs: number) => Promise<EventFigures>> = { syncFailed, connectionChanged, auditEvent, volumeDropped, deliveryFailing, reverseEtlSyncFailed };
