/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in Node.js beside n8n, never inside n8n */
/**
 * Self-test of test/helpers/engine.ts with small node and credential types defined here,
 * against a local HTTP server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';

import { NODE_UNDER_TEST_NAME, TRIGGER_NODE_NAME, createEngine, rl } from '../helpers/engine';

// ---------------------------------------------------------------------------------------------
// Local server
// ---------------------------------------------------------------------------------------------
interface SeenRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: string;
}

const GOOD_TOKEN = 'tok-good-123';
const GOOD_KEY = 'key-good-456';
const THINGS = [
	{ id: 't1', name: 'Alpha' },
	{ id: 't2', name: 'Beta' },
	{ id: 't3', name: 'Gamma' },
];

let server: http.Server;
let baseUrl: string;
let seen: SeenRequest[] = [];

function isAuthorised(headers: http.IncomingHttpHeaders): boolean {
	return headers.authorization === `Bearer ${GOOD_TOKEN}` || headers['x-api-key'] === GOOD_KEY;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

beforeAll(async () => {
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const entry: SeenRequest = {
				method: req.method ?? '',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body,
			};
			seen.push(entry);
			if (!isAuthorised(req.headers)) return send(res, 401, { message: 'Unauthorized: bad token' });
			if (url.pathname === '/me') return send(res, 200, { user: 'harness', ok: true });
			if (url.pathname === '/me-disabled') return send(res, 200, { user: 'harness', ok: false });
			if (url.pathname === '/things') {
				const filter = (url.searchParams.get('filter') ?? '').toLowerCase();
				const page = Number(url.searchParams.get('page') ?? '1');
				const matches = THINGS.filter((t) => t.name.toLowerCase().includes(filter));
				const pageItems = matches.slice((page - 1) * 2, page * 2);
				return send(res, 200, { data: pageItems, next: page * 2 < matches.length ? String(page + 1) : null });
			}
			const match = /^\/things\/([^/]+)$/.exec(url.pathname);
			if (match) {
				const thing = THINGS.find((t) => t.id === match[1]);
				if (!thing) return send(res, 404, { message: `Thing ${match[1]} not found` });
				return send(res, 200, { ...thing, method: req.method, received: body ? JSON.parse(body) : null });
			}
			return send(res, 500, { message: 'unexpected route' });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	seen = [];
});

// ---------------------------------------------------------------------------------------------
// Credential types: one with a generic authenticate, one with an authenticate function
// ---------------------------------------------------------------------------------------------
const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: '',
};

class HarnessGenericApi implements ICredentialType {
	name = 'harnessGenericApi';
	displayName = 'Harness Generic API';
	properties: INodeProperties[] = [
		baseUrlProperty,
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Region', name: 'region', type: 'string', default: 'eu-1' },
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-Api-Key': '={{$credentials.apiKey}}' },
			qs: { region: '={{$credentials.region}}' },
		},
	};
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' },
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'The API key is wrong: check it in Settings' } },
		],
	};
}

class HarnessFunctionApi implements ICredentialType {
	name = 'harnessFunctionApi';
	displayName = 'Harness Function API';
	properties: INodeProperties[] = [
		baseUrlProperty,
		{ displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Test Path', name: 'testPath', type: 'string', default: '/me' },
	];
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.token as string}` },
		};
	}
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '={{$credentials.testPath}}' },
		rules: [{ type: 'responseCode', properties: { value: 401, message: 'Token rejected' } }],
	};
}

/** n8n's types allow one kind of rule per credential: this one checks the success body */
class HarnessBodyRuleApi extends HarnessFunctionApi {
	name = 'harnessBodyRuleApi';
	displayName = 'Harness Body Rule API';
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '={{$credentials.testPath}}' },
		rules: [{ type: 'responseSuccessBody', properties: { key: 'ok', value: false, message: 'Account disabled' } }],
	};
}

