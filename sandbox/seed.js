'use strict';
// Demo data in the spirit of the user's description (the default user's default credential),
// with connections, sync reports and one warehouse that cannot be reached; the other demo
// credentials get theirs from seed-customers.js. Ids are derived from names, so they are the
// same every run; sync report times are relative to the seeding time.
const { addLabels, warehouse, source, destination: addDestination, reports } = require('./seed-helpers');
const { CUSTOMER_DEMO_DATA } = require('./seed-customers');
const { CREDENTIALS } = require('./demo-users');
const { seedUsMonitoring, seedEuMonitoring } = require('./seed-monitoring');
const { seedTrackingPlan } = require('./seed-tracking-plans');
const { seedRegulations } = require('./seed-regulations');
const { seedReverseEtl } = require('./seed-reverse-etl');

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
	const destination = (key, from, slug, name, enabled, settings) => addDestination(state, ws, key, { from, slug, name, enabled, settings });
	const googleAnalytics = destination('google-analytics', website, 'google-analytics', 'Google Analytics', true, { trackingId: 'UA-12345678-1', anonymizeIp: true });
	const facebook = destination('facebook-pixel', website, 'facebook-pixel', 'Facebook Ads', true, { pixelId: '1234567890' });
	const amplitude = destination('amplitude', mobile, 'amplitude', 'Amplitude', false, { trackAllPages: false });
	const salesforce = destination('salesforce', backend, 'salesforce', 'Salesforce', true, { instanceUrl: 'https://example.my.salesforce.com' });
	seedUsMonitoring(ws, { website, mobile, backend, googleAnalytics, facebook, amplitude, salesforce, staging }, now);
	const failedLoad = { notices: [{ level: 'ERROR', message: 'Load failed: permission denied for schema website_analytics' }] };
	reports(ws, redshift, now, [[website, 'SUCCESS', 2], [mobile, 'SUCCESS', 3], [website, 'FAILED', 14, failedLoad]]);
	reports(ws, bigquery, now, [[backend, 'IN_PROGRESS', 0.25], [website, 'SUCCESS', 5]]);
	reports(ws, staging, now, [[backend, 'FAILED', 1, { notices: [{ level: 'ERROR', message: 'Could not connect to unreachable.staging.internal:5432' }] }]]);
	seedTrackingPlan(ws, website);
	seedRegulations(ws, now, { website, salesforce });
	seedReverseEtl(state, ws, now);
}

function seedEu(state, ws, now) {
	addLabels(ws, [['platform', 'web'], ['category', 'analytics']]);
	const snowflake = warehouse(state, ws, 'snowflake', 'snowflake', 'EU Snowflake Warehouse', {
		account: 'my_snowflake_account', warehouse: 'COMPUTE_WH', database: 'ANALYTICS_DB', username: 'user', password: 'demo-password', role: 'SYSADMIN',
	});
	const website = source(state, ws, 'website', {
		slug: 'eu_website', name: 'EU Website', catalog: 'javascript', warehouses: [snowflake], labels: [['platform', 'web'], ['category', 'analytics']],
	});
	addDestination(state, ws, 'mixpanel', { from: website, slug: 'mixpanel', name: 'Mixpanel', settings: { euResidency: true } });
	seedEuMonitoring(ws, website, now);
	reports(ws, snowflake, now, [[website, 'SUCCESS', 4]]);
}

function seedMain(state, { us, eu }, now) {
	seedUs(state, us, now);
	seedEu(state, eu, now);
}

const DEMO_DATA = { [CREDENTIALS.sandboxDefault]: seedMain, ...CUSTOMER_DEMO_DATA };
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// Each demo credential gets its own data; the first connected credential gets the main demo
// data when it has none of its own (a sandbox with other user ids still shows the demo).
function seedDemoData(state, now = Date.now()) {
	state.users.credentials().forEach((credential, index) => {
		const seed = has(DEMO_DATA, credential.id) ? DEMO_DATA[credential.id] : index === 0 ? seedMain : null;
		if (seed) seed(state, credential.workspaces, now);
	});
}

module.exports = { seedDemoData };
