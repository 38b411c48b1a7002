/**
 * List search, load options and resource-mapper fields in a real n8n-core LoadOptionsContext, the
 * way the editor's resource locator, options dropdowns and resource mapper ask for them.
 */
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { ILoadOptionsFunctions, INode, INodeListSearchResult, INodeProperties, INodePropertyOptions, INodeType, ResourceMapperFields } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import type { EngineContext } from './context';
import { loadCore } from './core';
import type { ListSearchOptions, LoadOptionsOptions } from './types';

/** Runs `call` in a real n8n-core load-options context, the way the editor's requests do. */
async function withLoadOptionsContext<T>(
	engine: EngineContext,
	o: Omit<ListSearchOptions, 'method' | 'filter' | 'paginationToken'>,
	path: (nodeType: INodeType) => string,
	call: (nodeType: INodeType, context: ILoadOptionsFunctions) => Promise<T>,
): Promise<T> {
	const { LoadOptionsContext } = loadCore();
	const typeVersion = o.typeVersion ?? 1;
	const nodeType = engine.nodeTypes.getByNameAndVersion(o.nodeType, typeVersion);
	const credentialRef = o.credentials ? engine.credentialsHelper.add(o.credentials) : undefined;
	try {
		// The editor sends the node's parameters with the defaults of displayed parameters filled in
		const parameters =
			NodeHelpers.getNodeParameters(
				nodeType.description.properties,
				o.parameters ?? {},
				true,
				false,
				{ typeVersion },
				nodeType.description,
			) ?? {};
		const node: INode = {
			parameters,
			id: 'uuid-1234',
			name: 'Temp-Node',
			type: o.nodeType,
			typeVersion,
			position: [0, 0],
			...(credentialRef && o.credentials
				? { credentials: { [o.credentials.type]: credentialRef } }
				: {}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: engine.nodeTypes });
		const additionalData = createAdditionalData(engine.credentialsHelper, `harness-ls-${engine.nextExecutionNumber()}`, {
			currentNodeParameters: parameters,
		});
		const context = new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, o.path ?? path(nodeType));
		return await call(nodeType, context);
	} finally {
		if (credentialRef) engine.credentialsHelper.remove(credentialRef);
	}
}

export async function listSearch(engine: EngineContext, o: ListSearchOptions): Promise<INodeListSearchResult> {
	return await withLoadOptionsContext(
		engine,
		o,
		(nodeType) => listSearchPath(nodeType.description.properties, o.method),
		async (nodeType, context) => {
			const method = nodeType.methods?.listSearch?.[o.method];
			if (typeof method !== 'function') {
				throw new Error(`Node type "${o.nodeType}" does not have listSearch method "${o.method}"`);
			}
			return await method.call(context, o.filter, o.paginationToken);
		},
	);
}

export async function loadOptions(engine: EngineContext, o: LoadOptionsOptions): Promise<INodePropertyOptions[]> {
	return await withLoadOptionsContext(
		engine,
		o,
		() => 'parameters',
		async (nodeType, context) => {
			const method = nodeType.methods?.loadOptions?.[o.method];
			if (typeof method !== 'function') {
				throw new Error(`Node type "${o.nodeType}" does not have loadOptions method "${o.method}"`);
			}
			return await method.call(context);
		},
	);
}

/** The fields a resource mapper shows: the node's methods.resourceMapping[method], asked at the mapper's path. */
export async function resourceMapping(engine: EngineContext, o: LoadOptionsOptions): Promise<ResourceMapperFields> {
	return await withLoadOptionsContext(
		engine,
		o,
		(nodeType) => `parameters.${nodeType.description.properties.find((p) => p.typeOptions?.resourceMapper?.resourceMapperMethod === o.method)?.name ?? ''}`,
		async (nodeType, context) => {
			const method = nodeType.methods?.resourceMapping?.[o.method];
			if (typeof method !== 'function') {
				throw new Error(`Node type "${o.nodeType}" does not have resourceMapping method "${o.method}"`);
			}
			return await method.call(context);
		},
	);
}

/** The editor's path for a listSearch call: that of the resource locator using the method */
function listSearchPath(properties: INodeProperties[], method: string): string {
	const property = properties.find(
		(p) =>
			p.type === 'resourceLocator' &&
			(p.modes ?? []).some((mode) => mode.typeOptions?.searchListMethod === method),
	);
	return property ? `parameters.${property.name}` : 'parameters';
}
