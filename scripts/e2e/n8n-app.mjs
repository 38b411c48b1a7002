// Driving the real n8n application (Node 24 + n8n 2.41.1 from scripts/n8n-runtime.mjs) from
// a script: pack and install this package the way n8n installs a community package, run the
// n8n CLI (import, publish, execute), start `n8n start`, create the owner account.
// Shared by `npm start` (scripts/start.mjs), `npm run test:e2e` (test/e2e/run.mjs) and
// `npm run test:queue` (test/queue/run.mjs); each part lives in its own file:
export * from './package.mjs'; // type names, build + pack + install, examples, the sandbox's credentials
export * from './cli.mjs'; // the n8n CLI: environment, import, publish, execute
export * from './server.mjs'; // `n8n start`, process groups, log lines, ports, owner and login
