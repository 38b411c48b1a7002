/**
 * The node types a run knows: those under test plus a manual trigger that emits the run's items.
 */
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';

import { MANUAL_TRIGGER_TYPE, TRIGGER_NODE_NAME, type NodeTypeClass } from './types';

// Manual trigger: emits the run's items. The items travel as a JSON parameter of the trigger
// node so that concurrent runs never share state.
class HarnessManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: MANUAL_TRIGGER_TYPE,
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: TRIGGER_NODE_NAME },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Items',
				name: 'items',
				type: 'json',
				default: '[{}]',
			},
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const raw = this.getNodeParameter('items', '[{}]') as string;
		const items = (JSON.parse(raw) as IDataObject[]).map((json) => ({ json }));
		// n8n-core replaces `this.emit` after trigger() returns; the arrow function must read it
		// at call time. Returning {} (no manualTriggerFunction) hangs a manual run.
		const manualTriggerFunction = async () => {
			this.emit([items]);
		};
		return { manualTriggerFunction };
	}
}

function nodeTypeName(type: INodeType | IVersionedNodeType): string {
	return type.description.name;
}

export function createNodeTypes(nodeTypeClasses: NodeTypeClass[]): INodeTypes {
	const byName = new Map<string, INodeType | IVersionedNodeType>();
	for (const Cls of [HarnessManualTrigger, ...nodeTypeClasses]) {
		const instance = new Cls();
		byName.set(nodeTypeName(instance), instance);
	}
	const nodeTypes: INodeTypes = {
		getByName(name: string) {
			const type = byName.get(name);
			if (!type) throw new Error(`Unknown node type "${name}" (known: ${[...byName.keys()].join(', ')})`);
			return type;
		},
		getByNameAndVersion(name: string, version?: number) {
			return NodeHelpers.getVersionedNodeType(nodeTypes.getByName(name), version);
		},
		getKnownTypes() {
			const known: IDataObject = {};
			for (const name of byName.keys()) known[name] = { className: name, sourcePath: '' };
			return known;
		},
	};
	return nodeTypes;
}
