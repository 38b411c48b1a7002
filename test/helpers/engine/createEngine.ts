import type { EngineContext } from './context';
import { testCredential } from './credentialTest';
import { CredentialTypes } from './credentialTypes';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { listSearch, loadOptions, resourceMapping } from './loadOptions';
import { pollTrigger } from './poll';
import { createNodeTypes } from './nodeTypes';
import { runNode } from './run';
import type { CredentialTypeClass, Engine, NodeTypeClass } from './types';

/**
 * An engine for the given node and credential types. Each capability lives in its own file as a
 * function of (EngineContext, options) and is wired here with one line.
 */
export function createEngine(opts: { nodeTypes: NodeTypeClass[]; credentialTypes: CredentialTypeClass[] }): Engine {
	const credentialTypes = new CredentialTypes(opts.credentialTypes);
	let executionCounter = 0;
	const context: EngineContext = {
		nodeTypes: createNodeTypes(opts.nodeTypes),
		credentialTypes,
		credentialsHelper: new HarnessCredentialsHelper(credentialTypes),
		nextExecutionNumber: () => ++executionCounter,
	};
	return {
		runNode: (o) => runNode(context, o),
		listSearch: (o) => listSearch(context, o),
		loadOptions: (o) => loadOptions(context, o),
		resourceMapping: (o) => resourceMapping(context, o),
		testCredential: (o) => testCredential(context, o),
		pollTrigger: (o) => pollTrigger(context, o),
		nodeTypes: context.nodeTypes,
		credentialsHelper: context.credentialsHelper,
	};
}
