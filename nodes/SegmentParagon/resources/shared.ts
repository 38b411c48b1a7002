import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const PLATFORMS = ['web', 'mobile', 'server'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Mobile', value: 'mobile' },
	{ name: 'Server', value: 'server' },
	{ name: 'Web', value: 'web' },
];

/** The `enabled` option of Additional Fields / Update Fields. */
export function enabledOption(resource: string): INodeProperties {
	return {
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: `Whether the ${resource} is enabled (receives and sends data)`,
	};
}

/** The seed's `status`: Segment's `enabled` as active / inactive. */
export function statusOf(entity: IDataObject): 'active' | 'inactive' {
	return entity.enabled === true ? 'active' : 'inactive';
}

export function metadataOf(entity: IDataObject): IDataObject {
	const metadata = entity.metadata;
	return metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? (metadata as IDataObject) : {};
}

/** An id parameter: "From list" (searchable, paged from the API) by default, or "By ID". */
export function resourceLocator(property: { displayName: string; name: string; searchMethod: string; placeholder: string; description: string; required?: boolean }): INodeProperties {
	return {
		displayName: property.displayName,
		name: property.name,
		type: 'resourceLocator',
		required: property.required,
		default: { mode: 'list', value: '' },
		description: property.description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: property.searchMethod, searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: property.placeholder },
		],
	};
}

/** The Additional Fields collection of a create. */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}
