import { destination } from './destination/destination';
import { destinationFilter } from './destinationFilter/destinationFilter';
import { destinationMapping } from './destinationMapping/destinationMapping';
import { regulation } from './regulation/regulation';
import { reverseEtl } from './reverseEtl/reverseEtl';
import type { ResourceDefinition, ResourceName } from './types';
import { source } from './source/source';
import { trackingPlan } from './trackingPlan/trackingPlan';
import { warehouse } from './warehouse/warehouse';
import { workspace } from './workspace/workspace';

export const RESOURCES: Record<ResourceName, ResourceDefinition> = { warehouse, source, destination, destinationFilter, destinationMapping, workspace, trackingPlan, regulation, reverseEtl };
