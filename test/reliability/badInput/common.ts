/** Bad input: what every operation shares (Limit, Offset, Return All, Options), refused. */
import { expr, list, getWarehouse, type BadInputRows } from './rows';

export const rows: BadInputRows = {
	refused: [
		['limit 0', list({ limit: 0 }), /^Limit must be a whole number from 1 to 1000000, not number 0 \(item 0\)$/],
		['a negative limit', list({ limit: -5 }), /^Limit must be a whole number from 1 to 1000000, not number -5 \(item 0\)$/],
		['a huge limit', list({ limit: 10_000_001 }), /^Limit must be a whole number from 1 to 1000000, not number 10000001 \(item 0\)$/],
		['a fractional limit', list({ limit: 2.5 }), /^Limit must be a whole number from 1 to 1000000, not number 2.5 \(item 0\)$/],
		['a limit expression giving text', list({ limit: expr('"many"') }), /^Limit must be a whole number from 1 to 1000000, not "many" \(item 0\)$/],
		['a negative offset', list({ offset: -1 }), /^Offset must be a whole number from 0 to 1000000, not number -1 \(item 0\)$/],
		['a huge offset', list({ offset: 2_000_000 }), /^Offset must be a whole number from 0 to 1000000, not number 2000000 \(item 0\)$/],
		['Return All from an expression giving "yes"', list({ returnAll: expr('"yes"') }), /^Return All must be true or false, not "yes" \(item 0\)$/],
		['Options > Timeout of 0 (axios would wait forever)', { ...getWarehouse, options: { timeout: 0 } }, /^Options > Timeout must be a whole number from 100 to 600000, not number 0 \(item 0\)$/],
		['Options > Timeout from an expression giving text', { ...getWarehouse, options: { timeout: expr('"soon"') } }, /^Options > Timeout must be a whole number from 100 to 600000, not "soon" \(item 0\)$/],
		['Options > Concurrency of 11', { ...getWarehouse, options: { concurrency: 11 } }, /^Options > Concurrency must be a whole number from 1 to 10, not number 11 \(item 0\)$/],
	],
};
