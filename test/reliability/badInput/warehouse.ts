/** Bad input: warehouse parameters (the connection as JSON or fields, Type, connections on create, Validate First), refused; and connections refused by the catalog entry. */
import { rl } from '../../helpers/engine';
import { BIGQUERY_KEY, WAREHOUSE_PASSWORD } from '../support';
import { expr, warehouseJson, redshift, type BadInputRows } from './rows';

export const rows: BadInputRows = {
	refused: [
		['a connection that is not valid JSON', warehouseJson('{host: nope'), /^Connection is not valid JSON \(item 0\)$/],
		['a connection that is a JSON list', warehouseJson('[1, 2]'), /^Connection must be a JSON object, not a list \(item 0\)$/],
		['a connection that is JSON null', warehouseJson('null'), /^Connection must be a JSON object, not null \(item 0\)$/],
		['a connection that is a JSON string', warehouseJson('"host=h"'), /^Connection must be a JSON object, not "host=h" \(item 0\)$/],
		['a connection that is a JSON number', warehouseJson('42'), /^Connection must be a JSON object, not number 42 \(item 0\)$/],
		['a connection of whitespace', warehouseJson('   '), /^Connection is empty \(item 0\)$/],
		['a connection expression giving a list', warehouseJson(expr('[1, 2]')), /^Connection must be a JSON object, not a list \(item 0\)$/],
		['an update connection that is not valid JSON', { resource: 'warehouse', operation: 'update', warehouseId: rl('wh_1'), updateFields: { connection: '{"port":' } }, /^Update Fields > Connection is not valid JSON \(item 0\)$/],
		['an unknown warehouse type', { ...warehouseJson('{}'), type: 'oracle' }, /^Type must be one of redshift, bigquery, snowflake, other, not "oracle" \(item 0\)$/],
		// An expression in Type no longer stops the workflow (SPEC v2 §4): the node checks what it gives.
		['an expression in Type giving an unknown type', { ...warehouseJson('{}'), type: expr('"oracle"') }, /^Type must be one of redshift, bigquery, snowflake, other, not "oracle" \(item 0\)$/],
		// connections on create, Type Other, Validate First
		['Connect Sources "some"', redshift({ connectSources: 'some' }), /^Connect Sources must be one of all, none, selected, not "some" \(item 0\)$/],
		['selected sources, none picked', redshift({ connectSources: 'selected', sourceIds: [] }), /^Source IDs is empty \(item 0\)$/],
		['selected sources from an expression giving an object', redshift({ connectSources: 'selected', sourceIds: expr('({ id: 1 })') }), /^Source IDs must be a list of IDs, not an object \(item 0\)$/],
		['a selected source id with a line break', redshift({ connectSources: 'selected', sourceIds: ['ok', 'bad\nid'] }), /^Source IDs contains control characters \(item 0\)$/],
		['a selected source id ".."', redshift({ connectSources: 'selected', sourceIds: ['..'] }), /^Source IDs cannot be "\.\." \(item 0\)$/],
		['Type Other without a Catalog Entry', { ...warehouseJson('{}'), type: 'other' }, /^Catalog Entry is empty \(item 0\)$/],
		['Type Other in fields mode', { resource: 'warehouse', operation: 'create', name: 'W', type: 'other', catalogId: rl('x') }, /^Type Other takes the connection as JSON \(item 0\)$/],
		['Validate First "maybe"', redshift({ additionalFields: { validateFirst: expr('"maybe"') } }), /^Validate First must be true or false, not "maybe" \(item 0\)$/],
		['a port above 65535 (with a password that must not leak)', redshift({ port: 70_000 }), /^Port must be a whole number from 1 to 65535, not number 70000 \(item 0\)$/],
		['a BigQuery location with a line break (with a key that must not leak)', { resource: 'warehouse', operation: 'create', name: 'BQ', type: 'bigquery', projectId: 'p', location: expr('"US\\nEU"'), serviceAccountKey: BIGQUERY_KEY }, /^Location contains control characters \(item 0\)$/],
	],
	byCatalog: [
	['a JSON key Redshift does not declare', warehouseJson({ hostname: 'h', port: '5439', database: 'd', username: 'u', password: WAREHOUSE_PASSWORD, schema: 'public' }), /^Connection: "schema" is not a setting of Segment's Redshift warehouse \(item 0\)$/],
	['a JSON connection missing a required setting', warehouseJson({ host: 'h', database: 'd', username: 'u' }), /^Connection: Segment's Redshift warehouse requires the setting "port"/],
	['a required field left empty (the password)', redshift({ password: '' }), /^Connection: Segment's Redshift warehouse requires the setting "password" \(the Password field/],
	['a Catalog Entry the catalog does not have', { ...warehouseJson('{}'), type: 'other', catalogId: rl('no-such-entry') }, /^Segment's warehouse catalog has no Catalog Entry "no-such-entry" \(item 0\)$/],
	],
};