// ---------------------------------------------------------------------------------------------
// Node type
// ---------------------------------------------------------------------------------------------
class HarnessThing implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Thing',
		usableAsTool: true,
		name: 'harnessThing',
		group: ['transform'],
		version: [1, 2],
		description: 'Test node for the engine harness',
		defaults: { name: 'Harness Thing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'harnessFunctionApi', required: true, displayOptions: { show: { authentication: ['function'] } } },
			{ name: 'harnessGenericApi', required: true, displayOptions: { show: { authentication: ['generic'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Function', value: 'function' },
					{ name: 'Generic', value: 'generic' },
				],
				default: 'function',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Get', value: 'get', action: 'Get a thing' },
					{ name: 'Update', value: 'update', action: 'Update a thing' },
				],
				default: 'get',
			},
			{
				displayName: 'Thing',
				name: 'thingId',
				type: 'resourceLocator',
				required: true,
				default: { mode: 'list', value: '' },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchThings', searchable: true } },
					{ displayName: 'By ID', name: 'id', type: 'string' },
				],
			},
			{
				displayName: 'Fields (JSON)',
				name: 'fields',
				type: 'json',
				default: '{}',
				displayOptions: { show: { operation: ['update'] } },
			},
			{
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: 'v1-default',
			},
			{
				displayName: 'Naive Rewrap',
				name: 'naiveRewrap',
				type: 'boolean',
				default: false,
				description: 'Whether to rethrow API errors as `new NodeApiError(node, error, { itemIndex })` only',
			},
		],
	};

	methods = {
		listSearch: {
			async searchThings(
				this: ILoadOptionsFunctions,
				filter?: string,
				paginationToken?: string,
			): Promise<INodeListSearchResult> {
				const authentication = this.getCurrentNodeParameter('authentication') as string;
				const credentialType = authentication === 'generic' ? 'harnessGenericApi' : 'harnessFunctionApi';
				const credentials = await this.getCredentials(credentialType);
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
					method: 'GET',
					url: `${credentials.baseUrl as string}/things`,
					qs: { filter: filter ?? '', page: paginationToken ?? '1' },
					json: true,
				})) as { data: Array<{ id: string; name: string }>; next: string | null };
				return {
					results: response.data.map((t) => ({ name: t.name, value: t.id })),
					...(response.next ? { paginationToken: response.next } : {}),
				};
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		const authentication = this.getNodeParameter('authentication', 0) as string;
		const credentialType = authentication === 'generic' ? 'harnessGenericApi' : 'harnessFunctionApi';
		const credentials = await this.getCredentials(credentialType);
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = this.getNodeParameter('operation', i) as string;
				const id = this.getNodeParameter('thingId', i, '', { extractValue: true }) as string;
				const label = this.getNodeParameter('label', i) as string;
				const naiveRewrap = this.getNodeParameter('naiveRewrap', i) as boolean;
				if (!id) {
					throw new NodeOperationError(this.getNode(), 'The thing ID is empty', {
						itemIndex: i,
						description: 'Pick a thing from the list or enter its ID',
					});
				}
				let body: IDataObject | undefined;
				if (operation === 'update') {
					const raw = this.getNodeParameter('fields', i) as string | IDataObject;
					body = typeof raw === 'string' ? (JSON.parse(raw) as IDataObject) : raw;
				}
				let response: IDataObject;
				try {
					response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
						method: operation === 'update' ? 'PATCH' : 'GET',
						url: `${credentials.baseUrl as string}/things/${encodeURIComponent(id)}`,
						body,
						json: true,
					})) as IDataObject;
				} catch (error) {
					// httpRequestWithAuthentication already throws a NodeApiError (without itemIndex), and
					// `new NodeApiError(node, aNodeApiError, { itemIndex })` returns that same error unchanged:
					// the item index has to be set on it.
					const apiError = new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
					if (!naiveRewrap) apiError.context.itemIndex = i;
					throw apiError;
				}
				returnData.push({ json: { ...response, label, version: this.getNode().typeVersion }, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a test node: the harness must see the raw error reach the engine
				throw error;
			}
		}
		return [returnData];
	}
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------
const engine = createEngine({
	nodeTypes: [HarnessThing],
	credentialTypes: [HarnessGenericApi, HarnessFunctionApi, HarnessBodyRuleApi],
});

