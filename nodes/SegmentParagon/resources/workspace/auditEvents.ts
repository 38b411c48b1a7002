import type { IDataObject } from 'n8n-workflow';

import { isoTime } from '../../../shared/monitoring';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { listPaged } from '../crud';
import { filtersProperty, readWindow, timeProperties } from '../monitoring';
import type { OperationDeclaration } from '../types';

/** Get Audit Events: who changed what in the workspace, newest first (GET /audit-events, paged). */
export const getAuditEvents: OperationDeclaration = {
	value: 'getAuditEvents',
	name: 'Get Audit Events',
	action: 'Get the audit events of the workspace',
	description: 'Get the audit trail of the Segment workspace: who created, changed or deleted what, newest first',
	paged: true,
	properties: [
		...timeProperties({ start: '24 hours before now', end: 'now' }),
		filtersProperty([
			{ displayName: 'Resource ID', name: 'resourceId', type: 'string', default: '', placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn', description: 'Only events about this resource' },
			{ displayName: 'Resource Type', name: 'resourceType', type: 'string', default: '', placeholder: 'e.g. source', description: 'Only events about resources of this kind, e.g. source, destination, warehouse' },
		]),
	],
	async run(context) {
		const { params } = context;
		// An empty end is not sent: Segment then ends at now, and its cursors keep that end.
		const { startMs, endMs, endGiven } = readWindow(params, { defaultEnd: (now) => now });
		const query: IDataObject = { startTime: isoTime(startMs) };
		if (endGiven) query.endTime = isoTime(endMs);
		const resourceType = params.optionalText('filters.resourceType', 'Filters > Resource Type');
		if (resourceType !== undefined) query.resourceType = resourceType;
		const resourceId = params.raw('filters.resourceId', 'Filters > Resource ID', '');
		if (typeof resourceId !== 'string' || resourceId.trim() !== '') query.resourceId = params.checkId(resourceId, 'Filters > Resource ID');
		return await listPaged(context, segmentPath('audit-events'), 'events', (entry) => entry, undefined, false, query);
	},
};
