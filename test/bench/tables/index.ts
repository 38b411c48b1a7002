/**
 * The tables of `npm run bench`, printed in this order (`--only list,users` picks some). A new
 * table is one file here (default export: a BenchTable, see ../kit.ts) and one line in FILES.
 */
import type { BenchTable } from '../kit';

const FILES = [
	'list',
	'get',
	'tokens',
	'upsert',
	'upsertIndex',
	'users',
	'mappings',
	'trackingPlan',
	'regulations',
	'trigger',
	'reverseEtl',
];

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the list above is the registration; each file's default export is its table
export const TABLES: BenchTable[] = FILES.map((file) => (require(`./${file}`) as { default: BenchTable }).default);
