import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resourceLocator } from '../shared';

/** Where a regulation applies: every source, one source, or a cloud source's collection. */
export const SCOPES = ['workspace', 'source', 'cloudSource'] as const;
export type Scope = (typeof SCOPES)[number];

export const REGULATION_TYPES = ['SUPPRESS_WITH_DELETE', 'DELETE_ONLY', 'SUPPRESS_ONLY', 'UNSUPPRESS', 'DELETE_INTERNAL', 'SUPPRESS_WITH_DELETE_INTERNAL', 'DELETE_ARCHIVE_ONLY'] as const;
export type RegulationType = (typeof REGULATION_TYPES)[number];
export const DEFAULT_REGULATION_TYPE: RegulationType = 'SUPPRESS_WITH_DELETE';

export const SUBJECT_TYPES = ['USER_ID', 'OBJECT_ID', 'ANONYMOUS_ID'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const STATUSES = ['INITIALIZED', 'RUNNING', 'FINISHED', 'FAILED', 'PARTIAL_SUCCESS', 'INVALID', 'NOT_SUPPORTED'] as const;

// Every deleting type says it cannot be undone: Segment has no cancel since API 73.
const TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Delete Archive Only (Source Scope)', value: 'DELETE_ARCHIVE_ONLY', description: 'Delete the data from Segment\'s archives of one source only. Irreversible: deleted data cannot be restored, and a filed regulation cannot be cancelled.' },
	{ name: 'Delete Internal', value: 'DELETE_INTERNAL', description: 'Delete existing data from Segment\'s own systems only (not from destinations). Irreversible: deleted data cannot be restored, and a filed regulation cannot be cancelled.' },
	{ name: 'Delete Only', value: 'DELETE_ONLY', description: 'Delete existing data from Segment and the destinations that support deletion, without blocking new data. Irreversible: deleted data cannot be restored, and a filed regulation cannot be cancelled.' },
	{ name: 'Suppress Only', value: 'SUPPRESS_ONLY', description: 'Block new data about the subjects from now on; existing data stays. Only an Unsuppress regulation lifts it.' },
	{ name: 'Suppress With Delete', value: 'SUPPRESS_WITH_DELETE', description: 'Block new data and delete existing data from Segment and the destinations that support deletion. Irreversible: deleted data cannot be restored, and a filed regulation cannot be cancelled.' },
	{ name: 'Suppress With Delete Internal', value: 'SUPPRESS_WITH_DELETE_INTERNAL', description: 'Block new data and delete existing data from Segment\'s own systems only. Irreversible: deleted data cannot be restored, and a filed regulation cannot be cancelled.' },
	{ name: 'Unsuppress', value: 'UNSUPPRESS', description: 'Let new data about earlier suppressed subjects through again (deleted data does not come back)' },
];

const scopeOption = (name: string, value: Scope, description: string): INodePropertyOptions => ({ name, value, description });

/** Shown above Create's parameters: what is filed cannot be taken back. */
export const irreversibleNotice: INodeProperties = {
	displayName: 'Deleting is irreversible: deleted data cannot be restored, and Segment cannot cancel a regulation once filed. Only a suppression can be lifted, by a regulation of type Unsuppress.',
	name: 'irreversibleNotice',
	type: 'notice',
	default: '',
};

/** Create's scope: the three places Segment files a regulation. */
export const createScopeProperty: INodeProperties = {
	displayName: 'Scope',
	name: 'scope',
	type: 'options',
	default: 'workspace',
	options: [
		scopeOption('Cloud Source', 'cloudSource', 'One collection of a cloud source (e.g. Zendesk users), by object ID'),
		scopeOption('Source', 'source', 'One source of the workspace'),
		scopeOption('Workspace', 'workspace', 'Every source of the workspace'),
	],
};

/** Get Many's scope: Segment lists the regulations of the workspace or of one source. */
export const listScopeProperty: INodeProperties = {
	...createScopeProperty,
	options: [scopeOption('Source', 'source', 'The regulations of one source (and of it as a cloud source)'), scopeOption('Workspace', 'workspace', 'The Workspace-scoped regulations')],
};

// Shown for its scopes; not `required`, as Scope may be an expression (checked when the node runs).
export const sourceProperty: INodeProperties = {
	...resourceLocator({ displayName: 'Source', name: 'sourceId', searchMethod: 'searchSources', placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn', description: 'The source the regulation applies to' }),
	displayOptions: { show: { scope: ['source', 'cloudSource'] } },
};

export const collectionProperty: INodeProperties = {
	displayName: 'Collection',
	name: 'collection',
	type: 'string',
	default: '',
	placeholder: 'e.g. users',
	description: 'The cloud source collection whose objects are regulated',
	displayOptions: { show: { scope: ['cloudSource'] } },
};

export const regulationTypeProperty: INodeProperties = {
	displayName: 'Regulation Type',
	name: 'regulationType',
	type: 'options',
	default: DEFAULT_REGULATION_TYPE,
	options: TYPE_OPTIONS,
	description: 'What Segment does with the subjects. Deleting types are irreversible.',
};

export const subjectTypeProperty: INodeProperties = {
	displayName: 'Subject Type',
	name: 'subjectType',
	type: 'options',
	default: 'USER_ID',
	options: [
		{ name: 'Anonymous ID', value: 'ANONYMOUS_ID', description: 'Source scope, with Delete Archive Only' },
		{ name: 'Object ID', value: 'OBJECT_ID', description: 'Workspace scope, and the only one for a cloud source' },
		{ name: 'User ID', value: 'USER_ID', description: 'The userId your sources send (workspace and source scope)' },
	],
};

export const subjectIdsProperty: INodeProperties = {
	displayName: 'Subject IDs',
	name: 'subjectIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. {{ $json.userId }}',
	description: 'One ID, several separated by commas or new lines, or a list from an expression. The IDs of all items go to Segment together (see Options > Combine Items).',
};

export const regulationIdProperty: INodeProperties = {
	displayName: 'Regulation ID',
	name: 'regulationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2Fkq0aXTwSE9Lbfv5TQfHs1hM9d',
	description: 'The regulateId Segment answered when the regulation was filed',
};

export const listFiltersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Regulation Types',
			name: 'regulationTypes',
			type: 'multiOptions',
			default: [],
			options: TYPE_OPTIONS.map(({ name, value }) => ({ name, value })),
			description: 'Only regulations of these types',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'FAILED',
			options: [
				{ name: 'Failed', value: 'FAILED' },
				{ name: 'Finished', value: 'FINISHED' },
				{ name: 'Initialized', value: 'INITIALIZED' },
				{ name: 'Invalid', value: 'INVALID' },
				{ name: 'Not Supported', value: 'NOT_SUPPORTED' },
				{ name: 'Partial Success', value: 'PARTIAL_SUCCESS' },
				{ name: 'Running', value: 'RUNNING' },
			],
			description: 'Only regulations with this status',
		},
	],
};

/** Options > Combine Items: added to the Options of Create only. */
export const combineItemsOption: INodeProperties = {
	displayName: 'Combine Items',
	name: 'combineItems',
	type: 'boolean',
	default: true,
	description: 'Whether to send the IDs of all items with the same scope, source, collection, type and subject type in one request (up to 5,000 IDs; Segment limits regulations per month). Off: one request per item.',
};
