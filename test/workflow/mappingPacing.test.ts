/**
 * Segment allows 5 mapping writes a minute per workspace (SPEC v3 §4.9, §8). The node paces its own
 * writes so that it meets no 429 of its making. The sandbox enforces Segment's 5 a minute; both
 * it and the node's pacer read one fake clock, so a minute of pacing costs no real minute while
 * the sandbox still refuses any sixth write inside a window (test/sandbox/subscription-limits.test.js
 * shows it does). The real minute is measured once, by the benchmark (npm run bench -- --only=mappings).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { AMPLITUDE, GA4, mappingOp } from '../helpers/mappings';
import { useClockedWorld } from '../helpers/useSandbox';
import { arrangeWorkspace, calls, catalogId, jsonOf, runSegment, segmentApi } from '../helpers/world';

const { clock, sandbox, ids } = useClockedWorld(arrangeWorkspace);

const createDestination = (slug: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'destination',
	operation: 'create',
	name: 'Product analytics',
	slug,
	categories: ['analytics'],
	platform: 'server',
	sourceId: rl(ids.sourceId),
	...extra,
});
const presets = () => sandbox.catalog('destinations').find((entry) => entry.slug === AMPLITUDE)!.presets as IDataObject[];
const writes = () => sandbox.requests.filter((request) => request.method !== 'GET');

describe('Destination Create with its presets', () => {
	it('7 presets: 1 + 7 writes, no 429, the sixth and seventh a minute after the first answer', async () => {
		const [out] = jsonOf(await runSegment(sandbox, createDestination(AMPLITUDE)));
		const destinationId = String(out.id);
		expect(writes().map((request) => `${request.method} /${request.segments.join('/')}`)).toEqual([
			'POST /destinations',
			...presets().map(() => `POST /destinations/${destinationId}/subscriptions`),
		]);
		expect(sandbox.requests.filter((request) => request.status === 429)).toEqual([]);
		expect(sandbox.requests.every((request) => request.status === 200)).toBe(true);
		// Each mapping as the preset says it.
		expect(writes().slice(1).map((request) => request.body)).toEqual(presets().map((preset) => ({ name: preset.name, actionId: preset.actionId, trigger: preset.trigger, enabled: true, settings: preset.fields })));
		// Five at once, then one wait: a minute from the first mapping's answer (the clock did not move before).
		expect(clock.slept).toEqual([60_000]);
		expect(clock.elapsed).toBe(60_000);
		expect(out.mappings).toEqual(sandbox.subscriptions(destinationId).map((mapping) => ({ id: mapping.id, name: mapping.name, actionId: mapping.actionId, actionSlug: mapping.actionSlug, trigger: mapping.trigger })));
		expect((out.mappings as IDataObject[]).map((mapping) => mapping.name)).toEqual(presets().map((preset) => preset.name));
	});

	it('a destination without presets (GA4 Cloud) and a classic one send nothing more, and their output is the usual one', async () => {
		const [ga4] = jsonOf(await runSegment(sandbox, createDestination(GA4)));
		const [classic] = jsonOf(await runSegment(sandbox, createDestination('google-analytics', { name: 'GA classic' })));
		expect(calls(sandbox)).toEqual(['GET /catalog/destinations', 'POST /destinations', 'GET /catalog/destinations', 'POST /destinations']);
		for (const out of [ga4, classic]) expect(Object.keys(out).sort()).toEqual(['id', 'metadata', 'name', 'slug', 'sourceId', 'status']);
	});

	it('Mappings: None makes no mapping', async () => {
		await runSegment(sandbox, createDestination(AMPLITUDE, { additionalFields: { mappings: 'none' } }));
		expect(writes()).toHaveLength(1);
	});

	it('a preset that fails: the error says the destination exists, its id, and which presets are not made', async () => {
		// The destination and the first two mappings go through; Segment refuses the third.
		sandbox.addFault({ method: 'POST', path: '/destinations', times: 3 });
		sandbox.addFault({ method: 'POST', path: '/destinations', status: 422, body: { errors: [{ type: 'ValidationError', message: 'trigger is not valid FQL', field: 'trigger' }] } });
		const result = await runSegment(sandbox, createDestination(AMPLITUDE));
		const [destination] = sandbox.entities('destinations').filter((entity) => entity.name === 'Product analytics');
		const id = String(destination.id);
		const [first, second, ...rest] = presets().map((preset) => `"${String(preset.name)}"`);
		expect(result.error.message).toBe(`Destination ${id} was created, but the mappings of its presets ${rest.join(', ')} were not made (made: ${first}, ${second}): Segment refused the request: trigger: trigger is not valid FQL (item 0)`);
		expect(result.error.description).toMatch(new RegExp(`^The destination exists in Segment \\(id ${id}\\)\\. Make the missing ones with Destination Mapping > Create or Update on destination ${id}.*Do not run Create again`));
		expect(sandbox.subscriptions(id)).toHaveLength(2);
		expect(writes()).toHaveLength(4);
	});
});

describe('Destination Mapping writes of many items', () => {
	// With requests in flight together, the fake clock jumps a minute while some answers are still
	// on their way: those count from the later time (the pacer errs on the safe side), so only the
	// lower bound is asserted here; the bench measures the real time.
	it('7 items with Options > Concurrency 5: 7 creates, no 429, at least a minute for the last two', async () => {
		const destination = (await segmentApi(sandbox, 'POST', '/destinations', { sourceId: ids.sourceId, metadataId: catalogId(sandbox, 'destinations', GA4), name: 'GA4', enabled: true, settings: {} })).destination as IDataObject;
		sandbox.clearRequests();
		const items = Array.from({ length: 7 }, (_, index) => ({ name: `Event ${index}` }));
		const parameters = mappingOp(String(destination.id), 'create', {
			name: '={{ $json.name }}', action: rl('customEvent'), trigger: '={{ "event = \\"" + $json.name + "\\"" }}', fieldsMode: 'json', settings: '={{ JSON.stringify({ name: $json.name }) }}', options: { concurrency: 5 },
		});
		const out = jsonOf(await runSegment(sandbox, parameters, { items }));
		expect(out.map((mapping) => mapping.name)).toEqual(items.map((item) => item.name));
		expect(writes()).toHaveLength(7);
		expect(sandbox.requests.filter((request) => request.status === 429)).toEqual([]);
		expect(clock.elapsed).toBeGreaterThanOrEqual(60_000);
	});

	it('a 429 from elsewhere is waited out and retried; the refused attempt counts too', async () => {
		const destination = (await segmentApi(sandbox, 'POST', '/destinations', { sourceId: ids.sourceId, metadataId: catalogId(sandbox, 'destinations', GA4), name: 'GA4', enabled: true, settings: {} })).destination as IDataObject;
		sandbox.clearRequests();
		sandbox.addFault({ method: 'POST', path: `/destinations/${String(destination.id)}/subscriptions`, status: 429, msBeforeNext: 200 });
		const items = Array.from({ length: 5 }, (_, index) => ({ name: `Event ${index}` }));
		const parameters = mappingOp(String(destination.id), 'create', { name: '={{ $json.name }}', action: rl('customEvent'), trigger: 'type = "track"', fieldsMode: 'json', settings: '={{ JSON.stringify({ name: $json.name }) }}' });
		const out = jsonOf(await runSegment(sandbox, parameters, { items }));
		expect(out).toHaveLength(5);
		expect(writes().map((request) => request.status)).toEqual([429, 200, 200, 200, 200, 200]);
		// Six attempts in the minute: the sixth waited for the window.
		expect(clock.slept).toEqual([60_000]);
	});
});
