import { destinationListName, sourceListName, warehouseListName } from '../shared/entities';
import { entityOptions, searchEntities } from '../shared/methods/entityLists';
import { modelListName } from '../shared/reverseEtl';

const WAREHOUSES = { plural: 'warehouses', listName: warehouseListName };
const SOURCES = { plural: 'sources', listName: sourceListName };
const DESTINATIONS = { plural: 'destinations', listName: destinationListName };
const REVERSE_ETL_MODELS = { plural: 'reverse-etl-models', listKey: 'models', listName: modelListName };

/** What the trigger's parameters pick from: the workspace's sources, destinations and reverse ETL models, and warehouses to watch. */
export const listSearch = {
	searchSources: searchEntities(SOURCES),
	searchDestinations: searchEntities(DESTINATIONS),
	searchReverseEtlModels: searchEntities(REVERSE_ETL_MODELS),
};

export const loadOptions = {
	getWarehouses: entityOptions(WAREHOUSES),
	getSources: entityOptions(SOURCES),
};
