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
		// n8n's node panel shows the node and its trigger as one entry, with the trigger's description: it names both.
		description: 'Manage and monitor a Segment workspace through Paragon\'s proxy, and start workflows when it changes, a sync fails, a source goes quiet or a destination fails deliveries',
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
