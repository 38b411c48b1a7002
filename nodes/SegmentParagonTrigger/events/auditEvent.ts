import type { IDataObject } from 'n8n-workflow';

import { isoTime } from '../../shared/monitoring';
import { segmentPath } from '../../shared/transport/proxyUrl';
import type { Params } from '../../shared/validation';
import type { EventContext, TriggerEvent } from './types';

/**
 * Each poll reads again from a little before the newest event seen, so an event Segment records
 * late (its timestamp already passed) is still found; the ids seen since then keep it from repeating.
 */
export const LOOKBACK_MS = 5 * 60_000;
/** At most this many ids are remembered (about 30 KB); a larger burst moves the lookback forward. */
const MAX_SEEN = 1000;
/** Fetch Test Event looks back over at most this many events, newest first (5 pages). */
const SAMPLE_EVENTS = 1000;

interface Config {
	/** Lower case; empty: all. */
	resourceTypes: string[];
	eventTypes: string[];
}

/** From when the next poll reads (ms), and the ids of the events already decided since then. */
interface AuditState extends IDataObject {
	from: number;
	seen: string[];
}

const lower = (texts: string[]) => texts.map((text) => text.toLowerCase());

function matches(config: Config, event: IDataObject): boolean {
	const resourceType = String(event.resourceType ?? '').toLowerCase();
	const type = String(event.type ?? '').toLowerCase();
	return (!config.resourceTypes.length || config.resourceTypes.includes(resourceType)) && (!config.eventTypes.length || config.eventTypes.includes(type));
}

function timeOf(event: IDataObject): number {
	const at = Date.parse(String(event.timestamp ?? ''));
	return Number.isNaN(at) ? 0 : at;
}

/** GET /audit-events from `startMs` (all pages, newest first), or the newest `limit` events. */
async function readEvents(context: EventContext, startMs: number | undefined, limit?: number): Promise<IDataObject[]> {
	const query = startMs === undefined ? undefined : { startTime: isoTime(startMs) };
	return await context.workspace.list(segmentPath('audit-events'), 'events', { limit }, 0, undefined, query);
}

/** Where the next poll starts, past `events` (all those read from `from`). */
function advance(from: number, events: IDataObject[]): AuditState {
	if (!events.length) return { from, seen: [] };
	const newestFirst = [...events].sort((a, b) => timeOf(b) - timeOf(a));
	let next = Math.max(from, timeOf(newestFirst[0]) - LOOKBACK_MS);
	// A burst: remember the newest MAX_SEEN and start after the older ones (all decided by now).
	if (newestFirst.filter((event) => timeOf(event) >= next).length > MAX_SEEN) next = Math.max(next, timeOf(newestFirst[MAX_SEEN]) + 1);
	return { from: next, seen: newestFirst.filter((event) => timeOf(event) >= next).map((event) => String(event.id)) };
}

export const auditEvent: TriggerEvent<Config, AuditState> = {
	value: 'auditEvent',
	name: 'Workspace Changed',
	description: 'Triggers on each new entry of the workspace\'s audit trail (who created, changed or deleted what)',
	properties: [
		{
			displayName: 'Resource Types',
			name: 'resourceTypes',
			type: 'string',
			default: '',
			placeholder: 'e.g. source, warehouse',
			description: 'Only changes of these kinds of resource, separated by commas (Segment\'s resourceType, any case). Empty: all.',
		},
		{
			displayName: 'Event Types',
			name: 'eventTypes',
			type: 'string',
			default: '',
			placeholder: 'e.g. Source Created, Integrations Disabled',
			description: 'Only these audit events, separated by commas (Segment\'s type, any case). Empty: all.',
		},
	],

	read(params: Params): Config {
		return { resourceTypes: lower(params.textList('resourceTypes', 'Resource Types')), eventTypes: lower(params.textList('eventTypes', 'Event Types')) };
	},

	async start(context) {
		const from = context.now - LOOKBACK_MS;
		return advance(from, await readEvents(context, from));
	},

	async poll(context, config, state) {
		const events = await readEvents(context, state.from);
		const seen = new Set(state.seen);
		const fresh = events.filter((event) => !seen.has(String(event.id)) && matches(config, event));
		fresh.sort((a, b) => timeOf(a) - timeOf(b) || String(a.id).localeCompare(String(b.id)));
		return { items: fresh.map((event) => ({ ...event })), state: advance(state.from, events) };
	},

	async sample(context, config) {
		const events = await readEvents(context, undefined, SAMPLE_EVENTS);
		const newest = events.filter((event) => matches(config, event)).sort((a, b) => timeOf(b) - timeOf(a))[0];
		if (newest) return { ...newest };
		const which = [config.eventTypes.length ? `of type ${config.eventTypes.join(' or ')}` : '', config.resourceTypes.length ? `on ${config.resourceTypes.join(' or ')}` : ''].filter(Boolean).join(' ');
		throw context.params.fail(
			events.length ? `No audit event ${which} among the newest ${events.length} of the workspace yet` : 'The workspace has no audit events yet',
			'Change something in Segment (e.g. rename a source) and fetch again, or widen Resource Types and Event Types.',
		);
	},
};
