/** Self-test of test/helpers/engine.ts: listSearch in a load-options context. */
import { baseUrl, engine, functionCredentials, GOOD_KEY, GOOD_TOKEN, seen, useLocalServer } from './fixture';

useLocalServer();

describe('listSearch', () => {
	it('calls the listSearch method with a load-options context and resolved credentials', async () => {
		const result = await engine.listSearch({
			nodeType: 'harnessThing',
			method: 'searchThings',
			parameters: { authentication: 'generic' },
			credentials: { type: 'harnessGenericApi', data: { baseUrl, apiKey: GOOD_KEY, region: 'us-2' } },
			filter: 'a',
		});
		expect(result).toEqual({
			results: [
				{ name: 'Alpha', value: 't1' },
				{ name: 'Beta', value: 't2' },
			],
			paginationToken: '2',
		});
		expect(seen).toHaveLength(1);
		expect(seen[0].headers['x-api-key']).toBe(GOOD_KEY);
		expect(seen[0].query).toEqual({ filter: 'a', page: '1', region: 'us-2' });
	});

	it('passes the pagination token (and fills in parameter defaults: authentication = function)', async () => {
		const result = await engine.listSearch({
			nodeType: 'harnessThing',
			method: 'searchThings',
			credentials: functionCredentials(),
			filter: 'a',
			paginationToken: '2',
		});
		expect(result).toEqual({ results: [{ name: 'Gamma', value: 't3' }] });
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
	});

	it('rejects when the method does not exist', async () => {
		await expect(engine.listSearch({ nodeType: 'harnessThing', method: 'nope' })).rejects.toThrow(
			'Node type "harnessThing" does not have listSearch method "nope"',
		);
	});
});
