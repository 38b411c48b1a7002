/** What the engine harness offers a test: its options, results, and the names of the run's nodes. */
import type {
	ICredentialsHelper,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	ResourceMapperFields,
	INodeType,
	INodeTypes,
	IRunData,
	IVersionedNodeType,
} from 'n8n-workflow';

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
	/** When it resolves, the execution is stopped (as with the editor's Stop button). */
	stop?: Promise<unknown>;
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
	/** Calls the node's methods.resourceMapping[method] (the fields a resource mapper shows) */
	resourceMapping(o: LoadOptionsOptions): Promise<ResourceMapperFields>;
	testCredential(o: EngineCredentials): Promise<CredentialTestResult>;
	/** A polling trigger alone in an active workflow, polled as n8n polls it (see poll.ts) */
	pollTrigger(o: PollTriggerOptions): PolledTrigger;
	/** The INodeTypes the engine uses (node types under test plus the manual trigger) */
	readonly nodeTypes: INodeTypes;
	/** n8n's credentials helper as the engine gives it to executions (a test may count its reads) */
	readonly credentialsHelper: ICredentialsHelper;
}

export interface PollTriggerOptions {
	/** Node type name as in its description, e.g. 'segmentParagonTrigger' */
	nodeType: string;
	parameters: INodeParameters;
	credentials?: EngineCredentials;
	typeVersion?: number;
	/** The node's name: n8n keys its static data by it ("node:<name>") */
	nodeName?: string;
}

/** What became of a scheduled poll that did something: an execution with the emitted items, or an error execution. */
export interface PollExecution {
	items: INodeExecutionData[];
	/** The node's error as n8n records it (NodeApiError / NodeOperationError: description, httpCode). */
	error?: Error & { description?: string | null; httpCode?: string | null };
}

export interface PolledTrigger {
	/** The first poll, as n8n runs it when the workflow is activated: an error rejects (the activation fails). */
	activate(): Promise<PollExecution | null>;
	/** A poll on the schedule: null when poll() returned null; an error becomes an error execution. */
	poll(): Promise<PollExecution | null>;
	/** The editor's Fetch Test Event: poll() in mode 'manual'; its error rejects. */
	fetchTestEvent(): Promise<INodeExecutionData[][] | null>;
	/** n8n restarted: the workflow is built again from the static data n8n saved. */
	restart(): void;
	/** The node's static data in memory (a copy). */
	readonly staticData: IDataObject;
	/** The node's static data as n8n last saved it (a copy). */
	readonly savedStaticData: IDataObject;
	/** Every execution the trigger started, in order. */
	readonly executions: PollExecution[];
	/** Forgets the trigger's credential. */
	close(): void;
}


/** A resource-locator parameter value */
export function rl(value: string, mode = 'id'): { __rl: true; mode: string; value: string } {
	return { __rl: true, mode, value };
}

/** Name of the trigger node in every run, and of the node under test */
export const TRIGGER_NODE_NAME = 'When clicking ‘Execute workflow’';
export const NODE_UNDER_TEST_NAME = 'Node under test';
export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
