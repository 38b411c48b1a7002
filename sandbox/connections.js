'use strict';
// Which sources load into which warehouses, in one workspace: a set of (warehouseId, sourceId)
// pairs, indexed both ways so either side's list and deletion stay cheap.

class Connections {
	constructor() {
		this.clear();
	}

	clear() {
		this.byWarehouse = new Map();
		this.bySource = new Map();
	}

	connect(warehouseId, sourceId) {
		add(this.byWarehouse, warehouseId, sourceId);
		add(this.bySource, sourceId, warehouseId);
	}

	disconnect(warehouseId, sourceId) {
		remove(this.byWarehouse, warehouseId, sourceId);
		remove(this.bySource, sourceId, warehouseId);
	}

	has(warehouseId, sourceId) {
		const sources = this.byWarehouse.get(warehouseId);
		return Boolean(sources && sources.has(sourceId));
	}

	sourcesOf(warehouseId) {
		return [...(this.byWarehouse.get(warehouseId) || [])];
	}

	warehousesOf(sourceId) {
		return [...(this.bySource.get(sourceId) || [])];
	}

	removeWarehouse(warehouseId) {
		for (const sourceId of this.sourcesOf(warehouseId)) this.disconnect(warehouseId, sourceId);
	}

	removeSource(sourceId) {
		for (const warehouseId of this.warehousesOf(sourceId)) this.disconnect(warehouseId, sourceId);
	}

	get size() {
		let size = 0;
		for (const set of this.byWarehouse.values()) size += set.size;
		return size;
	}
}

function add(index, key, value) {
	let set = index.get(key);
	if (!set) index.set(key, (set = new Set()));
	set.add(value);
}

function remove(index, key, value) {
	const set = index.get(key);
	if (!set) return;
	set.delete(value);
	if (set.size === 0) index.delete(key);
}

module.exports = { Connections };
