/** Bad input: destination filter parameters (title, condition, action, percent, fields), refused. */
import { expr, filterCreate, type BadInputRows } from './rows';

export const rows: BadInputRows = {
	refused: [
		['a filter with an empty title', filterCreate({ title: expr('""') }), /^Title is empty \(item 0\)$/],
		['a filter with a whitespace condition', filterCreate({ condition: expr('"  "') }), /^Condition is empty \(item 0\)$/],
		['a sample of 150 percent', filterCreate({ action: 'sample', percent: expr('150') }), /^Percent must be a number from 0 to 100, not 150 \(item 0\)$/],
		['a sample of -1 percent', filterCreate({ action: 'sample', percent: -1 }), /^Percent must be a number from 0 to 100, not -1 \(item 0\)$/],
		['filter fields that are a list', filterCreate({ action: 'allowProperties', fields: '["email"]' }), /^Fields must be a JSON object, not a list \(item 0\)$/],
		['filter fields with a number inside', filterCreate({ action: 'dropProperties', fields: '{"properties": [1]}' }), /^Fields must be an object of lists of field names \(item 0\)$/],
		['a filter action outside the four', filterCreate({ action: expr('"block"') }), /^Action must be one of drop, sample, allowProperties, dropProperties, not "block" \(item 0\)$/],
		['a filter source id with a line break', filterCreate({ filterSourceId: expr('"src\\nid"') }), /^Source ID contains control characters \(item 0\)$/],
	],
};
