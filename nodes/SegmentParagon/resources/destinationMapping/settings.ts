import type { IDataObject } from 'n8n-workflow';

import type { ActionField, SegmentAction } from './action';

/** A problem with one value; `field` names it as the error shows it. */
export class SettingsError extends Error {
	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
	}
}

const DIRECTIVE_NAME = /^@[a-z][a-zA-Z0-9]+$/;

/** A Segment mapping directive (`{"@path": "$.properties.email"}`): an object with one key, the directive's name. */
export function isDirective(value: unknown): value is IDataObject {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
	const keys = Object.keys(value);
	return keys.length === 1 && DIRECTIVE_NAME.test(keys[0]);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** The mapper holds a directive as its JSON text: sent as the object. Anything else stays as it is. */
export function directiveFromText(value: unknown): unknown {
	if (typeof value !== 'string' || !value.trim().startsWith('{')) return value;
	const parsed = parseJson(value.trim());
	return isDirective(parsed) ? parsed : value;
}

function shown(value: unknown): string {
	const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function choiceValues(choices: unknown): unknown[] | undefined {
	if (!Array.isArray(choices) || !choices.length) return undefined;
	return choices.map((choice) => (choice && typeof choice === 'object' && 'value' in choice ? (choice as IDataObject).value : choice));
}

const NUMERIC = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** One value of the field's type; text from the mapper or an expression is read as the type asks. */
function singleValue(field: ActionField, value: unknown): unknown {
	const wrong = (what: string) => new SettingsError(`${fieldName(field)} must be ${what}, not ${shown(value)}`);
	let result: unknown = value;
	switch (field.type) {
		case 'BOOLEAN':
			if (value === 'true' || value === 'false') result = value === 'true';
			else if (typeof value !== 'boolean') throw wrong('true or false');
			break;
		case 'INTEGER':
		case 'NUMBER': {
			const n = typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : value;
			if (typeof n !== 'number' || !Number.isFinite(n)) throw wrong(field.type === 'INTEGER' ? 'a whole number' : 'a number');
			if (field.type === 'INTEGER' && !Number.isInteger(n)) throw wrong('a whole number');
			result = n;
			break;
		}
		case 'OBJECT': {
			const parsed = typeof value === 'string' ? parseJson(value.trim()) : value;
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw wrong('a JSON object');
			result = parsed;
			break;
		}
		case 'DATETIME':
			if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) throw wrong('a date (text)');
			break;
		default:
			if (typeof value === 'number' || typeof value === 'boolean') result = String(value);
			else if (typeof value !== 'string') throw wrong('text');
	}
	const allowed = choiceValues(field.choices);
	if (allowed && !allowed.includes(result)) throw new SettingsError(`${fieldName(field)} must be one of ${allowed.map((choice) => shown(choice)).join(', ')}, not ${shown(value)}`);
	return result;
}

/** A value as Segment takes it for this field: a directive fits any type; a field of several values takes a list. */
export function fieldValue(field: ActionField, given: unknown): unknown {
	const value = directiveFromText(given);
	if (isDirective(value)) return value;
	if (!field.multiple) return singleValue(field, value);
	const list = typeof value === 'string' ? parseJson(value.trim()) : value;
	if (isDirective(list)) return list;
	if (!Array.isArray(list)) throw new SettingsError(`${fieldName(field)} must be a list (the field takes several values) or a directive, not ${shown(value)}`);
	return list.map((entry) => (isDirective(entry) ? entry : singleValue(field, directiveFromText(entry))));
}

/** How a field is named in messages: `"Event Name" (name)`. */
export function fieldName(field: ActionField): string {
	return `"${field.label}" (${field.fieldKey})`;
}

function describeFields(action: SegmentAction): string {
	return action.fields.map((field) => `${field.fieldKey}${field.required ? '*' : ''} (${field.label})`).join(', ');
}

/** Where the values come from: the mapper holds an empty field as null; JSON sends a null as given. */
export type SettingsSource = 'mapper' | 'json';

function isEmpty(value: unknown, source: SettingsSource): boolean {
	return value === undefined || value === '' || (source === 'mapper' && value === null);
}

/** Keys that are no field of the action: an error listing the action's fields. */
export function checkKeys(action: SegmentAction, given: IDataObject): void {
	const known = new Set(action.fields.map((field) => field.fieldKey));
	const unknown = Object.keys(given).filter((key) => !known.has(key));
	if (unknown.length) {
		const which = unknown.map((key) => `"${key}"`).join(', ');
		throw new SettingsError(`${which} ${unknown.length > 1 ? 'are not fields' : 'is not a field'} of action ${action.name}`, `Its fields (* required): ${describeFields(action)}.`);
	}
}

/** One given value of a field, as Segment takes it; an error names the field. */
export function checkedValue(field: ActionField, value: unknown): unknown {
	if (value === null) {
		if (field.allowNull) return null;
		throw new SettingsError(`${fieldName(field)} may not be null`);
	}
	return fieldValue(field, value);
}

/** Required fields that have neither a value nor a default: an error naming them. */
export function checkRequired(action: SegmentAction, settings: IDataObject): void {
	const missing = action.fields.filter((field) => field.required && settings[field.fieldKey] === undefined);
	if (missing.length) {
		throw new SettingsError(
			`action ${action.name} requires ${missing.map(fieldName).join(', ')}, which ${missing.length > 1 ? 'have' : 'has'} no value and no default`,
			`Fill ${missing.length > 1 ? 'them' : 'it'} with a value or a directive such as {"@path": "$.properties.${missing[0].fieldKey}"}.`,
		);
	}
}

/**
 * The settings of a new mapping (SPEC §4.9): every key a field of the action, each value of its
 * field's type (or a directive), fields left empty filled with the action's default value (as
 * Segment's app does), and every required field filled.
 */
export function mappingSettings(action: SegmentAction, given: IDataObject, source: SettingsSource): IDataObject {
	checkKeys(action, given);
	const settings: IDataObject = {};
	for (const field of action.fields) {
		const value = given[field.fieldKey];
		if (!isEmpty(value, source)) settings[field.fieldKey] = checkedValue(field, value) as IDataObject[string];
		else if (field.defaultValue !== undefined) settings[field.fieldKey] = structuredClone(field.defaultValue) as IDataObject[string];
	}
	checkRequired(action, settings);
	return settings;
}

/** The settings of an existing mapping after an update: the given keys checked and put over the current ones. */
export function updatedSettings(action: SegmentAction, current: IDataObject, given: IDataObject): IDataObject {
	checkKeys(action, given);
	const byKey = new Map(action.fields.map((field) => [field.fieldKey, field]));
	const settings: IDataObject = { ...current };
	for (const [key, value] of Object.entries(given)) settings[key] = checkedValue(byKey.get(key)!, value) as IDataObject[string];
	checkRequired(action, settings);
	return settings;
}
