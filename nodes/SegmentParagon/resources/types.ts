import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestPacer } from '../../shared/transport/pacer';
import type { Workspace } from '../../shared/transport/workspace';
import type { Params } from '../../shared/validation';

export type CrudOperation = 'list' | 'create' | 'get' | 'update' | 'delete';
export const ALL_CRUD_OPERATIONS: readonly CrudOperation[] = ['list', 'create', 'get', 'update', 'delete'];

export type ResourceName = 'warehouse' | 'source' | 'destination' | 'destinationFilter' | 'destinationMapping' | 'workspace' | 'trackingPlan' | 'regulation' | 'reverseEtl';

/** What one item's operation works with. */
export interface OperationContext {
	fn: IExecuteFunctions;
	workspace: Workspace;
	params: Params;
	/** Another resource's simplified shape (a warehouse's connected sources come out as sources). */
	shape(resource: ResourceName, entity: IDataObject): IDataObject;
	/** Told by a create as soon as Segment made the entity, before its later steps (Create or Update keeps it). */
	created?(entity: IDataObject): void;
}

/** One item's result from an operation that runs over all items: its output entries, or its error. */
export type ItemOutcome = IDataObject[] | Error;

/** How the execution runs an operation over all its items. */
export interface AllItemsRun {
	/** Continue On Fail: a failed item becomes an `{error}` item and the others go on. */
	continueOnFail: boolean;
	/**
	 * Runs `work` for 0..count-1 with at most Options > Concurrency in flight, results in order;
	 * after a throw nothing more starts, and the lowest failure is thrown once the others finish.
	 */
	concurrently<T>(count: number, work: (index: number) => Promise<T>): Promise<T[]>;
}

/** An entity Segment returned, with what the node knows beyond it (e.g. the platform chosen at create). */
export interface EntityResult {
	entity: IDataObject;
	platform?: string;
	/** Keys the output gains beside the entity (the mappings a destination create made, a tracking plan's rule counts). */
	extra?: IDataObject;
}

/**
 * One operation of a resource: how the editor lists it, its parameters (shown for this resource
 * and operation only) and what it does. The Operation list, the router and the description are
 * derived from these declarations.
 */
export interface OperationDeclaration {
	value: string;
	/** As n8n lists it, e.g. "Test Connection". */
	name: string;
	/**
	 * A short sentence ending on a noun phrase, e.g. "Test the connection of a warehouse": the
	 * actions panel lists it, a node added from there is named after it, and the AI Agent's tool
	 * description is it + " in Segment (via Paragon)". No limits or parentheses (those go in `description`).
	 */
	action: string;
	/** Shown under the operation in the Operation list: what it does, with its limits, e.g. "(Segment allows 2 calls a minute)". */
	description: string;
	properties?: INodeProperties[];
	/** Adds Return All, Limit and Offset; the operation walks Segment's cursors. */
	paged?: boolean;
	/** Adds the Simplify toggle. */
	simplify?: boolean;
	run(context: OperationContext): Promise<IDataObject[]>;
	/**
	 * Runs over all items of the execution at once, instead of `run` per item: for an operation
	 * that combines items into fewer requests. One outcome per context, in their order.
	 */
	runAll?(contexts: OperationContext[], run: AllItemsRun): Promise<ItemOutcome[]>;
	/** Options only this operation has, added to the Options collection for it alone (e.g. Combine Items). */
	options?: INodeProperties[];
}

/**
 * A resource that lives under another one (a destination's filters): the parent's id parameter,
 * shown for every operation, and the path it gives, e.g. `/destination/{id}` (Segment's singular).
 */
export interface ParentOfResource {
	property: INodeProperties;
	/** What the parent is called in actions, e.g. "destination" ("Get many destination filters of a destination"). */
	name: string;
	/** The path of the parent, from the item's parameters (ids checked as ids). */
	path(params: Params): string[];
	/** e.g. "destination dst_1", for "… was not found". */
	label(params: Params): string;
}

/** One call Create or Update sends to an entity that exists; `what` names it in an error ("its name"). */
export interface UpsertChange {
	what: string;
	/** Sends it; returns the entity as Segment answered, when the call answers one. */
	send(entity: IDataObject): Promise<IDataObject | void>;
}

