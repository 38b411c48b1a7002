/**
 * What n8n checks before it runs a workflow: NodeHelpers.getNodeParametersIssues over the node's
 * description, with the node's parameters as the editor stores them. A parameter that depends on
 * another one is shown whenever that other one holds an expression, so it must not be `required`
 * (n8n would refuse the workflow with it empty); the node checks it when it runs.
 */
import { NodeHelpers, type INode, type INodeParameters } from 'n8n-workflow';

import { ParagonProxyApi } from '../../credentials/ParagonProxyApi.credentials';
import { SegmentParagon } from '../../nodes/SegmentParagon/SegmentParagon.node';
import { controllingNames } from '../helpers/parameterIssues';

const description = new SegmentParagon().description;
const properties = description.properties;

function operationsOf(resource: string): string[] {
	const operation = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource));
	return (operation?.options ?? []).map((option) => String((option as { value: string }).value));
}

const RESOURCES = (properties.find((property) => property.name === 'resource')?.options ?? []).map((option) => String((option as { value: string }).value));

/** What a user fills in for the parameters every operation always shows as required. */
const FILLED: INodeParameters = {
	name: 'Analytics',
	slug: 'analytics',
	categories: ['analytics'],
	warehouseId: { __rl: true, mode: 'id', value: 'wh_1' },
	sourceId: { __rl: true, mode: 'id', value: 'src_1' },
	destinationId: { __rl: true, mode: 'id', value: 'dst_1' },
	filterId: 'flt_1',
	title: 'Drop test events',
	condition: 'event = "Test"',
};

function nodeWith(parameters: INodeParameters): INode {
	const node: INode = { id: 'n1', name: 'Segment', type: 'segmentParagon', typeVersion: 1, position: [0, 0], parameters: {} };
	// As the editor stores a node: defaults filled in for what is shown.
	node.parameters = NodeHelpers.getNodeParameters(properties, parameters, true, false, node, description) ?? {};
	return node;
}

function issuesOf(parameters: INodeParameters) {
	const node = nodeWith(parameters);
	return NodeHelpers.getNodeParametersIssues(properties, node, description);
}

const controlling = controllingNames(properties);

describe('n8n runs the workflow when controlling parameters hold expressions', () => {
	it('knows the controlling parameters (type, connection mode, platform, return all, connect choices …)', () => {
		expect(controlling).toEqual(expect.arrayContaining(['type', 'connectionMode', 'returnAll', 'connectSources', 'connectWarehouses']));
	});

	for (const resource of RESOURCES) {
		for (const operation of operationsOf(resource)) {
			it(`${resource} ${operation}: no issues with every controlling parameter an expression`, () => {
				const expressions = Object.fromEntries(controlling.map((name) => [name, `={{ $json.${name} }}`]));
				expect(issuesOf({ resource, operation, ...FILLED, ...expressions })).toBeNull();
			});

			it(`${resource} ${operation}: no issues with the defaults and the always-shown fields filled`, () => {
				expect(issuesOf({ resource, operation, ...FILLED })).toBeNull();
			});
		}
	}

	it('a warehouse create with Type from an expression shows every per-type field, and none is required', () => {
		const node = nodeWith({ resource: 'warehouse', operation: 'create', name: 'W', type: '={{ $json.type }}' });
		for (const field of ['host', 'port', 'database', 'username', 'password', 'projectId', 'location', 'serviceAccountKey', 'account', 'warehouse', 'role', 'catalogId']) {
			expect(node.parameters).toHaveProperty(field);
		}
		expect(NodeHelpers.getNodeParametersIssues(properties, node, description)).toBeNull();
	});

	it('a delivery overview with Step from an expression shows Destination, not required; the workspace operations need nothing', () => {
		expect(controlling).toContain('step');
		const node = nodeWith({ resource: 'source', operation: 'getDeliveryOverview', sourceId: FILLED.sourceId, step: '={{ $json.step }}' });
		expect(node.parameters).toHaveProperty('destinationId');
		expect(NodeHelpers.getNodeParametersIssues(properties, node, description)).toBeNull();
		for (const operation of ['get', 'getAuditEvents', 'getEventVolume', 'getUsage']) expect(issuesOf({ resource: 'workspace', operation })).toBeNull();
		expect(operationsOf('workspace')).toEqual(['get', 'getAuditEvents', 'getEventVolume', 'getUsage']);
	});

	it('still finds a real issue: an always-shown required parameter left empty', () => {
		const issues = issuesOf({ resource: 'source', operation: 'create', ...FILLED, name: '' });
		expect(issues?.parameters).toHaveProperty('name');
	});
});

describe('the credential', () => {
	const credential = new ParagonProxyApi();
	const node: INode = { id: 'c', name: 'credential', type: 'paragonProxyApi', typeVersion: 1, position: [0, 0], parameters: {} };

	for (const tokenSource of ['userToken', 'signingKey', '={{ $json.mode }}']) {
		it(`has no issues beyond the Project ID with Token Source ${tokenSource}`, () => {
			node.parameters = NodeHelpers.getNodeParameters(credential.properties, { projectId: 'p1', tokenSource }, true, false, null, null) ?? {};
			expect(NodeHelpers.getNodeParametersIssues(credential.properties, node, null)).toBeNull();
		});
	}

	it('names the Project ID when it is empty', () => {
		node.parameters = NodeHelpers.getNodeParameters(credential.properties, { projectId: '' }, true, false, null, null) ?? {};
		expect(NodeHelpers.getNodeParametersIssues(credential.properties, node, null)?.parameters).toHaveProperty('projectId');
	});
});
