'use strict';
// The demo data: what the user's description shows, with the same ids on every start.
const { startSandbox } = require('../../sandbox');
const { client, useSandbox } = require('./helpers');

const sb = useSandbox({ seed: true });

test('US warehouses: My Data Warehouse (redshift) and BigQuery Warehouse (bigquery)', () => {
	const warehouses = sb.entities('warehouses');
	expect(warehouses.map((w) => [w.settings.name, w.metadata.slug, w.enabled])).toEqual([
		['My Data Warehouse', 'redshift', true],
		['BigQuery Warehouse', 'bigquery', true],
	]);
	expect(warehouses[0].settings).toEqual({
		host: 'example.redshift.amazonaws.com', port: 5439, database: 'analytics', username: 'user', schema: 'public', name: 'My Data Warehouse',
	});
	expect(warehouses[1].settings).toEqual({ project_id: 'my-gcp-project', dataset: 'analytics', name: 'BigQuery Warehouse' });
	expect(JSON.stringify(warehouses.map((w) => w.settings))).not.toMatch(/password/);
});

test('US sources with their platform and category labels', () => {
	const sources = sb.entities('sources');
	expect(sources.map((s) => [s.name, s.slug, s.metadata.slug, s.labels])).toEqual([
		['Website Analytics', 'website_analytics', 'javascript', [{ key: 'platform', value: 'web' }, { key: 'category', value: 'analytics' }, { key: 'environment', value: 'production' }]],
		['Mobile App', 'mobile_app', 'react-native', [{ key: 'platform', value: 'mobile' }, { key: 'category', value: 'marketing' }]],
		['Backend Events', 'backend_events', 'http-api', [{ key: 'platform', value: 'server' }, { key: 'category', value: 'crm' }]],
	]);
	const labels = sb.labels().map((l) => `${l.key}:${l.value}`);
	for (const source of sources) for (const label of source.labels) expect(labels).toContain(`${label.key}:${label.value}`);
});

test('US destinations, one of them disabled, each on an existing source', () => {
	const sources = Object.fromEntries(sb.entities('sources').map((s) => [s.id, s.slug]));
	expect(sb.entities('destinations').map((d) => [d.name, d.metadata.slug, sources[d.sourceId], d.enabled])).toEqual([
		['Google Analytics', 'google-analytics', 'website_analytics', true],
		['Facebook Ads', 'facebook-pixel', 'website_analytics', true],
		['Amplitude', 'amplitude', 'mobile_app', false],
		['Salesforce', 'salesforce', 'backend_events', true],
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
	expect(sb.entities('destinations')).toHaveLength(2);
	sb.reset();
	expect(sb.entities('sources')[0]).toEqual(first);
	expect(sb.entities('destinations')).toHaveLength(4);
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