function functionCredentials(token = GOOD_TOKEN) {
	return { type: 'harnessFunctionApi', data: { baseUrl, token } };
}

describe('runNode', () => {
	it('runs several items through the real engine, with pairedItem', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { operation: 'get', thingId: rl('t1'), label: 'fixed' },
			credentials: functionCredentials(),
			items: [{ n: 1 }, { n: 2 }, { n: 3 }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { id: 't1', name: 'Alpha', method: 'GET', received: null, label: 'fixed', version: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 't1', name: 'Alpha', method: 'GET', received: null, label: 'fixed', version: 1 }, pairedItem: { item: 1 } },
			{ json: { id: 't1', name: 'Alpha', method: 'GET', received: null, label: 'fixed', version: 1 }, pairedItem: { item: 2 } },
		]);
		expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /things/t1', 'GET /things/t1', 'GET /things/t1']);
		// both nodes ran, in order, in one execution
		expect(Object.keys(result.runData)).toEqual([TRIGGER_NODE_NAME, NODE_UNDER_TEST_NAME]);
		expect(result.runData[TRIGGER_NODE_NAME][0].data?.main[0]?.map((i) => i.json)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
		expect(result.runData[NODE_UNDER_TEST_NAME][0].executionStatus).toBe('success');
	});

	it('applies parameter defaults and the requested typeVersion', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			typeVersion: 2,
			parameters: { thingId: rl('t2') },
			credentials: functionCredentials(),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { id: 't2', name: 'Beta', method: 'GET', received: null, label: 'v1-default', version: 2 }, pairedItem: { item: 0 } },
		]);
	});

	it('evaluates expressions in parameters per item', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: {
				operation: 'update',
				thingId: rl('={{ $json.id }}'),
				label: '=item {{ $itemIndex }}: {{ $json.tag.toUpperCase() }}',
				fields: '={{ JSON.stringify({ tag: $json.tag }) }}',
			},
			credentials: functionCredentials(),
			items: [
				{ id: 't3', tag: 'x' },
				{ id: 't1', tag: 'y' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { id: 't3', name: 'Gamma', method: 'PATCH', received: { tag: 'x' }, label: 'item 0: X', version: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 't1', name: 'Alpha', method: 'PATCH', received: { tag: 'y' }, label: 'item 1: Y', version: 1 }, pairedItem: { item: 1 } },
		]);
		expect(seen.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
			'PATCH /things/t3 {"tag":"x"}',
			'PATCH /things/t1 {"tag":"y"}',
		]);
	});

	it('surfaces an API error with itemIndex and httpCode', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('={{ $json.id }}') },
			credentials: functionCredentials(),
			items: [{ id: 't1' }, { id: 'nope' }, { id: 't2' }],
		});
		expect(result.items).toEqual([]);
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.httpCode).toBe('404');
		expect(result.error.context.itemIndex).toBe(1);
		expect(result.error.message).toBe('The resource you are requesting could not be found');
		expect(result.error.description).toBe('Thing nope not found');
		expect(result.error.node.name).toBe(NODE_UNDER_TEST_NAME);
		expect(result.runData[NODE_UNDER_TEST_NAME][0].executionStatus).toBe('error');
		// the engine stopped at the failing item
		expect(seen.map((r) => r.path)).toEqual(['/things/t1', '/things/nope']);
	});

	it('surfaces a NodeOperationError with itemIndex and description', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('={{ $json.id }}') },
			credentials: functionCredentials(),
			items: [{ id: 't1' }, { id: '' }],
		});
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe('The thing ID is empty');
		expect(result.error.description).toBe('Pick a thing from the list or enter its ID');
		expect(result.error.context.itemIndex).toBe(1);
		expect(result.error.httpCode).toBeUndefined();
	});

	it('shows that re-wrapping a helper NodeApiError with { itemIndex } loses the item index', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('={{ $json.id }}'), naiveRewrap: true },
			credentials: functionCredentials(),
			items: [{ id: 't1' }, { id: 'nope' }],
		});
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.httpCode).toBe('404');
		expect(result.error.context).toEqual({ data: { message: 'Thing nope not found' } });
		expect(result.error.context.itemIndex).toBeUndefined();
	});

	it('reports parameter issues found before the run as WorkflowHasIssuesError', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('') },
			credentials: functionCredentials(),
		});
		expect(result.items).toEqual([]);
		expect(result.error.name).toBe('WorkflowHasIssuesError');
		expect(result.error.message).toBe(`The 'Node under test' node has issues:\n- Parameter "Thing" is required.`);
		expect(result.runData).toEqual({});
		expect(seen).toHaveLength(0);
	});

	it('with continueOnFail, an error thrown outside the item loop passes the input through', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('t1') },
			items: [{ a: 1 }, { a: 2 }],
			continueOnFail: true,
		});
		// the engine's own continue-on-fail behaviour: input items become the output, error is kept on the task
		expect(result.items.map((i) => i.json)).toEqual([{ a: 1 }, { a: 2 }]);
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe('Node does not have any credentials set');
		expect(result.runData[NODE_UNDER_TEST_NAME][0].executionStatus).toBe('error');
	});

	it('with continueOnFail, turns failures into error items paired with their inputs', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('={{ $json.id }}') },
			credentials: functionCredentials(),
			items: [{ id: 'nope' }, { id: 't2' }, { id: '' }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: 'The resource you are requesting could not be found' }, pairedItem: { item: 0 } },
			{ json: { id: 't2', name: 'Beta', method: 'GET', received: null, label: 'v1-default', version: 1 }, pairedItem: { item: 1 } },
			{ json: { error: 'The thing ID is empty' }, pairedItem: { item: 2 } },
		]);
	});

	it('authenticates with an authenticate function (Bearer header)', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { authentication: 'function', thingId: rl('t1') },
			credentials: functionCredentials(),
		});
		expect(result.error).toBeUndefined();
		expect(seen).toHaveLength(1);
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
		expect(seen[0].headers['x-api-key']).toBeUndefined();
	});

	it('authenticates with a generic authenticate (expressions resolved into headers and qs)', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { authentication: 'generic', thingId: rl('t1') },
			credentials: { type: 'harnessGenericApi', data: { baseUrl, apiKey: GOOD_KEY } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name)).toEqual(['Alpha']);
		expect(seen).toHaveLength(1);
		expect(seen[0].headers['x-api-key']).toBe(GOOD_KEY);
		expect(seen[0].headers.authorization).toBeUndefined();
		// the credential type's default for `region` was applied before authenticate
		expect(seen[0].query).toEqual({ region: 'eu-1' });
	});

	it('resolves expressions in credential data', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('t3') },
			credentials: { type: 'harnessFunctionApi', data: { baseUrl, token: "={{ 'tok-good-' + (100 + 23) }}" } },
		});
		expect(result.error).toBeUndefined();
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
	});

	it('reports a 401 from a wrong token as a NodeApiError', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('t1') },
			credentials: functionCredentials('wrong'),
		});
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.httpCode).toBe('401');
		expect(result.error.context.itemIndex).toBe(0);
		// n8n-core re-authenticates and sends a request once more after a 401
		expect(seen.map((r) => r.headers.authorization)).toEqual(['Bearer wrong', 'Bearer wrong']);
	});

	it('fails when the node has no credentials set', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('t1') },
		});
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe('Node does not have any credentials set');
		expect(seen).toHaveLength(0);
	});

	it('runs concurrently without sharing state', async () => {
		const ids = ['t1', 't2', 't3', 't1', 't2'];
		const results = await Promise.all(
			ids.map(async (id) =>
				await engine.runNode({ nodeType: 'harnessThing', parameters: { thingId: rl(id) }, credentials: functionCredentials() }),
			),
		);
		expect(results.map((r) => r.items[0].json.id)).toEqual(ids);
	});
});

