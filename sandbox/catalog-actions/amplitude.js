'use strict';
// "Amplitude (Actions)": an Actions destination with seven presets, so that creating it with its
// presets makes seven mappings (more than Segment's five mapping writes a minute).
const { field, action, preset, path, template } = require('./build');

const SLUG = 'actions-amplitude';

const userId = field('user_id', 'User ID', 'STRING', 'A readable ID specified by you.', { defaultValue: path('$.userId'), allowNull: true });
const deviceId = field('device_id', 'Device ID', 'STRING', 'A device-specific identifier, such as the Identifier for Vendor on iOS.', { defaultValue: path('$.anonymousId') });
const eventType = field('event_type', 'Event Type', 'STRING', 'A unique identifier for your event.', { required: true, defaultValue: path('$.event') });
const time = field('time', 'Timestamp', 'DATETIME', 'The timestamp of the event.', { defaultValue: path('$.timestamp') });
const eventProperties = field('event_properties', 'Event Properties', 'OBJECT', 'An object of key-value pairs that represent data to send along with the event.', { defaultValue: path('$.properties') });
const userProperties = field('user_properties', 'User Properties', 'OBJECT', 'An object of key-value pairs that represent data tied to the user.', { defaultValue: path('$.traits') });
const platform = field('platform', 'Platform', 'STRING', 'Platform of the device.', { defaultValue: path('$.context.device.type') });
const batch = field('use_batch_endpoint', 'Use Batch Endpoint', 'BOOLEAN', 'Whether to send events to Amplitude\'s batch endpoint.', { defaultValue: false });
const minIdLength = field('min_id_length', 'Minimum ID Length', 'INTEGER', 'The minimum length of user_id and device_id; empty: Amplitude\'s default of 5.', { allowNull: true });

const logEvent = action(SLUG, 'logEventV2', 'Log Event V2', 'Send an event to Amplitude.', {
	defaultTrigger: 'type = "track"',
	fields: [userId, deviceId, eventType, time, eventProperties, userProperties, platform, batch, minIdLength],
});
const logPurchase = action(SLUG, 'logPurchase', 'Log Purchase', 'Send an event with its products and revenue to Amplitude.', {
	defaultTrigger: 'type = "track"',
	fields: [
		userId, deviceId, eventType, time, eventProperties, userProperties,
		field('revenue', 'Revenue', 'NUMBER', 'Revenue = price × quantity.', { defaultValue: path('$.properties.revenue') }),
		field('currency', 'Currency', 'STRING', 'The currency of the revenue.', { defaultValue: path('$.properties.currency') }),
		field('products', 'Products', 'OBJECT', 'The products of the purchase.', {
			multiple: true,
			defaultValue: { '@arrayPath': ['$.properties.products', { price: path('price'), quantity: path('quantity'), productId: path('productId') }] },
		}),
		field('trackRevenuePerProduct', 'Track Revenue Per Product', 'BOOLEAN', 'When true, each product is sent as its own revenue event.', { defaultValue: false }),
		batch, minIdLength,
	],
});
const identifyUser = action(SLUG, 'identifyUser', 'Identify User', 'Set the user ID for a device ID, or update user properties.', {
	defaultTrigger: 'type = "identify"',
	fields: [userId, deviceId, userProperties, platform,
		field('paying', 'Is Paying', 'BOOLEAN', 'Whether the user is paying.'),
		minIdLength],
});
const groupIdentifyUser = action(SLUG, 'groupIdentifyUser', 'Group Identify User', 'Set or update properties of a group.', {
	defaultTrigger: 'type = "group"',
	fields: [userId, deviceId,
		field('group_type', 'Group Type', 'STRING', 'The type of the group.', { required: true }),
		field('group_value', 'Group Value', 'STRING', 'The value of the group.', { required: true }),
		field('group_properties', 'Group Properties', 'OBJECT', 'Properties of the group.', { defaultValue: path('$.traits') }),
		time],
});
const mapUser = action(SLUG, 'mapUser', 'Map User', 'Merge two users together that would otherwise have different user IDs.', {
	defaultTrigger: 'type = "alias"',
	fields: [
		field('user_id', 'User ID', 'STRING', 'The user ID to map.', { defaultValue: path('$.previousId') }),
		field('global_user_id', 'Global User ID', 'STRING', 'The global user ID to map to.', { defaultValue: path('$.userId') }),
		minIdLength,
	],
});
const sessionId = action(SLUG, 'sessionId', 'Browser Session Tracking', 'Generates a session ID on the browser and adds it to every event.', {
	platform: 'WEB',
	defaultTrigger: 'type = "track" or type = "identify" or type = "group" or type = "page" or type = "alias"',
	fields: [
		field('sessionLength', 'Session Length', 'NUMBER', 'Minutes of inactivity after which a new session starts.', { defaultValue: 30 }),
		field('allowSessionTracking', 'Allow Session Tracking', 'BOOLEAN', 'Whether session tracking is on.', { defaultValue: true }),
	],
});

const actions = [logEvent, logPurchase, identifyUser, groupIdentifyUser, mapUser, sessionId];

const presets = [
	preset(logEvent, 'Track Calls', 'type = "track" and event != "Order Completed"'),
	preset(logPurchase, 'Order Completed Calls', 'type = "track" and event = "Order Completed"'),
	preset(logEvent, 'Page Calls', 'type = "page"', { event_type: template('Viewed {{name}}'), event_properties: { '@merge': { objects: [path('$.properties'), { page_path: path('$.context.page.path') }], direction: 'right' } } }),
	preset(logEvent, 'Screen Calls', 'type = "screen"', { event_type: template('Viewed {{name}}') }),
	preset(identifyUser, 'Identify Calls', 'type = "identify"'),
	preset(sessionId, 'Browser Session Tracking', sessionId.defaultTrigger),
	preset(mapUser, 'Alias Calls', 'type = "alias"'),
];

module.exports = {
	slug: SLUG,
	name: 'Amplitude (Actions)',
	categories: ['Analytics'],
	supportedPlatforms: { browser: true, server: true, mobile: true },
	website: 'https://amplitude.com',
	description: 'Product analytics for web and mobile, through Segment\'s Actions framework.',
	previousNames: ['Amplitude (Actions)'],
	actions,
	presets,
};
