// Case group "crud": the operations of the three resources, each resource's in one workflow run
// (Get Many, Create, Get, Update, Delete in sequence; see seedWorkflows in ../workflows.mjs), with
// the items that come out and exactly the requests the sandbox saw; both token modes and the EU
// region. The interface of a case group is described in ./index.mjs.
import assert from 'node:assert/strict';

import { CREDENTIAL_TYPE, SANDBOX_PROJECT_ID } from '../../../scripts/e2e/n8n-app.mjs';
import { assertAuth, call, itemsOf, requestsOf } from '../support.mjs';
import { EU_CREDENTIAL, IDS, seedWorkflows, WAREHOUSE_SECRET } from '../workflows.mjs';

export const name = 'crud';

const SIMPLE_KEYS = {
	warehouse: ['id', 'name', 'type', 'connection', 'status', 'workspaceId'],
	source: ['id', 'name', 'slug', 'metadata', 'status', 'writeKeys', 'catalog'],
	destination: ['id', 'name', 'slug', 'metadata', 'status', 'sourceId'],
};

function assertShape(kind, item) {
	assert.deepEqual(Object.keys(item).sort(), [...SIMPLE_KEYS[kind]].sort(), `${kind} item keys`);
}

export function credentials({ sandbox }) {
	return [{ ...EU_CREDENTIAL, type: CREDENTIAL_TYPE, data: { projectId: SANDBOX_PROJECT_ID, tokenSource: 'userToken', userToken: 'sandbox-user-token', proxyBaseUrl: sandbox.url, region: 'eu' } }];
}

export function workflows({ seedIds }) {
	return seedWorkflows({ backendEventsId: seedIds('sources')['Backend Events'] });
}

