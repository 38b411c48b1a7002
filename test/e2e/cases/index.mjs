// The case groups of `npm run test:e2e`, run in this order (`--only=<name>,...` or E2E_ONLY picks
// some). A new group is one file here and one line in FILES.
//
// A group is a module with:
//
//   export const name = 'crud';                // what --only names (unique)
//   export const needsServer = true;           // optional: runs after every other group, against the
//                                              // one `n8n start` the run shares (ctx.server)
//   export async function start(ctx) {...}     // optional: before the imports, start what the group needs
//                                              // (a fake server of its own); stop it with ctx.onCleanup(fn)
//   export function credentials(ctx) {...}     // optional: more credentials to import, [{id, name, type, data}]
//   export function workflows(ctx) {...}       // optional: more workflows to import (examples/*.json always are)
//   export function publish(ctx) {...}         // optional, server groups: workflow ids to publish before
//                                              // `n8n start` (which activates them: webhooks, triggers)
//   export async function run(ctx) {...}       // the cases
//
// `ctx` (built once in ../run.mjs; groups read it, never replace its fields):
//   sandbox        the in-process sandbox (sandbox/): requests, reset(), clearRequests(), entities(),
//                  catalog(), labels(), filters(), syncReports(); it knows the demo users and
//                  LONELY_TOKEN (../workflows.mjs), a user who never connected Segment
//   privateKeyPem  the sandbox's signing key (for signing-key credentials)
//   fakeModel      the scripted fake OpenAI (../fake-openai.mjs): url, requests; its credential
//                  FAKE_MODEL_CREDENTIAL is imported for every group, as are "Segment sandbox" and
//                  "Segment sandbox (signing key)" (scripts/e2e/n8n-app.mjs sandboxCredentials)
//   env, workDir   the n8n CLI's environment and the run's temporary folder (for executeWorkflow etc.)
//   examples       the example workflows by id (EXAMPLE in ../workflows.mjs names them)
//   seedIds(resource)        the sandbox's demo entities of a resource: { name: id }
//   catalogId(kind, slug)    the id of a catalog entry
//   check(name, fn)          one case: PASS when fn returns (its result is printed as a note), FAIL when it throws
//   failAll(names, error)    cases that cannot run, each reported as failed
//   onCleanup(fn)            fn (may be async) runs when the run ends, also on Ctrl-C, before n8n and the sandbox stop
//   runCases(workflowId, [[name, (run, execution) => note], ...])
//                  resets the sandbox, runs the workflow once with `n8n execute`, then each case on
//                  its run (`run.data.resultData`) and `execution` ({ code, run, ms, attempts });
//                  a run that cannot start fails all its cases
//   server         server groups only: { baseUrl, cookie } (cookie: the owner's session). When
//                  `n8n start` failed, server groups still run, with a `check` that reports each
//                  case as not run: read ctx.server only inside check callbacks.
// What the cases look at: ../support.mjs (requestsOf, itemsOf, call, assertRan, assertAuth, ...).
const FILES = [
	'crud.mjs',
	'examples.mjs',
	'monitoring.mjs',
	'mappings.mjs',
	'trackingPlans.mjs',
	'regulations.mjs',
	'reverseEtl.mjs',
	'httpRequest.mjs',
	'errors.mjs',
	'trigger.mjs', // before server: it unpublishes its polling workflows before server counts requests
	'agent.mjs',
	'server.mjs',
	'regulationsServer.mjs',
];

export const GROUPS = await Promise.all(FILES.map((file) => import(`./${file}`)));
