/**
 * What every capability of an engine shares (its node and credential types, its credentials store,
 * its execution counter). A capability (runNode, listSearch, testCredential, ...) is a function of
 * (EngineContext, options) in its own file, wired into the Engine by createEngine.ts.
 */
import type { INodeTypes } from 'n8n-workflow';

import type { CredentialTypes } from './credentialTypes';
import type { HarnessCredentialsHelper } from './credentialsHelper';

export interface EngineContext {
	nodeTypes: INodeTypes;
	credentialTypes: CredentialTypes;
	credentialsHelper: HarnessCredentialsHelper;
	/** 1, 2, 3, ... over every run, list search and credential test of the engine (for execution ids). */
	nextExecutionNumber(): number;
}
