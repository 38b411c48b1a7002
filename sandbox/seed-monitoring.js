'use strict';
// The main demo's monitoring data, relative to the seeding time: event volume of the last 48
// hours, in which Mobile App went quiet 2 hours ago; deliveries, in which Salesforce has failed
// every event for the last 3 hours; and an audit trail of people's changes over two days.
const { addAuditEvents } = require('./audit');
const { setEventVolume, setDeliveryCounts } = require('./monitoring-data');

const HOUR_MS = 3600 * 1000;
const HISTORY_MS = 48 * HOUR_MS;

function volume(ws, source, eventName, eventType, perMinute, now, { quietSinceMs } = {}) {
	const from = now - HISTORY_MS;
	setEventVolume(ws, { sourceId: source.id, eventName, eventType, from, to: quietSinceMs ? now - quietSinceMs : now, perMinute });
	if (quietSinceMs) setEventVolume(ws, { sourceId: source.id, eventName, eventType, from: now - quietSinceMs, to: now, perMinute: 0 });
}

function delivered(ws, destination, perMinute, now, from = now - HISTORY_MS, to = now) {
	setDeliveryCounts(ws, { step: 'successful-delivery', destinationId: destination.id, eventName: 'Order Completed', eventType: 'track', from, to, perMinute });
}

// us: { website, mobile, backend, googleAnalytics, facebook, salesforce, amplitude, staging }
function seedUsMonitoring(ws, us, now) {
	volume(ws, us.website, 'Page Viewed', 'page', 40, now);
	volume(ws, us.website, 'Product Viewed', 'track', 12, now);
	volume(ws, us.website, 'Order Completed', 'track', 3, now);
	volume(ws, us.mobile, 'Application Opened', 'track', 15, now, { quietSinceMs: 2 * HOUR_MS });
	volume(ws, us.backend, 'Order Completed', 'track', 4, now);
	volume(ws, us.backend, 'Subscription Renewed', 'track', 1, now);
	delivered(ws, us.googleAnalytics, 3, now);
	delivered(ws, us.facebook, 3, now);
	// Salesforce delivered until 3 hours ago, then its token was revoked.
	delivered(ws, us.salesforce, 4, now, now - HISTORY_MS, now - 3 * HOUR_MS);
	delivered(ws, us.salesforce, 0, now, now - 3 * HOUR_MS, now);
	setDeliveryCounts(ws, { step: 'failed-delivery', destinationId: us.salesforce.id, eventName: 'Order Completed', eventType: 'track', discardReason: 'Unauthorized', from: now - 3 * HOUR_MS, to: now, perMinute: 4 });
	setDeliveryCounts(ws, { step: 'filtered-at-source', sourceId: us.website.id, eventName: 'Product Viewed', eventType: 'track', discardReason: 'Blocked by Tracking Plan', from: now - HISTORY_MS, to: now, perMinute: 1 });
	const at = (hoursAgo) => new Date(now - hoursAgo * HOUR_MS).toISOString();
	const jane = { actor: 'Jane Doe', actorEmail: 'jane.doe@example.com' };
	const tom = { actor: 'Tom Lee', actorEmail: 'tom.lee@example.com' };
	addAuditEvents(ws, [
		{ ...tom, timestamp: at(30), type: 'Warehouses Created', resourceType: 'warehouse', resourceId: us.staging.id, resourceName: 'Staging Postgres' },
		{ ...jane, timestamp: at(20), type: 'Source Modified', resourceType: 'source', resourceId: us.mobile.id, resourceName: 'Mobile App' },
		{ ...jane, timestamp: at(6), type: 'Integrations Disabled', resourceType: 'destination', resourceId: us.amplitude.id, resourceName: 'Amplitude' },
		{ ...tom, timestamp: at(3.1), type: 'Integrations Modified', resourceType: 'destination', resourceId: us.salesforce.id, resourceName: 'Salesforce' },
	]);
}

function seedEuMonitoring(ws, website, now) {
	volume(ws, website, 'Page Viewed', 'page', 20, now);
}

module.exports = { seedUsMonitoring, seedEuMonitoring };
