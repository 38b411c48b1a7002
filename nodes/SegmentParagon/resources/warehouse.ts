import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { segmentPath } from '../transport/proxyUrl';
import { withoutSecrets } from '../transport/redact';
import type { OperationContext, ResourceDefinition } from './types';
import { additionalFields, enabledOption, statusOf } from './shared';

const WAREHOUSE_TYPES = ['redshift', 'bigquery', 'snowflake'] as const;
type WarehouseType = (typeof WAREHOUSE_TYPES)[number];

interface ConnectionField {
	name: string;
	/** The key in Segment's `settings`. */
	setting: string;
	displayName: string;
	/** The types that show this field, and whether it is required there. */
	types: Partial<Record<WarehouseType, 'required' | 'optional'>>;
	kind?: 'number' | 'password';
	default?: string | number;
	placeholder?: string;
	description?: string;
}

// One row per field of the "Using Fields Below" mode: the UI and the settings come from this table.
const CONNECTION_FIELDS: ConnectionField[] = [
	{ name: 'host', setting: 'host', displayName: 'Host', types: { redshift: 'required' }, placeholder: 'e.g. examplecluster.abc123.us-west-2.redshift.amazonaws.com' },
	{ name: 'port', setting: 'port', displayName: 'Port', types: { redshift: 'optional' }, kind: 'number', default: 5439 },
	{ name: 'account', setting: 'account', displayName: 'Account', types: { snowflake: 'required' }, placeholder: 'e.g. my_snowflake_account' },
	{ name: 'warehouse', setting: 'warehouse', displayName: 'Warehouse', types: { snowflake: 'required' }, placeholder: 'e.g. COMPUTE_WH', description: 'The Snowflake virtual warehouse that runs the loads' },
	{ name: 'projectId', setting: 'project_id', displayName: 'Project ID', types: { bigquery: 'required' }, placeholder: 'e.g. my-gcp-project', description: 'The Google Cloud project that holds the dataset' },
	{ name: 'dataset', setting: 'dataset', displayName: 'Dataset', types: { bigquery: 'required' }, placeholder: 'e.g. analytics' },
	{ name: 'serviceAccountKey', setting: 'credentials', displayName: 'Service Account Key', types: { bigquery: 'optional' }, kind: 'password', description: 'The JSON key of a service account with BigQuery access, sent to Segment as its credentials' },
	{ name: 'database', setting: 'database', displayName: 'Database', types: { redshift: 'required', snowflake: 'required' }, placeholder: 'e.g. analytics' },
	{ name: 'username', setting: 'username', displayName: 'Username', types: { redshift: 'required', snowflake: 'required' }, placeholder: 'e.g. segment_user' },
	{ name: 'password', setting: 'password', displayName: 'Password', types: { redshift: 'optional', snowflake: 'optional' }, kind: 'password' },
	{ name: 'schema', setting: 'schema', displayName: 'Schema', types: { redshift: 'optional', snowflake: 'optional' }, placeholder: 'e.g. public' },
	{ name: 'role', setting: 'role', displayName: 'Role', types: { snowflake: 'optional' }, placeholder: 'e.g. SYSADMIN' },
];

function fieldProperty(field: ConnectionField): INodeProperties {
	const types = Object.keys(field.types) as WarehouseType[];
	return {
		displayName: field.displayName,
		name: field.name,
		type: field.kind === 'number' ? 'number' : 'string',
		typeOptions: field.kind === 'password' ? { password: true } : field.kind === 'number' ? { minValue: 1, maxValue: 65535 } : undefined,
		// Shown as required when every type that shows it requires it.
		required: types.every((type) => field.types[type] === 'required') || undefined,
		default: field.default ?? '',
		placeholder: field.placeholder,
		description: field.description,
		displayOptions: { show: { type: types, connectionMode: ['fields'] } },
	};
}

/** Segment's `settings` from the per-type fields; empty optional fields are left out. */
function connectionFromFields(context: OperationContext, type: WarehouseType): IDataObject {
	const { params } = context;
	const settings: IDataObject = {};
	for (const field of CONNECTION_FIELDS) {
		const use = field.types[type];
		if (!use) continue;
		if (field.kind === 'number') {
			settings[field.setting] = params.integer(field.name, field.displayName, Number(field.default), 1, 65535);
			continue;
		}
		const value =
			field.kind === 'password'
				? params.optionalSecret(field.name, field.displayName)
				: use === 'required'
					? params.text(field.name, field.displayName)
					: params.optionalText(field.name, field.displayName);
		if (value !== undefined) settings[field.setting] = value;
	}
	return settings;
}

