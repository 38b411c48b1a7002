/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test harness: runs in Node.js beside n8n (process.env, fs, n8n-core internals), never inside n8n */
/**
 * Runs real n8n nodes inside the real n8n engine (n8n-core's WorkflowExecute), in-process.
 *
 *   const engine = createEngine({ nodeTypes: [MyNode], credentialTypes: [MyCredential] });
 *   const { items, error, runData } = await engine.runNode({ nodeType: 'myNode', parameters, credentials });
 *
 * A run is a real two-node workflow: a manual trigger emitting the given items, connected to the
 * node under test, executed in 'manual' mode the way the editor's "Execute workflow" button does.
 * Credentials are resolved through an ICredentialsHelper that mirrors n8n's own (defaults of the
 * credential type applied, expressions in the data resolved, `authenticate` applied in both its
 * function and generic forms). `listSearch` uses n8n-core's LoadOptionsContext the way the
 * editor's resource locator does, and `testCredential` mirrors n8n's CredentialsTester
 * (RoutingNode + the credential type's `test` request and rules).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import {
	ICredentials,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	createEmptyRunExecutionData,
	isExpression,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRequestOptionsSimplified,
	IRunData,
	IRunExecutionData,
	ITaskDataConnections,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

type N8nCore = typeof import('n8n-core');

// ---------------------------------------------------------------------------------------------
// n8n-core is loaded lazily: its InstanceSettings reads (or creates, writing a fresh encryption
// key) $N8N_USER_FOLDER/.n8n/config, and @n8n/config creates the .n8n folder when loaded. So
// N8N_USER_FOLDER must point at a throwaway place before n8n-core is required. The harness uses
// one fixed folder under the OS temp dir (nothing accumulates, nothing to clean up) and seeds its
// config atomically, so parallel jest workers only ever read it.
// ---------------------------------------------------------------------------------------------
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the harness's throwaway user folder, not a secret
const HARNESS_ENCRYPTION_KEY = 'n8n-engine-harness-not-a-secret';

function prepareUserFolder(): void {
	const folder = join(tmpdir(), 'n8n-engine-harness');
	const n8nFolder = join(folder, '.n8n');
	const settingsFile = join(n8nFolder, 'config');
	mkdirSync(n8nFolder, { recursive: true });
	if (!existsSync(settingsFile)) {
		const temporary = `${settingsFile}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify({ encryptionKey: HARNESS_ENCRYPTION_KEY }), { mode: 0o600 });
		renameSync(temporary, settingsFile);
	}
	process.env.N8N_USER_FOLDER = folder;
}

let core: N8nCore | undefined;
export function loadCore(): N8nCore {
	if (core) return core;
	prepareUserFolder();
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded late: N8N_USER_FOLDER must be set first
	const loaded = require('n8n-core') as N8nCore;
	installQuietErrorReporter(loaded);
	core = loaded;
	return loaded;
}

/**
 * WorkflowExecute hands every node error to n8n-core's ErrorReporter (Sentry in n8n), whose
 * default implementation logs the error and its whole cause chain (axios stack included) to the
 * console. The engine's result already carries the error, so the reporter is replaced in n8n-core's
 * DI container by a quiet one. Set N8N_HARNESS_LOG_ERRORS=1 to print reported errors.
 */
