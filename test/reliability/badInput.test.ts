/**
 * The bad-input table. Two behaviours, named in each row:
 *
 * - `refused`: the value cannot be right. The item fails with a clear error naming the parameter
 *   (or credential field) and the item, and NO request is sent.
 * - `on the wire`: an id that looks dangerous but is a legitimate id (SPEC section 2: ids are sent
 *   percent-encoded as one path segment). It reaches Segment as exactly one encoded segment, the
 *   query untouched, and Segment's 404 is reported naming the id.
 *
 * The rows are in badInput/, one file per resource or concern (badInput/index.ts lists them).
 * Everything printed during the runs is captured and checked for secrets, as are the errors.
 */
import type { INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { PROJECT_ID, runSegment, type Sandbox } from '../helpers/world';
import { idExpr, ON_THE_WIRE, REFUSED, REFUSED_BY_THE_CATALOG, sourceCreate } from './badInput';
import { leaks, runTexts, secretNeedles, startCapturedWorld, tokensSeen, type Capture } from './support';

let sandbox: Sandbox;
let capture: Capture;
const everyToken = new Set<string>();
const everyText: string[] = [];

beforeAll(async () => {
	({ sandbox, capture } = await startCapturedWorld());
});
afterAll(async () => {
	capture.stop();
	await sandbox.close();
	expect(leaks([...capture.lines, ...everyText], secretNeedles(everyToken))).toEqual([]);
});
beforeEach(() => sandbox.clearRequests());

describe('refused: a clear error naming the parameter and the item, and no request', () => {
	// Every row gets four cells (jest hands a `done` callback to a shorter row).
	it.each(REFUSED.map(([what, parameters, message, credentials]) => [what, parameters, message, credentials ?? null] as const))('%s', async (_what, parameters, message, credentials) => {
		const result = await runSegment(sandbox, parameters, credentials ? { credentials: credentials(sandbox) } : {});
		everyText.push(...runTexts(result));
		expect(sandbox.requests).toEqual([]);
		expect(result.error).toBeDefined();
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toMatch(message);
		expect(result.error.context.itemIndex).toBe(0);
		if (credentials) expect(result.error.description).toMatch(/^Fix the "[^"]+" field of the Paragon Proxy API credential\.$/);
		expect(leaks(runTexts(result), secretNeedles())).toEqual([]);
	});

	it('names the right item when a later item is the bad one (Continue On Fail)', async () => {
		const result = await runSegment(
			sandbox,
			{ resource: 'source', operation: 'get', sourceId: idExpr('$json.id') },
			{ items: [{ id: ' ' }, { id: 'x'.repeat(300) }, { id: '..' }], continueOnFail: true },
		);
		expect(sandbox.requests).toEqual([]);
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Source ID is empty (item 0)', { item: 0 }],
			['Source ID is longer than 256 characters (item 1)', { item: 1 }],
			['Source ID cannot be ".." (item 2)', { item: 2 }],
		]);
	});

	it('the refused rows are at least 40', () => {
		expect(REFUSED.length).toBeGreaterThanOrEqual(40);
	});
});

// Refused once the catalog entry is known: only the catalog lookup went out, nothing of the parameter.
describe('refused by the catalog entry: only the catalog lookup is sent', () => {
	it.each(REFUSED_BY_THE_CATALOG)('%s', async (_what, parameters, message) => {
		const result = await runSegment(sandbox, parameters);
		everyText.push(...runTexts(result));
		expect(sandbox.requests.map((request) => `${request.method} ${request.segmentPath}`)).toEqual(['GET /catalog/warehouses']);
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toMatch(message);
		expect(result.error.context.itemIndex).toBe(0);
		expect(leaks(runTexts(result), secretNeedles())).toEqual([]);
	});
});

describe('refused by n8n itself before the node runs (no request either)', () => {
	it.each([
		['a required multi-option left empty', sourceCreate({ categories: [] })],
		['a required name left empty', sourceCreate({ name: '' })],
	] as Array<[string, INodeParameters]>)('%s', async (_what, parameters) => {
		const result = await runSegment(sandbox, parameters);
		expect(result.error.name).toBe('WorkflowHasIssuesError');
		expect(result.error.message).toMatch(/node has issues/);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('on the wire: a strange but legitimate id is one encoded path segment, and the 404 names it', () => {
	it('"../x?y=1" as a mapping id: one segment under its destination', async () => {
		const result = await runSegment(sandbox, { resource: 'destinationMapping', operation: 'get', destinationId: rl('dst_1'), mappingId: '../x?y=1' });
		everyText.push(...runTexts(result));
		expect(sandbox.requests.map((request) => request.segments)).toEqual([['destinations', 'dst_1', 'subscriptions', '../x?y=1']]);
		expect(sandbox.requests[0].segmentPath).toBe(`/destinations/dst_1/subscriptions/${encodeURIComponent('../x?y=1')}`);
		expect(result.error.message).toBe('Destination mapping ../x?y=1 of destination dst_1 was not found');
	});

	it.each(ON_THE_WIRE)('%s', async (_what, resource, operation, id, extra) => {
		const label = resource[0].toUpperCase() + resource.slice(1);
		const plural = `${resource}s`;
		const result = await runSegment(sandbox, { resource, operation, [`${resource}Id`]: rl(id), ...extra });
		everyText.push(...runTexts(result));
		tokensSeen(sandbox).forEach((token) => everyToken.add(token));
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request.url.startsWith(`/projects/${PROJECT_ID}/sdk/proxy/segment/`)).toBe(true);
		// Exactly two raw segments after the proxy prefix: the resource and the encoded id.
		expect(request.segmentPath).toBe(`/${plural}/${encodeURIComponent(id)}`);
		expect(request.segments).toEqual([plural, id]);
		expect(request.query).toEqual({});
		expect(request.url).not.toContain('#');
		expect(result.error.message).toBe(`${label} ${id} was not found`);
		expect(result.error.httpCode).toBe('404');
		expect(result.error.context.itemIndex).toBe(0);
	});
});
