import type { INodeProperties } from 'n8n-workflow';

import { DAY_MS, GRANULARITIES, spanText, windowProblem, type Granularity, type WindowRules } from '../../shared/monitoring';
import { type Params } from '../../shared/validation';

/** The parameters and readers the monitoring operations share (workspace, destination, source). */

export function granularityProperty(defaultValue: Granularity, description: string): INodeProperties {
	return {
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		default: defaultValue,
		options: [
			{ name: 'Day', value: 'DAY' },
			{ name: 'Hour', value: 'HOUR' },
			{ name: 'Minute', value: 'MINUTE' },
		],
		description,
	};
}

/** Start Time and End Time: n8n date-time parameters, sent as ISO 8601; `empty` says what an empty one means. */
export function timeProperties(empty: { start: string; end: string }): INodeProperties[] {
	return [
		{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '', description: `Where the window starts (inclusive). Empty: ${empty.start}.` },
		{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '', description: `Where the window ends (exclusive). Empty: ${empty.end}.` },
	];
}

/** The Filters collection of a monitoring operation. */
export function filtersProperty(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

export interface TimeWindow {
	granularity: Granularity;
	startMs: number;
	endMs: number;
	/** Whether End Time was given (an empty one may be left to Segment). */
	endGiven: boolean;
}

/** "MINUTE: up to 4 hours, starting within the last 48 hours; …". */
function rulesText(rules: WindowRules): string {
	return GRANULARITIES.slice()
		.reverse()
		.map((granularity) => `${granularity}: up to ${spanText(rules[granularity].range)}, starting within the last ${spanText(rules[granularity].oldest)}`)
		.join('; ');
}

/**
 * The item's window: End Time (empty: `defaultEnd`), Start Time (empty: a day before the end,
 * shortened to what the granularity allows), checked against Segment's `rules` before anything
 * is sent; the error names the parameter and the allowed range.
 */
export function readWindow(params: Params, options: { defaultGranularity?: Granularity; defaultEnd: (nowMs: number) => number; rules?: WindowRules; what?: string }): TimeWindow {
	const granularity = options.defaultGranularity ? params.choice('granularity', 'Granularity', GRANULARITIES, options.defaultGranularity) : 'HOUR';
	const now = Date.now();
	const givenEnd = params.dateTime('endTime', 'End Time');
	const endMs = givenEnd ?? options.defaultEnd(now);
	const endGiven = givenEnd !== undefined;
	const allowed = options.rules ? Math.min(DAY_MS, options.rules[granularity].range) : DAY_MS;
	const startMs = params.dateTime('startTime', 'Start Time') ?? endMs - allowed;
	if (!options.rules) {
		if (startMs >= endMs) throw params.fail('Start Time must be before End Time', 'Move Start Time earlier or End Time later.');
		return { granularity, startMs, endMs, endGiven };
	}
	const problem = windowProblem(options.rules, granularity, startMs, endMs, now);
	if (problem) {
		throw params.fail(`Start Time ${problem}`, `Segment's ${options.what ?? 'windows'} per granularity: ${rulesText(options.rules)}. Change Start Time, End Time or Granularity.`);
	}
	return { granularity, startMs, endMs, endGiven };
}
