import type { IDataObject } from 'n8n-workflow';

import { MAPPING_WRITE_WINDOW_MS, MAPPING_WRITES_PER_WINDOW, SlidingWindowPacer, type RequestPacer } from './pacer';
import { listAll, readPage, type Page } from './paging';
import { segmentPath } from './proxyUrl';
import type { SegmentClient } from './request';

export type CatalogKind = 'warehouses' | 'sources' | 'destinations';

export interface Label {
	key: string;
	value: string;
}

const CATALOG_LIST_KEY: Record<CatalogKind, string> = {
	warehouses: 'warehousesCatalog',
	sources: 'sourcesCatalog',
	destinations: 'destinationsCatalog',
};

export function labelText(label: Label): string {
	return `${label.key}:${label.value}`;
}

/**
 * The Segment workspace as one execution sees it: lists, and the catalogs and
 * labels it needs, each fetched at most once per execution.
 */
export class Workspace {
	/** Catalogs and the workspace's labels: one lookup each, shared by every item. */
	private readonly lookups = new Map<string, Promise<unknown>>();
	/** Labels being created, so items run in parallel never send the same label twice. */
	private readonly labelsCreating = new Map<string, Promise<void>>();
	/**
	 * Segment allows 5 destination mapping writes a minute per workspace: every create, update and
	 * delete of a mapping in this execution takes its turn here, so the node never causes a 429 itself.
	 */
	readonly mappingWrites = new SlidingWindowPacer(MAPPING_WRITES_PER_WINDOW, MAPPING_WRITE_WINDOW_MS);

	constructor(readonly client: SegmentClient) {}

	/** One page of a list endpoint (`path` e.g. `/warehouses`, `key` e.g. `warehouses`); `notFound` names the parent of a nested list; `query` narrows the list (e.g. `type`). */
	async page(path: string, key: string, count: number, cursor: string | undefined, itemIndex: number, notFound?: string, query?: IDataObject, pacer?: RequestPacer): Promise<Page> {
		const qs: IDataObject = { ...query, 'pagination.count': count };
		if (cursor) qs['pagination.cursor'] = cursor;
		const data = await this.client.request({ method: 'GET', path, qs, notFound, pacer }, itemIndex);
		return readPage(data, key);
	}

	/** The entries of a list endpoint in `range` (default all), walking its cursors; `pacer` paces each page's read. */
	async list(path: string, key: string, range: { offset?: number; limit?: number }, itemIndex: number, notFound?: string, query?: IDataObject, pacer?: RequestPacer): Promise<IDataObject[]> {
		return await listAll((count, cursor) => this.page(path, key, count, cursor, itemIndex, notFound, query, pacer), range);
	}

	/** Runs `lookup` once per key for the execution; a failed one is forgotten, so the next item tries again. */
	shared<T>(key: string, lookup: () => Promise<T>): Promise<T> {
		let pending = this.lookups.get(key) as Promise<T> | undefined;
		if (!pending) {
			pending = lookup();
			this.lookups.set(key, pending);
			pending.catch(() => this.lookups.delete(key));
		}
		return pending;
	}

	async catalog(kind: CatalogKind, itemIndex: number): Promise<IDataObject[]> {
		return await this.shared(`catalog:${kind}`, () => this.list(segmentPath('catalog', kind), CATALOG_LIST_KEY[kind], {}, itemIndex));
	}

	async workspaceLabels(itemIndex: number): Promise<Label[]> {
		return await this.shared('labels', async () => {
			const data = await this.client.request<{ labels?: Label[] }>({ method: 'GET', path: segmentPath('labels') }, itemIndex);
			return Array.isArray(data.labels) ? data.labels.map(({ key, value }) => ({ key, value })) : [];
		});
	}

	/** Creates the labels the workspace does not have yet (Segment only attaches existing labels). */
	async ensureLabels(wanted: Label[], itemIndex: number): Promise<void> {
		const existing = await this.workspaceLabels(itemIndex);
		for (const label of wanted) {
			const text = labelText(label);
			if (existing.some((known) => labelText(known) === text)) continue;
			let creating = this.labelsCreating.get(text);
			if (!creating) {
				creating = this.client.request({ method: 'POST', path: segmentPath('labels'), body: { label } }, itemIndex).then(() => {
					existing.push(label);
				});
				this.labelsCreating.set(text, creating);
				// Settled either way: a made label is in `existing`, a failed one may be tried by the next item.
				creating.then(
					() => this.labelsCreating.delete(text),
					() => this.labelsCreating.delete(text),
				);
			}
			await creating;
		}
	}
}
