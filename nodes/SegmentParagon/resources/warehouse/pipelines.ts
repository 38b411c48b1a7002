import type { IDataObject } from 'n8n-workflow';

import { idProperty, listPaged, readId } from '../crud';
import { simplifySync } from '../../../shared/entities';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { connectSourceToWarehouse, missingOfPair } from '../connections';
import { resourceLocator } from '../shared';
import type { OperationContext, OperationDeclaration, ResourceDefinition } from '../types';

const sourceProperty = resourceLocator({
	displayName: 'Source',
	name: 'sourceId',
	searchMethod: 'searchSources',
	placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn',
	description: 'The Segment source that loads into the warehouse',
	required: true,
});

/** Connects or disconnects; a 404 says which of the two ids is missing (one more GET, only then). */
async function changeConnection(context: OperationContext, definition: ResourceDefinition, connect: boolean): Promise<IDataObject[]> {
	const { params, workspace } = context;
	const warehouseId = readId(definition, params);
	const sourceId = params.id('sourceId', 'Source ID');
	try {
		if (connect) await connectSourceToWarehouse(workspace, params, warehouseId, sourceId);
		else {
			await workspace.client.request(
				{ method: 'DELETE', path: segmentPath('warehouses', warehouseId, 'connected-sources', sourceId), notFound: `Warehouse ${warehouseId} or source ${sourceId}` },
				params.itemIndex,
			);
		}
	} catch (error) {
		throw await missingOfPair(context, error, warehouseId, sourceId);
	}
	return [{ warehouseId, sourceId, connected: connect }];
}

/** What only warehouses have: their pipelines (connected sources, connection state, syncs). */
export function warehousePipelines(definition: ResourceDefinition): OperationDeclaration[] {
	const id = idProperty(definition);
	return [
		{
			value: 'connectSource',
			name: 'Connect Source',
			action: 'Connect a source to a warehouse',
			description: 'Connect a source to a warehouse, so its data loads there',
			properties: [id, sourceProperty],
			run: (context) => changeConnection(context, definition, true),
		},
		{
			value: 'disconnectSource',
			name: 'Disconnect Source',
			action: 'Disconnect a source from a warehouse',
			description: 'Disconnect a source from a warehouse',
			properties: [id, sourceProperty],
			run: (context) => changeConnection(context, definition, false),
		},
		{
			value: 'listConnectedSources',
			name: 'Get Connected Sources',
			action: 'Get the sources connected to a warehouse',
			description: 'Get the sources that load into a warehouse',
			properties: [id],
			paged: true,
			simplify: true,
			async run(context) {
				const warehouseId = readId(definition, context.params);
				const path = segmentPath('warehouses', warehouseId, 'connected-sources');
				return await listPaged(context, path, 'sources', (entity) => context.shape('source', entity), `Warehouse ${warehouseId}`);
			},
		},
		{
			value: 'listSyncs',
			name: 'Get Syncs',
			action: 'Get the sync reports of a warehouse',
			description: 'Get the sync reports of a warehouse (Segment allows 2 calls a minute)',
			properties: [id],
			paged: true,
			simplify: true,
			async run(context) {
				const warehouseId = readId(definition, context.params);
				const path = segmentPath('warehouses', warehouseId, 'syncs');
				return await listPaged(context, path, 'reports', (report) => simplifySync(warehouseId, report), `Warehouse ${warehouseId}`);
			},
		},
		{
			value: 'testConnection',
			name: 'Test Connection',
			action: 'Test the connection of a warehouse',
			description: 'Test whether Segment can still connect to a warehouse: CONNECTED or FAILED',
			properties: [id],
			async run({ params, workspace }) {
				const warehouseId = readId(definition, params);
				const data = await workspace.client.request<IDataObject>(
					{ method: 'GET', path: segmentPath('warehouses', warehouseId, 'connection-state'), notFound: `Warehouse ${warehouseId}` },
					params.itemIndex,
				);
				return [{ id: warehouseId, connectionState: data.connectionState ?? null }];
			},
		},
	];
}
