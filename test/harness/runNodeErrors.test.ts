/** Self-test of test/helpers/engine.ts: how runNode reports errors (API and operation errors, parameter issues, continueOnFail). */
import { NODE_UNDER_TEST_NAME, rl } from '../helpers/engine';
import { engine, functionCredentials, seen, useLocalServer } from './fixture';

useLocalServer();

describe('runNode', () => {
	it('surfaces an API error with itemIndex and httpCode', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('={{ $json.id }}') },
			credentials: functionCredentials(),
			items: [{ id: 't1' }, { id: 'nope' }, { id: 't2' }],
		});
		expect(result.items).toEqual([]);
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.httpCode).toBe('404');
		expect(result.error.context.itemIndex).toBe(1);
		expect(result.error.message).toBe('The resource you are requesting could not be found');
		expect(result.error.description).toBe('Thing nope not found');
		expect(result.error.node.name).toBe(NODE_UNDER_TEST_NAME);
		expect(result.runData[NODE_UNDER_TEST_NAME][0].executionStatus).toBe('error');
		// the engine stopped at the failing item
		expect(seen.map((r) => r.path)).toEqual(['/things/t1', '/things/nope']);
	});

	it('surfaces a NodeOperationError with itemIndex and description', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('={{ $json.id }}') },
			credentials: functionCredentials(),
			items: [{ id: 't1' }, { id: '' }],
		});
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe('The thing ID is empty');
		expect(result.error.description).toBe('Pick a thing from the list or enter its ID');
		expect(result.error.context.itemIndex).toBe(1);
		expect(result.error.httpCode).toBeUndefined();
	});

	it('shows that re-wrapping a helper NodeApiError with { itemIndex } loses the item index', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('={{ $json.id }}'), naiveRewrap: true },
			credentials: functionCredentials(),
			items: [{ id: 't1' }, { id: 'nope' }],
		});
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.httpCode).toBe('404');
		expect(result.error.context).toEqual({ data: { message: 'Thing nope not found' } });
		expect(result.error.context.itemIndex).toBeUndefined();
	});

	it('reports parameter issues found before the run as WorkflowHasIssuesError', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('') },
			credentials: functionCredentials(),
		});
		expect(result.items).toEqual([]);
		expect(result.error.name).toBe('WorkflowHasIssuesError');
		expect(result.error.message).toBe(`The 'Node under test' node has issues:\n- Parameter "Thing" is required.`);
		expect(result.runData).toEqual({});
		expect(seen).toHaveLength(0);
	});

	it('with continueOnFail, an error thrown outside the item loop passes the input through', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('t1') },
			items: [{ a: 1 }, { a: 2 }],
			continueOnFail: true,
		});
		// the engine's own continue-on-fail behaviour: input items become the output, error is kept on the task
		expect(result.items.map((i) => i.json)).toEqual([{ a: 1 }, { a: 2 }]);
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe('Node does not have any credentials set');
		expect(result.runData[NODE_UNDER_TEST_NAME][0].executionStatus).toBe('error');
	});

	it('with continueOnFail, turns failures into error items paired with their inputs', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('={{ $json.id }}') },
			credentials: functionCredentials(),
			items: [{ id: 'nope' }, { id: 't2' }, { id: '' }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: 'The resource you are requesting could not be found' }, pairedItem: { item: 0 } },
			{ json: { id: 't2', name: 'Beta', method: 'GET', received: null, label: 'v1-default', version: 1 }, pairedItem: { item: 1 } },
			{ json: { error: 'The thing ID is empty' }, pairedItem: { item: 2 } },
		]);
	});
});
