'use strict';
// "Google Analytics 4 Cloud": an Actions destination without presets (every mapping is made by
// hand), whose actions have several required fields, a few of them without a default.
const { field, action, path } = require('./build');

const SLUG = 'actions-google-analytics-4';

const clientId = field('client_id', 'Client ID', 'STRING', 'Uniquely identifies a user instance of a web client.', { required: true, defaultValue: path('$.anonymousId') });
const userId = field('user_id', 'User ID', 'STRING', 'A unique identifier for a user.', { defaultValue: path('$.userId') });
const timestamp = field('timestamp_micros', 'Timestamp', 'DATETIME', 'When the event happened; GA4 takes it in microseconds.', { defaultValue: path('$.timestamp') });
const currency = (required) => field('currency', 'Currency', 'STRING', 'Currency of the items, in 3-letter ISO 4217 format.', { required, defaultValue: path('$.properties.currency'), placeholder: 'USD' });
const value = field('value', 'Value', 'NUMBER', 'The monetary value of the event.', { defaultValue: path('$.properties.total') });
const items = (required) => field('items', 'Items', 'OBJECT', 'The list of products in the event.', {
	required,
	multiple: true,
	defaultValue: { '@arrayPath': ['$.properties.products', { item_id: path('$.product_id'), item_name: path('$.name'), price: path('$.price'), quantity: path('$.quantity') }] },
});
const params = field('params', 'Event Parameters', 'OBJECT', 'Any additional parameters to send with the event.');
const userProperties = field('user_properties', 'User Properties', 'OBJECT', 'The user properties to send to Google Analytics 4.');
const engagement = field('engagement_time_msec', 'Engagement Time in Milliseconds', 'NUMBER', 'The amount of time the user was engaged, in milliseconds.', { defaultValue: 1 });

const actions = [
	action(SLUG, 'purchase', 'Purchase', 'Send an event when a user completes a purchase.', {
		defaultTrigger: 'type = "track" and event = "Order Completed"',
		fields: [
			clientId, userId, timestamp,
			field('transaction_id', 'Order Id', 'STRING', 'The unique identifier of a transaction.', { required: true, defaultValue: path('$.properties.order_id') }),
			currency(true), value,
			field('affiliation', 'Affiliation', 'STRING', 'Store or affiliation from which this transaction occurred.', { defaultValue: path('$.properties.affiliation') }),
			field('coupon', 'Coupon', 'STRING', 'Coupon code used for a purchase.', { defaultValue: path('$.properties.coupon') }),
			field('shipping', 'Shipping', 'NUMBER', 'Shipping cost associated with a transaction.', { defaultValue: path('$.properties.shipping') }),
			field('tax', 'Tax', 'NUMBER', 'Total tax associated with the transaction.', { defaultValue: path('$.properties.tax') }),
			items(true), params, userProperties, engagement,
		],
	}),
	action(SLUG, 'addToCart', 'Add to Cart', 'Send an event when a user adds items to a cart.', {
		defaultTrigger: 'type = "track" and event = "Product Added"',
		fields: [clientId, userId, timestamp, currency(false), value, items(true), params, userProperties, engagement],
	}),
	action(SLUG, 'customEvent', 'Custom Event', 'Send any custom event, named as you choose.', {
		// No default trigger: a custom event fires on whatever the mapping says.
		defaultTrigger: null,
		fields: [
			clientId, userId, timestamp,
			field('name', 'Event Name', 'STRING', 'The unique name of the custom event created in GA4.', { required: true }),
			field('lowercase', 'Lowercase Event Name', 'BOOLEAN', 'If true, the event name is sent in lower case.', { defaultValue: false }),
			params, userProperties, engagement,
		],
	}),
	action(SLUG, 'pageView', 'Page View', 'Send a page view event.', {
		defaultTrigger: 'type = "page"',
		fields: [
			clientId, userId, timestamp,
			field('page_location', 'Page Location', 'STRING', 'The current page URL.', { defaultValue: path('$.context.page.url') }),
			field('page_referrer', 'Page Referrer', 'STRING', 'The previous page URL.', { defaultValue: path('$.context.page.referrer') }),
			field('page_title', 'Page Title', 'STRING', 'The current page title.', { defaultValue: path('$.context.page.title') }),
			params, userProperties, engagement,
		],
	}),
	action(SLUG, 'signUp', 'Sign Up', 'Send an event when a user signs up, to measure the popularity of each sign-up method.', {
		defaultTrigger: 'type = "track" and event = "Signed Up"',
		fields: [
			clientId, userId, timestamp,
			field('method', 'Method', 'STRING', 'The method used for sign up.', { defaultValue: path('$.properties.type'), choices: null }),
			params, userProperties, engagement,
		],
	}),
];

module.exports = {
	slug: SLUG,
	name: 'Google Analytics 4 Cloud',
	categories: ['Analytics'],
	supportedPlatforms: { browser: false, server: true, mobile: false },
	website: 'https://marketingplatform.google.com/about/analytics/',
	description: 'Sends events to Google Analytics 4 from Segment\'s servers (Measurement Protocol).',
	previousNames: ['Actions Google Analytic 4', 'Google Analytics 4 Cloud'],
	actions,
	presets: [],
};
