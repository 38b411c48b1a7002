'use strict';
// Query strings with lists, as Segment's own SDK sends them (qs's "indices" form:
// groupBy[0]=source&groupBy[1]=eventName, filter[eventName][0]=Order%20Completed), and the other
// forms qs and browsers write for a list (groupBy[]=…, groupBy=…&groupBy=…). Scalars and the
// pagination keys may be given once; any other key is refused, as Segment refuses it.
const { badRequest } = require('./answers');
const { canonicalKey, PAGINATION_KEYS } = require('./query');

// name, name[], name[3] -> { name, index } (index null when the key carries none).
const LIST_KEY = /^([A-Za-z]+)(?:\[(\d{0,4})\])?$/;
// filter[eventName], filter[eventName][], filter[eventName][0], filter.eventName
const OBJECT_LIST_KEY = /^([A-Za-z]+)(?:\[([A-Za-z]+)\]|\.([A-Za-z]+))(?:\[(\d{0,4})\])?$/;

function listValue(lists, name, index, value) {
	if (!lists.has(name)) lists.set(name, []);
	lists.get(name).push({ index: index === undefined || index === '' ? Infinity : Number(index), order: lists.get(name).length, value });
}

// Indexed entries in index order, unindexed ones after them in arrival order.
function ordered(entries) {
	return entries.sort((a, b) => a.index - b.index || a.order - b.order).map((entry) => entry.value);
}

/**
 * spec: { scalars: [names], lists: [names], objects: { filter: [list names] } }.
 * Returns { error } or { scalars: {name: value}, lists: {name: [values]}, objects: {filter: {name: [values]}},
 * page: Map of pagination.count / pagination.cursor }.
 */
function readListQuery(params, { scalars = [], lists = [], objects = {} }) {
	const scalarValues = {};
	const page = new Map();
	const listEntries = new Map();
	const objectEntries = new Map();
	for (const [key, value] of params) {
		const canonical = canonicalKey(key);
		if (PAGINATION_KEYS.includes(canonical) || scalars.includes(key)) {
			const target = PAGINATION_KEYS.includes(canonical) ? page : null;
			const name = target ? canonical : key;
			if (target ? page.has(name) : Object.prototype.hasOwnProperty.call(scalarValues, name)) return { error: badRequest(`${name} must be given once`, name) };
			if (target) page.set(name, value);
			else scalarValues[name] = value;
			continue;
		}
		const list = LIST_KEY.exec(key);
		if (list && lists.includes(list[1])) {
			if (value === '') return { error: badRequest(`${list[1]} must not contain an empty value`, list[1]) };
			listValue(listEntries, list[1], list[2], value);
			continue;
		}
		const nested = OBJECT_LIST_KEY.exec(key);
		const sub = nested && (nested[2] || nested[3]);
		if (nested && Object.prototype.hasOwnProperty.call(objects, nested[1]) && objects[nested[1]].includes(sub)) {
			const field = `${nested[1]}.${sub}`;
			if (value === '') return { error: badRequest(`${field} must not contain an empty value`, field) };
			listValue(objectEntries, field, nested[4], value);
			continue;
		}
		return { error: badRequest(`Unknown query parameter: ${key}`, key) };
	}
	const listValues = {};
	for (const [name, entries] of listEntries) listValues[name] = ordered(entries);
	const objectValues = {};
	for (const [field, entries] of objectEntries) {
		const [object, sub] = field.split('.');
		objectValues[object] = { ...(objectValues[object] || {}), [sub]: ordered(entries) };
	}
	return { scalars: scalarValues, lists: listValues, objects: objectValues, page };
}

module.exports = { readListQuery };