function installQuietErrorReporter(loaded: N8nCore): void {
	// @n8n/di is n8n-core's dependency, not ours: resolve it from n8n-core's location
	const diPath = require.resolve('@n8n/di', { paths: [dirname(require.resolve('n8n-core'))] });
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n-core's own copy of @n8n/di, found at run time
	const { Container } = require(diPath) as {
		Container: { set: (type: unknown, instance: unknown) => void };
	};
	const log = (error: unknown) => {
		// eslint-disable-next-line no-console -- printed only when asked for (N8N_HARNESS_LOG_ERRORS)
		if (process.env.N8N_HARNESS_LOG_ERRORS) console.error('[n8n ErrorReporter]', error);
	};
	Container.set(loaded.ErrorReporter, { error: log, warn: log, info: log });
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------
export type NodeTypeClass = new () => INodeType | IVersionedNodeType;
export type CredentialTypeClass = new () => ICredentialType;

export interface EngineCredentials {
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface RunNodeOptions {
	/** Node type name as in its description, e.g. 'segmentParagon' */
	nodeType: string;
	/** The node's parameters as saved in a workflow */
	parameters: INodeParameters;
	/** Decrypted credential data */
	credentials?: EngineCredentials;
	/** json of the input items; default [{}] */
	items?: IDataObject[];
	/** Sets the node setting onError: 'continueRegularOutput' */
	continueOnFail?: boolean;
	/** default 1 */
	typeVersion?: number;
}

export interface RunNodeResult {
	/** Output items of the node under test (main output 0) */
	items: INodeExecutionData[];
	/** All outputs of the node under test */
	outputs: INodeExecutionData[][];
	/**
	 * The node's error as the engine reports it (the task's `error` in runData): a plain object
	 * copied from the thrown NodeApiError / NodeOperationError (`{ ...error, message, stack }`), so
	 * check `error.name`, not `instanceof`. It has message, description, httpCode (a string, e.g.
	 * '404'), context (context.itemIndex when the node set it), node, level, messages.
	 * With continueOnFail, an error the node throws itself (not turned into an item) is reported
	 * here too, while `items` holds the input items the engine passed through.
	 * A run n8n refuses before starting (a required parameter is empty) gives the
	 * WorkflowHasIssuesError instance, with empty runData.
	 */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- n8n's run errors have many shapes; tests read their fields freely
	error?: any;
	runData: IRunData;
}

export interface ListSearchOptions {
	nodeType: string;
	method: string;
	/** The node's current parameters; defaults are filled in, as the editor does */
	parameters?: INodeParameters;
	credentials?: EngineCredentials;
	filter?: string;
	paginationToken?: string;
	typeVersion?: number;
	/** The parameter path the editor sends; default: that of the resource locator using `method` */
	path?: string;
}

export type LoadOptionsOptions = Omit<ListSearchOptions, 'filter' | 'paginationToken'>;

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface Engine {
	runNode(o: RunNodeOptions): Promise<RunNodeResult>;
	listSearch(o: ListSearchOptions): Promise<INodeListSearchResult>;
	/** Calls the node's methods.loadOptions[method] (an options parameter's dropdown) */
	loadOptions(o: LoadOptionsOptions): Promise<INodePropertyOptions[]>;
	testCredential(o: EngineCredentials): Promise<CredentialTestResult>;
	/** The INodeTypes the engine uses (node types under test plus the manual trigger) */
	readonly nodeTypes: INodeTypes;
	/** What a poll runner shares with the engine: its node types, credentials and execution counter */
	readonly context: EngineContext;
}

export interface EngineContext {
	nodeTypes: INodeTypes;
	credentialsHelper: HarnessCredentialsHelper;
	nextExecutionNumber(): number;
}

/** A resource-locator parameter value */
export function rl(value: string, mode = 'id'): { __rl: true; mode: string; value: string } {
	return { __rl: true, mode, value };
}

/** Name of the trigger node in every run, and of the node under test */
export const TRIGGER_NODE_NAME = 'When clicking ‘Execute workflow’';
export const NODE_UNDER_TEST_NAME = 'Node under test';

const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
const CREDENTIAL_ID_PREFIX = 'harness-cred-';

// ---------------------------------------------------------------------------------------------
// Manual trigger: emits the run's items. The items travel as a JSON parameter of the trigger
// node so that concurrent runs never share state.
// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Node and credential type registries
// ---------------------------------------------------------------------------------------------
function nodeTypeName(type: INodeType | IVersionedNodeType): string {
	return type.description.name;
}

function createNodeTypes(nodeTypeClasses: NodeTypeClass[]): INodeTypes {
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

class CredentialTypes {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(classes: CredentialTypeClass[]) {
		for (const Cls of classes) {
			const instance = new Cls();
			this.byName.set(instance.name, instance);
		}
	}

	getByName(name: string): ICredentialType {
		const type = this.byName.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}" (known: ${[...this.byName.keys()].join(', ')})`);
		return type;
	}

	has(name: string): boolean {
		return this.byName.has(name);
	}

	getParentTypes(name: string): string[] {
		const type = this.byName.get(name);
		if (!type?.extends) return [];
		const parents: string[] = [];
		for (const parent of type.extends) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (!type.extends) return type.properties;
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			if (this.has(parent)) NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}

// ---------------------------------------------------------------------------------------------
// Credentials helper: an in-memory store of decrypted credentials, mirroring n8n's
// packages/cli/src/credentials-helper.ts for everything a node can observe.
// ---------------------------------------------------------------------------------------------
const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};
const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

/**
 * n8n-core's own `Credentials` class cannot be used here: in 2.x it encrypts through an
 * EncryptionKeyProxy whose key provider is the database ("Encryption key provider is not
 * configured"). n8n-core itself never calls `credentialsHelper.getCredentials`; this plain
 * (unencrypted) ICredentials only serves code that does.
 */
class PlainCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...(await this.getData()), ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, EngineCredentials>();
	private counter = 0;

	constructor(private readonly credentialTypes: CredentialTypes) {
		super();
	}

	/** Stores decrypted data; returns the node's credential reference */
	add(credentials: EngineCredentials): INodeCredentialsDetails {
		this.credentialTypes.getByName(credentials.type);
		const id = `${CREDENTIAL_ID_PREFIX}${++this.counter}`;
		this.store.set(id, { type: credentials.type, data: { ...credentials.data } });
		return { id, name: `${credentials.type} (test)` };
	}

	remove(ref: INodeCredentialsDetails): void {
		if (ref.id) this.store.delete(ref.id);
	}

	private lookup(nodeCredentials: INodeCredentialsDetails, type: string): EngineCredentials {
		const stored = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		if (!stored || stored.type !== type) {
			throw new Error(`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`);
		}
		return stored;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.has(credentialType)) return true;
		const type = this.credentialTypes.getByName(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some((n) => n === nodeType || nodeType.endsWith(`.${n}`));
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions;
		const credentialType = this.credentialTypes.getByName(typeName);
		const { authenticate } = credentialType;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (!workflow || !node) {
				throw new Error('Workflow and node are required for declarative credential authentication');
			}
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					const keyResolved = this.resolveValue(key, credentials, workflow, node);
					const valueResolved = this.resolveValue(value, credentials, workflow, node);
					if (!target[outerKey]) target[outerKey] = {};
					target[outerKey][keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	private resolveValue(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		if (!resolved) return '';
		return (resolved as string | number).toString();
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined) return undefined;
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		const ref = node.credentials?.[credentialType.name];
		if (ref) await this.updateCredentials(ref, credentialType.name, { ...credentials, ...output });
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.lookup(nodeCredentials, type);
		return new PlainCredentials(nodeCredentials, type, JSON.stringify(stored.data));
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.lookup(nodeCredentials, type);
		const data = { ...stored.data };
		if (raw === true) return data;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			data,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** Credential defaults, then expressions in the data resolved (as n8n's helper does) */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		original: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);
		let decrypted = NodeHelpers.getNodeParameters(
			properties,
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) decrypted.oauthTokenData = original.oauthTokenData;

		const additionalKeys = loadCore().getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			try {
				decrypted = expressionResolveValues.workflow.expression.getParameterValue(
					decrypted as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decrypted,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the harness passes n8n's own error on, as n8n does
				throw e;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			decrypted = workflow.expression.getComplexParameterValue(
				mockNode,
				decrypted as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		return decrypted;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.lookup(nodeCredentials, type);
		stored.data = { ...data };
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.lookup(nodeCredentials, type);
		stored.data = { ...stored.data, oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getProperties(type);
	}
}

// ---------------------------------------------------------------------------------------------
// additionalData: a plain object (a catch-all Proxy breaks the run: n8n-core tests optional
// members such as `evalLlmMockHandler` (which, when set, answers HTTP requests instead of the
// network), `otel`, `executionContext` for presence).
// ---------------------------------------------------------------------------------------------
function notAvailable(what: string): () => never {
	return () => {
		throw new Error(`${what} is not available in the test engine`);
	};
}

export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	executionId: string,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const { ExternalSecretsProxy } = loadCore();
	const additionalData: IWorkflowExecuteAdditionalData = {
		credentialsHelper,
		executionId,
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		userId: 'harness-user',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: notAvailable('startRunnerTask'),
		externalSecretsProxy: new ExternalSecretsProxy(),
		...extra,
	} as IWorkflowExecuteAdditionalData;
	return additionalData;
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------
export function createEngine(opts: {
	nodeTypes: NodeTypeClass[];
	credentialTypes: CredentialTypeClass[];
}): Engine {
	const nodeTypes = createNodeTypes(opts.nodeTypes);
	const credentialTypes = new CredentialTypes(opts.credentialTypes);
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes);
	let executionCounter = 0;

	async function runNode(o: RunNodeOptions): Promise<RunNodeResult> {
		const { WorkflowExecute, ExecutionLifecycleHooks } = loadCore();
		const typeVersion = o.typeVersion ?? 1;
		nodeTypes.getByNameAndVersion(o.nodeType, typeVersion);

		const credentialRef = o.credentials ? credentialsHelper.add(o.credentials) : undefined;
		try {
			const trigger: INode = {
				id: 'trigger-node-id',
				name: TRIGGER_NODE_NAME,
				type: MANUAL_TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(o.items ?? [{}]) },
			};
			const nodeUnderTest: INode = {
				id: 'node-under-test-id',
				name: NODE_UNDER_TEST_NAME,
				type: o.nodeType,
				typeVersion,
				position: [220, 0],
				parameters: o.parameters,
				...(o.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(credentialRef && o.credentials
					? { credentials: { [o.credentials.type]: credentialRef } }
					: {}),
			};
			const connections = {
				[TRIGGER_NODE_NAME]: {
					main: [[{ node: NODE_UNDER_TEST_NAME, type: NodeConnectionTypes.Main, index: 0 }]],
				},
			};
			const workflowData: IWorkflowBase = {
				id: 'harness-workflow',
				name: 'Harness workflow',
				active: false,
				isArchived: false,
				activeVersionId: null,
				nodes: [trigger, nodeUnderTest],
				connections,
				settings: { executionOrder: 'v1' },
				createdAt: new Date(),
				updatedAt: new Date(),
			};
			const workflow = new Workflow({
				id: workflowData.id,
				name: workflowData.name,
				nodes: workflowData.nodes,
				connections: workflowData.connections,
				active: false,
				nodeTypes,
				settings: workflowData.settings,
			});

			const executionId = `harness-${++executionCounter}`;
			const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
			const additionalData = createAdditionalData(credentialsHelper, executionId, { hooks });
			const workflowExecute = new WorkflowExecute(additionalData, 'manual');
			let run: Awaited<ReturnType<typeof workflowExecute.run>>;
			try {
				run = await workflowExecute.run({ workflow, startNode: trigger });
			} catch (error) {
				// Checked before anything runs (e.g. a required parameter is empty): n8n refuses the
				// whole execution with WorkflowHasIssuesError. Reported like a node error.
				if ((error as Error)?.name === 'WorkflowHasIssuesError') {
					return { items: [], outputs: [], error, runData: {} };
				}
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- not a node: the harness hands the engine's error to the test
				throw error;
			}

			const runData = run.data.resultData.runData;
			const task = runData[NODE_UNDER_TEST_NAME]?.[0];
			const outputs = (task?.data?.main ?? []).map((output) => output ?? []);
			const error = task?.error ?? run.data.resultData.error;
			return {
				items: outputs[0] ?? [],
				outputs,
				...(error ? { error } : {}),
				runData,
			};
		} finally {
			if (credentialRef) credentialsHelper.remove(credentialRef);
		}
	}

	/** Runs `call` in a real n8n-core load-options context, the way the editor's requests do. */
	async function withLoadOptionsContext<T>(
		o: Omit<ListSearchOptions, 'method' | 'filter' | 'paginationToken'>,
		path: (nodeType: INodeType) => string,
		call: (nodeType: INodeType, context: import('n8n-workflow').ILoadOptionsFunctions) => Promise<T>,
	): Promise<T> {
		const { LoadOptionsContext } = loadCore();
		const typeVersion = o.typeVersion ?? 1;
		const nodeType = nodeTypes.getByNameAndVersion(o.nodeType, typeVersion);
		const credentialRef = o.credentials ? credentialsHelper.add(o.credentials) : undefined;
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
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			const additionalData = createAdditionalData(credentialsHelper, `harness-ls-${++executionCounter}`, {
				currentNodeParameters: parameters,
			});
			const context = new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, o.path ?? path(nodeType));
			return await call(nodeType, context);
		} finally {
			if (credentialRef) credentialsHelper.remove(credentialRef);
		}
	}

	async function listSearch(o: ListSearchOptions): Promise<INodeListSearchResult> {
		return await withLoadOptionsContext(
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

	async function loadOptions(o: LoadOptionsOptions): Promise<INodePropertyOptions[]> {
		return await withLoadOptionsContext(
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

	async function testCredential(o: EngineCredentials): Promise<CredentialTestResult> {
		const { ExecuteContext, RoutingNode } = loadCore();
		const credentialType = credentialTypes.getByName(o.type);
		const testRequest = credentialType.test;
		if (!testRequest) {
			return { status: 'Error', message: 'No testing function found for this credential.' };
		}

		const credentialRef = credentialsHelper.add(o);
		const tempTypeName = 'n8n-nodes-base.noOp';
		try {
			const executionId = `harness-ct-${++executionCounter}`;
			const additionalData = createAdditionalData(credentialsHelper, executionId);
			const credentialsDecrypted: ICredentialsDecrypted = {
				id: credentialRef.id as string,
				name: credentialRef.name,
				type: o.type,
				data: await credentialsHelper.applyDefaultsAndOverwrites(
					additionalData,
					{ ...o.data },
					o.type,
					'internal',
				),
			};

			const node: INode = {
				id: 'temp',
				parameters: {},
				name: 'Temp-Node',
				type: tempTypeName,
				typeVersion: 1,
				position: [0, 0],
				credentials: { [o.type]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
			};
			const nodeTypeCopy: INodeType = {
				description: {
					displayName: 'No Operation, do nothing',
					name: tempTypeName,
					group: ['organization'],
					version: 1,
					description: 'No Operation',
					defaults: { name: 'No Operation, do nothing' },
					inputs: [NodeConnectionTypes.Main],
					outputs: [NodeConnectionTypes.Main],
					credentials: [{ name: o.type, required: true }],
					properties: [
						{
							displayName: 'Temp',
							name: 'temp',
							type: 'string',
							routing: { request: testRequest.request },
							default: '',
						},
					],
				},
			};
			const testNodeTypes: INodeTypes = {
				getByName: (name) => {
					if (name !== tempTypeName) throw new Error(`Unknown node type "${name}"`);
					return nodeTypeCopy;
				},
				getByNameAndVersion: (name, version) =>
					NodeHelpers.getVersionedNodeType(testNodeTypes.getByName(name), version),
				getKnownTypes: () => ({}),
			};
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: testNodeTypes });
			const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
			const runExecutionData: IRunExecutionData = createEmptyRunExecutionData();
			const executeData: IExecuteData = { node, data: {}, source: null };
			const executeFunctions = new ExecuteContext(
				workflow,
				node,
				additionalData,
				'internal',
				runExecutionData,
				0,
				[],
				inputData,
				executeData,
				[],
			);
			const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

			let response: INodeExecutionData[][] | null | undefined;
			try {
				response = await routingNode.runNode();
			} catch (error) {
				const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } })
					.cause;
				if (cause?.response) {
					const statusCode = cause.response.status;
					for (const rule of testRequest.rules ?? []) {
						if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
							return { status: 'Error', message: rule.properties.message };
						}
					}
					if (statusCode < 199 || statusCode > 299) {
						return {
							status: 'Error',
							message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
						};
					}
				} else if (cause?.code) {
					return { status: 'Error', message: cause.code };
				}
				return { status: 'Error', message: String((error as Error).message) };
			}

			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseSuccessBody') {
					const responseData = response?.[0]?.[0]?.json;
					if (getPath(responseData, rule.properties.key) === rule.properties.value) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
			}
			return { status: 'OK', message: 'Connection successful!' };
		} finally {
			credentialsHelper.remove(credentialRef);
		}
	}

	const context: EngineContext = { nodeTypes, credentialsHelper, nextExecutionNumber: () => ++executionCounter };
	return { runNode, listSearch, loadOptions, testCredential, nodeTypes, context };
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

/** lodash.get for dotted / bracketed paths */
function getPath(obj: unknown, path: string): unknown {
	const parts = path.replace(/\[(\w+)\]/g, '.$1').split('.').filter(Boolean);
	let current: unknown = obj;
	for (const part of parts) {
		if (current === null || current === undefined) return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}
