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

/** Whether a sample's stack holds a call `{fn, file}` (the function's name and where it is defined). */
function stackReader(profile) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	const frameOf = (id) => byId.get(id).callFrame;
	const onStack = (id, call) => {
		for (let current = id; current !== undefined; current = parentOf.get(current)) {
			const { functionName, url } = frameOf(current);
			if (functionName === call.fn && url.includes(call.file)) return true;
		}
		return false;
	};
	return { frameOf, onStack };
}

/** Markdown rows `| label | total | per item |` of times in microseconds. */
const timeRows = (header, entries, items) => [
	`| ${header} | total | per item |`,
	'|---|---|---|',
	...entries.map(([label, micros]) => `| ${label} | ${(micros / 1000).toFixed(0)} ms | ${(micros / 1000 / items).toFixed(2)} ms |`),
];

export function summarizeProfile(file, items) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const stack = stackReader(profile);
	const totals = CALLS.map(() => 0);
	let all = 0;
	const selfTime = new Map();
	profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
	for (const [id, micros] of selfTime) {
		all += micros;
		CALLS.forEach((call, index) => {
			if (stack.onStack(id, call)) totals[index] += micros;
		});
	}
	const rows = timeRows('call', CALLS.map((call, index) => [call.label, totals[index]]), items);
	rows.push(`| the whole process (start-up, idle waiting included) | ${(all / 1000).toFixed(0)} ms | |`);
	return `${rows.join('\n')}\n\n${summarizeExecutionWindow(profile, stack, items)}`;
}

const RUN_ITEM = { fn: 'runItem', file: 'SegmentParagon/actions/router.js' };
const READ_AHEAD = { fn: 'of', file: 'shared/readAhead.js' };

/**
 * The execution's own time (first to last sample of the node's runItem), each sample in one row:
 * the node's item, the next item's parameters read ahead (while this item's request waits), n8n's
 * request stack and the sockets (everything else on the main thread), garbage collection, idle.
 */
function summarizeExecutionWindow(profile, { frameOf, onStack }, items) {
	const at = [];
	let clock = profile.startTime;
	profile.samples.forEach((id, index) => at.push((clock += profile.timeDeltas[index] ?? 0)));
	const inItem = profile.samples.map((id) => onStack(id, RUN_ITEM));
	const first = at[inItem.indexOf(true)];
	const last = at[inItem.lastIndexOf(true)];
	const KINDS = ['the node: one item (runItem)', 'the node\'s read ahead: n8n resolving the next item\'s parameters', 'n8n\'s request stack (axios, follow-redirects, agents, connections) and the sockets', 'garbage collection', 'idle (waiting for the answer)'];
	const totals = KINDS.map(() => 0);
	profile.samples.forEach((id, index) => {
		if (at[index] < first || at[index] > last) return;
		const { functionName } = frameOf(id);
		const kind = functionName === '(idle)' ? 4 : functionName === '(garbage collector)' ? 3 : inItem[index] ? 0 : onStack(id, READ_AHEAD) ? 1 : 2;
		totals[kind] += profile.timeDeltas[index + 1] ?? 0;
	});
	return timeRows(`within the execution (${((last - first) / 1000).toFixed(0)} ms)`, KINDS.map((kind, index) => [kind, totals[index]]), items).join('\n');
}
