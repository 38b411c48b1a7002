/** What the fault matrix's source scenarios share: the calls of a source create, and how labels read. */
import type { IDataObject } from 'n8n-workflow';

import type { Step } from './types';

/** A source's labels as sorted `key:value` texts. */
export const labelsOf = (entity: IDataObject | undefined) => ((entity?.labels as Array<{ key: string; value: string }>) ?? []).map(({ key, value }) => `${key}:${value}`).sort();

/** The calls of a source create whose labels platform:server and category:crm do not exist yet. */
export const sourceCreateSteps = (): Step[] => [
	{ method: 'GET', path: '/catalog/sources', faulted: true },
	{ method: 'GET', path: '/labels', faulted: true },
	{ method: 'POST', path: '/labels', faulted: true },
	{ method: 'POST', path: '/labels', faulted: false },
	{ method: 'POST', path: '/sources', faulted: true, creates: true },
	// Segment's create takes no name: it is set right after.
	{ method: 'PATCH', path: '/sources/{new}', faulted: true },
	{ method: 'PUT', path: '/sources/{new}/labels', faulted: true },
];
