import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { DESTINATION_CATEGORIES, inCategories, seedCategories, supportedPlatforms } from '../resources/destination/destination';
import { RESOURCES } from '../resources';
import { entityOptions, searchEntities, searchPage } from '../../shared/methods/entityLists';
import { segmentPath } from '../../shared/transport/proxyUrl';
import { SegmentClient } from '../../shared/transport/request';
import { Workspace } from '../../shared/transport/workspace';
import { searchDestinationActions } from './resourceMapping';

export const listSearch = {
	searchWarehouses: searchEntities(RESOURCES.warehouse),
	searchSources: searchEntities(RESOURCES.source),
	searchDestinations: searchEntities(RESOURCES.destination),
	searchDestinationActions,
	searchTrackingPlans: searchEntities(RESOURCES.trackingPlan),
	searchReverseEtlModels: searchEntities(RESOURCES.reverseEtl),

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
