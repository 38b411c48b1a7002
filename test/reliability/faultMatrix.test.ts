/**
 * The fault matrix: every Segment call of every operation (all five on warehouses, the shared
 * path; each call of the multi-request source create and update) meets each fault the sandbox can
 * play. Each row checks the outcome (retried and succeeded, or one clear error), the exact calls
 * sent, that a create is never sent twice once it may have been processed, how long the node
 * waited, and that no secret shows up anywhere.
 *
 * Rows run concurrently, each against its own sandbox, in signing-key mode; the timeout rows set
 * Options > Timeout to 1.5 s, so the matrix stays fast and a busy moment times nothing else out.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { arrangeWorkspace, calls, runSegment, signingKeyCredentials, startWorld, type Sandbox } from '../helpers/world';
import { FAULTS, TIMEOUT_MS, type FaultKind } from './faults';
import { callOf, newIds, SCENARIOS, type Ids, type Scenario, type Step } from './scenarios';
import { captureOutput, leaks, runTexts, secretNeedles, tokensSeen, type Capture } from './support';

// Beyond the waits the node must make: engine start, requests, and other rows running alongside.
const SLACK_MS = 5000;

let capture: Capture;
const everyToken = new Set<string>();
const everyText: string[] = [];

beforeAll(async () => {
	// A first run loads n8n-core; then everything printed is captured.
	const sandbox = await startWorld();
	await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl(' ') });
	await sandbox.close();
	capture = captureOutput();
});

afterAll(() => {
	capture.stop();
	// The error reporter printed the errors of the failing rows: the capture saw them, and no secret.
	expect(capture.lines.some((line) => line.includes('[n8n ErrorReporter]'))).toBe(true);
	expect(leaks([...capture.lines, ...everyText], secretNeedles(everyToken))).toEqual([]);
});

/** What a failed step of a source create leaves undone, as the error says it. */
const LEFT_AFTER: Record<string, string> = {
	PATCH: 'its name, its platform and category labels',
	PUT: 'its platform and category labels',
	POST: 'its connection to warehouse',
};

interface Row {
	scenario: Scenario;
	stepIndex: number;
	fault: FaultKind;
}

function rowsFor(scenario: Scenario): Array<[string, Row]> {
	const steps = scenario.steps({ warehouseId: '{id}', sourceId: '{id}', destinationId: '{id}', actionsDestinationId: '{id}', mappingId: '{id}', trackingPlanId: '{id}', modelId: '{id}' });
	return steps.flatMap((step, stepIndex) =>
		step.faulted
			? FAULTS.map((fault): [string, Row] => {
					const outcome = fault.retried(step) ? 'retried, succeeds' : 'one error, no retry';
					return [`${callOf(step)} · ${fault.name} → ${outcome}`, { scenario, stepIndex, fault }];
				})
			: [],
	);
}

/** The calls the run should make: all of them with the faulted one twice, or up to the faulted one. */
function expectedCalls(steps: Step[], stepIndex: number, retried: boolean): string[] {
	const all = steps.map(callOf);
	return retried ? [...all.slice(0, stepIndex + 1), all[stepIndex], ...all.slice(stepIndex + 1)] : all.slice(0, stepIndex + 1);
}

function requestTimes(sandbox: Sandbox): number[] {
	return sandbox.requests.map((request) => (request as unknown as { time: number }).time);
}

