import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import type { Workspace } from '../../shared/transport/workspace';
import type { Params } from '../../shared/validation';

/** What one poll of an event works with. */
export interface EventContext {
	fn: IPollFunctions;
	params: Params;
	workspace: Workspace;
	/** The poll's clock (ms since epoch), read once. */
	now: number;
	/**
	 * How this trigger has used Segment lately (e.g. the times of its last sync reads), kept in
	 * the node's static data even when the poll fails: it paces calls, it does not decide what is new.
	 */
	pacing: IDataObject;
}

/** What a poll found and where the event stands after it. */
export interface PollOutcome<State> {
	/** One per new record, oldest first. */
	items: IDataObject[];
	state: State;
}

/**
 * One event of the trigger: how the editor shows it, its parameters and how it polls. `read`
 * checks every parameter before anything is sent; the others get what it returned.
 */
export interface TriggerEvent<Config = unknown, State extends IDataObject = IDataObject> {
	value: string;
	/** As n8n lists it, e.g. "Warehouse Sync Failed". */
	name: string;
	description: string;
	properties: INodeProperties[];
	read(params: Params): Config;
	/**
	 * What the remembered state belongs to besides the event and the Paragon user (e.g. the
	 * destination watched): when it changes, the next poll starts afresh.
	 */
	scope?(config: Config): string;
	/** The first poll: where things stand. Emits nothing. */
	start(context: EventContext, config: Config): Promise<State>;
	/** A later poll: what is new since `state`, and the state just past what it returns. */
	poll(context: EventContext, config: Config, state: State): Promise<PollOutcome<State>>;
	/** Fetch Test Event: the newest matching record; throws saying why when nothing matches yet. */
	sample(context: EventContext, config: Config): Promise<IDataObject>;
}

/** An event of any configuration and state, as the list of events holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each event has its own Config and State; the runner passes them back unchanged
export type AnyTriggerEvent = TriggerEvent<any, any>;
