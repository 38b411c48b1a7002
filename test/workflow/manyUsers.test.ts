/**
 * One credential, every Paragon user (SPEC v2 §4.8): with a signing key the node signs a token for
 * each item's Options > Paragon User ID, and every request of the item reaches that user's own
 * workspace; Options > Paragon Credential ID picks one of a user's Segment accounts.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { cachedTokenCount, clearTokenCache, MAX_CACHED_TOKENS, signatureCount, userTokenFor } from '../../nodes/shared/transport/userToken';
import { jsonOf, keys, PROJECT_ID, runSegment, signingKeyCredentials, userTokenCredentials } from '../helpers/world';
import { useSandbox } from '../helpers/useSandbox';

const USERS = ['sandbox-user', 'customer-acme', 'customer-globex'];
const sandbox = useSandbox({ connectedUsers: [{ id: 'sandbox-user', credentials: ['sandbox-user-credential-1', 'sandbox-credential-2'] }, 'customer-acme', 'customer-globex'] });

interface UserSandbox {
	bulk(resource: string, count: number, options?: IDataObject): string[];
	entities(resource: string, region?: string, where?: IDataObject): IDataObject[];
}
interface LoggedAs {
	userId?: string;
	credentialId?: string;
	workspaceId?: string;
	auth: { claims?: { sub: string }; tokenSha256: string };
	headers: Record<string, string>;
	status: number;
}
const users = () => sandbox as unknown as UserSandbox;
const logged = () => sandbox.requests as unknown as LoggedAs[];

beforeEach(() => {
	sandbox.reset();
	clearTokenCache();
	// Each user's workspace gets sources of its own: 1, 2 and 3 of them.
	USERS.forEach((user, index) => users().bulk('sources', index + 1, { user }));
	sandbox.clearRequests();
});

const listSources: INodeParameters = { resource: 'source', operation: 'list', returnAll: true, options: { paragonUserId: '={{ $json.userId }}' } };

describe('Options > Paragon User ID', () => {
	it('three users in one execution: each item\'s JWT sub and workspace are its own, one signature per user', async () => {
		const before = signatureCount();
		const items = [{ userId: 'customer-acme' }, { userId: 'sandbox-user' }, { userId: 'customer-globex' }, { userId: 'customer-acme' }];
		const result = await runSegment(sandbox, listSources, { credentials: signingKeyCredentials(sandbox), items });
		const out = jsonOf(result);
		const perItem = [0, 1, 2, 3].map((item) => out.filter((_json, index) => result.items[index].pairedItem && (result.items[index].pairedItem as { item: number }).item === item).map((json) => json.id));
		expect(perItem).toEqual(items.map(({ userId }) => users().entities('sources', 'us', { user: userId }).map((entity) => entity.id)));
		expect(logged().map((request) => [request.auth.claims?.sub, request.userId])).toEqual(items.map(({ userId }) => [userId, userId]));
		expect(signatureCount() - before).toBe(3);
		expect(new Set(logged().map((request) => request.workspaceId)).size).toBe(3);
	});

	it('empty means the credential\'s own User ID; tokens are reused across executions', async () => {
		await runSegment(sandbox, listSources, { credentials: signingKeyCredentials(sandbox), items: [{ userId: '' }, { userId: 'customer-acme' }] });
		const afterFirst = signatureCount();
		await runSegment(sandbox, listSources, { credentials: signingKeyCredentials(sandbox), items: [{ userId: 'customer-acme' }, { userId: '' }] });
		expect(signatureCount()).toBe(afterFirst);
		expect(logged().map((request) => request.userId)).toEqual(['sandbox-user', 'customer-acme', 'customer-acme', 'sandbox-user']);
	});

	it('with a pasted user token it is an error that says why, and nothing is sent', async () => {
		const result = await runSegment(sandbox, listSources, { credentials: userTokenCredentials(sandbox), items: [{ userId: 'customer-acme' }] });
		expect(result.error.message).toBe('Options > Paragon User ID needs a credential with Token Source "Signing Key"');
		expect(result.error.description).toContain('cannot act for another');
		expect(sandbox.requests).toEqual([]);
	});

	it.each([
		['a control character', '"acme\\u0007"', /^Options > Paragon User ID contains control characters \(item 0\)$/],
		['257 characters', '"u".repeat(257)', /^Options > Paragon User ID is longer than 256 characters \(item 0\)$/],
	])('is checked like an id: %s is refused before anything is sent', async (_what, code, message) => {
		const result = await runSegment(sandbox, { ...listSources, options: { paragonUserId: `={{ ${code} }}` } }, { credentials: signingKeyCredentials(sandbox) });
		expect(result.error.message).toMatch(message);
		expect(sandbox.requests).toEqual([]);
	});

	it('a user who has not connected Segment reads as before', async () => {
		const result = await runSegment(sandbox, listSources, { credentials: signingKeyCredentials(sandbox), items: [{ userId: 'customer-nobody' }] });
		expect(result.error.message).toBe('Segment is not connected for this Paragon user');
	});
});

describe('Options > Paragon Credential ID', () => {
	it('is sent as X-Paragon-Credential and reaches that account\'s workspace', async () => {
		users().bulk('sources', 4, { user: 'sandbox-user', credential: 'sandbox-credential-2' });
		sandbox.clearRequests();
		const out = jsonOf(await runSegment(sandbox, { resource: 'source', operation: 'list', returnAll: true, options: { paragonCredentialId: 'sandbox-credential-2' } }));
		expect(out.map((item) => item.id)).toEqual(users().entities('sources', 'us', { user: 'sandbox-user', credential: 'sandbox-credential-2' }).map((entity) => entity.id));
		expect(logged()[0].headers['x-paragon-credential']).toBe('sandbox-credential-2');
		expect(logged()[0].credentialId).toBe('sandbox-credential-2');
	});

	it('an unknown credential reads clearly', async () => {
		const result = await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: { __rl: true, mode: 'id', value: 'wh_1' }, options: { paragonCredentialId: 'no-such-credential' } });
		expect(result.error.message).toBe('Paragon has no such Segment credential for this user');
		expect(result.error.description).toContain('Options > Paragon Credential ID');
	});
});

describe('concurrency with mixed users', () => {
	it('items of different users run side by side without mixing tokens, and a 429 in one workspace holds back only that user', async () => {
		sandbox.addFault({ method: 'GET', path: '/sources', user: 'customer-acme', status: 429, msBeforeNext: 600 });
		const items = [{ userId: 'customer-acme' }, { userId: 'customer-globex' }, { userId: 'sandbox-user' }, { userId: 'customer-globex' }, { userId: 'sandbox-user' }];
		const result = await runSegment(sandbox, { ...listSources, options: { ...(listSources.options as IDataObject), concurrency: 5 } }, { credentials: signingKeyCredentials(sandbox), items });
		jsonOf(result);
		const tokenOf = (user: string) => createHash('sha256').update(userTokenFor({ ...signingKeyCredentials(sandbox), userId: user })).digest('hex');
		for (const request of logged()) expect(request.auth.tokenSha256).toBe(tokenOf(String(request.userId)));
		// The other users' requests all came before acme's retry, which waited 600 ms.
		const times = sandbox.requests.map((request) => (request as unknown as { time: number }).time);
		const acmeRetry = logged().findIndex((request, index) => request.userId === 'customer-acme' && index > 0 && request.status === 200);
		const others = logged().map((request, index) => ({ request, time: times[index] })).filter(({ request }) => request.userId !== 'customer-acme');
		expect(others).toHaveLength(4);
		for (const { time } of others) expect(time).toBeLessThan(times[acmeRetry]);
		expect(times[acmeRetry] - times[0]).toBeGreaterThanOrEqual(600);
	});
});

describe('the token cache', () => {
	it('is bounded: least recently used users fall out, keyed without key material', () => {
		const credentials = { projectId: PROJECT_ID, tokenSource: 'signingKey', signingKey: keys.privatePem, tokenTtl: 3600, proxyBaseUrl: 'http://127.0.0.1:1', region: 'us' };
		const first = userTokenFor({ ...credentials, userId: 'user-0' });
		for (let n = 1; n <= MAX_CACHED_TOKENS; n++) userTokenFor({ ...credentials, userId: `user-${n}` });
		expect(cachedTokenCount()).toBe(MAX_CACHED_TOKENS);
		const before = signatureCount();
		// user-0 was the least recently used: it fell out and is signed again.
		expect(userTokenFor({ ...credentials, userId: 'user-0' })).not.toBe(undefined);
		expect(signatureCount() - before).toBe(1);
		expect(first).toEqual(expect.any(String));
	});
});
