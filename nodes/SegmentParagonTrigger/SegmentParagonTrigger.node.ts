import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { subtitle, triggerProperties } from './description';
import { listSearch, loadOptions } from './methods';
import { runPoll } from './poll';

export class SegmentParagonTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Segment (via Paragon) Trigger',
		name: 'segmentParagonTrigger',
		icon: { light: 'file:segment.svg', dark: 'file:segment.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle,
		description: 'Starts the workflow when the Segment workspace changes, a warehouse sync fails, a source goes quiet, a destination fails deliveries or a reverse ETL sync fails',
		defaults: { name: 'Segment (via Paragon) Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'paragonProxyApi', required: true }],
		properties: triggerProperties,
	};

	methods = { listSearch, loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await runPoll(this);
	}
}