async function playRow({ scenario, stepIndex, fault }: Row): Promise<void> {
	const sandbox = await startWorld();
	try {
		const arranged: Ids = await arrangeWorkspace(sandbox);
		const ids: Ids = { ...arranged, ...(await scenario.arrange?.(sandbox, arranged)) };
		const steps = scenario.steps(ids);
		const step = steps[stepIndex];
		const retried = fault.retried(step);
		const injected = fault.make(step);
		sandbox.addFault(injected);
		const counts = () => ({
			warehouses: sandbox.entities('warehouses').length,
			sources: sandbox.entities('sources').length,
			filters: (sandbox as unknown as { filters: (id: string) => unknown[] }).filters(ids.destinationId).length,
			own: scenario.count?.(sandbox, ids) ?? 0,
		});
		const before = counts();

		const started = Date.now();
		const parameters = scenario.parameters(ids);
		const options: INodeParameters = fault.name === 'timeout' ? { options: { ...(parameters.options as INodeParameters | undefined), [scenario.requestTimeoutOption ?? 'timeout']: TIMEOUT_MS } } : {};
		const result = await runSegment(sandbox, { ...parameters, ...options }, { credentials: signingKeyCredentials(sandbox) });
		const elapsed = Date.now() - started;
		tokensSeen(sandbox).forEach((token) => everyToken.add(token));
		everyText.push(...runTexts(result));

		// Exactly the calls expected, in order (the id a create made shown as {new}).
		const created = [...newIds(sandbox), ...(scenario.createdIds?.(sandbox) ?? [])];
		const sent = calls(sandbox).map((call) => created.reduce((text, id) => text.split(id).join('{new}'), call));
		expect(sent).toEqual(expectedCalls(steps, stepIndex, retried));

		// A create is sent twice only after a 429, 502 or 503 (Segment did not take it); never after an answer that may mean it did.
		for (const path of new Set(['/warehouses', '/sources', ...steps.filter((each) => each.creates).map((each) => each.path)])) {
			expect(sent.filter((call) => call === `POST ${path}`).length).toBeLessThanOrEqual(step.method === 'POST' && step.path === path && retried ? 2 : 1);
		}

		const minGap = typeof fault.minGap === 'number' ? fault.minGap : undefined;
		// What the operation waits on purpose (Start Sync's poll interval) before the calls it reached.
		const waited = (upTo: number) => steps.slice(0, upTo + 1).reduce((sum, each) => sum + (each.waitsMs ?? 0), 0);
		if (retried) {
			expect(result.error).toBeUndefined();
			scenario.succeeded(sandbox, ids, result.items.map((item) => item.json));
			expect(result.items.map((item) => item.pairedItem)).toEqual(result.items.map(() => ({ item: 0 })));
			const times = requestTimes(sandbox);
			const faulted = sent.indexOf(callOf(step));
			if (minGap !== undefined) expect(times[faulted + 1] - times[faulted]).toBeGreaterThanOrEqual(minGap - 1);
			else expect(times[faulted + 1]).toBeGreaterThanOrEqual((fault.minGap as (f: IDataObject) => number)(injected) - 1);
			expect(elapsed).toBeGreaterThanOrEqual((fault.minElapsed ?? minGap ?? 0) + waited(steps.length - 1));
			expect(elapsed).toBeLessThan((fault.minElapsed ?? minGap ?? 150) + waited(steps.length - 1) + SLACK_MS);
		} else {
			expect(result.error).toBeDefined();
			expect(result.error.message).toMatch(fault.message);
			expect(result.error.context?.itemIndex).toBe(0);
			if (step.creates) {
				expect(result.error.description).toMatch(/may or may not have created|not known whether Segment created/);
				// The write was processed before its answer was lost: it exists exactly once.
				const key = scenario.count ? 'own' : step.path === '/warehouses' ? 'warehouses' : step.path.endsWith('/filters') ? 'filters' : 'sources';
				expect(counts()[key]).toBe(before[key] + 1);
			}
			// A step after the source's POST: the source exists, and the error says so with what is left.
			const left = scenario.name.startsWith('source create') && step.path.includes('{new}') ? LEFT_AFTER[step.method] : undefined;
			if (left) {
				expect(result.error.message).toMatch(new RegExp(`^Source \\w+ was created, but ${left}`));
				expect(result.error.description).toMatch(/Run Update \(or Create or Update with slug new_source\) on source \w+ to finish it\. Do not run Create again/);
			}
			// No waiting before giving up (a timeout costs its own duration, once).
			expect(elapsed).toBeLessThan((fault.name === 'timeout' ? TIMEOUT_MS : 0) + waited(stepIndex) + SLACK_MS);
		}
		expect(leaks(runTexts(result), secretNeedles(tokensSeen(sandbox)))).toEqual([]);
	} finally {
		await sandbox.close();
	}
}

describe.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
	it.concurrent.each(rowsFor(scenario))('%s', async (_title, row) => {
		await playRow(row);
	});
});

