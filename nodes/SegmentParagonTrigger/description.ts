import type { INodeProperties } from 'n8n-workflow';

import { connectionOptions } from '../shared/options';
import { EVENTS } from './events';

/** The event the trigger starts with when dragged in. */
export const DEFAULT_EVENT = 'syncFailed';

/**
 * Each event's parameters, shown for that event only. A parameter several events share (the same
 * definition, e.g. Warehouses) is declared once and shown for all of them.
 */
function eventProperties(): INodeProperties[] {
	const shared = new Map<string, { property: INodeProperties; events: string[] }>();
	for (const event of EVENTS) {
		for (const property of event.properties) {
			const key = JSON.stringify(property);
			const known = shared.get(key);
			if (known) known.events.push(event.value);
			else shared.set(key, { property, events: [event.value] });
		}
	}
	return [...shared.values()].map(({ property, events }) => {
		const show = property.displayOptions?.show ?? {};
		return { ...property, displayOptions: { ...property.displayOptions, show: { ...show, event: events } } };
	});
}

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: DEFAULT_EVENT,
		options: EVENTS.map(({ name, value, description }) => ({ name, value, description })).sort((a, b) => a.name.localeCompare(b.name)),
	},
	...eventProperties(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: connectionOptions('trigger'),
	},
];

/** The subtitle under the node: the chosen event's name. */
export const subtitle = `={{ ${JSON.stringify(Object.fromEntries(EVENTS.map(({ value, name }) => [value, name])))}[$parameter["event"]] }}`;
