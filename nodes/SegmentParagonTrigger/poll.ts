import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { openWorkspace, readActingAs, readTimeout, usesActingOptions, type ActingAs } from '../shared/options';
import { CREDENTIAL_TYPE } from '../shared/transport/request';
import { Params } from '../shared/validation';
import { EVENTS } from './events';
import { pollError } from './events/errors';
import type { AnyTriggerEvent, EventContext } from './events/types';

// Bumped when the shape of the remembered state changes: an older state is then started afresh.
const STATE_VERSION = 1;

/**
 * What the remembered state belongs to: the event, the credential, the Paragon user and
 * credential acted for, and the event's own scope. Another one means another workspace or watch.
 */
function scopeOf(fn: IPollFunctions, event: AnyTriggerEvent, acting: ActingAs, config: unknown): string {
	const credential = fn.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '';
	return JSON.stringify([STATE_VERSION, event.value, credential, acting.userId ?? '', acting.credentialId ?? '', event.scope?.(config) ?? '']);
}

/**
 * One poll. Manual mode (Fetch Test Event) answers with the newest matching record and leaves the
 * state alone. Otherwise: the first poll only remembers where things stand; a later one emits what
 * is new. The state is replaced only after the poll succeeded (n8n keeps static data a failing
 * poll changed), so the next poll after a failure starts from the last good state.
 */
export async function runPoll(fn: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const params = new Params(fn);
	const value = params.choice('event', 'Event', EVENTS.map((event) => event.value));
	const event = EVENTS.find((candidate) => candidate.value === value) as AnyTriggerEvent;
	const acting = usesActingOptions(fn) ? readActingAs(params) : {};
	const timeoutMs = readTimeout(params);
	const config: unknown = event.read(params);
	const workspace = openWorkspace(fn, { timeoutMs, ...acting });
	const manual = fn.getMode() === 'manual';
	const stored = fn.getWorkflowStaticData('node');
	const pacing = manual ? {} : { ...((stored.pacing as IDataObject | undefined) ?? {}) };
	const context: EventContext = { fn, params, workspace, now: Date.now(), pacing };
	try {
		if (manual) return [[{ json: await event.sample(context, config) }]];
		const scope = scopeOf(fn, event, acting, config);
		const state = stored.scope === scope ? (stored.state as IDataObject | undefined) : undefined;
		if (!state) {
			const baseline = await event.start(context, config);
			Object.assign(stored, { scope, state: baseline });
			return null;
		}
		const outcome = await event.poll(context, config, state);
		Object.assign(stored, { scope, state: outcome.state });
		return outcome.items.length ? [fn.helpers.returnJsonArray(outcome.items)] : null;
	} catch (error) {
		throw pollError(fn.getNode(), error);
	} finally {
		// Pacing is about the wire, not about what was emitted: kept even when the poll failed.
		if (!manual) stored.pacing = pacing;
	}
}
