import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../../shared/transport/paging';
import { listKeyOf, parentNotFoundName, resourcePath } from '../resources/crud';
import type { OperationContext, ResourceDefinition, UpsertHooks } from '../resources/types';

/** Top-level fields whose text values repeat across a workspace's entities: kept once. */
const REPEATED_TEXT = new Set(['workspaceId', 'sourceId']);
/** Label sets up to this JSON length repeat across sources (platform:web, category:analytics): kept once too. */
const SHARED_JSON_MAX = 200;

/**
 * The entities of one resource as this execution knows them, by key: the list read once (all
 * pages), plus what the execution's own items created or changed. Items with one key take turns
 * (`exclusive`), so two of them never both see "no match" and create twice.
 *
 * Kept small, as a workspace may hold 100,000 entities: in the entities of the list (`compact`),
 * each `metadata` (the catalog entry, the same for every entity of that kind) and the short values
 * many entities share (workspace id, label sets, empty settings) are held once. What the items
 * created or changed is held as Segment answered it. Entities here are never changed in place.
 */
export class UpsertIndex {
	/** One entity per key, or a list when the workspace has more than one with it. */
	private readonly byKey = new Map<string, IDataObject | IDataObject[]>();
	private readonly shared = new Map<string, unknown>();
	private readonly turns = new Map<string, Promise<unknown>>();
	private count = 0;

	constructor(private readonly keyOf: (entity: IDataObject) => string | undefined) {}

	/** The number of entities held. */
	get size(): number {
		return this.count;
	}

	/** The entities with this key (more than one: the workspace has duplicates). */
	matches(key: string): IDataObject[] {
		const held = this.byKey.get(key);
		return held === undefined ? [] : Array.isArray(held) ? held : [held];
	}

	/** Holds an entity under its key (`key` when given), in place of the one with its id there. */
	put(entity: IDataObject, key = this.keyOf(entity)): void {
		if (key === undefined) return;
		const held = this.matches(key);
		const others = held.filter((candidate) => candidate.id !== entity.id);
		this.count += others.length - held.length + 1;
		this.byKey.set(key, others.length ? [...others, entity] : entity);
	}

	/** Runs `work` when no other item with this key is running; items with other keys are not held up. */
	async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
		const before = this.turns.get(key) ?? Promise.resolve();
		const turn = before.catch(() => undefined).then(work);
		this.turns.set(key, turn);
		try {
			return await turn;
		} finally {
			if (this.turns.get(key) === turn) this.turns.delete(key);
		}
	}

	/** A copy of an entity of the list whose repeated parts are the ones already held. */
	compact(entity: IDataObject): IDataObject {
		const compact = { ...entity };
		for (const field of Object.keys(compact)) compact[field] = this.once(field, compact[field]) as IDataObject[string];
		return compact;
	}

	/** One copy of a value many entities have: the catalog entry by its id, short repeated texts and JSON. */
	private once(field: string, value: unknown): unknown {
		let tag: string | undefined;
		if (field === 'metadata' && value && typeof value === 'object' && typeof (value as IDataObject).id === 'string') tag = `metadata:${String((value as IDataObject).id)}`;
		else if (typeof value === 'string' && REPEATED_TEXT.has(field)) tag = `text:${value}`;
		else if (value && typeof value === 'object' && (field === 'labels' || !Object.keys(value).length)) {
			const json = JSON.stringify(value);
			if (json.length <= SHARED_JSON_MAX) tag = `json:${json}`;
		}
		if (tag === undefined) return value;
		const known = this.shared.get(tag);
		if (known !== undefined) return known;
		this.shared.set(tag, value);
		return value;
	}
}

/**
 * The resource's index for this execution: its list (under its parent) read once, in pages of 200 (the fewest
 * requests), shared by every item and by items running at the same time. A failed read is
 * forgotten, so the next item reads again.
 */
export async function upsertIndex(definition: ResourceDefinition, hooks: UpsertHooks, context: OperationContext): Promise<UpsertIndex> {
	const { workspace, params } = context;
	// A nested resource has one list per parent (a destination's mappings): one index each.
	const path = resourcePath(definition, params);
	return await workspace.shared(`upsert:${path}`, async () => {
		const index = new UpsertIndex((entity) => hooks.keyOf(entity));
		let cursor: string | undefined;
		do {
			const page = await workspace.page(path, listKeyOf(definition), MAX_PAGE_SIZE, cursor, params.itemIndex, parentNotFoundName(definition, params));
			for (const entity of page.entries) index.put(index.compact(entity));
			cursor = page.next;
			// An empty page ends the walk (a broken server could send a cursor forever).
			if (!page.entries.length) break;
		} while (cursor);
		return index;
	});
}