export async function run({ sandbox, runCases, catalogId, seedIds }) {
	{
		const seeds = sandbox.entities('warehouses');
		await runCases(IDS.warehouses, [
			[
				'warehouse Get Many: seed warehouses in the simplified shape; GET /warehouses?pagination.count=50',
				(run) => {
					const requests = requestsOf(sandbox, run, 'Warehouse: Get Many');
					assert.deepEqual(requests.map(call), ['GET /warehouses']);
					assert.deepEqual(requests[0].query, { 'pagination.count': '50' });
					assertAuth(requests, 'static');
					const items = itemsOf(run, 'Warehouse: Get Many');
					items.forEach((item) => assertShape('warehouse', item));
					assert.deepEqual(
						items.map(({ id, name, type, status }) => ({ id, name, type, status })),
						seeds.map((w) => ({ id: w.id, name: w.settings.name, type: w.metadata.slug, status: 'active' })),
					);
					// connection = Segment's settings without the name, Segment's bookkeeping and secrets.
					const visible = ([key]) => !['name', 'ciphertext', 'encrypted'].includes(key) && !/password|secret|token|key|credentials/i.test(key);
					assert.deepEqual(items[0].connection, Object.fromEntries(Object.entries(seeds[0].settings).filter(visible)));
					assert.equal(items[0].connection.hostname, 'example.redshift.amazonaws.com');
					assert.ok(requests.every((request) => request.headers['x-paragon-use-raw-response'] === '1'), 'a request without the raw-response header');
				},
			],
			[
				'warehouse Create with Type from an expression: n8n runs it; catalog metadataId, fields -> the entry\'s settings, enabled true; password not in the output',
				(run) => {
					const requests = requestsOf(sandbox, run, 'Warehouse: Create');
					assert.deepEqual(requests.map(call), ['GET /catalog/warehouses', 'POST /warehouses']);
					assert.equal(requests[0].query['pagination.count'], '200');
					assert.deepEqual(requests[1].body, {
						metadataId: catalogId('warehouses', 'snowflake'),
						name: 'E2E Warehouse',
						enabled: true,
						settings: { account: 'e2e_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'segment_user', password: WAREHOUSE_SECRET, role: 'SYSADMIN' },
					});
					assert.equal(requests[1].status, 200);
					const [item, ...rest] = itemsOf(run, 'Warehouse: Create');
					assert.equal(rest.length, 0);
					assertShape('warehouse', item);
					assert.equal(item.name, 'E2E Warehouse');
					assert.equal(item.type, 'snowflake');
					assert.equal(item.status, 'active');
					assert.deepEqual(item.connection, { account: 'e2e_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'segment_user', role: 'SYSADMIN' });
					assert.ok(!JSON.stringify(item).includes(WAREHOUSE_SECRET), 'the password leaked into the output');
				},
			],
			[
				'warehouse Get: GET /warehouses/{created id}',
				(run) => {
					const id = itemsOf(run, 'Warehouse: Create')[0].id;
					const requests = requestsOf(sandbox, run, 'Warehouse: Get');
					assert.deepEqual(requests.map(call), [`GET /warehouses/${id}`]);
					const [item] = itemsOf(run, 'Warehouse: Get');
					assertShape('warehouse', item);
					assert.deepEqual({ id: item.id, name: item.name, type: item.type, status: item.status }, { id, name: 'E2E Warehouse', type: 'snowflake', status: 'active' });
				},
			],
			[
				'warehouse Update: connection checked against the warehouse\'s own entry (GET it), PATCH with settings/name/enabled; output renamed and inactive',
				(run) => {
					const id = itemsOf(run, 'Warehouse: Create')[0].id;
					const requests = requestsOf(sandbox, run, 'Warehouse: Update');
					assert.deepEqual(requests.map(call), [`GET /warehouses/${id}`, 'GET /catalog/warehouses', `PATCH /warehouses/${id}`]);
					assert.deepEqual(requests[2].body, { settings: { role: 'LOADER' }, name: 'E2E Warehouse Renamed', enabled: false });
					const [item] = itemsOf(run, 'Warehouse: Update');
					assert.deepEqual({ id: item.id, name: item.name, status: item.status, role: item.connection.role }, { id, name: 'E2E Warehouse Renamed', status: 'inactive', role: 'LOADER' });
				},
			],
			[
				'warehouse Delete: DELETE /warehouses/{id}; {id, deleted, status 204, message}; gone from the sandbox',
				(run) => {
					const id = itemsOf(run, 'Warehouse: Create')[0].id;
					const requests = requestsOf(sandbox, run, 'Warehouse: Delete');
					assert.deepEqual(requests.map(call), [`DELETE /warehouses/${id}`]);
					assert.deepEqual(itemsOf(run, 'Warehouse: Delete'), [{ id, deleted: true, status: 204, message: 'Warehouse deleted successfully.' }]);
					assert.ok(!sandbox.entities('warehouses').some((w) => w.id === id));
				},
			],
			[
				'warehouse Get Many, EU region: the full EU base URL after the integration name reaches the EU workspace',
				(run) => {
					const requests = requestsOf(sandbox, run, 'Warehouse: Get Many (EU)');
					assert.deepEqual(
						requests.map((request) => [call(request), request.region]),
						[['GET /warehouses', 'eu']],
					);
					assert.ok(requests[0].url.startsWith(`/projects/${SANDBOX_PROJECT_ID}/sdk/proxy/segment/https://eu1.api.segmentapis.com/warehouses?`), requests[0].url);
					assert.deepEqual(
						itemsOf(run, 'Warehouse: Get Many (EU)').map((item) => item.name),
						sandbox.entities('warehouses', 'eu').map((w) => w.settings.name),
					);
					assert.equal(sandbox.requests.length, 9, `requests in the whole run: ${sandbox.requests.map(call).join(', ')}`);
				},
			],
		]);
	}

	{
		const seeds = sandbox.entities('sources');
		let tokens;
		await runCases(IDS.sources, [
			[
				'source Get Many (limit 2, offset 1, signing key): one page of 3, the 2nd and 3rd sources',
				(run) => {
					const requests = requestsOf(sandbox, run, 'Source: Get Many');
					assert.deepEqual(requests.map(call), ['GET /sources']);
					assert.deepEqual(requests[0].query, { 'pagination.count': '3' });
					const items = itemsOf(run, 'Source: Get Many');
					items.forEach((item) => assertShape('source', item));
					assert.deepEqual(
						items.map((item) => item.id),
						seeds.slice(1, 3).map((s) => s.id),
					);
					assert.deepEqual(items[0].metadata, { platform: 'mobile', categories: ['marketing'] });
					// Signing-key mode: RS256 tokens the node signed, one token reused for the whole run.
					assertAuth(sandbox.requests, 'jwt');
					tokens = new Set(sandbox.requests.map((request) => request.auth.tokenSha256));
					assert.equal(tokens.size, 1, `${tokens.size} different tokens over ${sandbox.requests.length} requests`);
					const claims = sandbox.requests[0].auth.claims;
					assert.equal(claims.aud, `useparagon.com/${SANDBOX_PROJECT_ID}`);
					assert.equal(claims.exp - claims.iat, 3600);
					return `all ${sandbox.requests.length} requests of the run carried one signed token`;
				},
			],
			[
				'source Create: catalog entry of the platform, labels checked, POST /sources without a name, PATCH the name, PUT labels',
				(run) => {
					const [item, ...rest] = itemsOf(run, 'Source: Create');
					assert.equal(rest.length, 0);
					const requests = requestsOf(sandbox, run, 'Source: Create');
					assert.deepEqual(requests.map(call), ['GET /catalog/sources', 'GET /labels', 'POST /sources', `PATCH /sources/${item.id}`, `PUT /sources/${item.id}/labels`]);
					assert.deepEqual(requests[2].body, { slug: 'e2e_source', enabled: true, metadataId: catalogId('sources', 'http-api') });
					assert.deepEqual(requests[3].body, { name: 'E2E Source' });
					assert.deepEqual(requests[4].body, {
						labels: [
							{ key: 'platform', value: 'server' },
							{ key: 'category', value: 'crm' },
							{ key: 'category', value: 'marketing' },
						],
					});
					assertShape('source', item);
					assert.deepEqual(
						{ ...item, id: undefined, writeKeys: undefined, catalog: undefined },
						{ id: undefined, name: 'E2E Source', slug: 'e2e_source', metadata: { platform: 'server', categories: ['crm', 'marketing'] }, status: 'active', writeKeys: undefined, catalog: undefined },
					);
					assert.deepEqual({ ...item.catalog, id: undefined }, { id: undefined, slug: 'http-api', name: sandbox.catalog('sources').find((e) => e.slug === 'http-api').name });
					assert.equal(item.writeKeys.length, 1);
				},
			],
			[
				'source Get: GET /sources/{id}, labels read back as platform/categories',
				(run) => {
					const id = itemsOf(run, 'Source: Create')[0].id;
					assert.deepEqual(requestsOf(sandbox, run, 'Source: Get').map(call), [`GET /sources/${id}`]);
					const [item] = itemsOf(run, 'Source: Get');
					assert.deepEqual({ id: item.id, slug: item.slug, metadata: item.metadata, status: item.status }, { id, slug: 'e2e_source', metadata: { platform: 'server', categories: ['crm', 'marketing'] }, status: 'active' });
				},
			],
			[
				'source Update: PATCH name/enabled, platform label replaced, category labels kept',
				(run) => {
					const id = itemsOf(run, 'Source: Create')[0].id;
					const requests = requestsOf(sandbox, run, 'Source: Update');
					assert.deepEqual(requests.map(call), [`GET /sources/${id}`, 'GET /labels', `PATCH /sources/${id}`, `PUT /sources/${id}/labels`]);
					assert.deepEqual(requests[2].body, { name: 'E2E Source Renamed', enabled: false });
					assert.deepEqual(requests[3].body, {
						labels: [
							{ key: 'category', value: 'crm' },
							{ key: 'category', value: 'marketing' },
							{ key: 'platform', value: 'web' },
						],
					});
					const [item] = itemsOf(run, 'Source: Update');
					assert.deepEqual({ name: item.name, status: item.status, metadata: item.metadata }, { name: 'E2E Source Renamed', status: 'inactive', metadata: { platform: 'web', categories: ['crm', 'marketing'] } });
				},
			],
			[
				'source Delete: DELETE /sources/{id}; gone from the sandbox',
				(run) => {
					const id = itemsOf(run, 'Source: Create')[0].id;
					assert.deepEqual(requestsOf(sandbox, run, 'Source: Delete').map(call), [`DELETE /sources/${id}`]);
					assert.deepEqual(itemsOf(run, 'Source: Delete'), [{ id, deleted: true, status: 204, message: 'Source deleted successfully.' }]);
					assert.ok(!sandbox.entities('sources').some((s) => s.id === id));
				},
			],
		]);
	}

	{
		const seeds = sandbox.entities('destinations');
		const backendEvents = seedIds('sources')['Backend Events'];
		await runCases(IDS.destinations, [
			[
				'destination Get Many (Return All): GET /destinations?pagination.count=200, all seed destinations',
				(run) => {
					const requests = requestsOf(sandbox, run, 'Destination: Get Many');
					assert.deepEqual(requests.map(call), ['GET /destinations']);
					assert.deepEqual(requests[0].query, { 'pagination.count': '200' });
					assertAuth(requests, 'static');
					const items = itemsOf(run, 'Destination: Get Many');
					items.forEach((item) => assertShape('destination', item));
					assert.deepEqual(
						items.map(({ id, name, status, sourceId }) => ({ id, name, status, sourceId })),
						seeds.map((d) => ({ id: d.id, name: d.name, status: d.enabled ? 'active' : 'inactive', sourceId: d.sourceId })),
					);
					const facebook = items.find((item) => item.name === 'Facebook Ads');
					assert.deepEqual(facebook.metadata, { platform: 'web', categories: ['ads'] });
					assert.equal(facebook.slug, 'facebook-pixel');
				},
			],
			[
				'destination Create: slug -> catalog metadataId, sourceId, settings, enabled true; platform kept in output',
				(run) => {
					const requests = requestsOf(sandbox, run, 'Destination: Create');
					assert.deepEqual(requests.map(call), ['GET /catalog/destinations', 'POST /destinations']);
					assert.deepEqual(requests[1].body, { sourceId: backendEvents, metadataId: catalogId('destinations', 'amplitude'), settings: { apiKey: 'e2e-amplitude-key' }, name: 'E2E Amplitude', enabled: true });
					const [item] = itemsOf(run, 'Destination: Create');
					assertShape('destination', item);
					assert.deepEqual(
						{ ...item, id: undefined },
						{ id: undefined, name: 'E2E Amplitude', slug: 'amplitude', metadata: { platform: 'server', categories: ['analytics'] }, status: 'active', sourceId: backendEvents },
					);
				},
			],
			[
				'destination Get: GET /destinations/{id}',
				(run) => {
					const id = itemsOf(run, 'Destination: Create')[0].id;
					assert.deepEqual(requestsOf(sandbox, run, 'Destination: Get').map(call), [`GET /destinations/${id}`]);
					const [item] = itemsOf(run, 'Destination: Get');
					assert.deepEqual(
						{ ...item },
						{ id, name: 'E2E Amplitude', slug: 'amplitude', metadata: { platform: 'web', categories: ['analytics'] }, status: 'active', sourceId: backendEvents },
					);
				},
			],
			[
				'destination Update: PATCH name/enabled/settings; output inactive',
				(run) => {
					const id = itemsOf(run, 'Destination: Create')[0].id;
					const requests = requestsOf(sandbox, run, 'Destination: Update');
					assert.deepEqual(requests.map(call), [`PATCH /destinations/${id}`]);
					assert.deepEqual(requests[0].body, { name: 'E2E Amplitude Renamed', enabled: false, settings: { apiKey: 'rotated-key' } });
					const [item] = itemsOf(run, 'Destination: Update');
					assert.deepEqual({ id: item.id, name: item.name, status: item.status }, { id, name: 'E2E Amplitude Renamed', status: 'inactive' });
				},
			],
			[
				'destination Delete (signing-key credential): DELETE /destinations/{id}; gone from the sandbox',
				(run) => {
					const id = itemsOf(run, 'Destination: Create')[0].id;
					const requests = requestsOf(sandbox, run, 'Destination: Delete');
					assert.deepEqual(requests.map(call), [`DELETE /destinations/${id}`]);
					assertAuth(requests, 'jwt');
					assert.deepEqual(itemsOf(run, 'Destination: Delete'), [{ id, deleted: true, status: 204, message: 'Destination deleted successfully.' }]);
					assert.ok(!sandbox.entities('destinations').some((d) => d.id === id));
				},
			],
		]);
	}
}
