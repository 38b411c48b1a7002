'use strict';
// The demo data: what the user's description shows, with the same ids on every start.
const { startSandbox } = require('../../sandbox');
const { client, useSandbox } = require('./helpers');

const sb = useSandbox({ seed: true });

test('US warehouses in the catalog\'s shapes: Redshift, BigQuery and an unreachable Postgres', () => {
	const warehouses = sb.entities('warehouses');
	expect(warehouses.map((w) => [w.settings.name, w.metadata.slug, w.enabled])).toEqual([
		['My Data Warehouse', 'redshift', true],
		['BigQuery Warehouse', 'bigquery', true],
		['Staging Postgres', 'postgres', true],
	]);
	const secret = { ciphertext: expect.any(String), encrypted: true };
	expect(warehouses[0].settings).toEqual({
		hostname: 'example.redshift.amazonaws.com', port: '5439', database: 'analytics', username: 'user', password: '••••••', name: 'My Data Warehouse', ...secret,
	});
	expect(warehouses[1].settings).toEqual({ 'gc-project': 'my-gcp-project', location: 'US', credentials: '••••••', name: 'BigQuery Warehouse', ...secret });
	expect(warehouses[2].settings.hostname).toContain('unreachable');
	expect(JSON.stringify(warehouses)).not.toMatch(/demo-password|service_account/);
});

test('connections and sync reports: SUCCESS, FAILED and IN_PROGRESS', async () => {
	const [redshift, bigquery, staging] = sb.entities('warehouses');
	const slugOf = Object.fromEntries(sb.entities('sources').map((s) => [s.id, s.slug]));
	const connected = (id) => sb.connections().filter((c) => c.warehouseId === id).map((c) => slugOf[c.sourceId]);
	expect(connected(redshift.id)).toEqual(['website_analytics', 'mobile_app']);
	expect(connected(bigquery.id)).toEqual(['website_analytics', 'backend_events']);
	expect(connected(staging.id)).toEqual(['backend_events']);
	const statuses = [redshift, bigquery, staging].flatMap((w) => sb.syncReports(w.id).map((r) => r.status));
	expect(new Set(statuses)).toEqual(new Set(['SUCCESS', 'FAILED', 'IN_PROGRESS']));
	const call = client(sb);
	expect((await call('GET', `/warehouses/${staging.id}/connection-state`)).body).toEqual({ data: { connectionState: 'FAILED' } });
	expect((await call('GET', `/warehouses/${redshift.id}/connection-state`)).body).toEqual({ data: { connectionState: 'CONNECTED' } });
	const eu = sb.entities('warehouses', 'eu')[0];
	expect(sb.connections('eu')).toEqual([{ warehouseId: eu.id, sourceId: sb.entities('sources', 'eu')[0].id }]);
	expect(sb.syncReports(eu.id, { region: 'eu' })).toHaveLength(1);
});

test('US sources with their platform and category labels', () => {
	const sources = sb.entities('sources');
	expect(sources.map((s) => [s.name, s.slug, s.metadata.slug, s.labels])).toEqual([
		['Website Analytics', 'website_analytics', 'javascript', [{ key: 'platform', value: 'web' }, { key: 'category', value: 'analytics' }, { key: 'environment', value: 'production' }]],
		['Mobile App', 'mobile_app', 'react-native', [{ key: 'platform', value: 'mobile' }, { key: 'category', value: 'marketing' }]],
		['Backend Events', 'backend_events', 'http-api', [{ key: 'platform', value: 'server' }, { key: 'category', value: 'crm' }]],
		// The warehouse source the Reverse ETL model reads from.
		['Snowflake Models', 'snowflake_models', 'snowflake', []],
	]);
	const labels = sb.labels().map((l) => `${l.key}:${l.value}`);
	for (const source of sources) for (const label of source.labels) expect(labels).toContain(`${label.key}:${label.value}`);
});

test('US destinations, one of them disabled, each on an existing source (the Reverse ETL one on the warehouse source)', () => {
	const sources = Object.fromEntries(sb.entities('sources').map((s) => [s.id, s.slug]));
	expect(sb.entities('destinations').map((d) => [d.name, d.metadata.slug, sources[d.sourceId], d.enabled])).toEqual([
		['Google Analytics', 'google-analytics', 'website_analytics', true],
		['Facebook Ads', 'facebook-pixel', 'website_analytics', true],
		['Amplitude', 'amplitude', 'mobile_app', false],
		['Salesforce', 'salesforce', 'backend_events', true],
		['Amplitude (Reverse ETL)', 'actions-amplitude', 'snowflake_models', true],
	]);
});

test('the EU workspace has its own demo data', () => {
	expect(sb.entities('warehouses', 'eu').map((w) => w.settings.name)).toEqual(['EU Snowflake Warehouse']);
	expect(sb.entities('sources', 'eu').map((s) => s.slug)).toEqual(['eu_website']);
	expect(sb.entities('destinations', 'eu').map((d) => d.metadata.slug)).toEqual(['mixpanel']);
	expect(sb.entities('warehouses', 'eu')[0].workspaceId).toBe(sb.workspaceId('eu'));
});

test('demo ids and write keys are the same in every sandbox', async () => {
	const other = await startSandbox({ seed: true });
	try {
		for (const resource of ['warehouses', 'sources', 'destinations']) {
			for (const region of ['us', 'eu']) expect(other.entities(resource, region)).toEqual(sb.entities(resource, region));
		}
	} finally {
		await other.close();
	}
});

test('demo data is reachable through the proxy and reset brings it back', async () => {
	const call = client(sb);
	const [first] = sb.entities('sources');
	expect((await call('GET', `/sources/${first.id}`)).body).toEqual({ data: { source: first } });
	await call('DELETE', `/sources/${first.id}`);
	expect(sb.entities('destinations')).toHaveLength(3);
	sb.reset();
	expect(sb.entities('sources')[0]).toEqual(first);
	expect(sb.entities('destinations')).toHaveLength(5);
});

test('without seed the workspaces start empty', async () => {
	const empty = await startSandbox();
	try {
		for (const resource of ['warehouses', 'sources', 'destinations']) expect(empty.entities(resource)).toEqual([]);
		expect(empty.labels()).toEqual([]);
	} finally {
		await empty.close();
	}
});
