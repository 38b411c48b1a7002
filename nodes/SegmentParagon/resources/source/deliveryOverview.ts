import type { IDataObject } from 'n8n-workflow';

import { DELIVERY_OVERVIEW_WINDOWS, DELIVERY_STEPS, isoTime, listQuery, type DeliveryStep } from '../../../shared/monitoring';
import { MAX_PAGE_SIZE, readPage } from '../../../shared/transport/paging';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { idProperty, readId } from '../crud';
import { granularityProperty, readWindow, timeProperties } from '../monitoring';
import { resourceLocator } from '../shared';
import type { OperationDeclaration, ResourceDefinition } from '../types';

const STEPS = Object.keys(DELIVERY_STEPS) as DeliveryStep[];
const DESTINATION_STEPS = STEPS.filter((step) => DELIVERY_STEPS[step].destination);
const GROUPS = ['appVersion', 'discardReason', 'eventName', 'eventType'] as const;
/** Pages of the dataset read at most, whatever Segment says: a broken cursor must not loop forever. */
const MAX_PAGES = 100;

const destinationProperty = {
	...resourceLocator({
		displayName: 'Destination',
		name: 'destinationId',
		searchMethod: 'searchDestinations',
		placeholder: 'e.g. 2Fkq0aXTwSE9Lbfv5TQfHs',
		description: 'The destination of the step (one of the source\'s)',
	}),
	displayOptions: { show: { step: DESTINATION_STEPS } },
};

/** Get Delivery Overview (beta in Segment): one step of the way a source's events take, counted over a window. */
export function deliveryOverviewOperation(definition: ResourceDefinition): OperationDeclaration {
	return {
		value: 'getDeliveryOverview',
		name: 'Get Delivery Overview',
		action: 'Get the delivery overview of a source',
		description: 'Get how many of a source\'s events were received, failed or filtered, or delivered to a destination, over a time window (Segment beta)',
		properties: [
			idProperty(definition),
			{
				displayName: 'Step',
				name: 'step',
				type: 'options',
				default: 'successfullyReceived',
				options: [
					{ name: 'Failed Delivery', value: 'failedDelivery', description: 'Events a destination did not accept' },
					{ name: 'Failed on Ingest', value: 'failedOnIngest', description: 'Events Segment refused when they arrived' },
					{ name: 'Filtered at Destination', value: 'filteredAtDestination', description: 'Events a destination filter or mapping dropped' },
					{ name: 'Filtered at Source', value: 'filteredAtSource', description: 'Events a tracking plan or source filter dropped' },
					{ name: 'Successful Delivery', value: 'successfulDelivery', description: 'Events a destination accepted' },
					{ name: 'Successfully Received', value: 'successfullyReceived', description: 'Events Segment received from the source' },
				],
			},
			destinationProperty,
			granularityProperty('HOUR', 'Segment allows a Minute window of up to 4 hours (starting within the last 48 hours), an Hour window of up to 14 days within the last 30 days, and a Day window of up to 30 days'),
			...timeProperties({ start: '24 hours before End Time (4 hours with Minute)', end: 'now' }),
			{
				displayName: 'Group By',
				name: 'groupBy',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'App Version', value: 'appVersion' },
					{ name: 'Discard Reason', value: 'discardReason', description: 'Not for Successfully Received' },
					{ name: 'Event Name', value: 'eventName' },
					{ name: 'Event Type', value: 'eventType' },
				],
				description: 'One dataset entry per combination of these; none: one for the whole step',
			},
		],
		async run({ params, workspace }) {
			const sourceId = readId(definition, params);
			const step = params.choice('step', 'Step', STEPS, 'successfullyReceived');
			const { path, destination } = DELIVERY_STEPS[step];
			// Shown for the destination steps only: never required in the description, checked here.
			const destinationId = destination ? params.id('destinationId', 'Destination ID') : undefined;
			const window = readWindow(params, { defaultGranularity: 'HOUR', defaultEnd: (now) => now, rules: DELIVERY_OVERVIEW_WINDOWS, what: 'delivery overview windows' });
			const groupBy = params.optionalChoices('groupBy', 'Group By', GROUPS);
			if (step === 'successfullyReceived' && groupBy.includes('discardReason')) {
				throw params.fail('Group By cannot use Discard Reason with Step "Successfully Received"', 'Received events have no discard reason: remove it from Group By, or pick another Step.');
			}
			const query: IDataObject = { sourceId, granularity: window.granularity, startTime: isoTime(window.startMs), endTime: isoTime(window.endMs), ...listQuery('groupBy', groupBy) };
			if (destinationId) query.destinationConfigId = destinationId;
			const notFound = destinationId ? `Source ${sourceId} or destination ${destinationId}` : `Source ${sourceId}`;
			const dataset: IDataObject[] = [];
			let total: unknown;
			let cursor: string | undefined;
			for (let pages = 0; pages < MAX_PAGES; pages++) {
				const qs: IDataObject = { ...query, 'pagination.count': MAX_PAGE_SIZE };
				if (cursor) qs['pagination.cursor'] = cursor;
				const data = await workspace.client.request({ method: 'GET', path: segmentPath('delivery-overview', path), qs, notFound }, params.itemIndex);
				if (total === undefined) total = data.total;
				const page = readPage(data, 'dataset');
				dataset.push(...page.entries);
				cursor = page.entries.length ? page.next : undefined;
				if (!cursor) break;
			}
			const result: IDataObject = { sourceId, step };
			if (destinationId) result.destinationId = destinationId;
			return [{ ...result, granularity: window.granularity, startTime: query.startTime, endTime: query.endTime, total: typeof total === 'number' ? total : Number(total ?? 0), dataset }];
		},
	};
}
