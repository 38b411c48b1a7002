/**
 * A scenario of the fault matrix: one operation, the exact Segment calls it makes when all goes
 * well, and what the workspace looks like after it succeeded. The matrix aims each fault of
 * ../faults.ts at each call whose step is `faulted`.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../helpers/world';

export interface Ids {
	warehouseId: string;
	sourceId: string;
	destinationId: string;
	/** Made by a scenario's own `arrange` (mappings need an Actions destination). */
	actionsDestinationId?: string;
	mappingId?: string;
	/** Made by a scenario's `arrange` (tracking plans). */
	trackingPlanId?: string;
	/** Made by a scenario's `arrange` (reverse ETL: a model, and its mapping in `mappingId`). */
	modelId?: string;
}

/** One Segment call of an operation, as `calls()` prints it; `{new}` is the id the operation created. */
export interface Step {
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	/** The decoded path the fault matches (a prefix, segment by segment). */
	path: string;
	/** Whether the fault matrix aims a fault at this call (a second POST /labels cannot be told from the first). */
	faulted: boolean;
	/** A POST that creates what the user asked for (a warehouse, a source): "may have created" applies. */
	creates?: boolean;
	/** How long the operation waits on purpose before this call (Start Sync's poll interval), in ms. */
	waitsMs?: number;
}

export interface Scenario {
	name: string;
	/** What the scenario needs beyond arrangeWorkspace's, added to the ids (mappings need an Actions destination, tracking plans a plan). */
	arrange?(sandbox: Sandbox, ids: Ids): Partial<Ids> | Promise<Partial<Ids>>;
	parameters(ids: Ids): INodeParameters;
	steps(ids: Ids): Step[];
	/** What the workspace looks like after a successful run. */
	succeeded(sandbox: Sandbox, ids: Ids, out: IDataObject[]): void;
	/** Ids the run created that newIds() does not know (for the `{new}` of its steps): a new resource's creates. */
	createdIds?(sandbox: Sandbox): string[];
	/** The Options key of the per-request timeout when it is not `timeout` (Start Sync's Timeout is the sync's, in minutes). */
	requestTimeoutOption?: string;
	/**
	 * How many of what its `creates` step makes exist (checked to be one more after a lost answer).
	 * Default: warehouses, sources or destination filters, by the step's path.
	 */
	count?(sandbox: Sandbox, ids: Ids): number;
}

export function callOf(step: Step): string {
	return `${step.method} ${step.path}`;
}

/** The ids the operation created (the source new_source, a warehouse made by the matrix), for the `{new}` of later calls. */
export function newIds(sandbox: Sandbox): string[] {
	const source = sandbox.entities('sources').find((entity) => entity.slug === 'new_source');
	const warehouses = sandbox.entities('warehouses').filter((entity) => /^(Fault|Validated) Warehouse$/.test(String((entity.settings as IDataObject).name)));
	return [source, ...warehouses].filter(Boolean).map((entity) => String(entity!.id));
}