describe('listSearch', () => {
	it('calls the listSearch method with a load-options context and resolved credentials', async () => {
		const result = await engine.listSearch({
			nodeType: 'harnessThing',
			method: 'searchThings',
			parameters: { authentication: 'generic' },
			credentials: { type: 'harnessGenericApi', data: { baseUrl, apiKey: GOOD_KEY, region: 'us-2' } },
			filter: 'a',
		});
		expect(result).toEqual({
			results: [
				{ name: 'Alpha', value: 't1' },
				{ name: 'Beta', value: 't2' },
			],
			paginationToken: '2',
		});
		expect(seen).toHaveLength(1);
		expect(seen[0].headers['x-api-key']).toBe(GOOD_KEY);
		expect(seen[0].query).toEqual({ filter: 'a', page: '1', region: 'us-2' });
	});

	it('passes the pagination token (and fills in parameter defaults: authentication = function)', async () => {
		const result = await engine.listSearch({
			nodeType: 'harnessThing',
			method: 'searchThings',
			credentials: functionCredentials(),
			filter: 'a',
			paginationToken: '2',
		});
		expect(result).toEqual({ results: [{ name: 'Gamma', value: 't3' }] });
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
	});

	it('rejects when the method does not exist', async () => {
		await expect(engine.listSearch({ nodeType: 'harnessThing', method: 'nope' })).rejects.toThrow(
			'Node type "harnessThing" does not have listSearch method "nope"',
		);
	});
});

