'use strict';
// The three catalogs: entries completed to Segment's full shape, looked up by metadata id.
const data = require('./catalog-data');
const { stableHexId } = require('./ids');

const KINDS = ['warehouses', 'sources', 'destinations'];

function logos(slug) {
	return {
		default: `https://cdn.example.com/segment-sandbox/logos/${slug}.svg`,
		mark: `https://cdn.example.com/segment-sandbox/logos/${slug}-mark.svg`,
	};
}

// Fills what an entry leaves out, in the key order Segment returns.
function complete(kind, entry) {
	const slug = entry.slug;
	const base = {
		id: entry.id || stableHexId(`catalog:${kind}:${slug}`),
		slug,
		name: entry.name === undefined ? slug : entry.name,
		description: entry.description === undefined ? '' : entry.description,
		logos: entry.logos || logos(slug),
		options: entry.options || [],
	};
	if (kind === 'sources') {
		return { ...base, categories: entry.categories || [], isCloudEventSource: Boolean(entry.isCloudEventSource), ...entry, id: base.id };
	}
	if (kind === 'destinations') {
		const platforms = entry.supportedPlatforms || {};
		return {
			...base,
			categories: entry.categories || [],
			website: entry.website || '',
			status: entry.status || 'PUBLIC',
			supportedPlatforms: {
				browser: Boolean(platforms.browser),
				server: Boolean(platforms.server),
				mobile: Boolean(platforms.mobile),
			},
			supportedMethods: entry.supportedMethods || { track: true, pageview: true, identify: true, group: true, alias: true },
			previousNames: entry.previousNames || [base.name],
			components: entry.components || components(slug, platforms),
			actions: entry.actions || [],
			presets: entry.presets || [],
		};
	}
	return { ...base, ...entry, id: base.id };
}

function components(slug, platforms) {
	const list = [];
	if (platforms.browser) list.push({ code: `https://github.com/segmentio/analytics.js-integrations/tree/master/integrations/${slug}`, type: 'BROWSER' });
	if (platforms.server || platforms.mobile) list.push({ code: `https://github.com/segmentio/integrations/tree/master/integrations/${slug}`, type: 'SERVER' });
	return list;
}

class Catalogs {
	constructor() {
		this.lists = {};
		this.byId = {};
		for (const kind of KINDS) {
			this.lists[kind] = [];
			this.byId[kind] = new Map();
			for (const entry of data[kind]) this.add(kind, entry);
		}
	}

	add(kind, entry) {
		assertKind(kind);
		if (!entry || typeof entry.slug !== 'string' || !entry.slug) throw new TypeError('A catalog entry needs a slug');
		const full = complete(kind, entry);
		// Two entries may share a slug (an ambiguous catalog), never an id.
		if (this.byId[kind].has(full.id)) {
			if (entry.id) throw new Error(`Catalog ${kind} already has an entry with id ${full.id}`);
			full.id = stableHexId(`catalog:${kind}:${entry.slug}:${this.lists[kind].length}`);
		}
		this.lists[kind].push(full);
		this.byId[kind].set(full.id, full);
		return full;
	}

	find(kind, id) {
		return this.byId[kind].get(id);
	}

	list(kind) {
		assertKind(kind);
		return this.lists[kind];
	}

	bySlug(kind, slug) {
		return this.lists[kind].find((entry) => entry.slug === slug);
	}
}

function assertKind(kind) {
	if (!KINDS.includes(kind)) throw new TypeError(`Unknown catalog kind "${kind}" (use ${KINDS.join(', ')})`);
}

module.exports = { Catalogs, KINDS, assertKind };
