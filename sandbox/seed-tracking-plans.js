'use strict';
// The main demo's tracking plan (Segment Protocols): what the website may send, validated on the
// "Website Analytics" source. Its id is derived from the workspace, like every demo id.
const { protocolsApi } = require('./protocols-api');

const object = (properties, required) => ({ type: 'object', properties, required });
// A rule's schema: JSON Schema draft 7 over the whole call (its properties, or its traits).
const rule = (part, properties, required) => ({ $schema: 'http://json-schema.org/draft-07/schema#', ...object({ [part]: object(properties, required) }, part === 'traits' ? [] : [part]) });

const DEMO_RULES = [
	{ type: 'TRACK', key: 'Order Completed', version: 1, jsonSchema: rule('properties', { order_id: { type: 'string' }, total: { type: 'number' } }, ['order_id', 'total']) },
	{ type: 'TRACK', key: 'Product Viewed', version: 1, jsonSchema: rule('properties', { product_id: { type: 'string' } }, ['product_id']) },
	{ type: 'IDENTIFY', version: 1, jsonSchema: rule('traits', { email: { type: 'string', format: 'email' } }, []) },
];

function seedTrackingPlan(ws, website) {
	protocolsApi(() => ws).addTrackingPlan({
		key: 'website',
		name: 'Website Tracking Plan',
		type: 'LIVE',
		description: 'Events the website may send',
		rules: DEMO_RULES,
		sourceIds: [website.id],
	});
}

module.exports = { seedTrackingPlan, DEMO_RULES };
