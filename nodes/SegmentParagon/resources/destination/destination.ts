import type { IDataObject } from 'n8n-workflow';

import { destinationListName } from '../../../shared/entities';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { isSecretKey } from '../../../shared/transport/redact';
import type { Params } from '../../../shared/validation';
import type { OperationContext, ResourceDefinition } from '../types';
import { deliveryMetricsOperation } from './deliveryMetrics';
import { mappingsFromPresets, MAPPINGS_CHOICES, mappingsOption } from './presets';
import { additionalFields, changedSettings, enabledOption, metadataOf, PLATFORM_OPTIONS, PLATFORMS, resourceLocator, statusOf, type Platform } from '../shared';

export const DESTINATION_CATEGORIES = ['analytics', 'marketing', 'crm', 'ads'] as const;

/** The seed's platforms in Segment's `supportedPlatforms` words, in the order the output prefers. */
const SUPPORTED_PLATFORM_KEY: Record<Platform, string> = { web: 'browser', server: 'server', mobile: 'mobile' };
const PREFERRED_PLATFORMS: Platform[] = ['web', 'server', 'mobile'];

// What a catalog slug can look like (any case, `_` for `-`); anything else is refused before the catalog is fetched.
const CATALOG_SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** Catalog slugs compare with `_` and `-` alike and without case. */
export function normaliseSlug(slug: string): string {
	return slug.trim().toLowerCase().replace(/_/g, '-');
}

/** Segment's catalog categories as the seed writes them: lower case, "Advertising" as `ads`. */
export function seedCategories(entry: IDataObject): string[] {
	const categories = Array.isArray(entry.categories) ? (entry.categories as unknown[]) : [];
	return categories.map((category) => {
		const lower = String(category).toLowerCase();
		return lower === 'advertising' ? 'ads' : lower;
	});
}

/** Whether a catalog entry belongs to one of the seed's categories ("marketing" covers "Email Marketing"). */
export function inCategories(entry: IDataObject, categories: readonly string[]): boolean {
	const own = seedCategories(entry);
	return categories.some((wanted) => own.some((category) => category === wanted || category.split(/\s+/).includes(wanted)));
}

export function supportedPlatforms(entry: IDataObject): Platform[] {
	const supported = (entry.supportedPlatforms as IDataObject | undefined) ?? {};
	return PREFERRED_PLATFORMS.filter((platform) => supported[SUPPORTED_PLATFORM_KEY[platform]] === true);
}

function describePlatforms(platforms: Platform[]): string {
	return platforms.length ? platforms.map((platform) => `${platform} (${SUPPORTED_PLATFORM_KEY[platform]})`).join(', ') : 'none';
}

/** The parameters of Create (and Create or Update), read and checked before any lookup. */
function readDestinationInput({ params }: OperationContext) {
	const name = params.text('name', 'Name');
	const slug = params.text('slug', 'Slug');
	if (!CATALOG_SLUG.test(slug)) {
		throw params.fail(`Slug "${slug.slice(0, 60)}" is not a destination catalog slug`, 'Catalog slugs are letters, digits, "-" and "_" (e.g. google-analytics): pick one from the Slug list.');
	}
	return {
		name,
		slug,
		platform: params.choice('platform', 'Platform', PLATFORMS),
		categories: params.choices('categories', 'Categories', DESTINATION_CATEGORIES),
		sourceId: params.id('sourceId', 'Source'),
		enabled: params.boolean('additionalFields.enabled', 'Enabled', true),
		settings: params.jsonObject('additionalFields.settings', 'Additional Fields > Settings', '{}'),
		mappings: params.choice('additionalFields.mappings', 'Additional Fields > Mappings', MAPPINGS_CHOICES, 'presets'),
	};
}

/** The platform must be one the catalog entry supports. */
function checkPlatform(params: Params, entry: IDataObject, platform: Platform): void {
	const supported = supportedPlatforms(entry);
	if (!supported.includes(platform)) {
		throw params.fail(`${String(entry.name ?? entry.slug)} does not support platform ${platform}`, `It supports: ${describePlatforms(supported)}. Choose one of those under Platform.`);
	}
}

const destinationKey = (sourceId: string, slug: string, name: string) => [sourceId, normaliseSlug(slug), name].join('\u0000');

async function findCatalogEntry(context: OperationContext, slug: string, categories: string[]): Promise<IDataObject> {
	const { params, workspace } = context;
	const catalog = await workspace.catalog('destinations', params.itemIndex);
	const exact = catalog.filter((entry) => entry.slug === slug);
	if (exact.length === 1) return exact[0];
	const wanted = normaliseSlug(slug);
	const matches = catalog.filter((entry) => normaliseSlug(String(entry.slug ?? '')) === wanted);
	if (matches.length === 1) return matches[0];
	if (matches.length > 1) {
		const names = matches.map((entry) => `${String(entry.slug)} (${String(entry.name)}, ${String(entry.id)})`).join('; ');
		throw params.fail(`Slug "${slug}" matches ${matches.length} destination catalog entries`, `Enter one of them exactly: ${names}.`);
	}
	const similar = catalog.filter((entry) => {
		const other = normaliseSlug(String(entry.slug ?? ''));
		return other.includes(wanted) || wanted.includes(other) || String(entry.name ?? '').toLowerCase().includes(wanted.replace(/-/g, ' '));
	});
	const offered = (similar.length ? similar : catalog.filter((entry) => inCategories(entry, categories))).slice(0, 15);
	throw params.fail(
		`Segment's destination catalog has no entry with slug "${slug}"`,
		offered.length ? `${similar.length ? 'Similar' : 'In the chosen categories'}: ${offered.map((entry) => String(entry.slug)).join(', ')}.` : 'Pick a slug from the Slug list.',
	);
}

