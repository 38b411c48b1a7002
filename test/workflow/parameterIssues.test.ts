/**
 * What n8n checks before it runs a workflow: NodeHelpers.getNodeParametersIssues over the node's
 * description, with the node's parameters as the editor stores them. A parameter that depends on
 * another one is shown whenever that other one holds an expression, so it must not be `required`
 * (n8n would refuse the workflow with it empty); the node checks it when it runs.
 */
import { NodeHelpers, type INode, type INodeParameters, type ResourceMapperValue } from 'n8n-workflow';

import { ParagonProxyApi } from '../../credentials/ParagonProxyApi.credentials';
import { SegmentParagon } from '../../nodes/SegmentParagon/SegmentParagon.node';
import { mapperFields } from '../../nodes/SegmentParagon/resources/destinationMapping/mapperFields';
import { controllingNames } from '../helpers/parameterIssues';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ga4 = require('../../sandbox/catalog-actions/ga4');

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
	mappingId: 'map_1',
	trackingPlanId: { __rl: true, mode: 'id', value: 'tp_1' },
	title: 'Drop test events',
	condition: 'event = "Test"',
	subjectIds: '={{ $json.userId }}',
	regulationId: 'reg_1',
};

function nodeWith(parameters: INodeParameters): INode {
	const node: INode = { id: 'n1', name: 'Segment', type: 'segmentParagon', typeVersion: 1, position: [0, 0], parameters: {} };
	// As the editor stores a node: defaults filled in for what is shown.
	node.parameters = NodeHelpers.getNodeParameters(properties, parameters, true, false, node, description) ?? {};
	return node;
}

/** Filled per resource where two resources give one name different types (Action: a filter's choice, a mapping's locator). */
const FILLED_FOR: Record<string, INodeParameters> = {
	destinationMapping: { action: { __rl: true, mode: 'id', value: 'purchase' } },
	reverseEtl: { modelId: { __rl: true, mode: 'id', value: 'mdl_1' }, query: 'SELECT user_id FROM customers', queryIdentifierColumn: 'user_id', syncId: 'sync_1' },
};

function issuesOf(parameters: INodeParameters) {
	const node = nodeWith(parameters);
	return NodeHelpers.getNodeParametersIssues(properties, node, description);
}

const controlling = controllingNames(properties);

describe('n8n runs the workflow when controlling parameters hold expressions', () => {
	it('knows the controlling parameters (type, connection mode, platform, return all, connect choices …)', () => {
		expect(controlling).toEqual(expect.arrayContaining(['type', 'connectionMode', 'returnAll', 'connectSources', 'connectWarehouses', 'scope']));
	});

	for (const resource of RESOURCES) {
		for (const operation of operationsOf(resource)) {
			it(`${resource} ${operation}: no issues with every controlling parameter an expression`, () => {
				const expressions = Object.fromEntries(controlling.map((name) => [name, `={{ $json.${name} }}`]));
				expect(issuesOf({ resource, operation, ...FILLED, ...FILLED_FOR[resource], ...expressions })).toBeNull();
			});

			it(`${resource} ${operation}: no issues with the defaults and the always-shown fields filled`, () => {
				expect(issuesOf({ resource, operation, ...FILLED, ...FILLED_FOR[resource] })).toBeNull();
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

	it('a mapping create with Fields Mode from an expression shows Fields and Settings, and neither is required', () => {
		const node = nodeWith({ resource: 'destinationMapping', operation: 'create', ...FILLED, ...FILLED_FOR.destinationMapping, fieldsMode: '={{ $json.mode }}' });
		expect(node.parameters).toHaveProperty('mapping');
		expect(node.parameters).toHaveProperty('settings');
		expect(NodeHelpers.getNodeParametersIssues(properties, node, description)).toBeNull();
	});

	it('the mapper as the editor stores it: a required field left empty (null) is no issue; the node fills its default when it runs', () => {
		const purchase = ga4.actions.find((action: { slug: string }) => action.slug === 'purchase');
		const schema = mapperFields(purchase);
		type Values = ResourceMapperValue['value'];
		const stored = (value: Values): ResourceMapperValue => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema, attemptToConvertTypes: false, convertFieldsToString: false });
		const base = { resource: 'destinationMapping', operation: 'create', ...FILLED, ...FILLED_FOR.destinationMapping };
		const empty: NonNullable<Values> = Object.fromEntries(schema.map((field) => [field.id, field.required ? (field.defaultValue ?? null) : null]));
		expect(issuesOf({ ...base, mapping: stored({ ...empty, transaction_id: null, value: '={{ {"@path": "$.properties.revenue"} }}' }) })).toBeNull();
		// A required field missing from the stored values altogether is one n8n refuses (the editor never stores that).
		const withoutClientId = { ...empty };
		delete withoutClientId.client_id;
		expect(issuesOf({ ...base, mapping: stored(withoutClientId) })?.parameters).toHaveProperty(['mapping.client_id']);
	});

	it('a tracking plan\'s rules from an expression, and its Create or Update, have no issues', () => {
		expect(issuesOf({ resource: 'trackingPlan', operation: 'upsert', name: '={{ $json.name }}', type: '={{ $json.type }}', rules: '={{ $json.rules }}', removeOtherRules: '={{ $json.prune }}' })).toBeNull();
		expect(issuesOf({ resource: 'trackingPlan', operation: 'removeRules', ...FILLED, rules: '={{ $json.rules }}' })).toBeNull();
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
