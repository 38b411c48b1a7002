'use strict';
// Demo data in the spirit of the user's description: the same warehouses, sources and
// destinations as its examples, with ids derived from names so they are the same every run.
const { insert } = require('./segment/resources');
const { KINDS } = require('./segment/router');
const { stableId } = require('./ids');

function add(state, ws, resource, key, body) {
	const name = `seed:${ws.region}:${resource}:${key}`;
	const fixed = { id: stableId(name), writeKey: stableId(`${name}:writeKey`, 32) };
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

function tag(record, labels) {
	record.labels = labels.map(([key, value]) => ({ key, value }));
}

function seedUs(state, ws) {
	addLabels(ws, [
		['platform', 'web'], ['platform', 'mobile'], ['platform', 'server'],
		['category', 'analytics'], ['category', 'marketing'], ['category', 'crm'],
		['environment', 'production', 'Live traffic'],
	]);
	add(state, ws, 'warehouses', 'redshift', {
		metadataId: metadataId(state, 'warehouses', 'redshift'),
		name: 'My Data Warehouse',
		enabled: true,
		settings: { host: 'example.redshift.amazonaws.com', port: 5439, database: 'analytics', username: 'user', schema: 'public' },
	});
	add(state, ws, 'warehouses', 'bigquery', {
		metadataId: metadataId(state, 'warehouses', 'bigquery'),
		name: 'BigQuery Warehouse',
		enabled: true,
		settings: { project_id: 'my-gcp-project', dataset: 'analytics' },
	});
	const website = add(state, ws, 'sources', 'website', {
		slug: 'website_analytics', name: 'Website Analytics', enabled: true, metadataId: metadataId(state, 'sources', 'javascript'),
	});
	tag(website, [['platform', 'web'], ['category', 'analytics'], ['environment', 'production']]);
	const mobile = add(state, ws, 'sources', 'mobile', {
		slug: 'mobile_app', name: 'Mobile App', enabled: true, metadataId: metadataId(state, 'sources', 'react-native'),
	});
	tag(mobile, [['platform', 'mobile'], ['category', 'marketing']]);
	const backend = add(state, ws, 'sources', 'backend', {
		slug: 'backend_events', name: 'Backend Events', enabled: true, metadataId: metadataId(state, 'sources', 'http-api'),
	});
	tag(backend, [['platform', 'server'], ['category', 'crm']]);
	const destination = (key, source, slug, name, enabled, settings) =>
		add(state, ws, 'destinations', key, { sourceId: source.id, metadataId: metadataId(state, 'destinations', slug), name, enabled, settings });
	destination('google-analytics', website, 'google-analytics', 'Google Analytics', true, { trackingId: 'UA-12345678-1', anonymizeIp: true });
	destination('facebook-pixel', website, 'facebook-pixel', 'Facebook Ads', true, { pixelId: '1234567890' });
	destination('amplitude', mobile, 'amplitude', 'Amplitude', false, { trackAllPages: false });
	destination('salesforce', backend, 'salesforce', 'Salesforce', true, { instanceUrl: 'https://example.my.salesforce.com' });
}

function seedEu(state, ws) {
	addLabels(ws, [['platform', 'web'], ['category', 'analytics']]);
	add(state, ws, 'warehouses', 'snowflake', {
		metadataId: metadataId(state, 'warehouses', 'snowflake'),
		name: 'EU Snowflake Warehouse',
		enabled: true,
		settings: { account: 'my_snowflake_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', schema: 'PUBLIC', username: 'user', role: 'SYSADMIN' },
	});
	const website = add(state, ws, 'sources', 'website', {
		slug: 'eu_website', name: 'EU Website', enabled: true, metadataId: metadataId(state, 'sources', 'javascript'),
	});
	tag(website, [['platform', 'web'], ['category', 'analytics']]);
	add(state, ws, 'destinations', 'mixpanel', {
		sourceId: website.id, metadataId: metadataId(state, 'destinations', 'mixpanel'), name: 'Mixpanel', enabled: true, settings: { euResidency: true },
	});
}

function seedDemoData(state) {
	seedUs(state, state.workspaces.us);
	seedEu(state, state.workspaces.eu);
}

module.exports = { seedDemoData };
