'use strict';
// The catalog entries the sandbox knows, in the shape Segment's catalog endpoints return
// after catalogs.js fills ids, logos and defaults. Categories and platforms follow Segment's.
// Classic destinations have no actions; the Actions destinations (catalog-actions/) have
// actions and presets, and send only what their mappings say.
const ga4Cloud = require('./catalog-actions/ga4');
const amplitudeActions = require('./catalog-actions/amplitude');

function option(name, type, required, description, extra = {}) {
	const entry = { name, type, description, required, label: extra.label || name };
	if (extra.defaultValue !== undefined) entry.defaultValue = extra.defaultValue;
	return entry;
}

// Warehouse options as Segment's catalog lists them: the schema of a warehouse's settings
// (Redshift says hostname, a port is text, BigQuery's project is gc-project).
// `ciphertext` is Segment-internal: listed by some entries, never required.
const text = (name, required, description, extra) => option(name, 'string', required, description, extra);
const secret = (name, description) => option(name, 'password', true, description);
const ciphertext = option('ciphertext', 'string', false, 'Segment-internal: the encrypted form of the secret settings.');

const warehouses = [
	{
		slug: 'redshift',
		name: 'Redshift',
		description: 'Amazon Redshift is a fast, fully managed, petabyte-scale data warehouse.',
		options: [
			text('hostname', true, 'The hostname of your Redshift cluster.', { label: 'Host Name' }),
			text('port', true, 'The port of your Redshift cluster.', { defaultValue: '5439', label: 'Port' }),
			text('database', true, 'The database Segment loads into.', { label: 'Database Name' }),
			text('username', true, 'The user Segment connects as.', { label: 'Username' }),
			secret('password', 'The password of that user.'),
			ciphertext,
		],
	},
	{
		slug: 'bigquery',
		name: 'BigQuery',
		description: 'Google BigQuery is a serverless, highly scalable data warehouse.',
		options: [
			text('gc-project', true, 'The Google Cloud project that holds the dataset.', { label: 'Project' }),
			text('location', false, 'Where the dataset lives, e.g. US or EU.', { defaultValue: 'US', label: 'Location' }),
			secret('credentials', 'The JSON key of a service account.'),
		],
	},
	{
		slug: 'snowflake',
		name: 'Snowflake',
		description: 'Snowflake is a cloud data platform.',
		options: [
			text('account', true, 'Your Snowflake account identifier.'),
			text('warehouse', true, 'The virtual warehouse that runs the loads.'),
			text('database', true, 'The database Segment loads into.'),
			text('username', true, 'The user Segment connects as.'),
			secret('password', 'The password of that user.'),
			text('role', false, 'The role Segment uses.'),
		],
	},
	{
		slug: 'postgres',
		name: 'Postgres',
		description: 'PostgreSQL is an open-source relational database.',
		options: [
			text('hostname', true, 'The hostname of your database.'),
			text('port', true, 'The port of your database.', { defaultValue: '5432' }),
			text('database', true, 'The database Segment loads into.'),
			text('username', true, 'The user Segment connects as.'),
			secret('password', 'The password of that user.'),
			option('ssl', 'boolean', false, 'Connect over TLS.', { defaultValue: true }),
			ciphertext,
		],
	},
	{
		slug: 'databricks',
		name: 'Databricks',
		description: 'The Databricks Data Intelligence Platform (Delta Lake).',
		options: [
			text('workspaceUrl', true, 'The URL of your Databricks workspace, without https://.'),
			text('httpPath', true, 'The HTTP path of the SQL warehouse.'),
			text('catalog', true, 'The Unity Catalog that Segment writes to.'),
			secret('token', 'A personal access token of the service principal.'),
			option('port', 'number', false, 'The port of the SQL warehouse.', { defaultValue: 443 }),
		],
	},
	{
		slug: 'azuresqldw',
		name: 'Azure Synapse Analytics',
		description: 'Azure Synapse Analytics (formerly Azure SQL Data Warehouse).',
		options: [
			text('hostname', true, 'The server name of your dedicated SQL pool.'),
			text('port', true, 'The port of the server.', { defaultValue: '1433' }),
			text('database', true, 'The database Segment loads into.'),
			text('username', true, 'The user Segment connects as.'),
			secret('password', 'The password of that user.'),
		],
	},
];

function source(slug, name, categories, description, isCloudEventSource = false) {
	return { slug, name, categories, description, options: [], isCloudEventSource };
}

