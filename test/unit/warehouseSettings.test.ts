/** The mapping of §4.1 on its own: fields and JSON keys onto a catalog entry's options. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readConnectionFields, settingsFromFields, settingsFromJson } from '../../nodes/SegmentParagon/resources/warehouse/settings';
import { Params } from '../../nodes/shared/validation';

function paramsWith(values: IDataObject): Params {
	const fn = {
		getNodeParameter: (name: string, _item: number, fallback: unknown) => (name in values ? values[name] : fallback),
		getNode: () => ({ id: 'n', name: 'Segment', type: 'segmentParagon', typeVersion: 1, position: [0, 0], parameters: {} }),
	} as unknown as IExecuteFunctions;
	return new Params(fn, 2);
}

const snowflakeWithoutRole = {
	id: 'sf',
	slug: 'snowflake',
	name: 'Snowflake',
	options: [
		{ name: 'account', type: 'string', required: true },
		{ name: 'warehouse', type: 'string', required: true },
		{ name: 'database', type: 'string', required: true },
		{ name: 'user', type: 'string', required: true },
		{ name: 'password', type: 'password', required: true },
		{ name: 'ciphertext', type: 'string', required: true },
	],
};

describe('fields mode', () => {
	const filled = { account: 'a', warehouse: 'w', database: 'd', username: 'u', password: 'p' };

	it('uses the first setting name the entry declares (username → user) and never asks for Segment\'s ciphertext', () => {
		expect(settingsFromFields(paramsWith(filled), readConnectionFields(paramsWith(filled), 'snowflake'), snowflakeWithoutRole)).toEqual({ account: 'a', warehouse: 'w', database: 'd', user: 'u', password: 'p' });
	});

	it('a filled field the entry does not declare is an error naming it, with the item index', () => {
		expect(() => settingsFromFields(paramsWith({}), readConnectionFields(paramsWith({ ...filled, role: 'SYSADMIN' }), 'snowflake'), snowflakeWithoutRole)).toThrow('Role is not a setting of Segment\'s Snowflake warehouse (item 2)');
	});
});

describe('JSON mode', () => {
	it('two keys that give one setting are refused', () => {
		expect(() => settingsFromJson(paramsWith({}), 'Connection', snowflakeWithoutRole, { user: 'a', username: 'b' }, false)).toThrow('both give the setting "user"');
	});

	it('an update (not all required) only checks what is given; empty optional values are left out', () => {
		const entry = { name: 'X', options: [{ name: 'hostname', type: 'string', required: true }, { name: 'schema', type: 'string', required: false }] };
		expect(settingsFromJson(paramsWith({}), 'Update Fields > Connection', entry, { host: 'h', schema: '' }, false)).toEqual({ hostname: 'h' });
	});

	it('an object for a text option (a service account key) is sent as its JSON text', () => {
		const entry = { name: 'BigQuery', options: [{ name: 'credentials', type: 'password', required: true }] };
		expect(settingsFromJson(paramsWith({}), 'Connection', entry, { credentials: { type: 'service_account' } }, true)).toEqual({ credentials: '{"type":"service_account"}' });
	});
});
