'use strict';
// Counts per minute for keys of named dimensions (a source's events, a destination's deliveries):
// what GET /events/volume, the delivery overview and the delivery metrics add up. Tests set or
// generate them through the module API; nothing here knows HTTP.

const MINUTE_MS = 60 * 1000;

function floorTo(ms, step) {
	return Math.floor(ms / step) * step;
}

class SeriesStore {
	// dimensions: the names that make a key, in order, e.g. ['sourceId', 'eventName', 'eventType'].
	constructor(dimensions) {
		this.dimensions = dimensions;
		this.clear();
	}

	clear() {
		this.keys = new Map();
	}

	keyOf(dims) {
		return JSON.stringify(this.dimensions.map((name) => (dims[name] === undefined ? null : dims[name])));
	}

	// The entries whose dimensions match every given (non-undefined) value of `where`.
	matching(where) {
		const given = Object.entries(where).filter(([, value]) => value !== undefined);
		return [...this.keys.values()].filter((entry) => given.every(([name, value]) => entry.dims[name] === value));
	}

	// Sets the count of every minute in [from, to) of one key; returns how many minutes were set.
	set(dims, fromMs, toMs, perMinute) {
		const key = this.keyOf(dims);
		let entry = this.keys.get(key);
		if (!entry) {
			const stored = {};
			for (const name of this.dimensions) stored[name] = dims[name] === undefined ? null : dims[name];
			this.keys.set(key, (entry = { dims: stored, minutes: new Map() }));
		}
		let count = 0;
		for (let minute = floorTo(fromMs, MINUTE_MS); minute < toMs; minute += MINUTE_MS, count++) entry.minutes.set(minute, perMinute);
		return count;
	}
}

/**
 * Adds up entries into groups over [startMs, endMs) in buckets of stepMs: one group per distinct
 * value of the `groupBy` dimensions (one group in all when there are none). Each group:
 * { dims (its groupBy values), total, series: [{time (ms), count}] } with a point for every bucket;
 * a group is there when one of its entries has a minute in the window (a count of 0 included).
 */
function aggregate(entries, { startMs, endMs, stepMs, groupBy, alwaysOne = false }) {
	const first = floorTo(startMs, stepMs);
	const bucketCount = Math.max(0, Math.ceil((endMs - first) / stepMs));
	const groups = new Map();
	const groupFor = (dims) => {
		const key = JSON.stringify(groupBy.map((name) => dims[name]));
		let group = groups.get(key);
		if (!group) {
			const picked = {};
			for (const name of groupBy) picked[name] = dims[name];
			groups.set(key, (group = { dims: picked, total: 0, counts: new Array(bucketCount).fill(0) }));
		}
		return group;
	};
	if (alwaysOne) groupFor({});
	for (const entry of entries) {
		let group = null;
		for (const [minute, count] of entry.minutes) {
			if (minute < startMs || minute >= endMs) continue;
			group = group || groupFor(entry.dims);
			group.counts[Math.floor((minute - first) / stepMs)] += count;
			group.total += count;
		}
	}
	return [...groups.values()].map((group) => ({
		dims: group.dims,
		total: group.total,
		series: group.counts.map((count, i) => ({ time: first + i * stepMs, count })),
	}));
}

module.exports = { SeriesStore, aggregate, floorTo, MINUTE_MS };
