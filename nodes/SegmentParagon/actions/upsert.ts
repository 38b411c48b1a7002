import { deepCopy, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { pluralNameOf } from '../resources/crud';
import type { EntityResult, OperationContext, ResourceDefinition, UpsertHooks } from '../resources/types';
import { errorNode } from '../../shared/transport/redact';
import { upsertIndex, type UpsertIndex } from './upsertIndex';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

const MAX_IDS_NAMED = 10;

function sentenceName(definition: ResourceDefinition): string {
	return definition.displayName[0] + definition.displayName.slice(1).toLowerCase();
}

/** More than one entity has the item's key: nothing is sent, the error names them. */
function ambiguous(definition: ResourceDefinition, context: OperationContext, label: string, matches: IDataObject[]): NodeOperationError {
	const ids = matches.map((entity) => String(entity.id));
	const named = ids.length > MAX_IDS_NAMED ? `${ids.slice(0, MAX_IDS_NAMED).join(', ')} and ${ids.length - MAX_IDS_NAMED} more` : ids.join(', ');
	const one = definition.displayName.toLowerCase();
	return context.params.fail(
		`${ids.length} ${pluralNameOf(definition)} in the workspace have ${label}: ${named}`,
		`Create or Update changes one ${one}, and cannot tell which of these is meant; nothing was sent. Delete or rename all but one of them in Segment, or change that one with Update and its ID.`,
	);
}

/**
 * A change after the first failed: the entity is partly updated. Says what was sent, what was
 * not, and that running the item again finishes it (it compares again and sends what still differs).
 */
function partlyUpdated(definition: ResourceDefinition, context: OperationContext, id: string, done: string[], undone: string[], error: unknown): NodeOperationError {
	const { params, fn } = context;
	const detail = (error as { description?: string }).description;
	const cause = String((error as Error).message ?? error).replace(/ \(item \d+\)$/, '');
	return new NodeOperationError(errorNode(fn.getNode()), `${sentenceName(definition)} ${id} was updated (${done.join(', ')}), but ${undone.join(', ')} could not be set: ${cause} (item ${params.itemIndex})`, {
		itemIndex: params.itemIndex,
		description: `Run Create or Update again to finish it: it compares again and sends only what still differs.${detail ? ` What failed: ${detail}` : ''}`,
	});
}

/** Sends the plan's changes in order; the index keeps whatever Segment answered, also when a later change fails. */
async function update(definition: ResourceDefinition, hooks: UpsertHooks, context: OperationContext, index: UpsertIndex, key: string, existing: IDataObject): Promise<{ result: EntityResult; upsert: UpsertOutcome }> {
	const { changes, platform, extra } = await hooks.differences(context, existing);
	if (!changes.length) return { result: { entity: existing, platform, extra }, upsert: 'unchanged' };
	let entity = existing;
	try {
		// The first change failing leaves the entity as it was: its own error says it all.
		entity = (await changes[0].send(entity)) ?? entity;
		for (const [position, change] of changes.entries()) {
			if (!position) continue;
			try {
				entity = (await change.send(entity)) ?? entity;
			} catch (error) {
				const what = changes.map((each) => each.what);
				throw partlyUpdated(definition, context, String(existing.id), what.slice(0, position), what.slice(position), error);
			}
		}
	} finally {
		if (entity !== existing) index.put(entity, key);
	}
	return { result: { entity, platform, extra }, upsert: 'updated' };
}

/**
 * Create or Update of one item (SPEC §4.4): its key read first, then the resource's list (read
 * once per execution) looked up; no match → `create` (the resource's), one match → only what differs
 * is sent, more than one → an error naming them. Items with the same key take turns, so what one
 * creates is what the next one finds.
 */
export async function runUpsert(
	definition: ResourceDefinition,
	hooks: UpsertHooks,
	create: (context: OperationContext) => Promise<EntityResult>,
	context: OperationContext,
): Promise<{ result: EntityResult; upsert: UpsertOutcome }> {
	const { key, label } = await hooks.key(context);
	const index = await upsertIndex(definition, hooks, context);
	const outcome = await index.exclusive(key, async () => {
		const matches = index.matches(key);
		if (matches.length > 1) throw ambiguous(definition, context, label, matches);
		if (matches.length === 1) return await update(definition, hooks, context, index, key, matches[0]);
		// Kept as soon as Segment made it: an item with the same key then finds it, even if a later step fails.
		const result = await create({ ...context, created: (entity) => index.put(entity, key) });
		index.put(result.entity, key);
		return { result, upsert: 'created' as const };
	});
	// The index shares parts between entities: the item gets its own copy.
	return { result: { ...outcome.result, entity: deepCopy(outcome.result.entity) }, upsert: outcome.upsert };
}