async function resolveWarehouseMetadataId(context: OperationContext, type: WarehouseType): Promise<string> {
	const catalog = await context.workspace.catalog('warehouses', context.params.itemIndex);
	const entry = catalog.find((candidate) => candidate.slug === type);
	if (!entry) {
		const slugs = catalog.map((candidate) => String(candidate.slug)).join(', ');
		throw context.params.fail(`Segment's warehouse catalog has no entry "${type}"`, `Warehouse types this workspace offers: ${slugs || 'none'}.`);
	}
	return String(entry.id);
}

export const warehouse: ResourceDefinition = {
	name: 'warehouse',
	displayName: 'Warehouse',
	plural: 'warehouses',
	idParameter: 'warehouseId',
	searchMethod: 'searchWarehouses',

	createProperties: [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Analytics Warehouse' },
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			required: true,
			default: 'redshift',
			options: [
				{ name: 'BigQuery', value: 'bigquery' },
				{ name: 'Redshift', value: 'redshift' },
				{ name: 'Snowflake', value: 'snowflake' },
			],
			description: 'The kind of warehouse; Segment\'s catalog entry of that slug is used',
		},
		{
			displayName: 'Connection Mode',
			name: 'connectionMode',
			type: 'options',
			default: 'fields',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
			description: 'How to give the connection: as the fields of the type, or as one JSON object sent to Segment as the warehouse settings',
		},
		...CONNECTION_FIELDS.map(fieldProperty),
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'json',
			required: true,
			default: '{}',
			placeholder: 'e.g. {"host": "example.redshift.amazonaws.com", "port": 5439}',
			description: 'The warehouse settings Segment expects for this type, as a JSON object',
			displayOptions: { show: { connectionMode: ['json'] } },
		},
		additionalFields([enabledOption('warehouse')]),
	],

	updateFields: [
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'json',
			default: '{}',
			description: 'Settings to change, as a JSON object; Segment merges them into the current ones',
		},
		enabledOption('warehouse'),
		{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Analytics Warehouse' },
	],

	async create(context) {
		const { params, workspace } = context;
		const name = params.text('name', 'Name');
		const type = params.choice('type', 'Type', WAREHOUSE_TYPES);
		const mode = params.choice('connectionMode', 'Connection Mode', ['fields', 'json'] as const, 'fields');
		const settings = mode === 'json' ? params.jsonObject('connection', 'Connection') : connectionFromFields(context, type);
		const enabled = params.boolean('additionalFields.enabled', 'Enabled', true);
		const metadataId = await resolveWarehouseMetadataId(context, type);
		const data = await workspace.client.request<{ warehouse: IDataObject }>(
			{ method: 'POST', path: segmentPath('warehouses'), body: { metadataId, name, enabled, settings }, creating: `warehouse "${name}"`, entity: 'warehouse' },
			params.itemIndex,
		);
		return { entity: data.warehouse };
	},

	async update(context, id, fields) {
		const { params, workspace } = context;
		const body: IDataObject = {
			// Segment requires settings on every update; {} changes none of them.
			settings: fields.connection === undefined ? {} : params.toJsonObject(fields.connection, 'Update Fields > Connection'),
		};
		if (fields.name !== undefined) body.name = params.text('updateFields.name', 'Update Fields > Name');
		if (fields.enabled !== undefined) body.enabled = params.boolean('updateFields.enabled', 'Update Fields > Enabled', true);
		const data = await workspace.client.request<{ warehouse: IDataObject }>(
			{ method: 'PATCH', path: segmentPath('warehouses', id), body, notFound: `Warehouse ${id}`, entity: 'warehouse' },
			params.itemIndex,
		);
		return { entity: data.warehouse };
	},

	simplify({ entity }) {
		const { name: settingsName, ...connection } = (entity.settings as IDataObject | undefined) ?? {};
		return {
			id: entity.id,
			name: settingsName ?? entity.name ?? null,
			type: (entity.metadata as IDataObject | undefined)?.slug ?? null,
			connection: withoutSecrets(connection),
			status: statusOf(entity),
			workspaceId: entity.workspaceId ?? null,
		};
	},

	listName(entity) {
		const settings = (entity.settings as IDataObject | undefined) ?? {};
		const type = (entity.metadata as IDataObject | undefined)?.slug;
		return `${String(settings.name ?? entity.name ?? entity.id)}${type ? ` (${String(type)})` : ''}`;
	},
};