/** Faults that never end: the node gives up after 4 retries, within a bounded time. */
describe('a fault that does not go away', () => {
	const getWarehouse = (ids: Ids) => ({ resource: 'warehouse', operation: 'get', warehouseId: rl(ids.warehouseId) });
	const BACKOFF = 250 + 500 + 1000 + 2000;
	it.concurrent.each([
		// [title, fault, requests, least total wait, error message]
		['429 with msBeforeNext 20: 5 requests, 4 × 50 ms', { status: 429, msBeforeNext: 20, rateLimitRemaining: '1' }, 5, 4 * 50, /Segment rate limit still exceeded/],
		['429 without a hint: 5 requests, 250+500+1000+2000 ms', { status: 429, body: { errors: [{ type: 'RequestError' }] }, rateLimitRemaining: '1' }, 5, BACKOFF, /Segment rate limit still exceeded/],
		['503 with Retry-After 0: 5 requests', { status: 503, retryAfter: '0' }, 5, 4 * 50, /server error \(503\)/],
		['dropped connection: 5 requests, the backoff', { drop: true }, 5, BACKOFF, /connection was dropped/],
		['timeout: 5 requests of 1.5 s, the backoff', { delayMs: 3 * TIMEOUT_MS }, 5, 5 * TIMEOUT_MS + BACKOFF, new RegExp(`timed out after ${TIMEOUT_MS} ms`)],
		['429 asking for 2 minutes: stops at once, 1 request', { status: 429, msBeforeNext: 120_000 }, 1, 0, /Segment rate limit still exceeded/],
		['503 with Retry-After 3600: stops at once, 1 request', { status: 503, retryAfter: '3600' }, 1, 0, /server error \(503\)/],
	] as Array<[string, IDataObject, number, number, RegExp]>)('%s', async (_title, fault, requests, leastWait, message) => {
		const sandbox = await startWorld();
		try {
			const ids = await arrangeWorkspace(sandbox);
			sandbox.addFault({ method: 'GET', path: '/warehouses', times: 'Infinity', ...fault });
			const started = Date.now();
			const result = await runSegment(sandbox, { ...getWarehouse(ids), options: { timeout: TIMEOUT_MS } });
			const elapsed = Date.now() - started;
			everyText.push(...runTexts(result));
			expect(sandbox.requests).toHaveLength(requests);
			expect(result.error.message).toMatch(message);
			if (requests > 1) expect(result.error.description).toMatch(/retried 4 time\(s\)/);
			if (fault.delayMs) expect(result.error.description).toMatch(/Raise Options > Timeout if Segment is slow/);
			expect(elapsed).toBeGreaterThanOrEqual(leastWait - 5);
			expect(elapsed).toBeLessThan(leastWait + SLACK_MS);
		} finally {
			await sandbox.close();
		}
	});
});

/** The waits themselves: each hint Segment or a proxy gives is honoured (at least that long). */
describe('the wait before a retry', () => {
	it.concurrent.each([
		['msBeforeNext 300 ms', () => ({ status: 429, msBeforeNext: 300, rateLimitRemaining: '1' }), 300],
		['Retry-After 1 (seconds)', () => ({ status: 429, body: { errors: [{ type: 'RequestError' }] }, retryAfter: '1', rateLimitRemaining: '1' }), 1000],
		['Retry-After as an HTTP date', () => ({ status: 503, retryAfter: new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000).toUTCString() }), 500],
		['X-RateLimit-Reset in epoch ms', () => ({ status: 429, body: { errors: [{ type: 'RequestError' }] }, rateLimitRemaining: '0', rateLimitReset: String(Date.now() + 400) }), 300],
		['X-RateLimit-Reset as an HTTP date', () => ({ status: 429, body: { errors: [{ type: 'RequestError' }] }, rateLimitRemaining: '0', rateLimitReset: new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000).toUTCString() }), 500],
		['the largest of several hints (msBeforeNext 100, Retry-After 1)', () => ({ status: 429, msBeforeNext: 100, retryAfter: '1', rateLimitRemaining: '1' }), 1000],
	] as Array<[string, () => IDataObject, number]>)('%s', async (_title, fault, leastGap) => {
		const sandbox = await startWorld();
		try {
			const ids = await arrangeWorkspace(sandbox);
			const injected = sandbox.addFault({ method: 'GET', path: '/warehouses', ...fault() }) as unknown as IDataObject;
			const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl(ids.warehouseId) });
			expect(result.error).toBeUndefined();
			expect(sandbox.requests).toHaveLength(2);
			const [first, second] = requestTimes(sandbox);
			expect(second - first).toBeGreaterThanOrEqual(leastGap - 1);
			// A date names an instant: the retry is not before it.
			for (const header of ['retryAfter', 'rateLimitReset'] as const) {
				const value = injected[header];
				if (typeof value === 'string' && /[a-z]/i.test(value)) expect(second).toBeGreaterThanOrEqual(Date.parse(value) - 1);
				else if (header === 'rateLimitReset' && typeof value === 'string') expect(second).toBeGreaterThanOrEqual(Number(value) - 1);
			}
		} finally {
			await sandbox.close();
		}
	});
});
