/** What n8n checks before it runs a workflow, for any node description (NodeHelpers.getNodeParametersIssues). */
import { NodeHelpers, type INode, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

/** Parameters whose value decides whether another one is shown (and that may hold an expression). */
export function controllingNames(list: INodeProperties[]): string[] {
	const names = new Set<string>();
	for (const property of list) {
		for (const rules of [property.displayOptions?.show, property.displayOptions?.hide]) {
			for (const name of Object.keys(rules ?? {})) names.add(name.replace(/^\//, ''));
		}
	}
	const byName = new Map(list.map((property) => [property.name, property]));
	return [...names].filter((name) => byName.has(name) && !byName.get(name)!.noDataExpression);
}

/** The node as the editor stores it (defaults filled in for what is shown), and n8n's issues with it. */
export function parameterIssues(description: INodeTypeDescription, parameters: INodeParameters) {
	const node: INode = { id: 'n1', name: description.defaults.name ?? 'node', type: description.name, typeVersion: 1, position: [0, 0], parameters: {} };
	node.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
	return { node, issues: NodeHelpers.getNodeParametersIssues(description.properties, node, description) };
}
