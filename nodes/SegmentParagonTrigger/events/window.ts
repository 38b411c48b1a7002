import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { HOUR_MS, isoTime, MINUTE_MS, toCount } from '../../shared/monitoring';

/**
 * The window an incident event looks at: the last `minutes` Segment has counted. It ends a minute
 * before now (Segment advises lagging a minute behind the clock); up to an hour it is counted by
 * the minute, longer ones (or `byHour`) by the hour, in whole hours ending at the last full hour.
 */
export interface CountWindow {
	granularity: 'MINUTE' | 'HOUR';
	startMs: number;
	endMs: number;
}

/** Longer windows are counted by the hour. */
export const MINUTE_WINDOW_MAX = 60;
/** Segment's delivery overview reaches back 14 days by the hour. */
export const MAX_WINDOW_MINUTES = 14 * 24 * 60;

export function lastWindow(nowMs: number, minutes: number, byHour = false): CountWindow {
	if (minutes <= MINUTE_WINDOW_MAX && !byHour) {
		const endMs = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
		return { granularity: 'MINUTE', startMs: endMs - minutes * MINUTE_MS, endMs };
	}
	const endMs = Math.floor((nowMs - MINUTE_MS) / HOUR_MS) * HOUR_MS;
	return { granularity: 'HOUR', startMs: endMs - Math.ceil(minutes / 60) * HOUR_MS, endMs };
}

/** The same window `shiftMs` earlier. */
export function shifted(window: CountWindow, shiftMs: number): CountWindow {
	return { ...window, startMs: window.startMs - shiftMs, endMs: window.endMs - shiftMs };
}

/** How an item describes its window. */
export function windowOf(window: CountWindow): IDataObject {
	return { start: isoTime(window.startMs), end: isoTime(window.endMs), minutes: (window.endMs - window.startMs) / MINUTE_MS };
}

/** Segment's counts may come as text: as a number (anything else counts 0). */
export function countOf(value: unknown): number {
	const n = toCount(value);
	return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** The sum of a series' points `[{time, count}]` whose time falls in the window. */
export function countIn(series: unknown, window: CountWindow): number {
	if (!Array.isArray(series)) return 0;
	let total = 0;
	for (const point of series as IDataObject[]) {
		const at = Date.parse(String(point.time ?? ''));
		if (at >= window.startMs && at < window.endMs) total += countOf(point.count);
	}
	return total;
}

export function windowProperty(what: string): INodeProperties {
	return {
		displayName: 'Window (Minutes)',
		name: 'windowMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_WINDOW_MINUTES },
		default: 60,
		description: `How far back to count ${what}, ending a minute ago. Up to 60 minutes counts by the minute; longer windows count whole hours, up to the last full hour.`,
	};
}
