import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import type { ListName } from '../entities';
import { MAX_PAGE_SIZE } from '../transport/paging';
import { segmentPath } from '../transport/proxyUrl';
import { SegmentClient } from '../transport/request';
import { Workspace } from '../transport/workspace';

/** A list endpoint and how its entries are named, e.g. `warehouses` and the warehouse's name. */
export interface ListedKind {
	/** Segment's path, e.g. `warehouses`; also the list's key unless `listKey` says otherwise. */
	plural: string;
	listKey?: string;
	listName: ListName;
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.trim().toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(wanted));
}

/** One page of the API per call; n8n asks for the next with the cursor as pagination token. */
export async function searchPage(
	fn: ILoadOptionsFunctions,
	path: string,
	key: string,
	describe: (entry: IDataObject) => { name: string; extra: unknown[] },
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const workspace = new Workspace(new SegmentClient(fn));
	const page = await workspace.page(path, key, MAX_PAGE_SIZE, paginationToken || undefined, 0);
	const results = page.entries
		.map((entry) => ({ entry, ...describe(entry) }))
		.filter(({ entry, name, extra }) => matches(filter, name, entry.id, ...extra))
		.map(({ entry, name }) => ({ name, value: String(entry.id) }));
	return { results, paginationToken: page.next };
}

/** The list search behind a resource locator's "From list" mode. */
export function searchEntities(kind: ListedKind) {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(
			this,
			segmentPath(kind.plural),
			kind.listKey ?? kind.plural,
			(entity) => ({ name: kind.listName(entity), extra: [entity.slug, (entity.metadata as IDataObject | undefined)?.slug] }),
			filter,
			paginationToken,
		);
	};
}

// A pick list in the editor, not a full inventory: the first pages are enough to choose from.
const MAX_PICK_LIST = 1000;

/** The entities of a kind as options of a multi-select (e.g. the sources a new warehouse connects to). */
export function entityOptions(kind: ListedKind) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const entities = await new Workspace(new SegmentClient(this)).list(segmentPath(kind.plural), kind.listKey ?? kind.plural, { limit: MAX_PICK_LIST }, 0);
		return entities.map((entity) => ({ name: kind.listName(entity), value: String(entity.id) }));
	};
}
