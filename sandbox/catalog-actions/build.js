'use strict';
// Builders for Actions destinations in the catalog: actions with their fields (Segment's
// DestinationMetadataActionV1 / ...ActionFieldV1 shapes) and presets (quick-setup mappings).
const { stableId } = require('../ids');

const path = (jsonPath) => ({ '@path': jsonPath });
const template = (text) => ({ '@template': text });

// field('user_id', 'User ID', 'STRING', 'Who did it.', { defaultValue: path('$.userId') })
function field(fieldKey, label, type, description, extra = {}) {
	return {
		fieldKey,
		label,
		type,
		description,
		...(extra.placeholder === undefined ? {} : { placeholder: extra.placeholder }),
		...(extra.defaultValue === undefined ? {} : { defaultValue: extra.defaultValue }),
		required: Boolean(extra.required),
		multiple: Boolean(extra.multiple),
		choices: extra.choices === undefined ? null : extra.choices,
		dynamic: Boolean(extra.dynamic),
		allowNull: Boolean(extra.allowNull),
	};
}

// Ids derived from the destination and action slugs: the same on every start.
function action(destinationSlug, slug, name, description, { platform = 'CLOUD', defaultTrigger = null, hidden = false, fields }) {
	const id = stableId(`catalog:action:${destinationSlug}:${slug}`, 22);
	return {
		id,
		slug,
		name,
		description,
		platform,
		hidden,
		defaultTrigger,
		fields: fields.map((entry, sortOrder) => ({ id: stableId(`catalog:field:${id}:${entry.fieldKey}`, 22), sortOrder, ...entry })),
	};
}

// What Segment's quick setup makes: each field's default, then the preset's own values.
function defaultValues(act) {
	const values = {};
	for (const entry of act.fields) if (entry.defaultValue !== undefined) values[entry.fieldKey] = structuredClone(entry.defaultValue);
	return values;
}

function preset(act, name, trigger, overrides = {}) {
	return { actionId: act.id, name, fields: { ...defaultValues(act), ...overrides }, trigger };
}

module.exports = { field, action, preset, defaultValues, path, template };
