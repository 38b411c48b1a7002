/**
 * The scenarios of the fault matrix (../faultMatrix.test.ts): each resource's in its own file, one
 * line each here. A scenario file exports `Scenario[]` (types.ts): the operation's parameters, the
 * exact calls it makes (`steps`, with `faulted` on the calls a fault is aimed at and `creates` on
 * the POST that makes what the user asked for), and `succeeded`, the workspace after a clean run.
 */
import { DESTINATION_FILTER_SCENARIOS } from './destinationFilter';
import { MONITORING_SCENARIOS } from './monitoring';
import { MAPPING_SCENARIOS } from './destinationMapping';
import { REGULATION_SCENARIOS } from './regulation';
import { REVERSE_ETL_SCENARIOS } from './reverseEtl';
import { SOURCE_SCENARIOS } from './source';
import { TRACKING_PLAN_SCENARIOS } from './trackingPlan';
import type { Scenario } from './types';
import { UPSERT_SCENARIOS } from './upsert';
import { WAREHOUSE_SCENARIOS } from './warehouse';

export * from './types';

export const SCENARIOS: Scenario[] = [
	...WAREHOUSE_SCENARIOS,
	...SOURCE_SCENARIOS,
	...DESTINATION_FILTER_SCENARIOS,
	...UPSERT_SCENARIOS, // Create or Update (issue 13)
	...MONITORING_SCENARIOS, // audit trail, event volume, usage, delivery (issue 20)
	...MAPPING_SCENARIOS, // destination mappings (issue 18)
	...TRACKING_PLAN_SCENARIOS, // tracking plans (issue 22)
	...REGULATION_SCENARIOS, // user deletion and suppression (issue 19)
	...REVERSE_ETL_SCENARIOS, // reverse ETL (issue 26)
];
