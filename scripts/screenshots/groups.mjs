// The groups of pictures of `npm run screenshots`, taken in this order (`--only=<shot>,...` picks
// some). A new group is one file here and one line in FILES.
//
// A group is a module with:
//
//   export const shots = ['get-syncs', ...];   // its pictures: docs/<shot>.png; the names --only takes
//   export async function prepare({ rest, credential, only, temporary }) {...}
//                                              // optional: once before any picture, when some of its
//                                              // shots are selected; what it returns is `shared.state`
//                                              // of its steps. Scratch workflows it creates are pushed
//                                              // into `temporary` (deleted again at the end, also on Ctrl-C)
//   export const steps = [[['get-syncs'], shootGetSyncs], ...];
//                                              // each step takes the named shots on a fresh page:
//                                              // shoot(page, shared), run when one of its names is selected
//
// `shared`: baseUrl (n8n), rest (editor.mjs restClient, logged in), credential (the Paragon Proxy
// API credential shown), out (the folder), only (the selected shots), state (the group's prepare).
// editor.mjs has the helpers (capture, checkToasts, waitForShown, createTriggerAndNodeWorkflow, ...).
const FILES = [
	'nodeCreator.mjs',
	'credential.mjs',
	'workflowRun.mjs',
	'pipelines.mjs',
	'monitoring.mjs',
	'mappings.mjs',
	'trackingPlans.mjs',
	'regulations.mjs',
	'trigger.mjs',
	'reverseEtl.mjs',
];

export const GROUPS = await Promise.all(FILES.map((file) => import(`./${file}`)));
