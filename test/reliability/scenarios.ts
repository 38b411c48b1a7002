/**
 * The operations of the fault matrix, each with the exact Segment calls it makes when all goes
 * well, and the faults injected at each of those calls.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import type { Sandbox } from '../helpers/world';
import { labelsOf, sourceCreateSteps } from './sourceSteps';
import { WAREHOUSE_PASSWORD } from './support';

export interface Ids {
	warehouseId: string;
	sourceId: string;
	destinationId: string;
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
}

export interface Scenario {
	name: string;
	parameters(ids: Ids): INodeParameters;
	steps(ids: Ids): Step[];
	/** What the workspace looks like after a successful run. */
	succeeded(sandbox: Sandbox, ids: Ids, out: IDataObject[]): void;
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


export const SCENARIOS: Scenario[] = [
	{
		name: 'warehouse list',
		parameters: () => ({ resource: 'warehouse', operation: 'list', limit: 10 }),
		steps: () => [{ method: 'GET', path: '/warehouses', faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out.map((item) => item.id)).toEqual([ids.warehouseId]),
	},
	{
		name: 'warehouse get',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'get', warehouseId: rl(ids.warehouseId) }),
		steps: (ids) => [{ method: 'GET', path: `/warehouses/${ids.warehouseId}`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([expect.objectContaining({ id: ids.warehouseId, type: 'redshift' })]),
	},
	{
		name: 'warehouse create',
		parameters: () => ({
			resource: 'warehouse',
			operation: 'create',
			name: 'Fault Warehouse',
			type: 'redshift',
			host: 'fault.redshift.amazonaws.com',
			database: 'analytics',
			username: 'loader',
			password: WAREHOUSE_PASSWORD,
		}),
		steps: () => [
			{ method: 'GET', path: '/catalog/warehouses', faulted: true },
			{ method: 'POST', path: '/warehouses', faulted: true, creates: true },
		],
		succeeded: (sandbox, _ids, out) => {
			expect(sandbox.entities('warehouses').filter((entity) => (entity.settings as IDataObject).name === 'Fault Warehouse')).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ name: 'Fault Warehouse', status: 'active' })]);
		},
	},
	{
		name: 'warehouse update',
		parameters: (ids) => ({
			resource: 'warehouse',
			operation: 'update',
			warehouseId: rl(ids.warehouseId),
			updateFields: { name: 'Renamed Warehouse', connection: JSON.stringify({ password: WAREHOUSE_PASSWORD }) },
		}),
		// The connection is checked against the warehouse's own catalog entry: one GET of it first.
		steps: (ids) => [
			{ method: 'GET', path: `/warehouses/${ids.warehouseId}`, faulted: true },
			{ method: 'GET', path: '/catalog/warehouses', faulted: true },
			{ method: 'PATCH', path: `/warehouses/${ids.warehouseId}`, faulted: true },
		],
		succeeded: (sandbox, ids) => expect((sandbox.entities('warehouses').find((entity) => entity.id === ids.warehouseId)?.settings as IDataObject).name).toBe('Renamed Warehouse'),
	},
	{
		// Validated first, then made connected to the one source picked.
		name: 'warehouse create (validate first, selected source)',
		parameters: (ids) => ({
			resource: 'warehouse',
			operation: 'create',
			name: 'Validated Warehouse',
			type: 'redshift',
			host: 'fault.redshift.amazonaws.com',
			database: 'analytics',
			username: 'loader',
			password: WAREHOUSE_PASSWORD,
			connectSources: 'selected',
			sourceIds: [ids.sourceId],
			additionalFields: { validateFirst: true },
		}),
		steps: (ids) => [
			{ method: 'GET', path: '/catalog/warehouses', faulted: true },
			{ method: 'POST', path: '/warehouses/validation', faulted: true },
			// A fault aimed at POST /warehouses would hit the validation first: the plain create covers it.
			{ method: 'POST', path: '/warehouses', faulted: false, creates: true },
			{ method: 'POST', path: `/warehouses/{new}/connected-sources/${ids.sourceId}`, faulted: false },
		],
		succeeded: (sandbox, ids, out) => {
			const created = sandbox.entities('warehouses').filter((entity) => (entity.settings as IDataObject).name === 'Validated Warehouse');
			expect(created).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ id: created[0].id, name: 'Validated Warehouse' })]);
			expect(ids.sourceId).toBeTruthy();
		},
	},
	{
		name: 'warehouse delete',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'delete', warehouseId: rl(ids.warehouseId) }),
		steps: (ids) => [{ method: 'DELETE', path: `/warehouses/${ids.warehouseId}`, faulted: true }],
		succeeded: (sandbox, ids, out) => {
			expect(sandbox.entities('warehouses')).toEqual([]);
			expect(out).toEqual([{ id: ids.warehouseId, deleted: true, status: 204, message: 'Warehouse deleted successfully.' }]);
		},
	},
	{
		// Labels platform:server and category:crm do not exist yet: both are created first.
		name: 'source create',
		parameters: () => ({ resource: 'source', operation: 'create', name: 'New Source', slug: 'new_source', platform: 'server', categories: ['crm'] }),
		steps: sourceCreateSteps,
		succeeded: (sandbox, _ids, out) => {
			const created = sandbox.entities('sources').filter((entity) => entity.slug === 'new_source');
			expect(created).toHaveLength(1);
			expect(labelsOf(created[0])).toEqual(['category:crm', 'platform:server']);
			expect(out).toEqual([expect.objectContaining({ slug: 'new_source', metadata: { platform: 'server', categories: ['crm'] } })]);
		},
	},
	{
		name: 'warehouse connect source',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'connectSource', warehouseId: rl(ids.warehouseId), sourceId: rl(ids.sourceId) }),
		steps: (ids) => [{ method: 'POST', path: `/warehouses/${ids.warehouseId}/connected-sources/${ids.sourceId}`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([{ warehouseId: ids.warehouseId, sourceId: ids.sourceId, connected: true }]),
	},
	{
		name: 'warehouse test connection',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'testConnection', warehouseId: rl(ids.warehouseId) }),
		steps: (ids) => [{ method: 'GET', path: `/warehouses/${ids.warehouseId}/connection-state`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([{ id: ids.warehouseId, connectionState: 'CONNECTED' }]),
	},
	{
		name: 'warehouse get syncs',
		parameters: (ids) => ({ resource: 'warehouse', operation: 'listSyncs', warehouseId: rl(ids.warehouseId) }),
		steps: (ids) => [{ method: 'GET', path: `/warehouses/${ids.warehouseId}/syncs`, faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([]),
	},
	{
		name: 'source get connected warehouses',
		parameters: (ids) => ({ resource: 'source', operation: 'listConnectedWarehouses', sourceId: rl(ids.sourceId) }),
		steps: (ids) => [{ method: 'GET', path: `/sources/${ids.sourceId}/connected-warehouses`, faulted: true }],
		succeeded: (_sandbox, ids, out) => expect(out).toEqual([expect.objectContaining({ id: ids.warehouseId })]),
	},
	{
		// The filter's source is the destination's own: one GET of the destination first.
		name: 'destination filter create',
		parameters: (ids) => ({ resource: 'destinationFilter', operation: 'create', destinationId: rl(ids.destinationId), title: 'Drop tests', condition: 'event = "Test"', action: 'sample', percent: 10 }),
		steps: (ids) => [
			{ method: 'GET', path: `/destinations/${ids.destinationId}`, faulted: true },
			{ method: 'POST', path: `/destination/${ids.destinationId}/filters`, faulted: true, creates: true },
		],
		succeeded: (sandbox, ids, out) => {
			const filters = (sandbox as unknown as { filters: (id: string) => IDataObject[] }).filters(ids.destinationId);
			expect(filters).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ id: filters[0].id, title: 'Drop tests', actions: [{ type: 'SAMPLE', percent: 0.1 }] })]);
		},
	},
	{
		name: 'destination filter list',
		parameters: (ids) => ({ resource: 'destinationFilter', operation: 'list', destinationId: rl(ids.destinationId) }),
		steps: (ids) => [{ method: 'GET', path: `/destination/${ids.destinationId}/filters`, faulted: true }],
		succeeded: (_sandbox, _ids, out) => expect(out).toEqual([]),
	},
	{
		// Connected to one picked warehouse only; the labels exist already.
		name: 'source create (selected warehouse)',
		parameters: (ids) => ({ resource: 'source', operation: 'create', name: 'New Source', slug: 'new_source', platform: 'web', categories: ['analytics'], connectWarehouses: 'selected', warehouseIds: [ids.warehouseId] }),
		steps: (ids) => [
			{ method: 'GET', path: '/catalog/sources', faulted: true },
			{ method: 'GET', path: '/labels', faulted: true },
			{ method: 'POST', path: '/sources', faulted: true, creates: true },
			{ method: 'PATCH', path: '/sources/{new}', faulted: true },
			{ method: 'PUT', path: '/sources/{new}/labels', faulted: true },
			{ method: 'POST', path: `/warehouses/${ids.warehouseId}/connected-sources/{new}`, faulted: true },
		],
		succeeded: (sandbox, _ids, out) => {
			const created = sandbox.entities('sources').filter((entity) => entity.slug === 'new_source');
			expect(created).toHaveLength(1);
			expect(out).toEqual([expect.objectContaining({ slug: 'new_source', name: 'New Source' })]);
		},
	},
	{
		// platform:mobile does not exist yet; the other labels (team:growth) are kept.
		name: 'source update',
		parameters: (ids) => ({ resource: 'source', operation: 'update', sourceId: rl(ids.sourceId), updateFields: { name: 'Renamed Source', platform: 'mobile' } }),
		steps: (ids) => [
			{ method: 'GET', path: `/sources/${ids.sourceId}`, faulted: true },
			{ method: 'GET', path: '/labels', faulted: true },
			{ method: 'POST', path: '/labels', faulted: true },
			{ method: 'PATCH', path: `/sources/${ids.sourceId}`, faulted: true },
			{ method: 'PUT', path: `/sources/${ids.sourceId}/labels`, faulted: true },
		],
		succeeded: (sandbox, ids, out) => {
			const source = sandbox.entities('sources').find((entity) => entity.id === ids.sourceId);
			expect(source?.name).toBe('Renamed Source');
			expect(labelsOf(source)).toEqual(['category:analytics', 'platform:mobile', 'team:growth']);
			expect(out).toEqual([expect.objectContaining({ id: ids.sourceId, name: 'Renamed Source', metadata: { platform: 'mobile', categories: ['analytics'] } })]);
		},
	},
];

