import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { sourceListName } from '../../../shared/entities';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { labelText, type Label } from '../../../shared/transport/workspace';
import { deliveryOverviewOperation } from './deliveryOverview';
import { sourcePipelines } from './pipelines';
import { connectionChanges, connectOnCreateProperties, connectSourceToWarehouse, finishCreate, readConnectChoice, type CreateStep } from '../connections';
import type { OperationContext, ResourceDefinition, UpsertChange } from '../types';
import { additionalFields, enabledOption, metadataOf, PLATFORM_OPTIONS, PLATFORMS, resourceLocator, statusOf, type Platform } from '../shared';

const SOURCE_CATEGORIES = ['analytics', 'marketing', 'crm'] as const;
type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

const CONNECT_WAREHOUSES = { name: 'connectWarehouses', idsName: 'warehouseIds', other: 'warehouse', own: 'source', loadOptionsMethod: 'getWarehouses' } as const;

const PLATFORM_LABEL = 'platform';
const CATEGORY_LABEL = 'category';

/** The catalog entry a source is created from when no Catalog Entry is picked. */
export const DEFAULT_SOURCE_SLUG: Record<Platform, string> = {
	web: 'javascript',
	mobile: 'react-native',
	server: 'http-api',
};

// Segment's rule for source slugs.
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;
const MAX_SLUG_LENGTH = 100;

const categoriesProperty: INodeProperties = {
	displayName: 'Categories',
	name: 'categories',
	type: 'multiOptions',
	default: [],
	options: [
		{ name: 'Analytics', value: 'analytics' },
		{ name: 'CRM', value: 'crm' },
		{ name: 'Marketing', value: 'marketing' },
	],
	description: 'Kept on the source as Segment labels category:&lt;value&gt;',
};

const platformProperty: INodeProperties = {
	displayName: 'Platform',
	name: 'platform',
	type: 'options',
	default: 'web',
	options: PLATFORM_OPTIONS,
	description: 'Kept on the source as the Segment label platform:&lt;value&gt;',
};

function platformLabels(platform: Platform): Label[] {
	return [{ key: PLATFORM_LABEL, value: platform }];
}

function categoryLabels(categories: SourceCategory[]): Label[] {
	return categories.map((value) => ({ key: CATEGORY_LABEL, value }));
}

function labelsOf(entity: IDataObject): Label[] {
	return Array.isArray(entity.labels) ? (entity.labels as Label[]) : [];
}

/** The labels with the platform and / or category labels replaced; every other label is kept. */
function withLabels(current: Label[], platform?: Platform, categories?: SourceCategory[]): Label[] {
	const replaced = new Set([...(platform ? [PLATFORM_LABEL] : []), ...(categories ? [CATEGORY_LABEL] : [])]);
	return [
		...current.filter((label) => !replaced.has(label.key)).map(({ key, value }) => ({ key, value })),
		...(platform ? platformLabels(platform) : []),
		...(categories ? categoryLabels(categories) : []),
	];
}

function sameLabels(a: Label[], b: Label[]): boolean {
	const text = (labels: Label[]) => [...new Set(labels.map(labelText))].sort().join('\n');
	return text(a) === text(b);
}

function readSlug(context: OperationContext, name: string, label: string): string {
	const slug = context.params.text(name, label);
	if (slug.length > MAX_SLUG_LENGTH || !SLUG.test(slug)) {
		throw context.params.fail(`${label} "${slug.slice(0, 60)}" is not a valid source slug`, `Use lower-case letters, digits, "_" and "-", starting with a letter or digit (at most ${MAX_SLUG_LENGTH} characters), e.g. website_analytics.`);
	}
	return slug;
}

/** The parameters of Create (and Create or Update), read and checked. */
function readSourceInput(context: OperationContext) {
	const { params } = context;
	return {
		name: params.text('name', 'Name'),
		slug: readSlug(context, 'slug', 'Slug'),
		platform: params.choice('platform', 'Platform', PLATFORMS),
		categories: params.choices('categories', 'Categories', SOURCE_CATEGORIES),
		enabled: params.boolean('additionalFields.enabled', 'Enabled', true),
		connect: readConnectChoice(params, CONNECT_WAREHOUSES),
		catalogId: params.id('catalogId', 'Catalog Entry', true),
	};
}

