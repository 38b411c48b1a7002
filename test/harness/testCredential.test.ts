/** Self-test of test/helpers/engine.ts: testCredential, as n8n's CredentialsTester. */
import { baseUrl, engine, functionCredentials, GOOD_KEY, GOOD_TOKEN, seen, useLocalServer } from './fixture';

useLocalServer();

describe('testCredential', () => {
	it('returns OK on 200 (generic authenticate, expressions in the test request resolved)', async () => {
		const result = await engine.testCredential({ type: 'harnessGenericApi', data: { baseUrl, apiKey: GOOD_KEY } });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen).toHaveLength(1);
		expect(seen[0].path).toBe('/me');
		expect(seen[0].headers['x-api-key']).toBe(GOOD_KEY);
	});

	it("returns the responseCode rule's message on 401", async () => {
		const result = await engine.testCredential({ type: 'harnessGenericApi', data: { baseUrl, apiKey: 'bad' } });
		expect(result).toEqual({ status: 'Error', message: 'The API key is wrong: check it in Settings' });
	});

	it('works with an authenticate function', async () => {
		expect(await engine.testCredential(functionCredentials())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
		expect(await engine.testCredential(functionCredentials('bad'))).toEqual({ status: 'Error', message: 'Token rejected' });
	});

	it('applies responseSuccessBody rules', async () => {
		const ok = await engine.testCredential({ type: 'harnessBodyRuleApi', data: { baseUrl, token: GOOD_TOKEN } });
		expect(ok).toEqual({ status: 'OK', message: 'Connection successful!' });
		const disabled = await engine.testCredential({
			type: 'harnessBodyRuleApi',
			data: { baseUrl, token: GOOD_TOKEN, testPath: '/me-disabled' },
		});
		expect(disabled).toEqual({ status: 'Error', message: 'Account disabled' });
		expect(seen.map((r) => r.path)).toEqual(['/me', '/me-disabled']);
		// without a matching responseCode rule, a non-2xx status reports the status text
		const rejected = await engine.testCredential({ type: 'harnessBodyRuleApi', data: { baseUrl, token: 'bad' } });
		expect(rejected).toEqual({ status: 'Error', message: 'Unauthorized' });
	});

	it('reports an unreachable server by its error code', async () => {
		const result = await engine.testCredential({
			type: 'harnessGenericApi',
			data: { baseUrl: 'http://127.0.0.1:1', apiKey: GOOD_KEY },
		});
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});
});
