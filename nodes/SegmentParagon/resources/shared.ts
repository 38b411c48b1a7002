import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { AllItemsRun, ItemOutcome, OperationContext } from './types';

export const PLATFORMS = ['web', 'mobile', 'server'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Mobile', value: 'mobile' },
	{ name: 'Server', value: 'server' },
	{ name: 'Web', value: 'web' },
];

/** The `enabled` option of Additional Fields / Update Fields. */
export function enabledOption(resource: string): INodeProperties {
	return {
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: `Whether the ${resource} is enabled (receives and sends data)`,
	};
}

/** The seed's `status`: Segment's `enabled` as active / inactive. */
export function statusOf(entity: IDataObject): 'active' | 'inactive' {
	return entity.enabled === true ? 'active' : 'inactive';
}

// Both nodes use them; they live in nodes/shared.
export { metadataOf } from '../../shared/entities';
export { resourceLocator } from '../../shared/properties';

/** The Additional Fields collection of a create. */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** Whether two JSON values are the same (object keys in any order). */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
	const left = a as IDataObject;
	const right = b as IDataObject;
	const keys = Object.keys(left);
	return keys.length === Object.keys(right).length && keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && sameJson(left[key], right[key]));
}

// How Segment answers a secret setting: masked (the sandbox sends "••••••").
const MASKED = /^[•*]+$/;

/**
 * The given settings that differ from the entity's, for Create or Update. A secret one (`secret`
 * says which, or Segment answers it masked) cannot be compared: it is always sent when given.
 */
export function changedSettings(given: IDataObject, current: unknown, secret: (key: string) => boolean): IDataObject {
	const now = current && typeof current === 'object' && !Array.isArray(current) ? (current as IDataObject) : {};
	const changed: IDataObject = {};
	for (const [key, value] of Object.entries(given)) {
		const masked = typeof now[key] === 'string' && MASKED.test(now[key] as string);
		if (secret(key) || masked || !sameJson(now[key], value)) changed[key] = value;
	}
	return changed;
}

/**
 * `run` of an operation that runs over all items (`runAll`): one item on its own, as if it were
 * all of them (the router calls `runAll`; this keeps the declaration whole).
 */
export function runAlone(runAll: (contexts: OperationContext[], run: AllItemsRun) => Promise<ItemOutcome[]>): (context: OperationContext) => Promise<IDataObject[]> {
	return async (context) => {
		const [outcome] = await runAll([context], { continueOnFail: false, concurrently: async (count, work) => await Promise.all(Array.from({ length: count }, async (_v, index) => await work(index))) });
		if (outcome instanceof Error) throw outcome;
		return outcome;
	};
}