async function patchDestination(context: OperationContext, id: string, body: IDataObject): Promise<IDataObject> {
	const data = await context.workspace.client.request<{ destination: IDataObject }>(
		{ method: 'PATCH', path: segmentPath('destinations', id), body, notFound: `Destination ${id}`, entity: 'destination' },
		context.params.itemIndex,
	);
	return data.destination;
}

export const destination: ResourceDefinition = {
	name: 'destination',
	displayName: 'Destination',
	plural: 'destinations',
	idParameter: 'destinationId',
	searchMethod: 'searchDestinations',

	createProperties: [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Google Analytics' },
		{
			displayName: 'Categories',
			name: 'categories',
			type: 'multiOptions',
			required: true,
			default: [],
			options: [
				{ name: 'Ads', value: 'ads' },
				{ name: 'Analytics', value: 'analytics' },
				{ name: 'CRM', value: 'crm' },
				{ name: 'Marketing', value: 'marketing' },
			],
			description: 'Narrows the Slug list; Segment takes the categories from the catalog entry',
		},
		{
			displayName: 'Platform',
			name: 'platform',
			type: 'options',
			required: true,
			default: 'web',
			options: PLATFORM_OPTIONS,
			description: 'Where the destination receives data; it must be one the catalog entry supports (web is Segment\'s browser)',
		},
		{
			displayName: 'Slug Name or ID',
			name: 'slug',
			type: 'options',
			required: true,
			default: '',
			typeOptions: { loadOptionsMethod: 'getDestinationSlugs', loadOptionsDependsOn: ['categories', 'platform'] },
			description: 'The catalog entry\'s slug ("_" and "-" alike), e.g. google-analytics. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		resourceLocator({
			displayName: 'Source',
			name: 'sourceId',
			searchMethod: 'searchSources',
			placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn',
			description: 'The Segment source the destination reads from',
			required: true,
		}),
		additionalFields([
			enabledOption('destination'),
			mappingsOption,
			{ displayName: 'Settings', name: 'settings', type: 'json', default: '{}', description: 'The destination\'s settings as a JSON object, e.g. {"apiKey": "..."}' },
		]),
	],

	updateFields: [
		enabledOption('destination'),
		{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Google Analytics' },
		{ displayName: 'Settings', name: 'settings', type: 'json', default: '{}', description: 'Settings to change, as a JSON object; Segment merges them into the current ones' },
	],

	async create(context) {
		const { params, workspace } = context;
		const { name, slug, platform, categories, sourceId, enabled, settings, mappings } = readDestinationInput(context);
		const entry = await findCatalogEntry(context, slug, categories);
		checkPlatform(params, entry, platform);
		const data = await workspace.client.request<{ destination: IDataObject }>(
			{
				method: 'POST',
				path: segmentPath('destinations'),
				body: { sourceId, metadataId: String(entry.id), settings, name, enabled },
				creating: `destination "${name}"`,
				entity: 'destination',
			},
			params.itemIndex,
		);
		context.created?.(data.destination);
		// An Actions destination sends nothing without mappings: Segment's presets, right away.
		const made = mappings === 'presets' ? await mappingsFromPresets(context, data.destination) : [];
		return { entity: data.destination, platform, ...(made.length ? { extra: { mappings: made } } : {}) };
	},

	async update(context, id, fields) {
		const { params } = context;
		const body: IDataObject = {};
		if (fields.name !== undefined) body.name = params.text('updateFields.name', 'Update Fields > Name');
		if (fields.enabled !== undefined) body.enabled = params.boolean('updateFields.enabled', 'Update Fields > Enabled', true);
		if (fields.settings !== undefined) body.settings = params.toJsonObject(fields.settings, 'Update Fields > Settings');
		return { entity: await patchDestination(context, id, body) };
	},

	upsert: {
		matchedBy: 'source, slug and name',
		async key(context) {
			const { name, slug, sourceId } = readDestinationInput(context);
			return { key: destinationKey(sourceId, slug, name), label: `name "${name}", slug ${slug} and source ${sourceId}` };
		},
		keyOf(entity) {
			const slug = metadataOf(entity).slug;
			return typeof entity.name === 'string' && typeof slug === 'string' ? destinationKey(String(entity.sourceId), slug, entity.name) : undefined;
		},
		async differences(context, existing) {
			const { params } = context;
			const input = readDestinationInput(context);
			// Checked against the destination's own entry: no catalog read for a destination that exists.
			checkPlatform(params, metadataOf(existing), input.platform);
			const settings = changedSettings(input.settings, existing.settings, isSecretKey);
			const body: IDataObject = Object.keys(settings).length ? { settings } : {};
			if (existing.enabled !== input.enabled) body.enabled = input.enabled;
			const changed = [...Object.keys(settings), ...(body.enabled === undefined ? [] : ['enabled'])];
			const id = String(existing.id);
			const changes = changed.length ? [{ what: `its ${changed.join(', ')}`, send: () => patchDestination(context, id, body) }] : [];
			return { changes, platform: input.platform };
		},
	},

	simplify({ entity, platform }) {
		const metadata = metadataOf(entity);
		return {
			id: entity.id,
			name: entity.name ?? null,
			slug: metadata.slug ?? null,
			metadata: {
				platform: platform ?? supportedPlatforms(metadata)[0] ?? null,
				categories: seedCategories(metadata),
			},
			status: statusOf(entity),
			sourceId: entity.sourceId ?? null,
		};
	},

	listName: destinationListName,
};

destination.operations = [deliveryMetricsOperation(destination)];
