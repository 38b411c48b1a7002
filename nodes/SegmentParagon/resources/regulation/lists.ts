import type { IDataObject } from 'n8n-workflow';

import { listAll, type Page } from '../../../shared/transport/paging';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { Params } from '../../../shared/validation';
import { listPaged, readRange, readSimplify } from '../crud';
import { regulationsPath } from './request';
import type { OperationContext } from '../types';
import { REGULATION_TYPES, STATUSES } from './properties';

/** Filters > Status and Regulation Types, as Segment's query takes them (the list goes out as `regulationTypes[0]=…`, like Segment's SDK sends it). */
function readFilters(params: Params, scope: 'workspace' | 'source'): IDataObject {
	const filters = params.raw('filters', 'Filters', {});
	const given = filters && typeof filters === 'object' && !Array.isArray(filters) ? (filters as IDataObject) : {};
	const qs: IDataObject = {};
	if (given.status !== undefined && given.status !== '') qs.status = params.choice('filters.status', 'Filters > Status', STATUSES);
	const types = given.regulationTypes;
	if (types !== undefined && !(Array.isArray(types) && !types.length) && types !== '') {
		const picked = params.choices('filters.regulationTypes', 'Filters > Regulation Types', REGULATION_TYPES);
		if (scope === 'workspace' && picked.includes('DELETE_ARCHIVE_ONLY')) {
			throw params.fail('Filters > Regulation Types: Delete Archive Only exists for Scope Source only', 'Pick Scope Source and the source, or leave Delete Archive Only out.');
		}
		qs.regulationTypes = picked;
	}
	return qs;
}

/**
 * Get Many: the regulations of the workspace or of one source (Segment keeps 90 days of them),
 * as Segment sends them. Segment's answer for a source has no pagination: one page of up to 200.
 */
export async function listRegulations(context: OperationContext): Promise<IDataObject[]> {
	const { params } = context;
	const scope = params.choice('scope', 'Scope', ['workspace', 'source'] as const, 'workspace');
	const sourceId = scope === 'source' ? params.id('sourceId', 'Source') : undefined;
	const qs = readFilters(params, scope);
	const notFound = sourceId === undefined ? undefined : `Source ${sourceId}`;
	// As Segment sends them: no Simplify.
	return await listPaged(context, regulationsPath({ scope, sourceId }), 'regulations', (entity) => entity, notFound, false, qs);
}

/**
 * Get Suppressed Users: one item per subject `{subjectType, subjectId}`, Offset and Limit
 * counting subjects; Simplify off: Segment's groups `{subjectType, subjectIds}` as sent.
 */
export async function listSuppressions(context: OperationContext): Promise<IDataObject[]> {
	const { params } = context;
	const range = readRange(params);
	const simplify = readSimplify(params);
	const path = segmentPath('suppressions');
	return await listAll(async (count, cursor): Promise<Page> => {
		const page = await context.workspace.page(path, 'suppressed', count, cursor, params.itemIndex);
		if (!simplify) return page;
		const subjects = page.entries.flatMap((group) =>
			(Array.isArray(group.subjectIds) ? (group.subjectIds as unknown[]) : []).map((subjectId) => ({ subjectType: group.subjectType ?? null, subjectId: subjectId as string })),
		);
		return { entries: subjects, next: page.next };
	}, range);
}
