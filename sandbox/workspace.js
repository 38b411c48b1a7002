'use strict';
// One Segment workspace (each Paragon credential of a connected user has one per region): its
// entities, its labels, the index of source slugs (Segment keeps them unique per workspace), the
// warehouse-source connections, each warehouse's sync reports, each destination's filters and
// mappings (subscriptions), its Protocols (tracking plans), its Reverse ETL models and syncs, and
// the Segment features the workspace has, the connection states a test set (sb.setConnectionState)
// over what the settings say; what it is monitored by: its audit trail, event volume and delivery counts per minute.
const { Collection } = require('./collection');
const { SeriesStore } = require('./series');
const { Connections } = require('./connections');
const { Protocols } = require('./protocols');
const { ReverseEtl } = require('./reverse-etl');
const { stableId } = require('./ids');
const { RegulationBook } = require('./segment/regulation-book');

const RESOURCES = ['warehouses', 'sources', 'destinations'];
// What an event-volume count and a delivery count are kept by (series.js).
const EVENT_DIMENSIONS = ['sourceId', 'eventName', 'eventType', 'appVersion'];
const DELIVERY_DIMENSIONS = ['step', 'sourceId', 'destinationId', 'eventName', 'eventType', 'discardReason', 'appVersion'];

class Workspace {
	// key names the workspace in derived ids (its own id, demo ids): the default user's default
	// credential uses the bare region, so its ids are those the sandbox always had.
	constructor(region, key = region, { userId = null, credentialId = null } = {}) {
		this.region = region;
		this.key = key;
		this.userId = userId;
		this.credentialId = credentialId;
		this.id = stableId(`workspace:${key}`, 22);
		// GET / answers {id, slug, name}: the first credential's keeps the sandbox's own name.
		this.name = key === region ? `Sandbox Workspace ${region.toUpperCase()}` : `${userId} ${credentialId} ${region.toUpperCase()}`;
		this.slug = this.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
		this.warehouses = new Collection();
		this.sources = new Collection();
		this.destinations = new Collection();
		this.connections = new Connections();
		this.clear();
	}

	// For error messages of the module API: which workspace was meant.
	get description() {
		return this.userId === null ? `${this.region} workspace` : `${this.region} workspace of ${this.userId} (credential ${this.credentialId})`;
	}

	clear() {
		for (const resource of RESOURCES) this[resource].clear();
		this.labels = [];
		this.labelKeys = new Set();
		this.slugs = new Map();
		this.connections.clear();
		this.syncReports = new Map();
		this.connectionStates = new Map();
		this.filters = new Map();
		// Oldest first (audit.js keeps the order); GET /audit-events answers newest first.
		this.auditEvents = [];
		this.eventVolume = new SeriesStore(EVENT_DIMENSIONS);
		this.deliveryCounts = new SeriesStore(DELIVERY_DIMENSIONS);
		this.subscriptions = new Map();
		// Segment turns features on per workspace; a test may turn one off (403 on its endpoints).
		this.features = { destinationSubscriptions: true };
		// Tracking plans, their rules and sources; a reset also gives the workspace Protocols back.
		this.protocols = new Protocols();
		// User deletion and suppression: regulations and suppression lists.
		this.regulations = new RegulationBook();
		// Reverse ETL models, their mappings' syncs, and how the next manual syncs end.
		this.reverseEtl = new ReverseEtl();
	}

	// Which sources load into which warehouse.
	connect(warehouseId, sourceId) {
		this.connections.connect(warehouseId, sourceId);
	}

	disconnect(warehouseId, sourceId) {
		this.connections.disconnect(warehouseId, sourceId);
	}

	isConnected(warehouseId, sourceId) {
		return this.connections.has(warehouseId, sourceId);
	}

	// The filters of one destination (a Collection, so their pages cost O(page)).
	filtersOf(destinationId) {
		let filters = this.filters.get(destinationId);
		if (!filters) this.filters.set(destinationId, (filters = new Collection()));
		return filters;
	}

	// The mappings of one destination.
	subscriptionsOf(destinationId) {
		let subscriptions = this.subscriptions.get(destinationId);
		if (!subscriptions) this.subscriptions.set(destinationId, (subscriptions = new Collection()));
		return subscriptions;
	}

	hasLabel(key, value) {
		return this.labelKeys.has(labelKey(key, value));
	}

	addLabel(label) {
		this.labels.push(label);
		this.labelKeys.add(labelKey(label.key, label.value));
	}
}

function labelKey(key, value) {
	return `${key}\u0000${value}`;
}

function assertResource(resource) {
	if (!RESOURCES.includes(resource)) throw new TypeError(`Unknown resource "${resource}" (use ${RESOURCES.join(', ')})`);
}

function assertRegion(region) {
	if (region !== 'us' && region !== 'eu') throw new TypeError(`Unknown region "${region}" (use us or eu)`);
}

const FEATURES = ['destinationSubscriptions'];

function assertFeature(feature) {
	if (!FEATURES.includes(feature)) throw new TypeError(`Unknown feature "${feature}" (use ${FEATURES.join(', ')})`);
}

module.exports = { Workspace, RESOURCES, FEATURES, EVENT_DIMENSIONS, DELIVERY_DIMENSIONS, labelKey, assertResource, assertRegion, assertFeature };
