import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

import type { ActionField, SegmentAction } from './action';
import { isDirective } from './settings';

/**
 * The mapper's input for a field. Text inputs take a directive as JSON text too, so fields of
 * several values and dates are text (a list or a directive); numbers, switches and objects take a
 * directive through an expression.
 */
function fieldType(field: ActionField): FieldType {
	if (field.multiple) return 'string';
	if (field.type === 'BOOLEAN') return 'boolean';
	if (field.type === 'INTEGER' || field.type === 'NUMBER') return 'number';
	if (field.type === 'OBJECT') return 'object';
	if (choicesOf(field)) return 'options';
	return 'string';
}

function choicesOf(field: ActionField): INodePropertyOptions[] | undefined {
	if (!Array.isArray(field.choices) || !field.choices.length) return undefined;
	return (field.choices as unknown[]).map((choice) => {
		const { label, value } = choice && typeof choice === 'object' ? (choice as { label?: unknown; value?: unknown }) : { label: choice, value: choice };
		return { name: String(label ?? value), value: value as string | number | boolean };
	});
}

/** The default the mapper shows in the field: a literal of its type, or a directive as JSON text in a text field. */
function prefill(field: ActionField, type: FieldType): string | number | boolean | undefined {
	const value = field.defaultValue;
	if (value === undefined) return undefined;
	if (type === 'string' && (isDirective(value) || (field.multiple && Array.isArray(value)))) return JSON.stringify(value);
	if (type === 'string' && typeof value === 'string') return value;
	if (type === 'number' && typeof value === 'number') return value;
	if (type === 'boolean' && typeof value === 'boolean') return value;
	if (type === 'options' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return value;
	return undefined;
}

const MAX_SHOWN_DEFAULT = 48;

/** A default the input cannot show goes into the field's name, shortened. */
function defaultInName(field: ActionField): string {
	const text = JSON.stringify(field.defaultValue);
	return ` (default ${text.length > MAX_SHOWN_DEFAULT ? `${text.slice(0, MAX_SHOWN_DEFAULT)}…` : text})`;
}

/**
 * The action's fields as n8n's resource mapper shows them (SPEC §4.9): the fieldKey as id, the
 * label as name, required as Segment says (n8n lists the required ones first and keeps them), the
 * default shown in the input or the name. A field left empty takes its default when the node runs.
 * Hidden fields (type HIDDEN) are not offered.
 */
export function mapperFields(action: SegmentAction): ResourceMapperField[] {
	return action.fields.map((field) => {
		const type = fieldType(field);
		const defaultValue = prefill(field, type);
		const shownDefault = defaultValue === undefined && field.defaultValue !== undefined ? defaultInName(field) : '';
		return {
			id: field.fieldKey,
			displayName: `${field.label}${shownDefault}`,
			required: field.required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: field.type !== 'HIDDEN',
			type,
			...(type === 'options' ? { options: choicesOf(field) } : {}),
			...(defaultValue === undefined ? {} : { defaultValue }),
		};
	});
}
