import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { mapItems } from '../../../shared/mapItems';
import { syncHasEnded } from '../../../shared/reverseEtl';
import { pacingClock } from '../../../shared/transport/pacer';
import { errorNode } from '../../../shared/transport/redact';
import type { Workspace } from '../../../shared/transport/workspace';
import { readSyncStatus } from './syncCalls';

// Reads of syncs due at the same moment go out this many at a time (one client per Paragon user paces 429s).
const READS_AT_ONCE = 5;

/** One started sync to wait out, as the item asked. */
export interface SyncWait {
	itemIndex: number;
	workspace: Workspace;
	modelId: string;
	mappingId: string;
	syncId: string;
	pollMs: number;
	timeoutMs: number;
	failOnSyncError: boolean;
	/** When the sync was started, on the waiting clock. */
	startedAt: number;
}

interface Waiting extends SyncWait {
	index: number;
	deadline: number;
	nextRead: number;
	lastStatus: string;
}

/** "sync s1 (item 0, model m1)": how messages name a sync. */
const named = (sync: SyncWait) => `sync ${sync.syncId} (item ${sync.itemIndex}, model ${sync.modelId}, mapping ${sync.mappingId})`;

function syncFailed(node: INode, sync: Waiting, status: IDataObject): NodeOperationError {
	const error = typeof status.error === 'string' && status.error ? status.error : 'Segment gave no error message';
	const code = typeof status.errorCode === 'string' && status.errorCode ? ` (${status.errorCode})` : '';
	return new NodeOperationError(errorNode(node), `Reverse ETL sync ${sync.syncId} of model ${sync.modelId} failed: ${error}${code} (item ${sync.itemIndex})`, {
		itemIndex: sync.itemIndex,
		description: `Segment ended the sync of mapping ${sync.mappingId} with FAIL${status.duration ? ` after ${String(status.duration)}` : ''}. Fix the cause and start it again; to get the failed sync as an item instead of an error, turn off Options > Fail on Sync Error.`,
	});
}

function timedOut(node: INode, sync: Waiting): NodeOperationError {
	const minutes = sync.timeoutMs / 60_000;
	return new NodeOperationError(errorNode(node), `Reverse ETL sync ${sync.syncId} of model ${sync.modelId} did not end within ${minutes} minute${minutes === 1 ? '' : 's'} (last status: ${sync.lastStatus}) (item ${sync.itemIndex})`, {
		itemIndex: sync.itemIndex,
		description: `The sync of mapping ${sync.mappingId} is still running in Segment. Read it later with Get Sync Status (model ${sync.modelId}, sync ${sync.syncId}), or raise Options > Timeout.`,
	});
}

/** A read that failed (after the transport's retries): the sync was started and may still run; the error says which. */
function readFailed(error: unknown, sync: Waiting): Error {
	const target = error as { description?: string | null };
	const note = `Sync ${sync.syncId} of model ${sync.modelId} was started and may still be running in Segment: read it with Get Sync Status rather than starting it again.`;
	if (target && typeof target === 'object') target.description = target.description ? `${target.description} ${note}` : note;
	return error as Error;
}

function stopped(node: INode, running: Waiting[]): NodeOperationError {
	return new NodeOperationError(errorNode(node), 'The execution was stopped while waiting for reverse ETL syncs', {
		itemIndex: running[0]?.itemIndex,
		description: `Still running in Segment, no longer waited for: ${running.map(named).join('; ')}.`,
	});
}

/** The first failure ends the wait: the other syncs run on in Segment, and the error names them. */
function withOthersRunning(error: Error, running: Waiting[]): Error {
	if (!running.length) return error;
	const target = error as { description?: string | null };
	const note = `Not waited for, still running in Segment: ${running.map(named).join('; ')}.`;
	target.description = target.description ? `${target.description} ${note}` : note;
	return error;
}

/** Reads one due sync: its end (status or error), or when to read it next. */
async function readOnce(node: INode, sync: Waiting, now: number): Promise<IDataObject | Error | undefined> {
	let status: IDataObject;
	try {
		status = await readSyncStatus(sync.workspace, node, sync.modelId, sync.syncId, sync.itemIndex);
	} catch (error) {
		return readFailed(error, sync);
	}
	sync.lastStatus = String(status.syncStatus ?? 'unknown');
	// PARTIAL_SUCCESS ends a sync too: waiting on would only end in a timeout.
	if (syncHasEnded(sync.lastStatus)) return sync.lastStatus === 'FAIL' && sync.failOnSyncError ? syncFailed(node, sync, status) : status;
	if (now >= sync.deadline) return timedOut(node, sync);
	// The next read one interval after this one was due (no drift), at the deadline at the latest.
	sync.nextRead = Math.min(sync.nextRead + sync.pollMs, sync.deadline);
	return undefined;
}

/**
 * Waits out every started sync together: one read of each sync per its poll interval and no more,
 * the node asleep in between (one sleep for all of them), until each ends or times out. Gives each
 * sync's final status or its error, in the order given; with `stopAtFirstError` the first error
 * is thrown at once. Stopping the execution (`signal`) ends the wait at once.
 */
export async function waitForSyncs(node: INode, syncs: SyncWait[], { signal, stopAtFirstError }: { signal?: AbortSignal; stopAtFirstError: boolean }): Promise<Array<IDataObject | Error>> {
	const clock = pacingClock();
	const outcomes = new Array<IDataObject | Error | undefined>(syncs.length);
	let open: Waiting[] = syncs.map((sync, index) => {
		const deadline = sync.startedAt + sync.timeoutMs;
		return { ...sync, index, deadline, nextRead: Math.min(sync.startedAt + sync.pollMs, deadline), lastStatus: 'not read yet' };
	});
	while (open.length) {
		const wait = Math.min(...open.map((sync) => sync.nextRead)) - clock.now();
		try {
			if (signal?.aborted) throw signal.reason;
			if (wait > 0) await clock.sleep(wait, signal);
		} catch {
			throw stopped(node, open);
		}
		const now = clock.now();
		const due = open.filter((sync) => sync.nextRead <= now);
		const read = await mapItems(due.length, READS_AT_ONCE, async (at) => await readOnce(node, due[at], now));
		due.forEach((sync, at) => (outcomes[sync.index] = read[at]));
		if (signal?.aborted) throw stopped(node, open);
		open = open.filter((sync) => outcomes[sync.index] === undefined);
		const failure = stopAtFirstError ? due.map((sync) => outcomes[sync.index]).find((outcome) => outcome instanceof Error) : undefined;
		if (failure) throw withOthersRunning(failure as Error, open);
	}
	return outcomes as Array<IDataObject | Error>;
}
