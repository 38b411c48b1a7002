import { destination } from './destination';
import { destinationFilter } from './destinationFilter';
import type { ResourceDefinition, ResourceName } from './types';
import { source } from './source';
import { warehouse } from './warehouse';

export const RESOURCES: Record<ResourceName, ResourceDefinition> = { warehouse, source, destination, destinationFilter };
