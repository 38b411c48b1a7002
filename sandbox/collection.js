'use strict';
// Entities of one resource in creation order. Rows carry an increasing sequence number,
// so a page starts with a binary search and reading it costs O(page), whatever the total.
// Deleted rows stay as tombstones until they are the majority, then the array is compacted.

class Collection {
	constructor() {
		this.clear();
	}

	clear() {
		this.rows = [];
		this.byId = new Map();
		this.nextSeq = 1;
		this.dead = 0;
	}

	get size() {
		return this.byId.size;
	}

	insert(record) {
		record.seq = this.nextSeq++;
		this.rows.push(record);
		this.byId.set(record.id, record);
		return record;
	}

	get(id) {
		return this.byId.get(id);
	}

	// Gives a record a new id, keeping its place in the order.
	rekey(id, newId) {
		const record = this.byId.get(id);
		if (!record || this.byId.has(newId)) return undefined;
		this.byId.delete(id);
		record.id = newId;
		this.byId.set(newId, record);
		return record;
	}

	remove(id) {
		const record = this.byId.get(id);
		if (!record) return undefined;
		this.byId.delete(id);
		record.deleted = true;
		this.dead++;
		if (this.dead > 64 && this.dead * 2 > this.rows.length) this.compact();
		return record;
	}

	compact() {
		this.rows = this.rows.filter((row) => !row.deleted);
		this.dead = 0;
	}

	// First index whose seq is >= seq.
	indexFrom(seq) {
		let low = 0;
		let high = this.rows.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.rows[mid].seq < seq) low = mid + 1;
			else high = mid;
		}
		return low;
	}

	// Up to count live records from seq on, and the seq where the next page starts (or null).
	page(fromSeq, count) {
		const items = [];
		let i = this.indexFrom(fromSeq);
		for (; i < this.rows.length && items.length < count; i++) {
			if (!this.rows[i].deleted) items.push(this.rows[i]);
		}
		while (i < this.rows.length && this.rows[i].deleted) i++;
		return { items, nextSeq: i < this.rows.length ? this.rows[i].seq : null };
	}

	all() {
		return this.rows.filter((row) => !row.deleted);
	}
}

module.exports = { Collection };
