/**
 * The shape of a file of bad-input rows (one per resource or concern, listed in index.ts), and the
 * parameter builders the rows share.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import type { Sandbox } from '../../helpers/world';
import { WAREHOUSE_PASSWORD } from '../support';

/** Credential data for a row that needs its own credential (built on the test's sandbox). */
export type Credentials = (sandbox: Sandbox) => ICredentialDataDecryptedObject;

/** [what, parameters, the error (it must name the parameter and the item), credentials] */
export type RefusedRow = [string, INodeParameters, RegExp, Credentials?];
/** [what, parameters, the error]: refused once the warehouse catalog entry is known. */
export type RefusedByCatalogRow = [string, INodeParameters, RegExp];
/** [what, resource, operation, id, extra parameters]: a strange but legitimate id, sent as one encoded segment. */
export type OnTheWireRow = [string, string, string, string, INodeParameters];

export interface BadInputRows {
	/** Refused with a clear error naming the parameter and the item; NO request is sent. */
	refused: RefusedRow[];
	/** Refused after the catalog lookup (GET /catalog/warehouses), nothing else sent. */
	byCatalog?: RefusedByCatalogRow[];
	/** Sent as one encoded path segment; Segment's 404 names the id. */
	onTheWire?: OnTheWireRow[];
}

export const expr = (code: string) => `={{ ${code} }}`;
export const idExpr = (code: string) => ({ __rl: true, mode: 'id', value: expr(code) });
export const TEN_KB = 'x'.repeat(10_240);

export const warehouseJson = (connection: unknown): INodeParameters => ({ resource: 'warehouse', operation: 'create', name: 'W', type: 'redshift', connectionMode: 'json', connection: connection as string });
export const redshift = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'warehouse', operation: 'create', name: 'W', type: 'redshift', host: 'h', database: 'd', username: 'u', password: WAREHOUSE_PASSWORD, ...extra });
export const sourceCreate = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'source', operation: 'create', name: 'S', slug: 'good_slug', platform: 'web', categories: ['analytics'], ...extra });
export const destinationCreate = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'destination', operation: 'create', name: 'D', slug: 'google-analytics', platform: 'web', categories: ['analytics'], sourceId: rl('src_1'), ...extra });
export const filterCreate = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'destinationFilter', operation: 'create', destinationId: rl('dst_1'), title: 'T', condition: 'event = "x"', ...extra });
export const list = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'source', operation: 'list', ...extra });
export const getWarehouse = { resource: 'warehouse', operation: 'get', warehouseId: rl('wh_1') };
