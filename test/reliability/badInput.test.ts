/**
 * The bad-input table. Two behaviours, named in each row:
 *
 * - `refused`: the value cannot be right. The item fails with a clear error naming the parameter
 *   (or credential field) and the item, and NO request is sent.
 * - `on the wire`: an id that looks dangerous but is a legitimate id (SPEC section 2: ids are sent
 *   percent-encoded as one path segment). It reaches Segment as exactly one encoded segment, the
 *   query untouched, and Segment's 404 is reported naming the id.
 *
 * Everything printed during the runs is captured and checked for secrets, as are the errors.
 */
import { generateKeyPairSync } from 'node:crypto';

import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { rl } from '../helpers/engine';
import { keys, PROJECT_ID, runSegment, signingKeyCredentials, userTokenCredentials, type Sandbox } from '../helpers/world';
import { BIGQUERY_KEY, leaks, runTexts, secretNeedles, startCapturedWorld, tokensSeen, WAREHOUSE_PASSWORD, type Capture } from './support';
import { REGULATION_REFUSED } from './regulationBadInput';

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

const expr = (code: string) => `={{ ${code} }}`;
const idExpr = (code: string) => ({ __rl: true, mode: 'id', value: expr(code) });
const TEN_KB = 'x'.repeat(10_240);

const warehouseJson = (connection: unknown): INodeParameters => ({ resource: 'warehouse', operation: 'create', name: 'W', type: 'redshift', connectionMode: 'json', connection: connection as string });
const redshift = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'warehouse', operation: 'create', name: 'W', type: 'redshift', host: 'h', database: 'd', username: 'u', password: WAREHOUSE_PASSWORD, ...extra });
const sourceCreate = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'source', operation: 'create', name: 'S', slug: 'good_slug', platform: 'web', categories: ['analytics'], ...extra });
const destinationCreate = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'destination', operation: 'create', name: 'D', slug: 'google-analytics', platform: 'web', categories: ['analytics'], sourceId: rl('src_1'), ...extra });
const filterCreate = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'destinationFilter', operation: 'create', destinationId: rl('dst_1'), title: 'T', condition: 'event = "x"', ...extra });
const list = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'source', operation: 'list', ...extra });
const getWarehouse = { resource: 'warehouse', operation: 'get', warehouseId: rl('wh_1') };

type Credentials = (sandbox: Sandbox) => ICredentialDataDecryptedObject;
const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

