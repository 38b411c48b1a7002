import type { IDataObject } from 'n8n-workflow';

import { SlidingWindowPacer } from './transport/pacer';
import type { Workspace } from './transport/workspace';

/**
 * Segment's monitoring endpoints on the wire (SPEC §4.12), for the action node and the trigger:
 * granularities, the windows Segment allows per granularity, lists in the query, counts sent as
 * text, and the pace of the event-volume endpoint.
 */

export type Granularity = 'DAY' | 'HOUR' | 'MINUTE';
export const GRANULARITIES: readonly Granularity[] = ['DAY', 'HOUR', 'MINUTE'];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** How long a window may be (`range`) and how far back it may start (`oldest`), per granularity. */
export type WindowRules = Record<Granularity, { range: number; oldest: number }>;

/** GET /destinations/{id}/delivery-metrics: minute 4 h within 48 h, hour 7 d, day 14 d. */
export const DELIVERY_METRICS_WINDOWS: WindowRules = {
	MINUTE: { range: 4 * HOUR_MS, oldest: 48 * HOUR_MS },
	HOUR: { range: 7 * DAY_MS, oldest: 7 * DAY_MS },
	DAY: { range: 14 * DAY_MS, oldest: 14 * DAY_MS },
};

/** GET /delivery-overview/…: minute 4 h within 48 h, hour 14 d within 30 d, day 30 d. */
export const DELIVERY_OVERVIEW_WINDOWS: WindowRules = {
	MINUTE: { range: 4 * HOUR_MS, oldest: 48 * HOUR_MS },
	HOUR: { range: 14 * DAY_MS, oldest: 30 * DAY_MS },
	DAY: { range: 30 * DAY_MS, oldest: 30 * DAY_MS },
};

/** "4 hours", "7 days". */
export function spanText(ms: number): string {
	const round = (value: number) => Math.round(value * 10) / 10;
	if (ms >= 3 * DAY_MS) return `${round(ms / DAY_MS)} days`;
	const hours = round(ms / HOUR_MS);
	return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** What breaks a window, said of Start Time (the parameter to change). Undefined when it fits. */
export function windowProblem(rules: WindowRules, granularity: Granularity, startMs: number, endMs: number, nowMs: number): string | undefined {
	if (startMs >= endMs) return 'must be before End Time';
	const rule = rules[granularity];
	if (endMs - startMs > rule.range) {
		return `is ${spanText(endMs - startMs)} before End Time; with granularity ${granularity} Segment allows at most ${spanText(rule.range)}`;
	}
	if (startMs < nowMs - rule.oldest) {
		return `is ${spanText(nowMs - startMs)} ago; with granularity ${granularity} Segment reaches back at most ${spanText(rule.oldest)}`;
	}
	return undefined;
}

/** A list in the query as Segment's SDK sends it: `groupBy[0]=source&groupBy[1]=eventName`. */
export function listQuery(name: string, values: readonly string[]): IDataObject {
	const query: IDataObject = {};
	values.forEach((value, index) => {
		query[`${name}[${index}]`] = value;
	});
	return query;
}

/** An instant as Segment reads it: ISO 8601 in UTC, without milliseconds. */
export function isoTime(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Segment's counts come as text (bigints): as numbers; anything else is left as it came. */
export function toCount(value: unknown): unknown {
	if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
	return value;
}

/** Every count field of an entry turned into a number. */
export function withCounts(entry: IDataObject, fields: readonly string[]): IDataObject {
	const result: IDataObject = { ...entry };
	for (const field of fields) if (field in result) result[field] = toCount(result[field]) as IDataObject[string];
	return result;
}

/** GET /events/volume: 60 calls a minute per workspace, at most 5,000 entries an answer. */
export const EVENT_VOLUME_CALLS_PER_MINUTE = 60;
export const EVENT_VOLUME_MAX_ENTRIES = 5000;

/** The pace of this execution's event-volume calls in one workspace (shared by its items). */
export async function eventVolumePacer(workspace: Workspace): Promise<SlidingWindowPacer> {
	return await workspace.shared('pacer:events/volume', async () => new SlidingWindowPacer(EVENT_VOLUME_CALLS_PER_MINUTE, MINUTE_MS));
}

/** The steps of Segment's delivery overview: the node's value, Segment's path, and whether it needs a destination. */
export const DELIVERY_STEPS = {
	successfullyReceived: { path: 'successfully-received', destination: false },
	failedOnIngest: { path: 'failed-on-ingest', destination: false },
	filteredAtSource: { path: 'filtered-at-source', destination: false },
	filteredAtDestination: { path: 'filtered-at-destination', destination: true },
	failedDelivery: { path: 'failed-delivery', destination: true },
	successfulDelivery: { path: 'successful-delivery', destination: true },
} as const;
export type DeliveryStep = keyof typeof DELIVERY_STEPS;
