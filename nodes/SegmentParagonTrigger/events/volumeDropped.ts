import type { IDataObject } from 'n8n-workflow';

import { DAY_MS, isoTime, listQuery } from '../../shared/monitoring';
import { segmentPath } from '../../shared/transport/proxyUrl';
import type { Params } from '../../shared/validation';
import type { EventContext, TriggerEvent } from './types';
import { countIn, lastWindow, MAX_WINDOW_MINUTES, shifted, windowOf, windowProperty, type CountWindow } from './window';

const WEEK_MS = 7 * DAY_MS;
/** Sources in an open incident are remembered up to this many (a deleted source stays until then). */
const MAX_QUIET = 2000;

interface Config {
	/** Empty: every source with volume. */
	sourceIds: string[];
	windowMinutes: number;
	minimumEvents: number;
	/** A drop of this many percent against the same window a week earlier; undefined: not compared. */
	dropPercent?: number;
}

/** The sources in an open incident: each is emitted once, and armed again when it recovers. */
interface VolumeState extends IDataObject {
	quiet: string[];
}

interface SourceVolume {
	sourceId: string;
	sourceName: string | null;
	events: number;
	previousWeekEvents: number | null;
}

/**
 * One GET /events/volume by source. It covers the window and the one before it (a source that
 * stopped sending still shows, with its earlier minutes), or with Drop Percent the week before.
 */
async function readVolumes(context: EventContext, config: Config): Promise<{ window: CountWindow; volumes: SourceVolume[] }> {
	// A week of minutes would be 10,080 points a source: the comparison with last week counts hours.
	const window = lastWindow(context.now, config.windowMinutes, config.dropPercent !== undefined);
	const startMs = config.dropPercent === undefined ? window.startMs - (window.endMs - window.startMs) : window.startMs - WEEK_MS;
	const data = await context.workspace.client.request<{ result?: IDataObject[] }>(
		{
			method: 'GET',
			path: segmentPath('events', 'volume'),
			qs: { granularity: window.granularity, startTime: isoTime(startMs), endTime: isoTime(window.endMs), ...listQuery('groupBy', ['source']), ...listQuery('sourceId', config.sourceIds) },
		},
		0,
	);
	const bySource = new Map<string, SourceVolume>();
	for (const entry of Array.isArray(data.result) ? data.result : []) {
		const source = (entry.source as IDataObject | undefined) ?? {};
		if (typeof source.id !== 'string') continue;
		bySource.set(source.id, {
			sourceId: source.id,
			sourceName: typeof source.name === 'string' ? source.name : null,
			events: countIn(entry.series, window),
			previousWeekEvents: config.dropPercent === undefined ? null : countIn(entry.series, shifted(window, WEEK_MS)),
		});
	}
	// A picked source Segment has no count for sent nothing.
	for (const sourceId of config.sourceIds) {
		if (!bySource.has(sourceId)) bySource.set(sourceId, { sourceId, sourceName: null, events: 0, previousWeekEvents: config.dropPercent === undefined ? null : 0 });
	}
	return { window, volumes: [...bySource.values()] };
}

/** Why a source is in an incident now, or undefined when it is not. */
function reasonOf(config: Config, volume: SourceVolume): 'belowMinimum' | 'dropped' | undefined {
	if (volume.events < config.minimumEvents) return 'belowMinimum';
	const before = volume.previousWeekEvents;
	if (config.dropPercent !== undefined && before && volume.events < before * (1 - config.dropPercent / 100)) return 'dropped';
	return undefined;
}

function itemOf(config: Config, window: CountWindow, volume: SourceVolume, reason: string): IDataObject {
	return {
		sourceId: volume.sourceId,
		sourceName: volume.sourceName,
		events: volume.events,
		reason,
		minimumEvents: config.minimumEvents,
		previousWeekEvents: volume.previousWeekEvents,
		dropPercent: config.dropPercent ?? null,
		window: windowOf(window),
	};
}

/** The incidents now, and which sources are quiet after this poll (absent ones keep what they had). */
function assess(config: Config, window: CountWindow, volumes: SourceVolume[], quietBefore: Set<string>) {
	const quiet = new Set(quietBefore);
	const items: IDataObject[] = [];
	for (const volume of volumes) {
		const reason = reasonOf(config, volume);
		if (!reason) quiet.delete(volume.sourceId);
		else if (!quiet.has(volume.sourceId)) {
			quiet.add(volume.sourceId);
			items.push(itemOf(config, window, volume, reason));
		}
	}
	return { items, quiet: [...quiet].slice(-MAX_QUIET) };
}

export const volumeDropped: TriggerEvent<Config, VolumeState> = {
	value: 'volumeDropped',
	name: 'Event Volume Dropped',
	description: 'Triggers once when a source sends fewer events than expected (and again after it recovered and drops again)',
	properties: [
		{
			displayName: 'Source Names or IDs',
			name: 'sourceIds',
			type: 'multiOptions',
			default: [],
			typeOptions: { loadOptionsMethod: 'getSources' },
			description: 'The sources to watch; empty: every source that sent events lately. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		windowProperty('a source\'s events'),
		{
			displayName: 'Minimum Events',
			name: 'minimumEvents',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'A source with fewer events than this in the window has gone quiet',
		},
		{
			displayName: 'Drop Percent',
			name: 'dropPercent',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 0,
			description: 'Also trigger when a source sends this many percent fewer events than in the same window one week earlier (then counted by the hour). 0: not compared.',
		},
	],

	read(params: Params): Config {
		const sourceIds = params.optionalIdList('sourceIds', 'Source IDs');
		const dropPercent = params.integer('dropPercent', 'Drop Percent', 0, 0, 100);
		return {
			sourceIds,
			windowMinutes: params.integer('windowMinutes', 'Window (Minutes)', 60, 1, MAX_WINDOW_MINUTES),
			minimumEvents: params.integer('minimumEvents', 'Minimum Events', 1, 1, Number.MAX_SAFE_INTEGER),
			...(dropPercent ? { dropPercent } : {}),
		};
	},

	scope: (config) => JSON.stringify(config),

	async start(context, config) {
		const { window, volumes } = await readVolumes(context, config);
		return { quiet: assess(config, window, volumes, new Set()).quiet };
	},

	async poll(context, config, state) {
		const { window, volumes } = await readVolumes(context, config);
		const { items, quiet } = assess(config, window, volumes, new Set(state.quiet));
		return { items, state: { quiet } };
	},

	async sample(context, config) {
		const { window, volumes } = await readVolumes(context, config);
		const incidents = volumes.map((volume) => ({ volume, reason: reasonOf(config, volume) })).filter(({ reason }) => reason);
		incidents.sort((a, b) => a.volume.events - b.volume.events);
		if (incidents.length) return itemOf(config, window, incidents[0].volume, incidents[0].reason as string);
		const quietest = [...volumes].sort((a, b) => a.events - b.events)[0];
		throw context.params.fail(
			volumes.length ? `No source is below ${config.minimumEvents} event${config.minimumEvents === 1 ? '' : 's'} in the last ${config.windowMinutes} minutes yet` : 'No source sent events lately: there is nothing to watch yet',
			quietest ? `The quietest of ${volumes.length} source${volumes.length === 1 ? '' : 's'}, ${quietest.sourceName ?? quietest.sourceId}, sent ${quietest.events}. Once the trigger is active it fires when a source falls below.` : 'Send events to a source, or pick the sources to watch.',
		);
	},
};
