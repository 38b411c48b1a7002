'use strict';
// A mapping's settings checked against its action's fields, as Segment does: keys are the
// fields' fieldKeys, required fields present, values of the field's type. A value may instead be
// one of Segment's mapping directives ({"@path": "$.properties.email"}), which fits any type.
const { validationError } = require('./answers');
const { isPlainObject } = require('./validate');

// Mapping Kit's directives (an object with exactly one key, the directive's name).
const DIRECTIVES = new Set(['@arrayPath', '@case', '@excludeWhenNull', '@flatten', '@if', '@json', '@literal', '@merge', '@path', '@replace', '@split', '@template', '@transform']);
const DIRECTIVE_NAME = /^@[a-z][a-zA-Z0-9]+$/;
// Directives whose argument is text.
const TEXT_ARGUMENT = new Set(['@path', '@template']);

function isDirective(value) {
	if (!isPlainObject(value)) return false;
	const keys = Object.keys(value);
	return keys.length === 1 && DIRECTIVE_NAME.test(keys[0]);
}

function checkDirective(value, field) {
	const [name] = Object.keys(value);
	if (!DIRECTIVES.has(name)) return [validationError(`${field} uses an unknown directive ${name}`, field)];
	if (TEXT_ARGUMENT.has(name) && (typeof value[name] !== 'string' || value[name].trim() === '')) {
		return [validationError(`${field}: ${name} must be a non-empty string`, field)];
	}
	return [];
}

const TYPE_CHECKS = {
	STRING: [(v) => typeof v === 'string', 'a string'],
	TEXT: [(v) => typeof v === 'string', 'a string'],
	PASSWORD: [(v) => typeof v === 'string', 'a string'],
	HIDDEN: [(v) => typeof v === 'string', 'a string'],
	DATETIME: [(v) => typeof v === 'string' || (Number.isFinite(v) && v >= 0), 'a date (text) or epoch number'],
	INTEGER: [(v) => Number.isInteger(v), 'an integer'],
	NUMBER: [(v) => typeof v === 'number' && Number.isFinite(v), 'a number'],
	BOOLEAN: [(v) => typeof v === 'boolean', 'a boolean'],
	OBJECT: [(v) => isPlainObject(v), 'an object'],
};

// Segment's choices are [{label, value}] (older entries: plain values).
function choiceValues(choices) {
	return Array.isArray(choices) ? choices.map((choice) => (isPlainObject(choice) ? choice.value : choice)) : null;
}

function checkSingle(definition, value, field) {
	if (isDirective(value)) return checkDirective(value, field);
	const [fits, name] = TYPE_CHECKS[definition.type] || TYPE_CHECKS.STRING;
	if (!fits(value)) return [validationError(`${field} must be ${name}`, field)];
	const allowed = choiceValues(definition.choices);
	if (allowed && !allowed.includes(value)) return [validationError(`${field} must be one of ${allowed.join(', ')}`, field)];
	return [];
}

function checkValue(definition, value, field) {
	if (value === null) return definition.allowNull ? [] : [validationError(`${field} must not be null`, field)];
	if (isDirective(value)) return checkDirective(value, field);
	if (!definition.multiple) return checkSingle(definition, value, field);
	if (!Array.isArray(value)) return [validationError(`${field} must be an array (the field takes several values) or a directive`, field)];
	return value.flatMap((entry, i) => checkSingle(definition, entry, `${field}[${i}]`));
}

// prefix: how the settings are named in the body (`settings` or `input.settings`).
function checkSettings(act, settings, prefix) {
	const errors = [];
	const byKey = new Map(act.fields.map((definition) => [definition.fieldKey, definition]));
	for (const [key, value] of Object.entries(settings)) {
		const definition = byKey.get(key);
		if (!definition) errors.push(validationError(`Unknown field: ${prefix}.${key} (not a field of action ${act.slug})`, `${prefix}.${key}`));
		else errors.push(...checkValue(definition, value, `${prefix}.${key}`));
	}
	for (const definition of act.fields) {
		if (definition.required && settings[definition.fieldKey] === undefined) {
			errors.push(validationError(`${prefix}.${definition.fieldKey} is required (field "${definition.label}" of action ${act.slug})`, `${prefix}.${definition.fieldKey}`));
		}
	}
	return errors;
}

module.exports = { checkSettings, isDirective, DIRECTIVES };
