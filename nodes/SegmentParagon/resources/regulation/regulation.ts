import { runAlone } from '../shared';
import type { OperationDeclaration, ResourceDefinition } from '../types';
import { createRegulations } from './combine';
import { listRegulations, listSuppressions } from './lists';
import {
	collectionProperty,
	combineItemsOption,
	createScopeProperty,
	irreversibleNotice,
	listFiltersProperty,
	listScopeProperty,
	regulationIdProperty,
	regulationTypeProperty,
	sourceProperty,
	subjectIdsProperty,
	subjectTypeProperty,
} from './properties';

/** Create: all items at once, their IDs combined into as few requests as Segment allows. */
const create: OperationDeclaration = {
	value: 'create',
	name: 'Create',
	action: 'Delete or suppress the data of users',
	description: 'File a regulation that deletes or suppresses the data of users in Segment (GDPR, CCPA); a deletion cannot be undone',
	properties: [irreversibleNotice, createScopeProperty, sourceProperty, collectionProperty, regulationTypeProperty, subjectTypeProperty, subjectIdsProperty],
	options: [combineItemsOption],
	run: runAlone(createRegulations),
	runAll: createRegulations,
};

const list: OperationDeclaration = {
	value: 'list',
	name: 'Get Many',
	action: 'Get many deletion and suppression requests',
	description: 'Get many regulations (deletion and suppression requests) of the last 90 days, with their status',
	properties: [listScopeProperty, sourceProperty, listFiltersProperty],
	paged: true,
	run: listRegulations,
};

const suppressions: OperationDeclaration = {
	value: 'listSuppressions',
	name: 'Get Suppressed Users',
	action: 'Get the suppressed users of the workspace',
	description: 'Get the users whose data Segment suppresses in the workspace',
	paged: true,
	simplify: true,
	run: listSuppressions,
};

/**
 * User deletion and suppression (SPEC §4.10): Segment's regulations. They cannot be updated or
 * cancelled (Segment removed the cancel call), so the resource has the shared Get only; its
 * Create and Get Many are its own (combined items; scope and filters).
 */
export const regulation: ResourceDefinition = {
	name: 'regulation',
	displayName: 'User Deletion and Suppression',
	entityName: 'Regulation',
	crud: ['get'],
	plural: 'regulations',
	wording: {
		get: {
			action: 'Get the status of a deletion or suppression request',
			description: 'Get a regulation (a deletion or suppression request) with its status at each destination',
		},
	},
	idParameter: 'regulationId',
	idProperty: regulationIdProperty,
	// The regulation as Segment sends it, with its status at each destination.
	simplifies: false,
	simplify: ({ entity }) => entity,
	listName: (entity) => String(entity.id),
	operations: [create, list, suppressions],
};
