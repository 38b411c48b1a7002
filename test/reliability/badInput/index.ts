/**
 * The rows of the bad-input table (../badInput.test.ts), collected from one file per resource or
 * concern, one line each here. A rows file exports `rows: BadInputRows` (rows.ts).
 */
import { rows as common } from './common';
import { rows as credentials } from './credentials';
import { rows as destination } from './destination';
import { rows as destinationFilter } from './destinationFilter';
import { rows as destinationMapping } from './destinationMapping';
import { rows as ids } from './ids';
import { rows as monitoring } from './monitoring';
import { rows as regulation } from './regulation';
import { rows as reverseEtl } from './reverseEtl';
import type { BadInputRows } from './rows';
import { rows as source } from './source';
import { rows as trackingPlan } from './trackingPlan';
import { rows as warehouse } from './warehouse';

export * from './rows';

const FILES: BadInputRows[] = [
	ids,
	warehouse,
	source,
	destination,
	destinationFilter,
	monitoring,
	destinationMapping,
	trackingPlan,
	regulation,
	reverseEtl,
	common,
	credentials,
];

export const REFUSED = FILES.flatMap((file) => file.refused);
export const REFUSED_BY_THE_CATALOG = FILES.flatMap((file) => file.byCatalog ?? []);
export const ON_THE_WIRE = FILES.flatMap((file) => file.onTheWire ?? []);
