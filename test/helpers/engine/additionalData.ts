import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { loadCore } from './core';

function notAvailable(what: string): () => never {
	return () => {
		throw new Error(`${what} is not available in the test engine`);
	};
}

/**
 * additionalData: a plain object (a catch-all Proxy breaks the run: n8n-core tests optional
 * members such as `evalLlmMockHandler` (which, when set, answers HTTP requests instead of the
 * network), `otel`, `executionContext` for presence).
 */
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
