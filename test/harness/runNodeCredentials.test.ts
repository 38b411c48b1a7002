/** Self-test of test/helpers/engine.ts: credentials in runNode (both authenticate forms, expressions in the data, a wrong or missing credential). */
import { rl } from '../helpers/engine';
import { baseUrl, engine, functionCredentials, GOOD_KEY, GOOD_TOKEN, seen, useLocalServer } from './fixture';

useLocalServer();

describe('runNode', () => {
	it('authenticates with an authenticate function (Bearer header)', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { authentication: 'function', thingId: rl('t1') },
			credentials: functionCredentials(),
		});
		expect(result.error).toBeUndefined();
		expect(seen).toHaveLength(1);
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
		expect(seen[0].headers['x-api-key']).toBeUndefined();
	});

	it('authenticates with a generic authenticate (expressions resolved into headers and qs)', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { authentication: 'generic', thingId: rl('t1') },
			credentials: { type: 'harnessGenericApi', data: { baseUrl, apiKey: GOOD_KEY } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name)).toEqual(['Alpha']);
		expect(seen).toHaveLength(1);
		expect(seen[0].headers['x-api-key']).toBe(GOOD_KEY);
		expect(seen[0].headers.authorization).toBeUndefined();
		// the credential type's default for `region` was applied before authenticate
		expect(seen[0].query).toEqual({ region: 'eu-1' });
	});

	it('resolves expressions in credential data', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('t3') },
			credentials: { type: 'harnessFunctionApi', data: { baseUrl, token: "={{ 'tok-good-' + (100 + 23) }}" } },
		});
		expect(result.error).toBeUndefined();
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
	});

	it('reports a 401 from a wrong token as a NodeApiError', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('t1') },
			credentials: functionCredentials('wrong'),
		});
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.httpCode).toBe('401');
		expect(result.error.context.itemIndex).toBe(0);
		// n8n-core re-authenticates and sends a request once more after a 401
		expect(seen.map((r) => r.headers.authorization)).toEqual(['Bearer wrong', 'Bearer wrong']);
	});

	it('fails when the node has no credentials set', async () => {
		const result = await engine.runNode({
			nodeType: 'harnessThing',
			parameters: { thingId: rl('t1') },
		});
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe('Node does not have any credentials set');
		expect(seen).toHaveLength(0);
	});
});