describe('testCredential', () => {
	it('returns OK on 200 (generic authenticate, expressions in the test request resolved)', async () => {
		const result = await engine.testCredential({ type: 'harnessGenericApi', data: { baseUrl, apiKey: GOOD_KEY } });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen).toHaveLength(1);
		expect(seen[0].path).toBe('/me');
		expect(seen[0].headers['x-api-key']).toBe(GOOD_KEY);
	});

	it("returns the responseCode rule's message on 401", async () => {
		const result = await engine.testCredential({ type: 'harnessGenericApi', data: { baseUrl, apiKey: 'bad' } });
		expect(result).toEqual({ status: 'Error', message: 'The API key is wrong: check it in Settings' });
	});

	it('works with an authenticate function', async () => {
		expect(await engine.testCredential(functionCredentials())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
		expect(await engine.testCredential(functionCredentials('bad'))).toEqual({ status: 'Error', message: 'Token rejected' });
	});

	it('applies responseSuccessBody rules', async () => {
		const ok = await engine.testCredential({ type: 'harnessBodyRuleApi', data: { baseUrl, token: GOOD_TOKEN } });
		expect(ok).toEqual({ status: 'OK', message: 'Connection successful!' });
		const disabled = await engine.testCredential({
			type: 'harnessBodyRuleApi',
			data: { baseUrl, token: GOOD_TOKEN, testPath: '/me-disabled' },
		});
		expect(disabled).toEqual({ status: 'Error', message: 'Account disabled' });
		expect(seen.map((r) => r.path)).toEqual(['/me', '/me-disabled']);
		// without a matching responseCode rule, a non-2xx status reports the status text
		const rejected = await engine.testCredential({ type: 'harnessBodyRuleApi', data: { baseUrl, token: 'bad' } });
		expect(rejected).toEqual({ status: 'Error', message: 'Unauthorized' });
	});

	it('reports an unreachable server by its error code', async () => {
		const result = await engine.testCredential({
			type: 'harnessGenericApi',
			data: { baseUrl: 'http://127.0.0.1:1', apiKey: GOOD_KEY },
		});
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});
});
