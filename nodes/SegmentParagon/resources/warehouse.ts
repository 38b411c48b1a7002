import type { IDataObject } from 'n8n-workflow';

import { segmentPath } from '../transport/proxyUrl';
import { withoutSecrets } from '../transport/redact';
import { connectOnCreateProperties, connectSourceToWarehouse, createdButUnfinished, readConnectChoice } from './connections';
import type { OperationContext, ResourceDefinition } from './types';
import { additionalFields, enabledOption, metadataOf, resourceLocator, statusOf } from './shared';
import { warehousePipelines } from './warehousePipelines';
import { connectionFieldProperties, readConnectionFields, settingsFromFields, settingsFromJson, WAREHOUSE_TYPES, type WarehouseType } from './warehouseSettings';

// Segment's bookkeeping beside secret settings: not part of the connection a user gave.
const SETTINGS_BOOKKEEPING = new Set(['name', 'ciphertext', 'encrypted']);

const CONNECT_SOURCES = { name: 'connectSources', idsName: 'sourceIds', other: 'source', own: 'warehouse', loadOptionsMethod: 'getSources' } as const;

/** The catalog entry of a type: the entry whose slug is the type, or for `other` the picked Catalog Entry. */
async function resolveWarehouseEntry(context: OperationContext, type: WarehouseType): Promise<IDataObject> {
	const { params, workspace } = context;
	const catalogId = type === 'other' ? params.id('catalogId', 'Catalog Entry', true) : '';
	if (type === 'other' && !catalogId) {
		throw params.fail('Catalog Entry is empty', 'Type Other makes any warehouse of Segment\'s catalog: pick it under Catalog Entry (From list), or choose Redshift, BigQuery or Snowflake as Type.');
	}
	const catalog = await workspace.catalog('warehouses', params.itemIndex);
	const entry = type === 'other' ? catalog.find((candidate) => candidate.id === catalogId || candidate.slug === catalogId) : catalog.find((candidate) => candidate.slug === type);
	if (!entry) {
		const slugs = catalog.map((candidate) => String(candidate.slug)).join(', ');
		const wanted = type === 'other' ? `Catalog Entry "${catalogId}"` : `entry "${type}"`;
		throw params.fail(`Segment's warehouse catalog has no ${wanted}`, `Warehouse types this workspace offers: ${slugs || 'none'}${type === 'other' ? ' (pick one From list)' : ''}.`);
	}
	return entry;
}

/** The catalog entry of an existing warehouse (one GET of the warehouse; the catalog is read once per execution). */
async function entryOfWarehouse(context: OperationContext, id: string): Promise<IDataObject> {
	const { params, workspace } = context;
	const data = await workspace.client.request<{ warehouse: IDataObject }>(
		{ method: 'GET', path: segmentPath('warehouses', id), notFound: `Warehouse ${id}`, entity: 'warehouse' },
		params.itemIndex,
	);
	const metadata = metadataOf(data.warehouse);
	const catalog = await workspace.catalog('warehouses', params.itemIndex);
	const entry = catalog.find((candidate) => candidate.id === metadata.id) ?? (Array.isArray(metadata.options) ? metadata : undefined);
	if (!entry) throw params.fail(`Segment's warehouse catalog has no entry ${String(metadata.id)} (the type of warehouse ${id})`, 'Update Fields > Connection cannot be checked; change the settings in Segment\'s app.');
	return entry;
}

