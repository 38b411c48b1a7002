/**
 * A mapping's settings against its action's fields (SPEC v3 §4.9): directives fit any type and
 * come as JSON text from the mapper; values are read as their field's type; empty fields take the
 * default; required fields need a value or a default; choices and lists are honoured.
 */
import type { ActionField, SegmentAction } from '../../nodes/SegmentParagon/resources/destinationMapping/action';
import { directiveFromText, fieldValue, isDirective, mappingSettings, updatedSettings } from '../../nodes/SegmentParagon/resources/destinationMapping/settings';

const field = (fieldKey: string, type: string, extra: Partial<ActionField> = {}): ActionField => ({ fieldKey, label: fieldKey.toUpperCase(), type, required: false, multiple: false, allowNull: false, ...extra });
const action: SegmentAction = {
	id: 'act_1',
	slug: 'purchase',
	name: 'Purchase',
	defaultTrigger: 'type = "track"',
	fields: [
		field('client_id', 'STRING', { required: true, defaultValue: { '@path': '$.anonymousId' } }),
		field('transaction_id', 'STRING', { required: true }),
		field('value', 'NUMBER'),
		field('quantity', 'INTEGER'),
		field('send', 'BOOLEAN', { defaultValue: true }),
		field('params', 'OBJECT'),
		field('items', 'OBJECT', { multiple: true }),
		field('channel', 'STRING', { choices: [{ label: 'Web', value: 'web' }, { label: 'App', value: 'app' }] }),
		field('user_id', 'STRING', { allowNull: true }),
	],
};

describe('directives', () => {
	it('an object with one key, the directive\'s name, is one; JSON text of one becomes the object', () => {
		expect(isDirective({ '@path': '$.userId' })).toBe(true);
		expect(isDirective({ '@path': '$.userId', other: 1 })).toBe(false);
		expect(isDirective({ path: '$.userId' })).toBe(false);
		expect(directiveFromText(' {"@template": "{{properties.id}}"} ')).toEqual({ '@template': '{{properties.id}}' });
		expect(directiveFromText('{"not": "a directive"}')).toBe('{"not": "a directive"}');
		expect(directiveFromText('{broken')).toBe('{broken');
	});

	it('a directive fits any type, inside a list too', () => {
		for (const key of ['value', 'quantity', 'send', 'params', 'items', 'channel']) {
			expect(fieldValue(action.fields.find((f) => f.fieldKey === key)!, '{"@path": "$.properties.x"}')).toEqual({ '@path': '$.properties.x' });
		}
		expect(fieldValue(action.fields[6], [{ '@path': '$.a' }, { sku: 'x' }])).toEqual([{ '@path': '$.a' }, { sku: 'x' }]);
	});
});

describe('values as their field\'s type', () => {
	const f = (key: string) => action.fields.find((candidate) => candidate.fieldKey === key)!;
	it.each([
		['value', '12.5', 12.5],
		['quantity', '3', 3],
		['send', 'false', false],
		['params', '{"a": 1}', { a: 1 }],
		['items', '[{"sku": "x"}]', [{ sku: 'x' }]],
		['transaction_id', 42, '42'],
		['channel', 'app', 'app'],
	])('%s: %j → %j', (key, given, expected) => {
		expect(fieldValue(f(key), given)).toEqual(expected);
	});

	it.each([
		['value', 'ten', '"VALUE" (value) must be a number, not "ten"'],
		['quantity', 2.5, '"QUANTITY" (quantity) must be a whole number, not 2.5'],
		['send', 'yes', '"SEND" (send) must be true or false, not "yes"'],
		['params', '[1]', '"PARAMS" (params) must be a JSON object, not "[1]"'],
		['items', { sku: 'x' }, '"ITEMS" (items) must be a list (the field takes several values) or a directive, not {"sku":"x"}'],
		['channel', 'tv', '"CHANNEL" (channel) must be one of "web", "app", not "tv"'],
		['transaction_id', { a: 1 }, '"TRANSACTION_ID" (transaction_id) must be text, not {"a":1}'],
	])('%s: %j is refused', (key, given, message) => {
		expect(() => fieldValue(f(key), given)).toThrow(message);
	});
});

describe('the settings of a new mapping', () => {
	it('empty fields take their default; the mapper\'s null is empty, JSON\'s null is a value where allowed', () => {
		expect(mappingSettings(action, { transaction_id: 'o1', value: null, user_id: null }, 'mapper')).toEqual({ client_id: { '@path': '$.anonymousId' }, transaction_id: 'o1', send: true });
		expect(mappingSettings(action, { transaction_id: 'o1', user_id: null, send: '' }, 'json')).toEqual({ client_id: { '@path': '$.anonymousId' }, transaction_id: 'o1', send: true, user_id: null });
		expect(() => mappingSettings(action, { transaction_id: 'o1', value: null }, 'json')).toThrow('"VALUE" (value) may not be null');
	});

	it('a required field without value or default, and unknown keys, are named with the action\'s fields', () => {
		expect(() => mappingSettings(action, {}, 'mapper')).toThrow('action Purchase requires "TRANSACTION_ID" (transaction_id), which has no value and no default');
		try {
			mappingSettings(action, { transaction_id: 'o1', revenue: 1, total: 2 }, 'json');
			throw new Error('not refused');
		} catch (error) {
			expect((error as Error).message).toBe('"revenue", "total" are not fields of action Purchase');
			expect((error as { hint: string }).hint).toBe('Its fields (* required): client_id* (CLIENT_ID), transaction_id* (TRANSACTION_ID), value (VALUE), quantity (QUANTITY), send (SEND), params (PARAMS), items (ITEMS), channel (CHANNEL), user_id (USER_ID).');
		}
	});
});

it('an update puts the given values over the current ones and keeps the required ones', () => {
	const current = { client_id: 'c', transaction_id: 't', value: 1 };
	expect(updatedSettings(action, current, { value: '2', channel: 'web' })).toEqual({ client_id: 'c', transaction_id: 't', value: 2, channel: 'web' });
	expect(() => updatedSettings(action, {}, { value: 2 })).toThrow(/requires "CLIENT_ID" \(client_id\), "TRANSACTION_ID" \(transaction_id\)/);
});
