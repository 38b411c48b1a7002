import type { IDataObject } from 'n8n-workflow';

import { warehouseListName, warehouseName } from '../../../shared/entities';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { isSecretKey, withoutSecrets } from '../../../shared/transport/redact';
import type { Params } from '../../../shared/validation';
import { connectionChanges, connectOnCreateProperties, connectSourceToWarehouse, createdButUnfinished, readConnectChoice } from '../connections';
import type { OperationContext, ResourceDefinition } from '../types';
import { additionalFields, changedSettings, enabledOption, metadataOf, resourceLocator, statusOf } from '../shared';
import { warehousePipelines } from './pipelines';
import { catalogOptions, connectionFieldProperties, readConnectionFields, settingsFromFields, settingsFromJson, WAREHOUSE_TYPES, type FieldType, type WarehouseType } from './settings';

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

/** The parameters of Create (and Create or Update), all read and checked before any lookup. */
function readWarehouseInput({ params }: OperationContext) {
	const name = params.text('name', 'Name');
	const type = params.choice('type', 'Type', WAREHOUSE_TYPES);
	const mode = params.choice('connectionMode', 'Connection Mode', ['fields', 'json'] as const, 'fields');
	if (type === 'other' && mode === 'fields') {
		throw params.fail('Type Other takes the connection as JSON', 'Set Connection Mode to "Using JSON" and give the settings of the Catalog Entry.');
	}
	const connection = mode === 'json' ? params.jsonObject('connection', 'Connection') : undefined;
	return {
		name,
		type,
		connection,
		filled: connection ? [] : readConnectionFields(params, type as FieldType),
		enabled: params.boolean('additionalFields.enabled', 'Enabled', true),
		validateFirst: params.boolean('additionalFields.validateFirst', 'Validate First', false),
		connect: readConnectChoice(params, CONNECT_SOURCES),
	};
}

/** The settings to send, checked against the catalog entry; a create needs every required one. */
function settingsOf(params: Params, input: ReturnType<typeof readWarehouseInput>, entry: IDataObject, requireAll: boolean): IDataObject {
	return input.connection ? settingsFromJson(params, 'Connection', entry, input.connection, requireAll) : settingsFromFields(params, input.filled, entry, requireAll);
}

async function patchWarehouse(context: OperationContext, id: string, body: IDataObject): Promise<IDataObject> {
	const data = await context.workspace.client.request<{ warehouse: IDataObject }>(
		{ method: 'PATCH', path: segmentPath('warehouses', id), body, notFound: `Warehouse ${id}`, entity: 'warehouse' },
		context.params.itemIndex,
	);
	return data.warehouse;
}

const warehouseKey = (name: string, slug: string) => `${name}\u0000${slug}`;

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
		// Every parameter is read and checked before the catalog is looked up.
		const input = readWarehouseInput(context);
		const { name, enabled, validateFirst } = input;
		const { choice, ids: sourceIds } = input.connect;
		const entry = await resolveWarehouseEntry(context, input.type);
		const settings = settingsOf(params, input, entry, true);
		if (validateFirst) await validateSettings(context, entry, settings);

		const body: IDataObject = { metadataId: String(entry.id), name, enabled, settings };
		// Segment's default connects every source; anything else starts from none.
		if (choice !== 'all') body.disconnectAllSources = true;
		const data = await workspace.client.request<{ warehouse: IDataObject }>(
			{ method: 'POST', path: segmentPath('warehouses'), body, creating: `warehouse "${name}"`, entity: 'warehouse' },
			params.itemIndex,
		);
		const id = String(data.warehouse.id);
		context.created?.(data.warehouse);
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
		const { params } = context;
		const connection = fields.connection === undefined ? undefined : params.toJsonObject(fields.connection, 'Update Fields > Connection');
		const name = fields.name === undefined ? undefined : params.text('updateFields.name', 'Update Fields > Name');
		const enabled = fields.enabled === undefined ? undefined : params.boolean('updateFields.enabled', 'Update Fields > Enabled', true);
		// Segment requires settings on every update; {} changes none of them.
		const settings = connection && Object.keys(connection).length ? settingsFromJson(params, 'Update Fields > Connection', await entryOfWarehouse(context, id), connection, false) : {};
		const body: IDataObject = { settings };
		if (name !== undefined) body.name = name;
		if (enabled !== undefined) body.enabled = enabled;
		return { entity: await patchWarehouse(context, id, body) };
	},

	upsert: {
		matchedBy: 'name and type',
		async key(context) {
			const { name, type } = readWarehouseInput(context);
			const slug = String((await resolveWarehouseEntry(context, type)).slug);
			return { key: warehouseKey(name, slug), label: `name "${name}" and type ${slug}` };
		},
		keyOf(entity) {
			const name = ((entity.settings as IDataObject | undefined) ?? {}).name ?? entity.name;
			const slug = metadataOf(entity).slug;
			return typeof name === 'string' && typeof slug === 'string' ? warehouseKey(name, slug) : undefined;
		},
		async differences(context, existing) {
			const input = readWarehouseInput(context);
			const entry = await resolveWarehouseEntry(context, input.type);
			// Only the settings given are compared: a secret left empty stays as it is; one given is always sent.
			const given = settingsOf(context.params, input, entry, false);
			const secret = new Set(catalogOptions(entry).filter((option) => option.type === 'password').map((option) => option.name));
			const settings = changedSettings(given, existing.settings, (key) => secret.has(key) || isSecretKey(key));
			const changed = [...Object.keys(settings), ...(existing.enabled === input.enabled ? [] : ['enabled'])];
			const id = String(existing.id);
			const changes = await connectionChanges(context, CONNECT_SOURCES, input.connect.choice, input.connect.ids, id);
			if (changed.length) {
				const body: IDataObject = existing.enabled === input.enabled ? { settings } : { settings, enabled: input.enabled };
				changes.unshift({ what: `its ${changed.join(', ')}`, send: () => patchWarehouse(context, id, body) });
			}
			return { changes };
		},
	},

	simplify({ entity }) {
		const settings = (entity.settings as IDataObject | undefined) ?? {};
		const connection = Object.fromEntries(Object.entries(settings).filter(([key]) => !SETTINGS_BOOKKEEPING.has(key)));
		return {
			id: entity.id,
			name: warehouseName(entity),
			type: metadataOf(entity).slug ?? null,
			connection: withoutSecrets(connection),
			status: statusOf(entity),
			workspaceId: entity.workspaceId ?? null,
		};
	},

	listName: warehouseListName,
};

// Declared with the resource: Connect / Disconnect Source, Get Connected Sources, Get Syncs, Test Connection.
warehouse.operations = warehousePipelines(warehouse);
