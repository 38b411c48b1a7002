import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Params } from '../../../shared/validation';

/** The seed's warehouse types; `other` is any entry of Segment's warehouse catalog, picked by id. */
export const WAREHOUSE_TYPES = ['redshift', 'bigquery', 'snowflake', 'other'] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number];
export type FieldType = Exclude<WarehouseType, 'other'>;

/** One setting of a warehouse catalog entry (`options` is the schema of a warehouse's `settings`). */
export interface CatalogOption {
	name: string;
	type?: string;
	required?: boolean;
}

interface ConnectionField {
	name: string;
	displayName: string;
	types: FieldType[];
	/** Segment's setting names for this field, in order of preference: the first the entry declares is used. */
	settings: string[];
	kind?: 'number' | 'password';
	default?: number;
	placeholder?: string;
	description?: string;
}

// The "Using Fields Below" mode: the UI and the mapping onto the catalog's settings come from this table.
const CONNECTION_FIELDS: ConnectionField[] = [
	{ name: 'host', displayName: 'Host', types: ['redshift'], settings: ['hostname', 'host'], placeholder: 'e.g. examplecluster.abc123.us-west-2.redshift.amazonaws.com' },
	{ name: 'port', displayName: 'Port', types: ['redshift'], settings: ['port'], kind: 'number', default: 5439 },
	{ name: 'account', displayName: 'Account', types: ['snowflake'], settings: ['account'], placeholder: 'e.g. my_snowflake_account' },
	{ name: 'warehouse', displayName: 'Warehouse', types: ['snowflake'], settings: ['warehouse'], placeholder: 'e.g. COMPUTE_WH', description: 'The Snowflake virtual warehouse that runs the loads' },
	{ name: 'projectId', displayName: 'Project ID', types: ['bigquery'], settings: ['gc-project', 'project', 'project_id'], placeholder: 'e.g. my-gcp-project', description: 'The Google Cloud project that holds the data' },
	{ name: 'location', displayName: 'Location', types: ['bigquery'], settings: ['location'], placeholder: 'e.g. US', description: 'Where the BigQuery data lives (US, EU or a region)' },
	{ name: 'serviceAccountKey', displayName: 'Service Account Key', types: ['bigquery'], settings: ['credentials', 'serviceAccountKey'], kind: 'password', description: 'The JSON key of a service account with BigQuery access, sent to Segment as its credentials' },
	{ name: 'database', displayName: 'Database', types: ['redshift', 'snowflake'], settings: ['database'], placeholder: 'e.g. analytics' },
	{ name: 'username', displayName: 'Username', types: ['redshift', 'snowflake'], settings: ['username', 'user'], placeholder: 'e.g. segment_user' },
	{ name: 'password', displayName: 'Password', types: ['redshift', 'snowflake'], settings: ['password'], kind: 'password' },
	{ name: 'role', displayName: 'Role', types: ['snowflake'], settings: ['role'], placeholder: 'e.g. SYSADMIN' },
];

// Segment's own bookkeeping beside secret settings: never the user's to give.
const INTERNAL_OPTIONS = new Set(['ciphertext', 'encrypted']);

/**
 * The fields of "Using Fields Below". None is `required`: they depend on Type, which may be an
 * expression (n8n then shows them all); the node checks them against the catalog when it runs.
 */
export const connectionFieldProperties: INodeProperties[] = CONNECTION_FIELDS.map((field) => ({
	displayName: field.displayName,
	name: field.name,
	type: field.kind === 'number' ? 'number' : 'string',
	typeOptions: field.kind === 'password' ? { password: true } : field.kind === 'number' ? { minValue: 1, maxValue: 65535 } : undefined,
	default: field.default ?? '',
	placeholder: field.placeholder,
	description: field.description,
	displayOptions: { show: { type: field.types, connectionMode: ['fields'] } },
}));

export function catalogOptions(entry: IDataObject): CatalogOption[] {
	const options = Array.isArray(entry.options) ? (entry.options as IDataObject[]) : [];
	return options.filter((option) => option && typeof option.name === 'string') as unknown as CatalogOption[];
}

function entryName(entry: IDataObject): string {
	return `Segment's ${String(entry.name ?? entry.slug ?? entry.id)} warehouse`;
}

/** "hostname*, port*, database (* required)": what the user may give. */
function describeOptions(options: CatalogOption[]): string {
	const offered = options.filter((option) => !INTERNAL_OPTIONS.has(option.name));
	if (!offered.length) return 'It declares no settings.';
	return `Its settings are: ${offered.map((option) => `${option.name}${option.required ? '*' : ''}`).join(', ')} (* required).`;
}

