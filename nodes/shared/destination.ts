import type { IDataObject } from 'n8n-workflow';

import { segmentPath } from './transport/proxyUrl';
import type { Workspace } from './transport/workspace';

/** A destination as Segment answers it (its catalog entry in `metadata`): one GET per destination and execution (or poll). */
export async function readDestination(workspace: Workspace, destinationId: string, itemIndex: number): Promise<IDataObject> {
	const data = await workspace.shared(`destination:${destinationId}`, async () =>
		await workspace.client.request<{ destination: IDataObject }>(
			{ method: 'GET', path: segmentPath('destinations', destinationId), notFound: `Destination ${destinationId}`, entity: 'destination' },
			itemIndex,
		),
	);
	return data.destination;
}