/** What a fault does to the call it hits. */
export interface FaultKind {
	name: string;
	/** The sandbox fault for a call (writes are processed first: the answer is what gets lost). */
	make(step: Step): IDataObject;
	/** Whether the node retries that call after this fault. */
	retried(step: Step): boolean;
	/** Least wait (ms) between the faulted call and its retry; a function when it depends on the clock. */
	minGap: number | ((fault: IDataObject) => number);
	/** Least time the whole run takes when it retries (default: `minGap`). */
	minElapsed?: number;
	/** The error's message when the call is not retried. */
	message: RegExp;
}

/** Options > Timeout in the timeout rows (the others keep the default, so a slow moment never times out). */
export const TIMEOUT_MS = 500;
/** Where a fault aims: the call's method and path (a created id, unknown beforehand, by its parent path). */
const at = (step: Step) => ({ method: step.method, path: step.path.split('/{new}')[0] });
const isWrite = (step: Step) => step.method !== 'GET';
const notPost = (step: Step) => step.method !== 'POST';
// A 429 body without msBeforeNext, for the header-only hints.
const BARE_429 = { errors: [{ type: 'RequestError', message: 'Too many requests' }] };

export const FAULTS: FaultKind[] = [
	{
		name: '429 with msBeforeNext',
		make: (step) => ({ ...at(step), status: 429, msBeforeNext: 20, rateLimitRemaining: '1' }),
		retried: () => true,
		minGap: 50, // the node's floor for a hint
		message: /rate limit/,
	},
	{
		name: '429 with Retry-After',
		make: (step) => ({ ...at(step), status: 429, body: BARE_429, retryAfter: '0', rateLimitRemaining: '1' }),
		retried: () => true,
		minGap: 50,
		message: /rate limit/,
	},
	{
		name: '429 with X-RateLimit-Reset',
		make: (step) => ({ ...at(step), status: 429, body: BARE_429, rateLimitRemaining: '0', rateLimitReset: String(Date.now() + 120) }),
		retried: () => true,
		minGap: (fault) => Number(fault.rateLimitReset),
		message: /rate limit/,
	},
	{
		name: '429 without a hint',
		make: (step) => ({ ...at(step), status: 429, body: BARE_429, rateLimitRemaining: '1' }),
		retried: () => true,
		minGap: 250, // the node's own first backoff
		message: /rate limit/,
	},
	{
		name: '500',
		make: (step) => ({ ...at(step), status: 500, process: isWrite(step) }),
		retried: () => false,
		minGap: 0,
		message: /had a server error \(500\)/,
	},
	...[502, 503, 504].map((status) => {
		// 502 and 503: the gateway did not pass the request on, so it is retried, a create too.
		// 504, a gateway timeout: Segment may have done it, so a create is not sent again.
		const createsRetried = status !== 504;
		return {
			name: String(status),
			make: (step: Step) => ({ ...at(step), status, retryAfter: '0', process: isWrite(step) && !(createsRetried && step.method === 'POST') }),
			retried: createsRetried ? () => true : notPost,
			minGap: 50,
			message: new RegExp(`had a server error \\(${status}\\)`),
		};
	}),
	{
		name: 'dropped connection',
		make: (step) => ({ ...at(step), drop: true, process: isWrite(step) }),
		retried: notPost,
		minGap: 250,
		message: /the connection was dropped/,
	},
	{
		name: 'timeout',
		make: (step) => ({ ...at(step), delayMs: 3 * TIMEOUT_MS, process: isWrite(step) }),
		retried: notPost,
		// The timeout runs on the client's clock, which starts before the sandbox logs the request:
		// the gap between the two arrivals is the backoff, the run as a whole takes both.
		minGap: 250,
		minElapsed: TIMEOUT_MS + 250,
		message: new RegExp(`the connection timed out after ${TIMEOUT_MS} ms`),
	},
	{
		name: 'non-JSON body',
		make: (step) => ({ ...at(step), nonJson: true, process: isWrite(step) }),
		retried: () => false,
		minGap: 0,
		message: /returned a response that is not JSON/,
	},
];

// Create or Update (issue 13): its rows are in upsertScenarios.ts, so this file stays short.
import { UPSERT_SCENARIOS } from './upsertScenarios';

SCENARIOS.push(...UPSERT_SCENARIOS);

// User deletion and suppression (issue 19): regulationScenarios.ts.
import { REGULATION_SCENARIOS } from './regulationScenarios';

SCENARIOS.push(...REGULATION_SCENARIOS);