/** What differs between an item's parameters and the entity with its key: nothing is sent when `changes` is empty. */
export interface UpsertPlan {
	changes: UpsertChange[];
	/** The platform the item names, for the simplified output (destinations). */
	platform?: string;
	/** Fields the output carries beside the entity, changed or not (a tracking plan's rule counts). */
	extra?: IDataObject;
}

/** What Create or Update needs of a resource; the shared path reads the list, keys it and runs the items. */
export interface UpsertHooks {
	/** What the key is, in words: "its slug", "name and type" (the action says "Create or update a source, matched by its slug"). */
	matchedBy: string;
	/** The item's key from its parameters (checked), and how messages name it, e.g. `slug "website"`. */
	key(context: OperationContext): Promise<{ key: string; label: string }>;
	/** The key of an entity of the list; undefined: it matches no item. */
	keyOf(entity: IDataObject): string | undefined;
	/** Reads the item's other parameters (all of them, before anything is sent) and compares them with the entity. */
	differences(context: OperationContext, entity: IDataObject): Promise<UpsertPlan>;
	/** Parameters Create or Update has beyond Create's (shown after them). */
	properties?: INodeProperties[];
	/** Creates when nothing has the key; default: the resource's create (with what it needs beyond Create's parameters, e.g. rules). */
	create?(context: OperationContext): Promise<EntityResult>;
}

/** The words of one shared operation, where the default ("Create a warehouse") does not say enough. */
export interface OperationWording {
	action?: string;
	description?: string;
}

/** What differs between the resources; the CRUD path is shared. */
export interface ResourceDefinition {
	name: ResourceName;
	displayName: string;
	/** What one entity is called where the display name does not fit, e.g. "Regulation" ("Regulation ID", "… was not found"); default the display name. */
	entityName?: string;
	/**
	 * Which operations of the shared CRUD path the resource has; default all five. Its own
	 * operations (`operations`) come on top: nothing else suggests what the resource cannot do.
	 */
	crud?: readonly CrudOperation[];
	/** Segment's path and list key, e.g. `warehouses`. */
	plural: string;
	/** The list key in Segment's answer when it is not `plural` (`trackingPlans` under `/tracking-plans`). */
	listKey?: string;
	/** How descriptions and messages say the plural when `plural` is not words (`tracking plans`). */
	pluralName?: string;
	/** Parameters of Get Many beyond the paging ones (e.g. Filters), and the query they make. */
	listProperties?: INodeProperties[];
	listQuery?(params: Params): IDataObject | undefined;
	/** The key of one entity in Segment's answer; default `name` (e.g. `warehouse`). */
	entityKey?: string;
	parent?: ParentOfResource;
	/** The id parameter, e.g. `warehouseId`: a resource locator over `searchMethod`, unless `idProperty` is given. */
	idParameter: string;
	idProperty?: INodeProperties;
	/** The list-search method behind the id's "From list" mode (needed unless `idProperty` is given). */
	searchMethod?: string;
	/** Paces the resource's writes the shared path sends (Delete), when Segment limits them. */
	writePacer?(workspace: Workspace): RequestPacer;
	/** False when the output is Segment's entity as it comes (no Simplify toggle). */
	simplifies?: boolean;
	/** Create parameters (shown for create only); with Create. */
	createProperties?: INodeProperties[];
	/** The options of the Update Fields collection; with Update. */
	updateFields?: INodeProperties[];
	/** Needed when the resource has the shared Create (or Create or Update). */
	create?(context: OperationContext): Promise<EntityResult>;
	/** Needed when the resource has the shared Update. */
	update?(context: OperationContext, id: string, fields: IDataObject): Promise<EntityResult>;
	simplify(result: EntityResult): IDataObject;
	/** Create or Update (`upsert`), with the create's parameters; absent: the resource has none. */
	upsert?: UpsertHooks;
	/** How the entity is named in the "From list" dropdown. */
	listName(entity: IDataObject): string;
	/** Operations only this resource has, declared beside its CRUD parts (e.g. Test Connection). */
	operations?: OperationDeclaration[];
	/** The words of shared operations where the default does not fit (e.g. a Create that says what the entity does). */
	wording?: Partial<Record<CrudOperation | 'upsert', OperationWording>>;
}
