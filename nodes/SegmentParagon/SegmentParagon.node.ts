import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { route } from './actions/router';
import { nodeProperties } from './descriptions';
import { listSearch, loadOptions } from './methods/listSearch';
import { resourceMapping } from './methods/resourceMapping';

export class SegmentParagon implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Segment (via Paragon)',
		name: 'segmentParagon',
		icon: { light: 'file:segment.svg', dark: 'file:segment.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] === "list" ? "Get many " + $parameter["resource"] + "s" : $parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage and monitor a Segment workspace through Paragon\'s proxy: sources, destinations, warehouses, tracking plans and more',
		defaults: { name: 'Segment (via Paragon)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'paragonProxyApi', required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
