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
 *
 * The parts live in engine/, one concern a file: core.ts (n8n-core loaded late), types.ts (what a
 * test passes and gets), nodeTypes.ts and credentialTypes.ts (the registries), credentialsHelper.ts,
 * additionalData.ts, run.ts, loadOptions.ts (list search and load options), credentialTest.ts, and
 * createEngine.ts, which wires each capability in with one line. Tests import from here.
 */
export { createEngine } from './engine/createEngine';
export * from './engine/types';
