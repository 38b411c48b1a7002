'use strict';
// Demo data of the demo's other Paragon credentials (demo-users.js), small and distinct so a
// workflow acting for several users shows whose workspace answered: the default user's second
// Segment account and two customers. Keyed by credential id (seed.js picks them).
const { addLabels, warehouse, source, destination, reports } = require('./seed-helpers');
const { CREDENTIALS } = require('./demo-users');

// sandbox-user's second Segment account: a marketing team's workspace, no warehouse.
function seedSandboxSecond(state, { us }) {
	addLabels(us, [['platform', 'web'], ['category', 'marketing']]);
	const site = source(state, us, 'marketing-site', {
		slug: 'marketing_site', name: 'Marketing Site', catalog: 'javascript', warehouses: [], labels: [['platform', 'web'], ['category', 'marketing']],
	});
	destination(state, us, 'hubspot', { from: site, slug: 'hubspot', name: 'HubSpot', settings: { portalId: '4455667' } });
}

function seedAcme(state, { us }, now) {
	addLabels(us, [['platform', 'web'], ['platform', 'mobile'], ['category', 'analytics'], ['category', 'marketing']]);
	const redshift = warehouse(state, us, 'redshift', 'redshift', 'Acme Redshift', {
		hostname: 'acme.redshift.amazonaws.com', port: '5439', database: 'acme_events', username: 'acme', password: 'acme-demo-password',
	});
	const storefront = source(state, us, 'storefront', {
		slug: 'acme_storefront', name: 'Acme Storefront', catalog: 'javascript', warehouses: [redshift], labels: [['platform', 'web'], ['category', 'analytics']],
	});
	const ios = source(state, us, 'ios', {
		slug: 'acme_ios', name: 'Acme iOS App', catalog: 'ios', warehouses: [], labels: [['platform', 'mobile'], ['category', 'marketing']],
	});
	destination(state, us, 'braze', { from: ios, slug: 'braze', name: 'Acme Braze', settings: { appGroup: 'acme-ios' } });
	reports(us, redshift, now, [[storefront, 'SUCCESS', 1]]);
}

// Globex keeps its warehouse in the EU.
function seedGlobex(state, { us, eu }, now) {
	addLabels(us, [['platform', 'server'], ['category', 'crm']]);
	const backend = source(state, us, 'backend', {
		slug: 'globex_backend', name: 'Globex Backend', catalog: 'node', warehouses: [], labels: [['platform', 'server'], ['category', 'crm']],
	});
	destination(state, us, 'salesforce', { from: backend, slug: 'salesforce', name: 'Globex Salesforce', settings: { instanceUrl: 'https://globex.my.salesforce.com' } });

	addLabels(eu, [['platform', 'web'], ['category', 'analytics']]);
	const bigquery = warehouse(state, eu, 'bigquery', 'bigquery', 'Globex EU BigQuery', {
		'gc-project': 'globex-eu', location: 'EU', credentials: '{"type":"service_account","project_id":"globex-eu"}',
	});
	const website = source(state, eu, 'website', {
		slug: 'globex_eu_website', name: 'Globex EU Website', catalog: 'javascript', warehouses: [bigquery], labels: [['platform', 'web'], ['category', 'analytics']],
	});
	const quotaNotice = { notices: [{ level: 'ERROR', message: 'Load failed: BigQuery quota exceeded for project globex-eu' }] };
	reports(eu, bigquery, now, [[website, 'SUCCESS', 2], [website, 'FAILED', 26, quotaNotice]]);
}

// Credential id -> (state, {us, eu} workspaces, now) => void.
const DEMO_DATA = {
	[CREDENTIALS.sandboxSecond]: seedSandboxSecond,
	[CREDENTIALS.acme]: seedAcme,
	[CREDENTIALS.globex]: seedGlobex,
};

module.exports = { CUSTOMER_DEMO_DATA: DEMO_DATA };
