// Where the time of one execution in the real n8n goes: a V8 CPU profile (`node --cpu-prof`) read
// back as the inclusive time of the calls that matter per item. Used by `npm run bench:n8n -- --profile`.
import fs from 'node:fs';

/**
 * The calls that matter, each found by the function's name and where it is defined. A sample
 * counts for every listed call on its stack (times are inclusive: nested calls count in both).
 */
const CALLS = [
	{ label: 'the node: one item, whole (router.runItem)', fn: 'runItem', file: 'n8n-nodes-segment-paragon/dist/nodes/SegmentParagon/actions/router.js' },
	{ label: 'n8n: resolving the item\'s parameters (getNodeParameter, expressions included)', fn: '_getNodeParameter', file: 'n8n-core/dist/execution-engine/node-execution-context/node-execution-context.js' },
	{ label: 'n8n: evaluating expressions (isolated-vm bridge)', fn: 'execute', file: '@n8n/expression-runtime/dist/cjs/bridge/isolated-vm-bridge.js' },
	{ label: 'n8n: httpRequestWithAuthentication, whole', fn: 'httpRequestWithAuthentication', file: 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication.js' },
	{ label: 'n8n: reading and decrypting the credential from its database (getDecrypted)', fn: 'getDecrypted', file: 'n8n/dist/credentials-helper.js' },
	{ label: 'n8n: the credential\'s authenticate', fn: 'authenticate', file: 'n8n/dist/credentials-helper.js' },
	{ label: 'axios: sending and reading (dispatchHttpRequest)', fn: 'dispatchHttpRequest', file: 'axios/dist/node/axios.cjs' },
	{ label: 'Node.js: opening a TCP connection (internalConnect)', fn: 'internalConnect', file: 'node:net' },
	{ label: 'the node: its own transport (SegmentClient.request, sending included)', fn: 'request', file: 'n8n-nodes-segment-paragon/dist/nodes/shared/transport/request.js' },
	{ label: 'garbage collection', fn: '(garbage collector)', file: '' },
];

export function summarizeProfile(file, items) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	const matches = (node, call) => node.callFrame.functionName === call.fn && node.callFrame.url.includes(call.file);
	const totals = CALLS.map(() => 0);
	let all = 0;
	const selfTime = new Map();
	profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
	for (const [id, micros] of selfTime) {
		all += micros;
		const onStack = new Set();
		for (let current = id; current !== undefined; current = parentOf.get(current)) {
			CALLS.forEach((call, index) => {
				if (matches(byId.get(current), call)) onStack.add(index);
			});
		}
		for (const index of onStack) totals[index] += micros;
	}
	const rows = ['| call | total | per item |', '|---|---|---|'];
	CALLS.forEach((call, index) => rows.push(`| ${call.label} | ${(totals[index] / 1000).toFixed(0)} ms | ${(totals[index] / 1000 / items).toFixed(2)} ms |`));
	rows.push(`| the whole process (start-up, idle waiting included) | ${(all / 1000).toFixed(0)} ms | |`);
	return rows.join('\n');
}
