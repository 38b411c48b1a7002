import type { INodeProperties } from 'n8n-workflow';

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
