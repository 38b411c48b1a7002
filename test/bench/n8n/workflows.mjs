// The workflows the real-n8n benchmark runs with `n8n execute`. Each starts at a Manual Trigger;
// the measured node's own executionTime (n8n's run data) is the figure, so n8n's start-up is not.
import { NODE_TYPE, SANDBOX_CREDENTIAL } from '../../../scripts/e2e/n8n-app.mjs';

export const IDS = { nodeGet: 'BenchNodeGet1000', httpGet: 'BenchHttpGet1000', nodeList: 'BenchNodeList10k', httpList: 'BenchHttpList10k' };
const credentials = { paragonProxyApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } };

/** Manual Trigger → nodes[0] → nodes[1] → …; each node `[name, type, typeVersion, parameters, withCredential?]`. */
function chain(id, name, steps) {
	const nodes = [{ id: `${id}-0`, name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections = {};
	steps.forEach(([stepName, type, typeVersion, parameters, withCredential], index) => {
		const previous = nodes[nodes.length - 1].name;
		nodes.push({ id: `${id}-${index + 1}`, name: stepName, type, typeVersion, position: [220 * (index + 1), 0], parameters, ...(withCredential ? { credentials } : {}) });
		connections[previous] = { main: [[{ node: stepName, type: 'main', index: 0 }]] };
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** A Code node that puts out `count` items `{id}`, the warehouse ids taking turns. */
const itemsOf = (ids, count) => ['Items', 'n8n-nodes-base.code', 2, { jsCode: `const ids = ${JSON.stringify(ids)};\nreturn Array.from({ length: ${count} }, (_, n) => ({ json: { id: ids[n % ids.length] } }));` }];

/** The measured nodes of each workflow, whose executionTimes add up to the figure. */
export const MEASURED = { [IDS.nodeGet]: ['Segment: Get'], [IDS.httpGet]: ['HTTP Request: Get'], [IDS.nodeList]: ['Segment: Get Many'], [IDS.httpList]: ['HTTP Request: pages', 'Split Out'] };

export function benchWorkflows({ proxyRoot, warehouseIds, count }) {
	const getUrl = `=${proxyRoot}/warehouses/{{ encodeURIComponent($json.id) }}`;
	return [
		chain(IDS.nodeGet, 'Bench: the node, Get per item', [
			itemsOf(warehouseIds, count),
			['Segment: Get', NODE_TYPE, 1, { resource: 'warehouse', operation: 'get', warehouseId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, simplify: false }, true],
		]),
		chain(IDS.httpGet, 'Bench: HTTP Request node, GET per item', [
			itemsOf(warehouseIds, count),
			['HTTP Request: Get', 'n8n-nodes-base.httpRequest', 4.2, { method: 'GET', url: getUrl, authentication: 'predefinedCredentialType', nodeCredentialType: 'paragonProxyApi', options: {} }, true],
		]),
		chain(IDS.nodeList, 'Bench: the node, Get Many (Return All)', [
			['Segment: Get Many', NODE_TYPE, 1, { resource: 'warehouse', operation: 'list', returnAll: true, simplify: false }, true],
		]),
		// What a user builds without the node: the HTTP Request node walks Segment's cursor
		// (`pagination.next` → `pagination.cursor`), one item per page, then Split Out makes one
		// item per warehouse.
		chain(IDS.httpList, 'Bench: HTTP Request node paging + Split Out', [
			[
				'HTTP Request: pages',
				'n8n-nodes-base.httpRequest',
				4.2,
				{
					method: 'GET',
					url: `${proxyRoot}/warehouses`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'paragonProxyApi',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'pagination.count', value: '200' }] },
					options: {
						pagination: {
							pagination: {
								parameters: { parameters: [{ type: 'qs', name: 'pagination.cursor', value: '={{ $response.body.data.pagination.next }}' }] },
								paginationCompleteWhen: 'other',
								completeExpression: '={{ !$response.body.data.pagination.next }}',
							},
						},
					},
				},
				true,
			],
			['Split Out', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'data.warehouses', options: {} }],
		]),
	];
}
