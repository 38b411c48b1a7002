/**
 * Bad input of the monitoring operations (SPEC §4.12): dates, granularity, groups, filters, period,
 * Segment's windows, a destination step without a destination — each refused naming the parameter
 * (and the rule or value) and the item, nothing sent. Listed in index.ts.
 */
import type { INodeParameters } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import { expr, type BadInputRows } from './rows';

const workspace = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'workspace', operation, ...extra });
const metrics = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'destination', operation: 'getDeliveryMetrics', destinationId: rl('dst_1'), sourceId: rl('src_1'), ...extra });
const overview = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'source', operation: 'getDeliveryOverview', sourceId: rl('src_1'), ...extra });
const ago = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

export const rows: BadInputRows = {
	refused: [
		['a Start Time that is no date', workspace('getAuditEvents', { startTime: 'yesterday morning' }), /^Start Time is not a date and time: "yesterday morning" \(item 0\)$/],
		['an End Time expression giving an object', workspace('getEventVolume', { endTime: expr('{ a: 1 }') }), /^End Time is not a date and time: an object \(item 0\)$/],
		['a Start Time after End Time (audit events)', workspace('getAuditEvents', { startTime: ago(1), endTime: ago(2) }), /^Start Time must be before End Time \(item 0\)$/],
		['a Start Time after End Time (event volume)', workspace('getEventVolume', { startTime: ago(1), endTime: ago(1) }), /^Start Time must be before End Time \(item 0\)$/],
		['a Granularity from an expression that is none', workspace('getEventVolume', { granularity: expr('"WEEK"') }), /^Granularity must be one of DAY, HOUR, MINUTE, not "WEEK" \(item 0\)$/],
		['a Group By from an expression with an unknown group', workspace('getEventVolume', { groupBy: expr('["source", "country"]') }), /^Group By may only contain source, eventName, eventType; "country" is not one of them \(item 0\)$/],
		['an Event Types filter that is no type', workspace('getEventVolume', { filters: { eventTypes: expr('["click"]') } }), /^Filters > Event Types may only contain alias, group, identify, page, screen, track; "click" is not one of them \(item 0\)$/],
		['a Sources filter id of ".."', workspace('getEventVolume', { filters: { sourceIds: expr('[".."]') } }), /^Filters > Sources cannot be "\.\." \(item 0\)$/],
		['Event Names from an expression giving an object', workspace('getEventVolume', { filters: { eventNames: expr('{ a: 1 }') } }), /^Filters > Event Names must be a list of names or text separated by commas \(item 0\)$/],
		['a Resource ID filter with a line break', workspace('getAuditEvents', { filters: { resourceId: expr('"a\\nb"') } }), /^Filters > Resource ID contains control characters \(item 0\)$/],
		['a Period that is no month', workspace('getUsage', { period: 'November' }), /^Period must be a month such as 2026-11, not "November" \(item 0\)$/],
		['a Period of month 13', workspace('getUsage', { period: '2026-13' }), /^Period must be a month such as 2026-11, not "2026-13" \(item 0\)$/],
		['a Metric from an expression that is none', workspace('getUsage', { metric: expr('"events"') }), /^Metric must be one of mtu, apiCalls, not "events" \(item 0\)$/],
		['delivery metrics: MINUTE over 5 hours', metrics({ granularity: 'MINUTE', startTime: ago(5), endTime: ago(0) }), /^Start Time is 5 hours before End Time; with granularity MINUTE Segment allows at most 4 hours \(item 0\)$/],
		['delivery metrics: HOUR starting 8 days ago', metrics({ granularity: 'HOUR', startTime: ago(8 * 24), endTime: ago(7 * 24) }), /^Start Time is 8 days ago; with granularity HOUR Segment reaches back at most 7 days \(item 0\)$/],
		['delivery metrics: an empty Destination', metrics({ destinationId: rl(' ') }), /^Destination ID is empty \(item 0\)$/],
		['delivery metrics: a Source of ".."', metrics({ sourceId: rl('..') }), /^Source ID cannot be "\.\." \(item 0\)$/],
		['delivery overview: a destination step without a Destination', overview({ step: 'failedDelivery' }), /^Destination ID is empty \(item 0\)$/],
		['delivery overview: a Step from an expression that is none', overview({ step: expr('"dropped"') }), /^Step must be one of successfullyReceived, failedOnIngest, filteredAtSource, filteredAtDestination, failedDelivery, successfulDelivery, not "dropped" \(item 0\)$/],
		['delivery overview: DAY over 31 days', overview({ granularity: 'DAY', startTime: ago(31 * 24), endTime: ago(0) }), /^Start Time is 31 days before End Time; with granularity DAY Segment allows at most 30 days \(item 0\)$/],
		['delivery overview: MINUTE starting 49 hours ago', overview({ granularity: 'MINUTE', startTime: ago(49), endTime: ago(48) }), /^Start Time is 49 hours ago; with granularity MINUTE Segment reaches back at most 48 hours \(item 0\)$/],
		['delivery overview: Discard Reason for received events', overview({ step: 'successfullyReceived', groupBy: ['discardReason'] }), /^Group By cannot use Discard Reason with Step "Successfully Received" \(item 0\)$/],
	],
};
