/**
 * The errors a user meets: each says what went wrong and what to do, carries the item
 * index and HTTP status, sends nothing when a parameter is bad, and leaks no secret.
 */
import { rl } from '../helpers/engine';
import {
	arrangeWorkspace,
	calls,
	jsonOf,
	keys,
	runSegment,
	signingKeyCredentials,
	userTokenCredentials,
} from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const sandbox = useSandbox();
let ids: { warehouseId: string; sourceId: string; destinationId: string };
beforeEach(async () => {
	sandbox.reset();
	ids = await arrangeWorkspace(sandbox);
});

function expiredJwt(): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ sub: 'sandbox-user', iat: 1_600_000_000, exp: 1_600_003_600, aud: 'useparagon.com/sandbox-project' })}.c2lnbmF0dXJl`;
}

describe('answers from Paragon', () => {
	it('Integration not enabled: tells the user to connect Segment for this user in Paragon', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'list' }, { credentials: userTokenCredentials(sandbox, { userToken: 'lonely-user-token' }) });
		expect(result.error).toMatchObject({ name: 'NodeApiError', message: 'Segment is not connected for this Paragon user', httpCode: '400', context: { itemIndex: 0 } });
		expect(result.error.description).toMatch(/Integration not enabled for user.*Connect Segment for this user in Paragon/);
	});

	it('an expired user token says it has expired', async () => {
		const token = expiredJwt();
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'list' }, { credentials: userTokenCredentials(sandbox, { userToken: token }) });
		expect(result.error).toMatchObject({ message: 'The Paragon user token has expired', httpCode: '401' });
		expect(result.error.description).toMatch(/Issue a new Paragon User Token/);
		expect(JSON.stringify(result.error)).not.toContain(token);
	});

	it('an unknown project points at the Project ID and Proxy Base URL', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'list' }, { credentials: userTokenCredentials(sandbox, { projectId: 'other-project' }) });
		expect(result.error).toMatchObject({ message: 'Paragon could not find this project or integration', httpCode: '404' });
		expect(result.error.description).toMatch(/Project ID and the Proxy Base URL/);
	});
});

describe('answers from Segment', () => {
	it.each([
		['warehouse', 'warehouseId', 'Warehouse'],
		['source', 'sourceId', 'Source'],
		['destination', 'destinationId', 'Destination'],
	])('404 on %s get names the id', async (resource, parameter, label) => {
		const result = await runSegment(sandbox, { resource, operation: 'get', [parameter]: rl('wh_missing') });
		expect(result.error).toMatchObject({ message: `${label} wh_missing was not found`, httpCode: '404', context: { itemIndex: 0 } });
		expect(result.error.description).toMatch(/Check the ID, or pick it From list/);
	});

	it('a validation error names the field Segment refused', async () => {
		const result = await runSegment(sandbox, {
			resource: 'destination',
			operation: 'create',
			name: 'GA',
			slug: 'google-analytics',
			platform: 'web',
			categories: ['analytics'],
			sourceId: rl('no-such-source'),
		});
		expect(result.error.message).toMatch(/^Segment refused the request: sourceId: /);
		expect(result.error.httpCode).toBe('422');
	});

	it('a duplicate source slug is Segment\'s refusal, passed on', async () => {
		const result = await runSegment(sandbox, { resource: 'source', operation: 'create', name: 'Again', slug: 'website_analytics', platform: 'web', categories: ['analytics'] });
		expect(result.error.message).toMatch(/Segment refused the request: slug/);
	});
});

describe('bad parameters are refused before anything is sent', () => {
	it.each([
		['an empty warehouse id', { resource: 'warehouse', operation: 'get', warehouseId: rl('   ') }, /Warehouse ID is empty \(item 0\)/],
		['a connection that is not JSON', { resource: 'warehouse', operation: 'create', name: 'W', type: 'redshift', connectionMode: 'json', connection: '{host: nope' }, /Connection is not valid JSON \(item 0\)/],
		['a connection that is a list', { resource: 'warehouse', operation: 'create', name: 'W', type: 'redshift', connectionMode: 'json', connection: '[1,2]' }, /Connection must be a JSON object, not a list/],
		['an unknown warehouse type', { resource: 'warehouse', operation: 'create', name: 'W', type: 'oracle', connectionMode: 'json', connection: '{}' }, /Type must be one of redshift, bigquery, snowflake/],
		['an illegal slug', { resource: 'source', operation: 'create', name: 'S', slug: 'Bad Slug!', platform: 'web', categories: ['analytics'] }, /Slug "Bad Slug!" is not a valid source slug/],
		['a category outside the set', { resource: 'source', operation: 'create', name: 'S', slug: 's', platform: 'web', categories: ['ads'] }, /Categories may only contain analytics, marketing, crm/],
		['limit 0', { resource: 'source', operation: 'list', limit: 0 }, /Limit must be a whole number from 1 to 1000000/],
		['a negative offset', { resource: 'source', operation: 'list', offset: -1 }, /Offset must be a whole number from 0/],
		['a limit expression giving text', { resource: 'source', operation: 'list', limit: '={{ "many" }}' }, /Limit must be a whole number/],
		['settings that are not an object', { resource: 'destination', operation: 'update', destinationId: rl('d'), updateFields: { settings: '"x"' } }, /Settings must be a JSON object/],
		['an update with nothing to update', { resource: 'destination', operation: 'update', destinationId: rl('d'), updateFields: {} }, /Nothing to update \(item 0\)/],
	])('%s', async (_case, parameters, message) => {
		const result = await runSegment(sandbox, parameters);
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toMatch(message);
		expect(result.error.context.itemIndex).toBe(0);
		expect(sandbox.requests).toEqual([]);
	});

	it('a Redshift create without a host names the setting and sends nothing but the catalog lookup', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'create', name: 'W', type: 'redshift', host: '={{ "" }}', database: 'd', username: 'u', password: 'pw-123456' });
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe('Connection: Segment\'s Redshift warehouse requires the setting "hostname" (the Host field, or "hostname" in JSON) (item 0)');
		expect(result.error.context.itemIndex).toBe(0);
		expect(sandbox.requests.map((request) => request.segmentPath)).toEqual(['/catalog/warehouses']);
	});

	it.each([
		['a project id with a slash', { projectId: 'a/b' }, /Project ID in the Paragon credential may only contain/],
		['a proxy URL that is not http(s)', { proxyBaseUrl: 'file:///etc/passwd' }, /Proxy Base URL .* must start with https/],
	])('a credential with %s', async (_case, extra, message) => {
		const result = await runSegment(sandbox, { resource: 'source', operation: 'list' }, { credentials: userTokenCredentials(sandbox, extra) });
		expect(result.error.message).toMatch(message);
		expect(sandbox.requests).toEqual([]);
	});

	it('a malformed signing key, without echoing it', async () => {
		const broken = keys.privatePem.slice(0, 200);
		const result = await runSegment(sandbox, { resource: 'source', operation: 'list' }, { credentials: signingKeyCredentials(sandbox, { signingKey: broken }) });
		expect(result.error.message).toMatch(/Signing Key in the Paragon credential is not a readable PEM private key/);
		expect(JSON.stringify(result.error)).not.toContain(broken.split('\n')[1]);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Continue On Fail', () => {
	it('turns each failed item into an error item paired with its input, and the rest go on', async () => {
		const result = await runSegment(
			sandbox,
			{ resource: 'source', operation: 'get', sourceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ items: [{ id: ids.sourceId }, { id: 'missing-source' }, { id: '' }, { id: ids.sourceId }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		const out = result.items.map((item) => item.json);
		expect(out[0]).toMatchObject({ id: ids.sourceId, slug: 'website_analytics' });
		expect(out[1]).toEqual({ error: 'Source missing-source was not found', description: expect.stringMatching(/Segment answered 404/) });
		expect(out[2]).toMatchObject({ error: 'Source ID is empty (item 2)' });
		expect(out[3]).toMatchObject({ id: ids.sourceId });
		expect(calls(sandbox)).toEqual([`GET /sources/${ids.sourceId}`, 'GET /sources/missing-source', `GET /sources/${ids.sourceId}`]);
	});

	it('without it, the run stops at the first failed item with its index', async () => {
		const result = await runSegment(
			sandbox,
			{ resource: 'source', operation: 'get', sourceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ items: [{ id: ids.sourceId }, { id: 'missing-source' }, { id: ids.sourceId }] },
		);
		expect(result.error.context.itemIndex).toBe(1);
		expect(calls(sandbox)).toHaveLength(2);
	});
});

describe('secrets', () => {
	it('a Segment error echoing a password in settings does not surface it', async () => {
		sandbox.addFault({ method: 'POST', path: '/warehouses', status: 422, body: { errors: [{ type: 'ValidationError', message: 'password "pw-very-secret" is wrong for user', field: 'settings.password' }] } });
		const result = await runSegment(sandbox, {
			resource: 'warehouse',
			operation: 'create',
			name: 'W',
			type: 'redshift',
			host: 'h',
			database: 'd',
			username: 'u',
			password: 'pw-very-secret',
		});
		expect(result.error.message).toBe('Segment refused the request: settings.password: password "[redacted]" is wrong for user');
		expect(JSON.stringify(result.error)).not.toContain('pw-very-secret');
	});

	it('no token or key appears in any error of a signing-key run', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl('nope') }, { credentials: signingKeyCredentials(sandbox) });
		const text = JSON.stringify(result.error);
		const token = sandbox.requests[0].headers.authorization.replace('Bearer ', '');
		expect(text).not.toContain(token);
		expect(text).not.toContain(keys.privatePem.split('\n')[1]);
		expect(jsonOf({ ...result, error: undefined, items: [] })).toEqual([]);
	});
});