async function validateSettings(context: OperationContext, entry: IDataObject, settings: IDataObject): Promise<void> {
	const { params, workspace } = context;
	const data = await workspace.client.request<IDataObject>({ method: 'POST', path: segmentPath('warehouses', 'validation'), body: { metadataId: String(entry.id), settings } }, params.itemIndex);
	if (data.status !== 'CONNECTED') {
		throw params.fail(
			`Segment could not connect to the ${String(entry.name ?? entry.slug)} warehouse with these settings (validation ${String(data.status ?? 'gave no status')}); nothing was created`,
			'Check the host, credentials and network access of the warehouse (Segment must be allowed to reach it), then run the node again.',
		);
	}
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
				{ name: 'Other (From Catalog)', value: 'other', description: 'Any warehouse of Segment\'s catalog (Postgres, Databricks, …), with the connection as JSON' },
				{ name: 'Redshift', value: 'redshift' },
				{ name: 'Snowflake', value: 'snowflake' },
			],
			description: 'The kind of warehouse; its settings come from Segment\'s catalog entry of that slug',
		},
		{
			...resourceLocator({
				displayName: 'Catalog Entry',
				name: 'catalogId',
				searchMethod: 'searchWarehouseCatalog',
				placeholder: 'e.g. 55d3d3aea3c',
				description: 'The kind of warehouse in Segment\'s catalog, for Type Other',
			}),
			displayOptions: { show: { type: ['other'] } },
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
			description: 'How to give the connection: as the fields of the type, or as one JSON object of the catalog entry\'s settings',
		},
		...connectionFieldProperties,
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'json',
			default: '{}',
			placeholder: 'e.g. {"hostname": "example.redshift.amazonaws.com", "port": "5439"}',
			description: 'The warehouse settings as a JSON object, checked against the catalog entry (e.g. host is sent as hostname where the entry says so)',
			displayOptions: { show: { connectionMode: ['json'] } },
		},
		...connectOnCreateProperties(CONNECT_SOURCES),
		additionalFields([
			enabledOption('warehouse'),
			{
				displayName: 'Validate First',
				name: 'validateFirst',
				type: 'boolean',
				default: false,
				description: 'Whether to let Segment test the connection before creating the warehouse; if it fails, nothing is created',
			},
		]),
	],

	updateFields: [
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'json',
			default: '{}',
			description: 'Settings to change, as a JSON object checked against the warehouse\'s catalog entry; Segment merges them into the current ones',
		},
		enabledOption('warehouse'),
		{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Analytics Warehouse' },
	],

	async create(context) {
		const { params, workspace } = context;
		const name = params.text('name', 'Name');
		const type = params.choice('type', 'Type', WAREHOUSE_TYPES);
		const mode = params.choice('connectionMode', 'Connection Mode', ['fields', 'json'] as const, 'fields');
		if (type === 'other' && mode === 'fields') {
			throw params.fail('Type Other takes the connection as JSON', 'Set Connection Mode to "Using JSON" and give the settings of the Catalog Entry.');
		}
		// Every parameter is read and checked before the catalog is looked up.
		const connection = mode === 'json' ? params.jsonObject('connection', 'Connection') : undefined;
		const filled = connection ? [] : readConnectionFields(params, type as Exclude<WarehouseType, 'other'>);
		const enabled = params.boolean('additionalFields.enabled', 'Enabled', true);
		const validateFirst = params.boolean('additionalFields.validateFirst', 'Validate First', false);
		const { choice, ids: sourceIds } = readConnectChoice(params, CONNECT_SOURCES);
		const entry = await resolveWarehouseEntry(context, type);
		const settings = connection ? settingsFromJson(params, 'Connection', entry, connection, true) : settingsFromFields(params, filled, entry);
		if (validateFirst) await validateSettings(context, entry, settings);

		const body: IDataObject = { metadataId: String(entry.id), name, enabled, settings };
		// Segment's default connects every source; anything else starts from none.
		if (choice !== 'all') body.disconnectAllSources = true;
		const data = await workspace.client.request<{ warehouse: IDataObject }>(
			{ method: 'POST', path: segmentPath('warehouses'), body, creating: `warehouse "${name}"`, entity: 'warehouse' },
			params.itemIndex,
		);
		const id = String(data.warehouse.id);
		for (const [index, sourceId] of sourceIds.entries()) {
			try {
				await connectSourceToWarehouse(workspace, params, id, sourceId);
			} catch (error) {
				const left = sourceIds.slice(index).join(', ');
				throw createdButUnfinished(context, 'Warehouse', id, `connecting its sources failed at ${sourceId} (not connected yet: ${left})`, error, `Connect the sources ${left} to warehouse ${id} in Segment's app.`);
			}
		}
		return { entity: data.warehouse };
	},

	async update(context, id, fields) {
		const { params, workspace } = context;
		const connection = fields.connection === undefined ? undefined : params.toJsonObject(fields.connection, 'Update Fields > Connection');
		const name = fields.name === undefined ? undefined : params.text('updateFields.name', 'Update Fields > Name');
		const enabled = fields.enabled === undefined ? undefined : params.boolean('updateFields.enabled', 'Update Fields > Enabled', true);
		// Segment requires settings on every update; {} changes none of them.
		const settings = connection && Object.keys(connection).length ? settingsFromJson(params, 'Update Fields > Connection', await entryOfWarehouse(context, id), connection, false) : {};
		const body: IDataObject = { settings };
		if (name !== undefined) body.name = name;
		if (enabled !== undefined) body.enabled = enabled;
		const data = await workspace.client.request<{ warehouse: IDataObject }>(
			{ method: 'PATCH', path: segmentPath('warehouses', id), body, notFound: `Warehouse ${id}`, entity: 'warehouse' },
			params.itemIndex,
		);
		return { entity: data.warehouse };
	},

	simplify({ entity }) {
		const settings = (entity.settings as IDataObject | undefined) ?? {};
		const connection = Object.fromEntries(Object.entries(settings).filter(([key]) => !SETTINGS_BOOKKEEPING.has(key)));
		return {
			id: entity.id,
			name: settings.name ?? entity.name ?? null,
			type: metadataOf(entity).slug ?? null,
			connection: withoutSecrets(connection),
			status: statusOf(entity),
			workspaceId: entity.workspaceId ?? null,
		};
	},

	listName(entity) {
		const settings = (entity.settings as IDataObject | undefined) ?? {};
		const type = metadataOf(entity).slug;
		return `${String(settings.name ?? entity.name ?? entity.id)}${type ? ` (${String(type)})` : ''}`;
	},
};

// Declared with the resource: Connect / Disconnect Source, Get Connected Sources, Get Syncs, Test Connection.
warehouse.operations = warehousePipelines(warehouse);
