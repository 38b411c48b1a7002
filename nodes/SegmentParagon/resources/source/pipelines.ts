import { idProperty, listPaged, readId } from '../crud';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { OperationDeclaration, ResourceDefinition, ResourceName } from '../types';

/** A source's own lists: where its data goes. Items come out in the shape of what is listed. */
export function sourcePipelines(definition: ResourceDefinition): OperationDeclaration[] {
	const id = idProperty(definition);
	const connected = (value: string, name: string, what: ResourceName, plural: string, description: string): OperationDeclaration => ({
		value,
		name,
		action: `Get the ${plural} connected to a source`,
		description,
		properties: [id],
		paged: true,
		simplify: true,
		async run(context) {
			const sourceId = readId(definition, context.params);
			const path = segmentPath('sources', sourceId, `connected-${plural}`);
			return await listPaged(context, path, plural, (entity) => context.shape(what, entity), `Source ${sourceId}`);
		},
	});
	return [
		connected('listConnectedDestinations', 'Get Connected Destinations', 'destination', 'destinations', 'Get the destinations a source sends data to'),
		connected('listConnectedWarehouses', 'Get Connected Warehouses', 'warehouse', 'warehouses', 'Get the warehouses a source loads into'),
	];
}