// [what, parameters, the error (it must name the parameter and the item), credentials]
const REFUSED: Array<[string, INodeParameters, RegExp, Credentials?]> = [
	// ids that cannot be ids
	['an empty id (expression giving "")', { resource: 'warehouse', operation: 'get', warehouseId: idExpr('""') }, /^Warehouse ID is empty \(item 0\)$/],
	['a whitespace-only id', { resource: 'source', operation: 'delete', sourceId: rl('   ') }, /^Source ID is empty \(item 0\)$/],
	['an id of tabs and newlines', { resource: 'destination', operation: 'get', destinationId: idExpr('"\\t\\n "') }, /^Destination ID is empty \(item 0\)$/],
	['a 10 kB id', { resource: 'destination', operation: 'get', destinationId: rl(TEN_KB) }, /^Destination ID is longer than 256 characters \(item 0\)$/],
	['a 257-character id', { resource: 'warehouse', operation: 'delete', warehouseId: rl('w'.repeat(257)) }, /^Warehouse ID is longer than 256 characters \(item 0\)$/],
	['an id with a NUL character', { resource: 'warehouse', operation: 'get', warehouseId: idExpr('"wh\\u0000x"') }, /^Warehouse ID contains control characters \(item 0\)$/],
	['an id with a line break inside', { resource: 'source', operation: 'get', sourceId: idExpr('"src\\nid"') }, /^Source ID contains control characters \(item 0\)$/],
	['the id ".." (a URL would resolve it to the parent path)', { resource: 'warehouse', operation: 'get', warehouseId: rl('..') }, /^Warehouse ID cannot be "\.\." \(item 0\)$/],
	['the id "." (a URL would drop it)', { resource: 'warehouse', operation: 'delete', warehouseId: rl('.') }, /^Warehouse ID cannot be "\." \(item 0\)$/],
	['an id expression giving an object', { resource: 'warehouse', operation: 'get', warehouseId: idExpr('{ a: 1 }') }, /^Warehouse ID must be text, not an object \(item 0\)$/],
	['an id expression giving NaN', { resource: 'source', operation: 'get', sourceId: idExpr('0 / 0') }, /^Source ID must be text, not number NaN \(item 0\)$/],
	['a destination create whose source id is empty', destinationCreate({ sourceId: idExpr('" "') }), /^Source is empty \(item 0\)$/],
	// JSON parameters
	['a connection that is not valid JSON', warehouseJson('{host: nope'), /^Connection is not valid JSON \(item 0\)$/],
	['a connection that is a JSON list', warehouseJson('[1, 2]'), /^Connection must be a JSON object, not a list \(item 0\)$/],
	['a connection that is JSON null', warehouseJson('null'), /^Connection must be a JSON object, not null \(item 0\)$/],
	['a connection that is a JSON string', warehouseJson('"host=h"'), /^Connection must be a JSON object, not "host=h" \(item 0\)$/],
	['a connection that is a JSON number', warehouseJson('42'), /^Connection must be a JSON object, not number 42 \(item 0\)$/],
	['a connection of whitespace', warehouseJson('   '), /^Connection is empty \(item 0\)$/],
	['a connection expression giving a list', warehouseJson(expr('[1, 2]')), /^Connection must be a JSON object, not a list \(item 0\)$/],
	['an update connection that is not valid JSON', { resource: 'warehouse', operation: 'update', warehouseId: rl('wh_1'), updateFields: { connection: '{"port":' } }, /^Update Fields > Connection is not valid JSON \(item 0\)$/],
	['destination settings that are a JSON list', destinationCreate({ additionalFields: { settings: '[]' } }), /^Additional Fields > Settings must be a JSON object, not a list \(item 0\)$/],
	['destination update settings that are JSON true', { resource: 'destination', operation: 'update', destinationId: rl('d_1'), updateFields: { settings: 'true' } }, /^Update Fields > Settings must be a JSON object, not boolean true \(item 0\)$/],
	// choices and slugs
	['an unknown warehouse type', { ...warehouseJson('{}'), type: 'oracle' }, /^Type must be one of redshift, bigquery, snowflake, other, not "oracle" \(item 0\)$/],
	// An expression in Type no longer stops the workflow (SPEC v2 §4): the node checks what it gives.
	['an expression in Type giving an unknown type', { ...warehouseJson('{}'), type: expr('"oracle"') }, /^Type must be one of redshift, bigquery, snowflake, other, not "oracle" \(item 0\)$/],
	// connections on create, Type Other, Validate First
	['Connect Sources "some"', redshift({ connectSources: 'some' }), /^Connect Sources must be one of all, none, selected, not "some" \(item 0\)$/],
	['selected sources, none picked', redshift({ connectSources: 'selected', sourceIds: [] }), /^Source IDs is empty \(item 0\)$/],
	['selected sources from an expression giving an object', redshift({ connectSources: 'selected', sourceIds: expr('({ id: 1 })') }), /^Source IDs must be a list of IDs, not an object \(item 0\)$/],
	['a selected source id with a line break', redshift({ connectSources: 'selected', sourceIds: ['ok', 'bad\nid'] }), /^Source IDs contains control characters \(item 0\)$/],
	['a selected source id ".."', redshift({ connectSources: 'selected', sourceIds: ['..'] }), /^Source IDs cannot be "\.\." \(item 0\)$/],
	['selected warehouses on a source create, none picked', sourceCreate({ connectWarehouses: 'selected', warehouseIds: expr('[]') }), /^Warehouse IDs is empty \(item 0\)$/],
	['Type Other without a Catalog Entry', { ...warehouseJson('{}'), type: 'other' }, /^Catalog Entry is empty \(item 0\)$/],
	['Type Other in fields mode', { resource: 'warehouse', operation: 'create', name: 'W', type: 'other', catalogId: rl('x') }, /^Type Other takes the connection as JSON \(item 0\)$/],
	['Validate First "maybe"', redshift({ additionalFields: { validateFirst: expr('"maybe"') } }), /^Validate First must be true or false, not "maybe" \(item 0\)$/],
	// destination filters
	['a filter with an empty title', filterCreate({ title: expr('""') }), /^Title is empty \(item 0\)$/],
	['a filter with a whitespace condition', filterCreate({ condition: expr('"  "') }), /^Condition is empty \(item 0\)$/],
	['a sample of 150 percent', filterCreate({ action: 'sample', percent: expr('150') }), /^Percent must be a number from 0 to 100, not 150 \(item 0\)$/],
	['a sample of -1 percent', filterCreate({ action: 'sample', percent: -1 }), /^Percent must be a number from 0 to 100, not -1 \(item 0\)$/],
	['filter fields that are a list', filterCreate({ action: 'allowProperties', fields: '["email"]' }), /^Fields must be a JSON object, not a list \(item 0\)$/],
	['filter fields with a number inside', filterCreate({ action: 'dropProperties', fields: '{"properties": [1]}' }), /^Fields must be an object of lists of field names \(item 0\)$/],
	['a filter action outside the four', filterCreate({ action: expr('"block"') }), /^Action must be one of drop, sample, allowProperties, dropProperties, not "block" \(item 0\)$/],
	['a filter source id with a line break', filterCreate({ filterSourceId: expr('"src\\nid"') }), /^Source ID contains control characters \(item 0\)$/],
	['a warehouse id from an expression that fails', { resource: 'warehouse', operation: 'get', warehouseId: idExpr('$("Nowhere").item.json.id') }, /^Warehouse ID: .+ \(item 0\)$/],
	['a slug expression giving a list', sourceCreate({ slug: expr('["a"]') }), /^Slug must be text, not a list \(item 0\)$/],
	['a source slug with a space and "!"', sourceCreate({ slug: 'Bad Slug!' }), /^Slug "Bad Slug!" is not a valid source slug \(item 0\)$/],
	['a source slug in upper case', sourceCreate({ slug: 'UPPER' }), /^Slug "UPPER" is not a valid source slug \(item 0\)$/],
	['a source slug starting with "-"', sourceCreate({ slug: '-leading' }), /^Slug "-leading" is not a valid source slug \(item 0\)$/],
	['a source slug with "/"', sourceCreate({ slug: 'a/b' }), /^Slug "a\/b" is not a valid source slug \(item 0\)$/],
	['a source slug with unicode', sourceCreate({ slug: 'ünïcode' }), /^Slug "ünïcode" is not a valid source slug \(item 0\)$/],
	['a 101-character source slug', sourceCreate({ slug: 's'.repeat(101) }), /^Slug "s{60}" is not a valid source slug \(item 0\)$/],
	['a destination slug with spaces and "!"', destinationCreate({ slug: 'google analytics!' }), /^Slug "google analytics!" is not a destination catalog slug \(item 0\)$/],
	['a destination slug with "../"', destinationCreate({ slug: '../catalog' }), /^Slug "\.\.\/catalog" is not a destination catalog slug \(item 0\)$/],
	['a platform outside web, mobile, server', sourceCreate({ platform: 'desktop' }), /^Platform must be one of web, mobile, server, not "desktop" \(item 0\)$/],
	['a source category outside the set ("ads" is for destinations)', sourceCreate({ categories: ['ads'] }), /^Categories may only contain analytics, marketing, crm; "ads" is not one of them \(item 0\)$/],
	['a destination category outside the set', destinationCreate({ categories: ['games'] }), /^Categories may only contain analytics, marketing, crm, ads; "games" is not one of them \(item 0\)$/],
	['a source update category outside the set', { resource: 'source', operation: 'update', sourceId: rl('src_1'), updateFields: { categories: ['finance'] } }, /^Update Fields > Categories may only contain analytics, marketing, crm; "finance" is not one of them \(item 0\)$/],
	['categories from an expression giving a number', sourceCreate({ categories: expr('5') }), /^Categories must be a list of analytics, marketing, crm, not number 5 \(item 0\)$/],
	['categories from an expression giving an empty list', sourceCreate({ categories: expr('[]') }), /^Categories is empty \(item 0\)$/],
	// numbers and booleans
	['limit 0', list({ limit: 0 }), /^Limit must be a whole number from 1 to 1000000, not number 0 \(item 0\)$/],
	['a negative limit', list({ limit: -5 }), /^Limit must be a whole number from 1 to 1000000, not number -5 \(item 0\)$/],
	['a huge limit', list({ limit: 10_000_001 }), /^Limit must be a whole number from 1 to 1000000, not number 10000001 \(item 0\)$/],
	['a fractional limit', list({ limit: 2.5 }), /^Limit must be a whole number from 1 to 1000000, not number 2.5 \(item 0\)$/],
	['a limit expression giving text', list({ limit: expr('"many"') }), /^Limit must be a whole number from 1 to 1000000, not "many" \(item 0\)$/],
	['a negative offset', list({ offset: -1 }), /^Offset must be a whole number from 0 to 1000000, not number -1 \(item 0\)$/],
	['a huge offset', list({ offset: 2_000_000 }), /^Offset must be a whole number from 0 to 1000000, not number 2000000 \(item 0\)$/],
	['Return All from an expression giving "yes"', list({ returnAll: expr('"yes"') }), /^Return All must be true or false, not "yes" \(item 0\)$/],
	['Enabled from an expression giving "maybe"', sourceCreate({ additionalFields: { enabled: expr('"maybe"') } }), /^Enabled must be true or false, not "maybe" \(item 0\)$/],
	['a name expression giving an object', sourceCreate({ name: expr('{ x: 1 }') }), /^Name must be text, not an object \(item 0\)$/],
	['a 1001-character name', sourceCreate({ name: 'n'.repeat(1001) }), /^Name is longer than 1000 characters \(item 0\)$/],
	['a port above 65535 (with a password that must not leak)', redshift({ port: 70_000 }), /^Port must be a whole number from 1 to 65535, not number 70000 \(item 0\)$/],
	['a BigQuery location with a line break (with a key that must not leak)', { resource: 'warehouse', operation: 'create', name: 'BQ', type: 'bigquery', projectId: 'p', location: expr('"US\\nEU"'), serviceAccountKey: BIGQUERY_KEY }, /^Location contains control characters \(item 0\)$/],
	['an update with nothing to update', { resource: 'destination', operation: 'update', destinationId: rl('d_1'), updateFields: {} }, /^Nothing to update \(item 0\)$/],
	['only an update field the resource does not offer (n8n drops it)', { resource: 'source', operation: 'update', sourceId: rl('s_1'), updateFields: { slug: 'x' } }, /^Nothing to update \(item 0\)$/],
	// Options
	['Options > Timeout of 0 (axios would wait forever)', { ...getWarehouse, options: { timeout: 0 } }, /^Options > Timeout must be a whole number from 100 to 600000, not number 0 \(item 0\)$/],
	['Options > Timeout from an expression giving text', { ...getWarehouse, options: { timeout: expr('"soon"') } }, /^Options > Timeout must be a whole number from 100 to 600000, not "soon" \(item 0\)$/],
	['Options > Concurrency of 11', { ...getWarehouse, options: { concurrency: 11 } }, /^Options > Concurrency must be a whole number from 1 to 10, not number 11 \(item 0\)$/],
	// credential fields
	['a malformed PEM signing key', list(), /^Paragon credential: The Signing Key in the Paragon credential is not a readable PEM private key/, (sb) => signingKeyCredentials(sb, { signingKey: keys.privatePem.slice(0, 300) })],
	['a signing key that is not RSA (EC P-256)', list(), /^Paragon credential: The Signing Key in the Paragon credential is an EC key; Paragon signs user tokens with RS256/, (sb) => signingKeyCredentials(sb, { signingKey: ecKey })],
	['a signing key that is a public key', list(), /^Paragon credential: The Signing Key in the Paragon credential is not a readable PEM private key/, (sb) => signingKeyCredentials(sb, { signingKey: keys.publicPem })],
	['a signing-key credential without a User ID', list(), /^Paragon credential: The Paragon credential signs its own tokens but has no User ID/, (sb) => signingKeyCredentials(sb, { userId: ' ' })],
	['a token lifetime of 10 s', list(), /^Paragon credential: The Token Lifetime in the Paragon credential must be a whole number of seconds between 60 and/, (sb) => signingKeyCredentials(sb, { tokenTtl: 10 })],
	['an empty user token', list(), /^Paragon credential: The Paragon credential has no User Token/, (sb) => userTokenCredentials(sb, { userToken: '  ' })],
	['a project id with "/"', list(), /^Paragon credential: The Project ID in the Paragon credential may only contain letters, digits, "-" and "_"/, (sb) => userTokenCredentials(sb, { projectId: 'a/b' })],
	['a project id "../other"', list(), /^Paragon credential: The Project ID in the Paragon credential may only contain/, (sb) => userTokenCredentials(sb, { projectId: '../other' })],
	['a proxy base URL with ftp://', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential must start with https:\/\/ \(or http:\/\/ for a local sandbox\), not ftp:\/\//, (sb) => userTokenCredentials(sb, { proxyBaseUrl: 'ftp://proxy.example.com' })],
	['a proxy base URL with file://', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential must start with https:\/\//, (sb) => userTokenCredentials(sb, { proxyBaseUrl: 'file:///etc/passwd' })],
	['a proxy base URL with javascript:', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential must start with https:\/\//, (sb) => userTokenCredentials(sb, { proxyBaseUrl: 'javascript:alert(1)' })],
	['a proxy base URL that is not a URL', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential is not a URL/, (sb) => userTokenCredentials(sb, { proxyBaseUrl: 'proxy dot example' })],
	['a proxy base URL with a query', list(), /^Paragon credential: The Proxy Base URL in the Paragon credential must not contain a query/, (sb) => userTokenCredentials(sb, { proxyBaseUrl: `${sb.url}?token=x` })],
	// user deletion and suppression (regulationBadInput.ts)
	...REGULATION_REFUSED,
];

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
const REFUSED_BY_THE_CATALOG: Array<[string, INodeParameters, RegExp]> = [
	['a JSON key Redshift does not declare', warehouseJson({ hostname: 'h', port: '5439', database: 'd', username: 'u', password: WAREHOUSE_PASSWORD, schema: 'public' }), /^Connection: "schema" is not a setting of Segment's Redshift warehouse \(item 0\)$/],
	['a JSON connection missing a required setting', warehouseJson({ host: 'h', database: 'd', username: 'u' }), /^Connection: Segment's Redshift warehouse requires the setting "port"/],
	['a required field left empty (the password)', redshift({ password: '' }), /^Connection: Segment's Redshift warehouse requires the setting "password" \(the Password field/],
	['a Catalog Entry the catalog does not have', { ...warehouseJson('{}'), type: 'other', catalogId: rl('no-such-entry') }, /^Segment's warehouse catalog has no Catalog Entry "no-such-entry" \(item 0\)$/],
];

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

// [what, resource, operation, id, extra parameters]
const ON_THE_WIRE: Array<[string, string, string, string, INodeParameters]> = [
	['"../workspaces" (path traversal)', 'warehouse', 'get', '../workspaces', {}],
	['"a/b?x=1" (a path and a query)', 'source', 'delete', 'a/b?x=1', {}],
	['"x#frag" (a fragment)', 'destination', 'get', 'x#frag', {}],
	['"100%" (a bare percent)', 'warehouse', 'update', '100%', { updateFields: { name: 'N' } }],
	['"%2e%2e%2f" (already percent-encoded)', 'warehouse', 'delete', '%2e%2e%2f', {}],
	['"ünïcødé-😀" (unicode)', 'source', 'get', 'ünïcødé-😀', {}],
	['"a b&c=d" (space and query characters)', 'destination', 'delete', 'a b&c=d', {}],
	['"..%2F..%2Flabels" on a source update (first call: GET the source)', 'source', 'update', '..%2F..%2Flabels', { updateFields: { platform: 'web' } }],
	['"?pagination.count=200" (a query of its own)', 'warehouse', 'get', '?pagination.count=200', {}],
	['"..." (three dots are no dot segment)', 'destination', 'get', '...', {}],
];

describe('on the wire: a strange but legitimate id is one encoded path segment, and the 404 names it', () => {
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
