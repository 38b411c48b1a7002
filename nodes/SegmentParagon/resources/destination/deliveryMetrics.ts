import type { IDataObject } from 'n8n-workflow';

import { readDestination } from '../../../shared/destination';
import { DELIVERY_METRICS_WINDOWS, isoTime } from '../../../shared/monitoring';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { Params } from '../../../shared/validation';
import { idProperty, readId } from '../crud';
import { granularityProperty, readWindow, timeProperties } from '../monitoring';
import { resourceLocator } from '../shared';
import type { OperationContext, OperationDeclaration, ResourceDefinition } from '../types';

/** An optional source: empty means the destination's own (read once per destination and execution). */
export const ownSourceProperty = resourceLocator({
	displayName: 'Source',
	name: 'sourceId',
	searchMethod: 'searchSources',
	placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn',
	description: 'The source whose events the destination receives. Empty: the destination\'s own source.',
});

/** The destination's source: the one given, else read from the destination (once per destination and execution). */
export async function sourceOfDestination(context: OperationContext, params: Params, destinationId: string): Promise<string> {
	const given = params.id('sourceId', 'Source ID', true);
	if (given) return given;
	const destination = await readDestination(context.workspace, destinationId, params.itemIndex);
	if (typeof destination.sourceId !== 'string' || !destination.sourceId) throw params.fail(`Destination ${destinationId} has no source in Segment's answer`, 'Give the Source.');
	return destination.sourceId;
}

/** Get Delivery Metrics (beta in Segment): how a destination's deliveries went over a window. */
export function deliveryMetricsOperation(definition: ResourceDefinition): OperationDeclaration {
	return {
		value: 'getDeliveryMetrics',
		name: 'Get Delivery Metrics',
		action: 'Get the delivery metrics of a destination',
		description: 'Get how many events a destination delivered, failed to deliver or filtered over a time window (Segment beta)',
		properties: [
			idProperty(definition),
			ownSourceProperty,
			granularityProperty('HOUR', 'Segment allows a Minute window of up to 4 hours (starting within the last 48 hours), an Hour window of up to 7 days and a Day window of up to 14 days, within as long back'),
			...timeProperties({ start: '24 hours before End Time (4 hours with Minute)', end: 'now' }),
		],
		async run(context) {
			const { params, workspace } = context;
			const destinationId = readId(definition, params);
			const window = readWindow(params, { defaultGranularity: 'HOUR', defaultEnd: (now) => now, rules: DELIVERY_METRICS_WINDOWS, what: 'delivery metrics windows' });
			const sourceId = await sourceOfDestination(context, params, destinationId);
			const qs = { sourceId, granularity: window.granularity, startTime: isoTime(window.startMs), endTime: isoTime(window.endMs) };
			const data = await workspace.client.request({ method: 'GET', path: segmentPath('destinations', destinationId, 'delivery-metrics'), qs, notFound: `Destination ${destinationId}` }, params.itemIndex);
			const summary = (data.deliveryMetricsSummary ?? {}) as IDataObject;
			return [{ destinationId, ...summary, sourceId: summary.sourceId ?? sourceId, granularity: window.granularity, startTime: qs.startTime, endTime: qs.endTime }];
		},
	};
}
