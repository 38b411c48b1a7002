'use strict';
// Demo data in the spirit of the user's description, made the v2 way (warehouse settings
// from the catalog, sources created without a name and named after), with connections, sync
// reports and one warehouse that cannot be reached. Ids are derived from names, so they are
// the same every run; sync report times are relative to the seeding time.
const { insert } = require('./segment/resources');
const { KINDS } = require('./segment/router');
const { makeReport } = require('./segment/syncs');
const { stableId } = require('./ids');

const HOUR_MS = 3600 * 1000;

function add(state, ws, resource, key, body) {
	const name = `seed:${ws.region}:${resource}:${key}`;
	const fixed = { id: stableId(name), writeKey: stableId(`${name}:writeKey`, 32), ciphertext: stableId(`${name}:ciphertext`, 64) };
	const result = insert(state, ws, KINDS[resource], body, fixed);
	if (result.errors) throw new Error(`Demo data ${name} is invalid: ${JSON.stringify(result.errors)}`);
	return result.record;
}

function metadataId(state, kind, slug) {
	return state.catalogs.bySlug(kind, slug).id;
}

function addLabels(ws, labels) {
	for (const [key, value, description] of labels) {
		ws.addLabel(description === undefined ? { key, value } : { key, value, description });
	}
}

function warehouse(state, ws, key, slug, name, settings) {
	return add(state, ws, 'warehouses', key, { metadataId: metadataId(state, 'warehouses', slug), name, enabled: true, settings, disconnectAllSources: true });
}

// POST /sources has no name: Segment's clients name a source with a PATCH right after.
function source(state, ws, key, { slug, name, catalog, labels, warehouses }) {
	const record = add(state, ws, 'sources', key, { slug, enabled: true, metadataId: metadataId(state, 'sources', catalog), disconnectAllWarehouses: true });
	record.name = name;
	record.labels = labels.map(([labelKey, value]) => ({ key: labelKey, value }));
	for (const target of warehouses) ws.connections.connect(target.id, record.id);
	return record;
}

function reports(ws, target, now, list) {
	ws.syncReports.set(target.id, list.map(([from, status, hoursAgo, extra = {}]) =>
		makeReport({ sourceId: from.id, status, start: new Date(now - hoursAgo * HOUR_MS).toISOString(), ...extra }, from.id, now)));
}

function seedUs(state, ws, now) {
	addLabels(ws, [
		['platform', 'web'], ['platform', 'mobile'], ['platform', 'server'],
		['category', 'analytics'], ['category', 'marketing'], ['category', 'crm'],
		['environment', 'production', 'Live traffic'],
	]);
	const redshift = warehouse(state, ws, 'redshift', 'redshift', 'My Data Warehouse', {
		hostname: 'example.redshift.amazonaws.com', port: '5439', database: 'analytics', username: 'user', password: 'demo-password',
	});
	const bigquery = warehouse(state, ws, 'bigquery', 'bigquery', 'BigQuery Warehouse', {
		'gc-project': 'my-gcp-project', location: 'US', credentials: '{"type":"service_account","project_id":"my-gcp-project"}',
	});
	// Its hostname makes Test Connection answer FAILED.
	const staging = warehouse(state, ws, 'postgres', 'postgres', 'Staging Postgres', {
		hostname: 'unreachable.staging.internal', port: '5432', database: 'staging', username: 'segment', password: 'demo-password',
	});
	const website = source(state, ws, 'website', {
		slug: 'website_analytics', name: 'Website Analytics', catalog: 'javascript', warehouses: [redshift, bigquery],
		labels: [['platform', 'web'], ['category', 'analytics'], ['environment', 'production']],
	});
	const mobile = source(state, ws, 'mobile', {
		slug: 'mobile_app', name: 'Mobile App', catalog: 'react-native', warehouses: [redshift], labels: [['platform', 'mobile'], ['category', 'marketing']],
	});
	const backend = source(state, ws, 'backend', {
		slug: 'backend_events', name: 'Backend Events', catalog: 'http-api', warehouses: [bigquery, staging], labels: [['platform', 'server'], ['category', 'crm']],
	});
	const destination = (key, from, slug, name, enabled, settings) =>
		add(state, ws, 'destinations', key, { sourceId: from.id, metadataId: metadataId(state, 'destinations', slug), name, enabled, settings });
	destination('google-analytics', website, 'google-analytics', 'Google Analytics', true, { trackingId: 'UA-12345678-1', anonymizeIp: true });
	destination('facebook-pixel', website, 'facebook-pixel', 'Facebook Ads', true, { pixelId: '1234567890' });
	destination('amplitude', mobile, 'amplitude', 'Amplitude', false, { trackAllPages: false });
	destination('salesforce', backend, 'salesforce', 'Salesforce', true, { instanceUrl: 'https://example.my.salesforce.com' });
	const failedLoad = { notices: [{ level: 'ERROR', message: 'Load failed: permission denied for schema website_analytics' }] };
	reports(ws, redshift, now, [[website, 'SUCCESS', 2], [mobile, 'SUCCESS', 3], [website, 'FAILED', 14, failedLoad]]);
	reports(ws, bigquery, now, [[backend, 'IN_PROGRESS', 0.25], [website, 'SUCCESS', 5]]);
	reports(ws, staging, now, [[backend, 'FAILED', 1, { notices: [{ level: 'ERROR', message: 'Could not connect to unreachable.staging.internal:5432' }] }]]);
}

function seedEu(state, ws, now) {
	addLabels(ws, [['platform', 'web'], ['category', 'analytics']]);
	const snowflake = warehouse(state, ws, 'snowflake', 'snowflake', 'EU Snowflake Warehouse', {
		account: 'my_snowflake_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'user', password: 'demo-password', role: 'SYSADMIN',
	});
	const website = source(state, ws, 'website', {
		slug: 'eu_website', name: 'EU Website', catalog: 'javascript', warehouses: [snowflake], labels: [['platform', 'web'], ['category', 'analytics']],
	});
	add(state, ws, 'destinations', 'mixpanel', {
		sourceId: website.id, metadataId: metadataId(state, 'destinations', 'mixpanel'), name: 'Mixpanel', enabled: true, settings: { euResidency: true },
	});
	reports(ws, snowflake, now, [[website, 'SUCCESS', 4]]);
}

function seedDemoData(state, now = Date.now()) {
	seedUs(state, state.workspaces.us, now);
	seedEu(state, state.workspaces.eu, now);
}

module.exports = { seedDemoData };
