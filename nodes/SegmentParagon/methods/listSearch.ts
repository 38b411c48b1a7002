import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { DESTINATION_CATEGORIES, inCategories, seedCategories, supportedPlatforms } from '../resources/destination/destination';
import { listKeyOf } from '../resources/crud';
import { RESOURCES } from '../resources';
import type { ResourceDefinition } from '../resources/types';
import { MAX_PAGE_SIZE } from '../../shared/transport/paging';
import { segmentPath } from '../../shared/transport/proxyUrl';
import { SegmentClient } from '../../shared/transport/request';
import { Workspace } from '../../shared/transport/workspace';
import { searchDestinationActions } from './resourceMapping';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.trim().toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(wanted));
}

/** One page of the API per call; n8n asks for the next with the cursor as pagination token. */
async function searchPage(
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

function searchEntities(definition: ResourceDefinition) {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(
			this,
			segmentPath(definition.plural),
			listKeyOf(definition),
			(entity) => ({ name: definition.listName(entity), extra: [entity.slug, (entity.metadata as IDataObject | undefined)?.slug] }),
			filter,
			paginationToken,
		);
	};
}

export const listSearch = {
	searchWarehouses: searchEntities(RESOURCES.warehouse),
	searchSources: searchEntities(RESOURCES.source),
	searchDestinations: searchEntities(RESOURCES.destination),
	searchDestinationActions,
	searchTrackingPlans: searchEntities(RESOURCES.trackingPlan),

	searchSourceCatalog: searchCatalog('sources'),
	searchWarehouseCatalog: searchCatalog('warehouses'),
};

function searchCatalog(kind: 'sources' | 'warehouses') {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(
			this,
			segmentPath('catalog', kind),
			`${kind}Catalog`,
			(entry) => ({ name: `${String(entry.name)} (${String(entry.slug)})`, extra: [entry.slug] }),
			filter,
			paginationToken,
		);
	};
}

// A pick list in the editor, not a full inventory: the first pages are enough to choose from.
const MAX_PICK_LIST = 1000;

/** The entities of a resource as options of a multi-select (e.g. the sources a new warehouse connects to). */
function entityOptions(definition: ResourceDefinition) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const entities = await new Workspace(new SegmentClient(this)).list(segmentPath(definition.plural), listKeyOf(definition), { limit: MAX_PICK_LIST }, 0);
		return entities.map((entity) => ({ name: definition.listName(entity), value: String(entity.id) }));
	};
}

export const loadOptions = {
	getSources: entityOptions(RESOURCES.source),
	getWarehouses: entityOptions(RESOURCES.warehouse),

	/** Destination catalog slugs in the chosen categories that support the chosen platform. */
	async getDestinationSlugs(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const rawCategories = this.getCurrentNodeParameter('categories');
		const categories = (Array.isArray(rawCategories) ? rawCategories : []).filter((category): category is string =>
			(DESTINATION_CATEGORIES as readonly string[]).includes(String(category)),
		);
		const platform = this.getCurrentNodeParameter('platform');
		const catalog = await new Workspace(new SegmentClient(this)).catalog('destinations', 0);
		return catalog
			.filter((entry) => !categories.length || inCategories(entry, categories))
			.filter((entry) => typeof platform !== 'string' || supportedPlatforms(entry).includes(platform as never))
			.map((entry) => ({ name: String(entry.name ?? entry.slug), value: String(entry.slug), description: seedCategories(entry).join(', ') }))
			.sort((a, b) => a.name.localeCompare(b.name));
	},
};
