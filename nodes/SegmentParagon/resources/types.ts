import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Workspace } from '../transport/workspace';
import type { Params } from '../validation';

export type ResourceName = 'warehouse' | 'source' | 'destination';

/** What one item's operation works with. */
export interface OperationContext {
	fn: IExecuteFunctions;
	workspace: Workspace;
	params: Params;
	/** Another resource's simplified shape (a warehouse's connected sources come out as sources). */
	shape(resource: ResourceName, entity: IDataObject): IDataObject;
}

/** An entity Segment returned, with what the node knows beyond it (e.g. the platform chosen at create). */
export interface EntityResult {
	entity: IDataObject;
	platform?: string;
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
	/** e.g. "Test the connection of a warehouse"; also the action's name for the AI Agent. */
	description: string;
	properties?: INodeProperties[];
	/** Adds Return All, Limit and Offset; the operation walks Segment's cursors. */
	paged?: boolean;
	/** Adds the Simplify toggle. */
	simplify?: boolean;
	run(context: OperationContext): Promise<IDataObject[]>;
}

/** What differs between warehouses, sources and destinations; the CRUD path is shared. */
export interface ResourceDefinition {
	name: ResourceName;
	displayName: string;
	/** Segment's path and list key, e.g. `warehouses`. */
	plural: string;
	/** The id parameter (a resource locator), e.g. `warehouseId`. */
	idParameter: string;
	/** The list-search method behind the id's "From list" mode. */
	searchMethod: string;
	/** Create parameters (shown for create only). */
	createProperties: INodeProperties[];
	/** The options of the Update Fields collection. */
	updateFields: INodeProperties[];
	create(context: OperationContext): Promise<EntityResult>;
	update(context: OperationContext, id: string, fields: IDataObject): Promise<EntityResult>;
	simplify(result: EntityResult): IDataObject;
	/** How the entity is named in the "From list" dropdown. */
	listName(entity: IDataObject): string;
	/** Operations only this resource has, declared beside its CRUD parts (e.g. Test Connection). */
	operations?: OperationDeclaration[];
}
