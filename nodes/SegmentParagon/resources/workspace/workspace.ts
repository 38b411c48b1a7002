import type { IDataObject } from 'n8n-workflow';

import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { OperationDeclaration, ResourceDefinition } from '../types';
import { getAuditEvents } from './auditEvents';
import { getEventVolume } from './eventVolume';
import { getUsage } from './usage';

const getWorkspace: OperationDeclaration = {
	value: 'get',
	name: 'Get',
	action: 'Get the workspace',
	description: 'Get the Segment workspace the credential reaches: its ID, name and slug',
	async run({ params, workspace }) {
		const data = await workspace.client.request({ method: 'GET', path: segmentPath(), entity: 'workspace' }, params.itemIndex);
		return [data.workspace as IDataObject];
	},
};

/** The workspace itself and what monitors it (SPEC §4.12): not a collection, so none of the CRUD operations. */
export const workspace: ResourceDefinition = {
	name: 'workspace',
	displayName: 'Workspace',
	plural: 'workspaces',
	idParameter: 'workspaceId',
	crud: [],
	simplifies: false,
	simplify: ({ entity }) => entity,
	listName: (entity) => String(entity.name ?? entity.id),
	operations: [getWorkspace, getAuditEvents, getEventVolume, getUsage],
};
