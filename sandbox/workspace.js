'use strict';
// One Segment workspace (the sandbox has one per region): its entities, its labels
// and the index of source slugs, which Segment keeps unique per workspace.
const { Collection } = require('./collection');
const { stableId } = require('./ids');

const RESOURCES = ['warehouses', 'sources', 'destinations'];

class Workspace {
	constructor(region) {
		this.region = region;
		this.id = stableId(`workspace:${region}`, 22);
		this.warehouses = new Collection();
		this.sources = new Collection();
		this.destinations = new Collection();
		this.labels = [];
		this.labelKeys = new Set();
		this.slugs = new Map();
	}

	clear() {
		for (const resource of RESOURCES) this[resource].clear();
		this.labels = [];
		this.labelKeys = new Set();
		this.slugs = new Map();
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

module.exports = { Workspace, RESOURCES, labelKey, assertResource, assertRegion };