/** The setting a seed word or field stands for in this entry: itself when declared, else the first declared name of its row. */
function declaredName(key: string, declared: Set<string>): string | undefined {
	if (declared.has(key)) return key;
	const row = CONNECTION_FIELDS.find((field) => field.name === key || field.settings.includes(key));
	return row?.settings.find((name) => declared.has(name));
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/** A value as the option's type asks: text for string and password (port 5439 goes as "5439"). */
function coerce(params: Params, label: string, option: CatalogOption, value: unknown, secret: boolean): IDataObject[string] {
	const shown = secret ? 'the value given' : JSON.stringify(value)?.slice(0, 60);
	switch (option.type) {
		case 'string':
		case 'password':
		case 'text':
			if (typeof value === 'string') return value;
			if (typeof value === 'number' || typeof value === 'boolean') return String(value);
			// A service account key given as an object: Segment takes its JSON text.
			if (value && typeof value === 'object') return JSON.stringify(value);
			break;
		case 'number': {
			const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			if (typeof n === 'number' && Number.isFinite(n)) return n;
			break;
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			break;
		default:
			return value as IDataObject[string];
	}
	throw params.fail(`${label}: setting "${option.name}" must be ${option.type === 'number' ? 'a number' : option.type === 'boolean' ? 'true or false' : 'text'}, not ${shown}`);
}

/**
 * Settings checked against the catalog entry before anything is sent: every key declared,
 * every value of its option's type, and (for a create) every required option present.
 */
export function checkSettings(params: Params, label: string, entry: IDataObject, given: IDataObject, requireAll: boolean, secretKeys: Set<string> = new Set()): IDataObject {
	const options = catalogOptions(entry);
	const byName = new Map(options.map((option) => [option.name, option]));
	const settings: IDataObject = {};
	for (const [key, value] of Object.entries(given)) {
		const option = byName.get(key);
		if (!option) throw params.fail(`${label}: "${key}" is not a setting of ${entryName(entry)}`, describeOptions(options));
		if (isEmpty(value) && !option.required) continue;
		settings[key] = coerce(params, label, option, value, secretKeys.has(key) || option.type === 'password');
	}
	if (requireAll) {
		for (const option of options) {
			if (option.required && !INTERNAL_OPTIONS.has(option.name) && isEmpty(settings[option.name])) {
				const field = CONNECTION_FIELDS.find((row) => row.settings.includes(option.name));
				const hint = field ? ` (the ${field.displayName} field, or "${option.name}" in JSON)` : '';
				throw params.fail(`${label}: ${entryName(entry)} requires the setting "${option.name}"${hint}`, describeOptions(options));
			}
		}
	}
	return settings;
}

/** JSON mode: each key as given, or renamed by the field table when the entry declares another of its names. */
export function settingsFromJson(params: Params, label: string, entry: IDataObject, connection: IDataObject, requireAll: boolean): IDataObject {
	const declared = new Set(catalogOptions(entry).map((option) => option.name));
	const renamed: IDataObject = {};
	for (const [key, value] of Object.entries(connection)) {
		const name = declaredName(key, declared);
		if (!name) throw params.fail(`${label}: "${key}" is not a setting of ${entryName(entry)}`, describeOptions(catalogOptions(entry)));
		if (name in renamed) throw params.fail(`${label}: "${key}" and another key both give the setting "${name}"`, 'Give each setting once.');
		renamed[name] = value;
	}
	return checkSettings(params, label, entry, renamed, requireAll);
}

/** The filled fields of a type, read (and checked as fields) before any lookup is made. */
export interface FilledField {
	field: ConnectionField;
	value: string | number;
}

export function readConnectionFields(params: Params, type: FieldType): FilledField[] {
	const filled: FilledField[] = [];
	for (const field of CONNECTION_FIELDS.filter((row) => row.types.includes(type))) {
		const value =
			field.kind === 'number'
				? params.integer(field.name, field.displayName, field.default ?? 0, 1, 65535)
				: field.kind === 'password'
					? params.optionalSecret(field.name, field.displayName)
					: params.optionalText(field.name, field.displayName);
		if (value !== undefined) filled.push({ field, value });
	}
	return filled;
}

/** Fields mode: each filled field under the first of its setting names the entry declares; `requireAll` for a create. */
export function settingsFromFields(params: Params, filled: FilledField[], entry: IDataObject, requireAll = true): IDataObject {
	const declared = new Set(catalogOptions(entry).map((option) => option.name));
	const given: IDataObject = {};
	const secretKeys = new Set<string>();
	for (const { field, value } of filled) {
		const name = field.settings.find((setting) => declared.has(setting));
		if (!name) throw params.fail(`${field.displayName} is not a setting of ${entryName(entry)}`, `${describeOptions(catalogOptions(entry))} Clear the field, or use Connection Mode "Using JSON".`);
		given[name] = value;
		if (field.kind === 'password') secretKeys.add(name);
	}
	return checkSettings(params, 'Connection', entry, given, requireAll, secretKeys);
}