async function resolveSourceMetadataId(context: OperationContext, platform: Platform, catalogId: string): Promise<string> {
	if (catalogId) return catalogId;
	const slug = DEFAULT_SOURCE_SLUG[platform];
	const catalog = await context.workspace.catalog('sources', context.params.itemIndex);
	const entry = catalog.find((candidate) => candidate.slug === slug);
	if (!entry) {
		throw context.params.fail(`Segment's source catalog has no "${slug}" entry (the default for platform ${platform})`, 'Pick the source type under Catalog Entry instead.');
	}
	return String(entry.id);
}

async function patchSource(context: OperationContext, id: string, body: IDataObject): Promise<IDataObject> {
	const data = await context.workspace.client.request<{ source: IDataObject }>(
		{ method: 'PATCH', path: segmentPath('sources', id), body, notFound: `Source ${id}`, entity: 'source' },
		context.params.itemIndex,
	);
	return data.source;
}

/** Replaces the source's labels (which must exist in the workspace already). */
async function putLabels(context: OperationContext, id: string, labels: Label[]): Promise<Label[]> {
	const { workspace, params } = context;
	const data = await workspace.client.request<{ labels?: Label[] }>(
		{ method: 'PUT', path: segmentPath('sources', id, 'labels'), body: { labels }, notFound: `Source ${id}` },
		params.itemIndex,
	);
	return Array.isArray(data.labels) ? data.labels : labels;
}

