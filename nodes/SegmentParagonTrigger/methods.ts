import { destinationListName, sourceListName, warehouseListName } from '../shared/entities';
import { entityOptions, searchEntities } from '../shared/methods/entityLists';

const WAREHOUSES = { plural: 'warehouses', listName: warehouseListName };
const SOURCES = { plural: 'sources', listName: sourceListName };
const DESTINATIONS = { plural: 'destinations', listName: destinationListName };

/** What the trigger's parameters pick from: the workspace's sources and destinations, and warehouses to watch. */
export const listSearch = {
	searchSources: searchEntities(SOURCES),
	searchDestinations: searchEntities(DESTINATIONS),
};

export const loadOptions = {
	getWarehouses: entityOptions(WAREHOUSES),
	getSources: entityOptions(SOURCES),
};
