import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Params } from '../../../shared/validation';
import { additionalFields, resourceLocator } from '../shared';

/** Segment's schedule strategies of a model (older API versions; API 73 schedules the mappings). */
export const SCHEDULE_STRATEGIES = ['MANUAL', 'PERIODIC', 'SPECIFIC_DAYS'] as const;

// A model's SQL runs in the warehouse; Segment sends it as written (expressions may build it).
const MAX_QUERY_LENGTH = 100_000;

const nameProperty: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. High-value customers' };
const queryProperty: INodeProperties = {
	displayName: 'SQL Query',
	name: 'query',
	type: 'string',
	typeOptions: { editor: 'sqlEditor', sqlDialect: 'StandardSQL' },
	default: '',
	placeholder: 'e.g. SELECT user_id, email, lifetime_value FROM analytics.customers',
	description: 'The query Segment runs in the warehouse; each row it returns is a record sent through the model\'s mappings',
};
const identifierProperty: INodeProperties = {
	displayName: 'Identifier Column',
	name: 'queryIdentifierColumn',
	type: 'string',
	default: '',
	placeholder: 'e.g. user_id',
	description: 'The column of the query that identifies a row (Segment tells added, changed and removed rows apart by it)',
};
const descriptionProperty: INodeProperties = { displayName: 'Description', name: 'description', type: 'string', default: '', placeholder: 'e.g. Customers with a lifetime value over 1,000' };
const enabledProperty: INodeProperties = {
	displayName: 'Enabled',
	name: 'enabled',
	type: 'boolean',
	default: true,
	description: 'Whether the model\'s syncs run (a disabled model starts no sync, scheduled or manual)',
};
const scheduleStrategyProperty: INodeProperties = {
	displayName: 'Schedule Strategy',
	name: 'scheduleStrategy',
	type: 'options',
	default: 'MANUAL',
	options: [
		{ name: 'Manual', value: 'MANUAL' },
		{ name: 'Periodic', value: 'PERIODIC' },
		{ name: 'Specific Days', value: 'SPECIFIC_DAYS' },
	],
	description: 'How Segment schedules the model\'s syncs. Only sent when set: in Segment\'s current API each mapping has its own schedule.',
};
const scheduleConfigProperty: INodeProperties = {
	displayName: 'Schedule Config',
	name: 'scheduleConfig',
	type: 'json',
	default: '{}',
	description: 'The schedule of the strategy, a JSON object, e.g. {"interval": "1h"} (Periodic) or {"days": [1, 3], "hours": [2], "timezone": "UTC"} (Specific Days)',
};

/** Create: the model's source, name, SQL and identifier column; description, enabled and schedule optional. */
export const modelCreateProperties: INodeProperties[] = [
	resourceLocator({
		displayName: 'Source',
		name: 'sourceId',
		searchMethod: 'searchSources',
		placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn',
		description: 'The warehouse source (Snowflake, BigQuery, Redshift, Postgres, Databricks) the model reads from',
		required: true,
	}),
	{ ...nameProperty, required: true },
	{ ...queryProperty, required: true },
	{ ...identifierProperty, required: true },
	additionalFields([descriptionProperty, enabledProperty, scheduleConfigProperty, scheduleStrategyProperty]),
];

export const modelUpdateFields: INodeProperties[] = [descriptionProperty, enabledProperty, identifierProperty, nameProperty, scheduleConfigProperty, scheduleStrategyProperty, queryProperty];

/** The SQL as given (kept exactly: it may span lines); empty or blank is refused. */
function readQuery(params: Params, name: string, label: string): string {
	const value = params.raw(name, label, '');
	if (typeof value !== 'string') throw params.fail(`${label} must be text, not ${value === null ? 'null' : typeof value}`);
	if (!value.trim()) throw params.fail(`${label} is empty`, 'Enter the SQL the model runs in the warehouse, e.g. SELECT user_id, email FROM analytics.customers.');
	if (value.length > MAX_QUERY_LENGTH) throw params.fail(`${label} is longer than ${MAX_QUERY_LENGTH.toLocaleString('en-US')} characters`);
	if (value.includes('\u0000')) throw params.fail(`${label} contains a NUL character`);
	return value.trim();
}

/** A schedule's fields, read from `prefix` (additionalFields / updateFields): only the ones given. */
function readSchedule(params: Params, prefix: string, label: string, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.scheduleStrategy !== undefined) body.scheduleStrategy = params.choice(`${prefix}.scheduleStrategy`, `${label} > Schedule Strategy`, SCHEDULE_STRATEGIES);
	if (fields.scheduleConfig !== undefined) {
		const config = params.jsonObject(`${prefix}.scheduleConfig`, `${label} > Schedule Config`);
		if (!Object.keys(config).length) throw params.fail(`${label} > Schedule Config is an empty object`, 'Segment needs at least one key, e.g. {"interval": "1h"}; or remove the field.');
		body.scheduleConfig = config;
	}
	return body;
}

/** Create's body: description and enabled always sent (older API versions require them), a schedule only when set. */
export function readModelCreate(params: Params): IDataObject {
	const extra = (params.raw('additionalFields', 'Additional Fields', {}) ?? {}) as IDataObject;
	const label = 'Additional Fields';
	return {
		sourceId: params.id('sourceId', 'Source'),
		name: params.text('name', 'Name'),
		query: readQuery(params, 'query', 'SQL Query'),
		queryIdentifierColumn: params.text('queryIdentifierColumn', 'Identifier Column'),
		description: params.optionalText('additionalFields.description', `${label} > Description`) ?? '',
		enabled: params.boolean('additionalFields.enabled', `${label} > Enabled`, true),
		...readSchedule(params, 'additionalFields', label, extra),
	};
}

/** Update's body: the fields given (n8n keeps only the ones the collection offers). */
export function readModelUpdate(params: Params, fields: IDataObject): IDataObject {
	const label = 'Update Fields';
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = params.text('updateFields.name', `${label} > Name`);
	if (fields.query !== undefined) body.query = readQuery(params, 'updateFields.query', `${label} > SQL Query`);
	if (fields.queryIdentifierColumn !== undefined) body.queryIdentifierColumn = params.text('updateFields.queryIdentifierColumn', `${label} > Identifier Column`);
	if (fields.description !== undefined) body.description = params.optionalText('updateFields.description', `${label} > Description`) ?? '';
	if (fields.enabled !== undefined) body.enabled = params.boolean('updateFields.enabled', `${label} > Enabled`, true);
	return { ...body, ...readSchedule(params, 'updateFields', label, fields) };
}
