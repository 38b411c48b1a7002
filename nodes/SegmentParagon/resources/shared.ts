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
