import type { IDataObject } from 'n8n-workflow';

import { readDestination } from '../../shared/destination';
import { DELIVERY_STEPS, isoTime } from '../../shared/monitoring';
import { resourceLocator } from '../../shared/properties';
import { segmentPath } from '../../shared/transport/proxyUrl';
import type { Params } from '../../shared/validation';
import type { EventContext, TriggerEvent } from './types';
import { countOf, lastWindow, MAX_WINDOW_MINUTES, windowOf, windowProperty, type CountWindow } from './window';

interface Config {
	destinationId: string;
	/** Empty: the destination's own source (read once, when the trigger starts). */
	sourceId: string;
	windowMinutes: number;
	minimumFailures: number;
}

/** Whether an incident is open (emitted once, armed again when failures fall below), and the source read. */
interface DeliveryState extends IDataObject {
	failing: boolean;
	sourceId: string;
}

/** The source whose deliveries are counted: the one given, or the destination's own (one GET). */
async function sourceOf(context: EventContext, config: Config): Promise<string> {
	if (config.sourceId) return config.sourceId;
	return String((await readDestination(context.workspace, config.destinationId, 0)).sourceId ?? '');
}

/** One GET /delivery-overview/failed-delivery: the failed deliveries of the window. */
async function readFailures(context: EventContext, config: Config, sourceId: string): Promise<{ window: CountWindow; failed: number }> {
	const window = lastWindow(context.now, config.windowMinutes);
	const data = await context.workspace.client.request<IDataObject>(
		{
			method: 'GET',
			path: segmentPath('delivery-overview', DELIVERY_STEPS.failedDelivery.path),
			qs: { sourceId, destinationConfigId: config.destinationId, granularity: window.granularity, startTime: isoTime(window.startMs), endTime: isoTime(window.endMs) },
			notFound: `Destination ${config.destinationId} or source ${sourceId}`,
		},
		0,
	);
	return { window, failed: countOf(data.total) };
}

function itemOf(config: Config, sourceId: string, window: CountWindow, failed: number): IDataObject {
	return { destinationId: config.destinationId, sourceId, failed, window: windowOf(window) };
}

export const deliveryFailing: TriggerEvent<Config, DeliveryState> = {
	value: 'deliveryFailing',
	name: 'Destination Delivery Failing',
	description: 'Triggers once when a destination fails to deliver events (and again after it recovered and fails again)',
	properties: [
		resourceLocator({
			displayName: 'Destination',
			name: 'destinationId',
			searchMethod: 'searchDestinations',
			placeholder: 'e.g. 6371eee1ae0b1b2b5e7ac0a9',
			description: 'The destination whose failed deliveries are counted',
			required: true,
		}),
		resourceLocator({
			displayName: 'Source',
			name: 'sourceId',
			searchMethod: 'searchSources',
			placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn',
			description: 'The source whose events the destination gets; empty: the destination\'s own source',
		}),
		windowProperty('failed deliveries'),
		{
			displayName: 'Minimum Failures',
			name: 'minimumFailures',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'A destination with at least this many failed deliveries in the window is failing',
		},
	],

	read(params: Params): Config {
		return {
			destinationId: params.id('destinationId', 'Destination ID'),
			sourceId: params.id('sourceId', 'Source ID', true),
			windowMinutes: params.integer('windowMinutes', 'Window (Minutes)', 60, 1, MAX_WINDOW_MINUTES),
			minimumFailures: params.integer('minimumFailures', 'Minimum Failures', 1, 1, Number.MAX_SAFE_INTEGER),
		};
	},

	scope: (config) => JSON.stringify(config),

	async start(context, config) {
		const sourceId = await sourceOf(context, config);
		const { failed } = await readFailures(context, config, sourceId);
		return { failing: failed >= config.minimumFailures, sourceId };
	},

	async poll(context, config, state) {
		const { window, failed } = await readFailures(context, config, state.sourceId);
		const failing = failed >= config.minimumFailures;
		return { items: failing && !state.failing ? [itemOf(config, state.sourceId, window, failed)] : [], state: { failing, sourceId: state.sourceId } };
	},

	async sample(context, config) {
		const sourceId = await sourceOf(context, config);
		const { window, failed } = await readFailures(context, config, sourceId);
		if (failed >= config.minimumFailures) return itemOf(config, sourceId, window, failed);
		throw context.params.fail(
			`Destination ${config.destinationId} has ${failed} failed deliver${failed === 1 ? 'y' : 'ies'} in the last ${config.windowMinutes} minutes: not failing yet`,
			`It counts as failing from ${config.minimumFailures} failed deliver${config.minimumFailures === 1 ? 'y' : 'ies'} (Minimum Failures). Once the trigger is active it fires when that happens.`,
		);
	},
};
