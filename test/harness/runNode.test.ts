/** Self-test of test/helpers/engine.ts: runNode runs items through the real engine (pairedItem, parameter defaults, versions, expressions, concurrent runs). */
import { NODE_UNDER_TEST_NAME, TRIGGER_NODE_NAME, rl } from '../helpers/engine';
import { engine, functionCredentials, seen, useLocalServer } from './fixture';

useLocalServer();

describe('runNode', () => {
	it('runs several items through the real engine, with pairedItem', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { operation: 'get', thingId: rl('t1'), label: 'fixed' },
			credentials: functionCredentials(),
			items: [{ n: 1 }, { n: 2 }, { n: 3 }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { id: 't1', name: 'Alpha', method: 'GET', received: null, label: 'fixed', version: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 't1', name: 'Alpha', method: 'GET', received: null, label: 'fixed', version: 1 }, pairedItem: { item: 1 } },
			{ json: { id: 't1', name: 'Alpha', method: 'GET', received: null, label: 'fixed', version: 1 }, pairedItem: { item: 2 } },
		]);
		expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /things/t1', 'GET /things/t1', 'GET /things/t1']);
		// both nodes ran, in order, in one execution
		expect(Object.keys(result.runData)).toEqual([TRIGGER_NODE_NAME, NODE_UNDER_TEST_NAME]);
		expect(result.runData[TRIGGER_NODE_NAME][0].data?.main[0]?.map((i) => i.json)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
		expect(result.runData[NODE_UNDER_TEST_NAME][0].executionStatus).toBe('success');
	});

	it('applies parameter defaults and the requested typeVersion', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			typeVersion: 2,
			parameters: { thingId: rl('t2') },
			credentials: functionCredentials(),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { id: 't2', name: 'Beta', method: 'GET', received: null, label: 'v1-default', version: 2 }, pairedItem: { item: 0 } },
		]);
	});

	it('evaluates expressions in parameters per item', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: {
				operation: 'update',
				thingId: rl('={{ $json.id }}'),
				label: '=item {{ $itemIndex }}: {{ $json.tag.toUpperCase() }}',
				fields: '={{ JSON.stringify({ tag: $json.tag }) }}',
			},
			credentials: functionCredentials(),
			items: [
				{ id: 't3', tag: 'x' },
				{ id: 't1', tag: 'y' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { id: 't3', name: 'Gamma', method: 'PATCH', received: { tag: 'x' }, label: 'item 0: X', version: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 't1', name: 'Alpha', method: 'PATCH', received: { tag: 'y' }, label: 'item 1: Y', version: 1 }, pairedItem: { item: 1 } },
		]);
		expect(seen.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
			'PATCH /things/t3 {"tag":"x"}',
			'PATCH /things/t1 {"tag":"y"}',
		]);
	});

	it('runs concurrently without sharing state', async () => {
		const ids = ['t1', 't2', 't3', 't1', 't2'];
		const results = await Promise.all(
			ids.map(async (id) =>
				await engine.runNode({ nodeType: 'harnessThing', parameters: { thingId: rl(id) }, credentials: functionCredentials() }),
			),
		);
		expect(results.map((r) => r.items[0].json.id)).toEqual(ids);
	});
});
