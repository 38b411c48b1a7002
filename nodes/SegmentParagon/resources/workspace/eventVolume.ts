import type { IDataObject } from 'n8n-workflow';

import { EVENT_VOLUME_MAX_ENTRIES, eventVolumePacer, isoTime, listQuery, MINUTE_MS } from '../../../shared/monitoring';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { filtersProperty, granularityProperty, readWindow, timeProperties } from '../monitoring';
import type { OperationDeclaration } from '../types';

const GROUPS = ['source', 'eventName', 'eventType'] as const;
export const EVENT_TYPES = ['alias', 'group', 'identify', 'page', 'screen', 'track'] as const;

/**
 * Get Event Volume: how many events the workspace received, per bucket of the granularity,
 * grouped and filtered (GET /events/volume: one request per item, paced at Segment's 60 a minute;
 * at most 5,000 entries, and a cut result says so on each item).
 */
export const getEventVolume: OperationDeclaration = {
	value: 'getEventVolume',
	name: 'Get Event Volume',
	action: 'Get the event volume of the workspace',
	description: 'Get how many events the Segment workspace received over time, per source, event name or event type (Segment allows 60 calls a minute)',
	properties: [
		granularityProperty('HOUR', 'The size of each bucket of the series'),
		...timeProperties({ start: '24 hours before End Time', end: 'one minute before now (Segment counts late events into the last minute)' }),
		{
			displayName: 'Group By',
			name: 'groupBy',
			type: 'multiOptions',
			default: [],
			options: [
				{ name: 'Event Name', value: 'eventName' },
				{ name: 'Event Type', value: 'eventType' },
				{ name: 'Source', value: 'source' },
			],
			description: 'One output item per combination of these; none: one item for the whole workspace',
		},
		filtersProperty([
			{ displayName: 'Event Names', name: 'eventNames', type: 'string', default: '', placeholder: 'e.g. Order Completed, Page Viewed', description: 'Only these events (names separated by commas, or a list from an expression)' },
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'multiOptions',
				default: [],
				options: EVENT_TYPES.map((type) => ({ name: type[0].toUpperCase() + type.slice(1), value: type })),
				description: 'Only events of these types',
			},
			{
				displayName: 'Source Names or IDs',
				name: 'sourceIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getSources' },
				default: [],
				description: 'Only events of these sources. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		]),
	],
	async run({ params, workspace }) {
		const { granularity, startMs, endMs } = readWindow(params, { defaultGranularity: 'HOUR', defaultEnd: (now) => now - MINUTE_MS });
		const groupBy = params.optionalChoices('groupBy', 'Group By', GROUPS);
		const sourceIds = params.optionalIdList('filters.sourceIds', 'Filters > Sources');
		const eventNames = params.textList('filters.eventNames', 'Filters > Event Names');
		const eventTypes = params.optionalChoices('filters.eventTypes', 'Filters > Event Types', EVENT_TYPES);
		const qs: IDataObject = {
			granularity,
			startTime: isoTime(startMs),
			endTime: isoTime(endMs),
			...listQuery('groupBy', groupBy),
			...listQuery('sourceId', sourceIds),
			...listQuery('eventName', eventNames),
			...listQuery('eventType', eventTypes),
		};
		const data = await workspace.client.request({ method: 'GET', path: segmentPath('events', 'volume'), qs, pacer: await eventVolumePacer(workspace) }, params.itemIndex);
		const result = Array.isArray(data.result) ? (data.result as IDataObject[]) : [];
		// Segment stops at 5,000 entries: a full answer may be cut, and each item says so.
		const truncated = result.length >= EVENT_VOLUME_MAX_ENTRIES;
		return result.map((entry) => (truncated ? { ...entry, truncated: true } : entry));
	},
};