const sources = [
	source('javascript', 'Javascript', ['Website'], 'Analytics.js, the JavaScript library for websites.'),
	source('react-native', 'React Native', ['Mobile'], 'The React Native library for iOS and Android apps.'),
	source('http-api', 'HTTP API', ['Server'], 'Send data to Segment from any language over HTTP.'),
	source('ios', 'iOS', ['Mobile'], 'The Swift library for iOS apps.'),
	source('android', 'Android', ['Mobile'], 'The Kotlin library for Android apps.'),
	source('flutter', 'Flutter', ['Mobile'], 'The Flutter library for mobile apps.'),
	source('amp', 'AMP', ['Website'], 'Segment for Accelerated Mobile Pages.'),
	source('node', 'Node.js', ['Server'], 'The Node.js library for server-side tracking.'),
	source('python', 'Python', ['Server'], 'The Python library for server-side tracking.'),
	source('go', 'Go', ['Server'], 'The Go library for server-side tracking.'),
	source('java', 'Java', ['Server'], 'The Java library for server-side tracking.'),
	source('php', 'PHP', ['Server'], 'The PHP library for server-side tracking.'),
	source('ruby', 'Ruby', ['Server'], 'The Ruby library for server-side tracking.'),
	source('stripe', 'Stripe', ['Payments'], 'Imports your Stripe objects into your warehouse.'),
	source('zendesk', 'Zendesk', ['Helpdesk'], 'Imports your Zendesk tickets and users.'),
	source('customer-io', 'Customer.io', ['Email Marketing'], 'Streams Customer.io email events.', true),
	// Warehouse sources: what Reverse ETL models read from (their rows go to destinations).
	source('snowflake', 'Snowflake', ['Warehouse'], 'Reverse ETL: sends the rows of models over your Snowflake warehouse to destinations.'),
	source('bigquery', 'BigQuery', ['Warehouse'], 'Reverse ETL: sends the rows of models over your BigQuery warehouse to destinations.'),
	source('redshift', 'Redshift', ['Warehouse'], 'Reverse ETL: sends the rows of models over your Redshift warehouse to destinations.'),
	source('postgres', 'Postgres', ['Warehouse'], 'Reverse ETL: sends the rows of models over your Postgres database to destinations.'),
	source('databricks', 'Databricks', ['Warehouse'], 'Reverse ETL: sends the rows of models over your Databricks warehouse to destinations.'),
];

const ALL = { browser: true, server: true, mobile: true };
const BROWSER = { browser: true, server: false, mobile: false };
const SERVER = { browser: false, server: true, mobile: false };
const WEB_SERVER = { browser: true, server: true, mobile: false };

function destination(slug, name, categories, supportedPlatforms, website, description) {
	return { slug, name, categories, supportedPlatforms, website, description };
}

const destinations = [
	destination('google-analytics', 'Google Analytics', ['Analytics'], ALL, 'https://marketingplatform.google.com/about/analytics/', 'Web and app analytics from Google.'),
	destination('facebook-pixel', 'Facebook Pixel', ['Advertising'], BROWSER, 'https://www.facebook.com/business/learn/facebook-ads-pixel', 'Measures the actions people take on your website after seeing your ads.'),
	destination('amplitude', 'Amplitude', ['Analytics'], ALL, 'https://amplitude.com', 'Product analytics for web and mobile.'),
	destination('mixpanel', 'Mixpanel', ['Analytics'], ALL, 'https://mixpanel.com', 'Event analytics for product teams.'),
	destination('hubspot', 'HubSpot', ['CRM', 'Marketing Automation'], WEB_SERVER, 'https://www.hubspot.com', 'Inbound marketing and CRM.'),
	destination('salesforce', 'Salesforce', ['CRM'], SERVER, 'https://www.salesforce.com', 'Customer relationship management.'),
	destination('intercom', 'Intercom', ['Customer Success'], ALL, 'https://www.intercom.com', 'Customer messaging and support.'),
	destination('customer-io', 'Customer.io', ['Email Marketing', 'Marketing Automation'], ALL, 'https://customer.io', 'Automated messages based on behaviour.'),
	destination('braze', 'Braze', ['Marketing Automation', 'Email Marketing'], ALL, 'https://www.braze.com', 'Customer engagement across channels.'),
	destination('mailchimp', 'Mailchimp', ['Email Marketing'], WEB_SERVER, 'https://mailchimp.com', 'Email marketing and audiences.'),
	destination('google-ads-conversions', 'Google Ads Conversions', ['Advertising'], SERVER, 'https://ads.google.com', 'Uploads offline conversions to Google Ads.'),
	destination('webhooks', 'Webhooks', ['Raw Data'], ALL, 'https://segment.com/docs/connections/destinations/catalog/webhooks/', 'Sends every event to URLs you choose.'),
	destination('slack', 'Slack', ['Raw Data'], ALL, 'https://slack.com', 'Posts chosen events to a Slack channel.'),
	ga4Cloud,
	amplitudeActions,
];

module.exports = { warehouses, sources, destinations };