export const source: ResourceDefinition = {
	name: 'source',
	displayName: 'Source',
	plural: 'sources',
	idParameter: 'sourceId',
	searchMethod: 'searchSources',

	createProperties: [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Website Analytics' },
		{ displayName: 'Slug', name: 'slug', type: 'string', required: true, default: '', placeholder: 'e.g. website_analytics', description: 'The source\'s URL-friendly identifier, unique in the workspace' },
		{ ...platformProperty, required: true, description: 'Where the source runs; also picks the default catalog entry (web: JavaScript, mobile: React Native, server: HTTP API)' },
		{ ...categoriesProperty, required: true },
		resourceLocator({
			displayName: 'Catalog Entry',
			name: 'catalogId',
			searchMethod: 'searchSourceCatalog',
			placeholder: 'e.g. IqDTy1TpoU',
			description: 'The kind of source in Segment\'s catalog; leave empty for the default of the platform',
		}),
		...connectOnCreateProperties(CONNECT_WAREHOUSES),
		additionalFields([enabledOption('source')]),
	],

	updateFields: [categoriesProperty, enabledOption('source'), { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Website Analytics' }, platformProperty],

	async create(context) {
		const { params, workspace } = context;
		const { name, slug, platform, categories, enabled, connect, catalogId } = readSourceInput(context);
		const { choice, ids: warehouseIds } = connect;
		const labels = [...platformLabels(platform), ...categoryLabels(categories)];
		const metadataId = await resolveSourceMetadataId(context, platform, catalogId);
		// Labels first: a failure here leaves nothing half-made.
		await workspace.ensureLabels(labels, params.itemIndex);
		// Segment's create takes no name; it is set right after (as Segment's Terraform provider does).
		const body: IDataObject = { slug, enabled, metadataId };
		if (choice !== 'all') body.disconnectAllWarehouses = true;
		const created = await workspace.client.request<{ source: IDataObject }>(
			{ method: 'POST', path: segmentPath('sources'), body, creating: `source "${slug}"`, entity: 'source' },
			params.itemIndex,
		);
		const id = String(created.source.id);
		let entity = created.source;
		context.created?.(entity);
		const steps: CreateStep[] = [
			{ undone: 'its name', run: async () => void (entity = await patchSource(context, id, { name })) },
			{ undone: 'its platform and category labels', run: async () => void (entity.labels = await putLabels(context, id, labels)) },
			...warehouseIds.map((warehouseId) => ({ undone: `its connection to warehouse ${warehouseId}`, run: () => connectSourceToWarehouse(workspace, params, warehouseId, id) })),
		];
		await finishCreate(context, 'Source', id, steps, (undone) => `${undone.join(', ')} could not be set`, `Run Update (or Create or Update with slug ${slug}) on source ${id} to finish it.`);
		return { entity };
	},

	async update(context, id, fields) {
		const { params, workspace } = context;
		const body: IDataObject = {};
		if (fields.name !== undefined) body.name = params.text('updateFields.name', 'Update Fields > Name');
		if (fields.enabled !== undefined) body.enabled = params.boolean('updateFields.enabled', 'Update Fields > Enabled', true);
		const platform = fields.platform === undefined ? undefined : params.choice('updateFields.platform', 'Update Fields > Platform', PLATFORMS);
		const categories = fields.categories === undefined ? undefined : params.choices('updateFields.categories', 'Update Fields > Categories', SOURCE_CATEGORIES);

		let entity: IDataObject | undefined;
		let labels: Label[] | undefined;
		if (platform || categories) {
			// Replace only the platform / category labels; keep every other label the source has.
			const current = await workspace.client.request<{ source: IDataObject }>(
				{ method: 'GET', path: segmentPath('sources', id), notFound: `Source ${id}`, entity: 'source' },
				params.itemIndex,
			);
			entity = current.source;
			labels = withLabels(labelsOf(entity), platform, categories);
			await workspace.ensureLabels(labels, params.itemIndex);
		}
		if (Object.keys(body).length) entity = await patchSource(context, id, body);
		if (labels) entity!.labels = await putLabels(context, id, labels);
		return { entity: entity! };
	},

	upsert: {
		matchedBy: 'slug',
		async key(context) {
			// Every parameter is checked before the list is read.
			const { slug } = readSourceInput(context);
			return { key: slug, label: `slug "${slug}"` };
		},
		keyOf: (entity) => (typeof entity.slug === 'string' ? entity.slug : undefined),
		async differences(context, existing) {
			const { params, workspace } = context;
			const input = readSourceInput(context);
			const id = String(existing.id);
			const metadata = metadataOf(existing);
			if (input.catalogId && input.catalogId !== metadata.id && input.catalogId !== metadata.slug) {
				throw params.fail(
					`Catalog Entry: source ${id} (slug ${input.slug}) is a ${String(metadata.name ?? metadata.slug)} source (catalog entry ${String(metadata.id)}), not ${input.catalogId}`,
					'Segment cannot change the kind of a source: leave Catalog Entry empty or pick its entry, or give the new source another slug.',
				);
			}
			const body: IDataObject = {};
			if (existing.name !== input.name) body.name = input.name;
			if (existing.enabled !== input.enabled) body.enabled = input.enabled;
			const labels = withLabels(labelsOf(existing), input.platform, input.categories);
			const relabel = !sameLabels(labels, labelsOf(existing));
			const changes: UpsertChange[] = await connectionChanges(context, CONNECT_WAREHOUSES, input.connect.choice, input.connect.ids, id);
			if (relabel) {
				// Made in the workspace first (nothing of the source changes if this fails).
				await workspace.ensureLabels(labels, params.itemIndex);
				changes.unshift({ what: 'its platform and category labels', send: async (entity) => ({ ...entity, labels: await putLabels(context, id, labels) }) });
			}
			if (Object.keys(body).length) changes.unshift({ what: `its ${Object.keys(body).join(' and ')}`, send: () => patchSource(context, id, body) });
			return { changes };
		},
	},

	simplify({ entity }) {
		const labels = labelsOf(entity);
		const metadata = metadataOf(entity);
		return {
			id: entity.id,
			name: entity.name ?? null,
			slug: entity.slug ?? null,
			metadata: {
				platform: labels.find((label) => label.key === PLATFORM_LABEL)?.value ?? null,
				categories: labels.filter((label) => label.key === CATEGORY_LABEL).map((label) => label.value),
			},
			status: statusOf(entity),
			writeKeys: Array.isArray(entity.writeKeys) ? entity.writeKeys : [],
			catalog: { id: metadata.id ?? null, slug: metadata.slug ?? null, name: metadata.name ?? null },
		};
	},

	listName: sourceListName,
};

// Declared with the resource: Get Connected Warehouses / Destinations.
source.operations = [...sourcePipelines(source), deliveryOverviewOperation(source)];
