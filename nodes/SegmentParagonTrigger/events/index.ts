import { auditEvent } from './auditEvent';
import { connectionChanged } from './connectionChanged';
import { deliveryFailing } from './deliveryFailing';
import { reverseEtlSyncFailed } from './reverseEtlSyncFailed';
import { syncFailed } from './syncFailed';
import { volumeDropped } from './volumeDropped';
import type { AnyTriggerEvent } from './types';

/** Every event of the trigger: a new event is one module in this folder and one line here. */
export const EVENTS: AnyTriggerEvent[] = [
	auditEvent,
	syncFailed,
	connectionChanged,
	volumeDropped,
	deliveryFailing,
	reverseEtlSyncFailed,
];
