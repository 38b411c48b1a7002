/** Bad input: ids that cannot be ids (any resource), refused; and strange but legitimate ids, sent on the wire as one encoded path segment. */
import { rl } from '../../helpers/engine';
import { idExpr, TEN_KB, type BadInputRows } from './rows';

export const rows: BadInputRows = {
	refused: [
		['an empty id (expression giving "")', { resource: 'warehouse', operation: 'get', warehouseId: idExpr('""') }, /^Warehouse ID is empty \(item 0\)$/],
		['a whitespace-only id', { resource: 'source', operation: 'delete', sourceId: rl('   ') }, /^Source ID is empty \(item 0\)$/],
		['an id of tabs and newlines', { resource: 'destination', operation: 'get', destinationId: idExpr('"\\t\\n "') }, /^Destination ID is empty \(item 0\)$/],
		['a 10 kB id', { resource: 'destination', operation: 'get', destinationId: rl(TEN_KB) }, /^Destination ID is longer than 256 characters \(item 0\)$/],
		['a 257-character id', { resource: 'warehouse', operation: 'delete', warehouseId: rl('w'.repeat(257)) }, /^Warehouse ID is longer than 256 characters \(item 0\)$/],
		['an id with a NUL character', { resource: 'warehouse', operation: 'get', warehouseId: idExpr('"wh\\u0000x"') }, /^Warehouse ID contains control characters \(item 0\)$/],
		['an id with a line break inside', { resource: 'source', operation: 'get', sourceId: idExpr('"src\\nid"') }, /^Source ID contains control characters \(item 0\)$/],
		['the id ".." (a URL would resolve it to the parent path)', { resource: 'warehouse', operation: 'get', warehouseId: rl('..') }, /^Warehouse ID cannot be "\.\." \(item 0\)$/],
		['the id "." (a URL would drop it)', { resource: 'warehouse', operation: 'delete', warehouseId: rl('.') }, /^Warehouse ID cannot be "\." \(item 0\)$/],
		['an id expression giving an object', { resource: 'warehouse', operation: 'get', warehouseId: idExpr('{ a: 1 }') }, /^Warehouse ID must be text, not an object \(item 0\)$/],
		['an id expression giving NaN', { resource: 'source', operation: 'get', sourceId: idExpr('0 / 0') }, /^Source ID must be text, not number NaN \(item 0\)$/],
		['a warehouse id from an expression that fails', { resource: 'warehouse', operation: 'get', warehouseId: idExpr('$("Nowhere").item.json.id') }, /^Warehouse ID: .+ \(item 0\)$/],
	],
	onTheWire: [
	['"../workspaces" (path traversal)', 'warehouse', 'get', '../workspaces', {}],
	['"a/b?x=1" (a path and a query)', 'source', 'delete', 'a/b?x=1', {}],
	['"x#frag" (a fragment)', 'destination', 'get', 'x#frag', {}],
	['"100%" (a bare percent)', 'warehouse', 'update', '100%', { updateFields: { name: 'N' } }],
	['"%2e%2e%2f" (already percent-encoded)', 'warehouse', 'delete', '%2e%2e%2f', {}],
	['"ünïcødé-😀" (unicode)', 'source', 'get', 'ünïcødé-😀', {}],
	['"a b&c=d" (space and query characters)', 'destination', 'delete', 'a b&c=d', {}],
	['"..%2F..%2Flabels" on a source update (first call: GET the source)', 'source', 'update', '..%2F..%2Flabels', { updateFields: { platform: 'web' } }],
	['"?pagination.count=200" (a query of its own)', 'warehouse', 'get', '?pagination.count=200', {}],
	['"..." (three dots are no dot segment)', 'destination', 'get', '...', {}],
	],
};
