import type { IDataObject } from 'n8n-workflow';

export const MAX_PAGE_SIZE = 200;

export interface Page {
	entries: IDataObject[];
	next?: string;
}

/** Fetches one page of at most `count` entries, starting at `cursor`. */
export type PageFetcher = (count: number, cursor: string | undefined) => Promise<Page>;

/**
 * Walks Segment's cursors: skips `offset` entries, then returns up to `limit`
 * (all when undefined), asking each page for no more than is still needed (and at most
 * `pageSize`: some endpoints allow fewer than 200 a page).
 */
export async function listAll(fetchPage: PageFetcher, { offset = 0, limit }: { offset?: number; limit?: number } = {}, pageSize = MAX_PAGE_SIZE): Promise<IDataObject[]> {
	const wanted = limit === undefined ? Infinity : offset + limit;
	const collected: IDataObject[] = [];
	let seen = 0;
	let cursor: string | undefined;
	do {
		const count = Math.min(pageSize, wanted - seen);
		const page = await fetchPage(count, cursor);
		for (const entry of page.entries) {
			if (seen >= offset && seen < wanted) collected.push(entry);
			seen++;
		}
		cursor = page.next;
		// A page shorter than asked with a cursor would loop forever on a broken server; an empty page ends the walk.
		if (!page.entries.length) break;
	} while (cursor && seen < wanted);
	return collected;
}

/** Reads Segment's list envelope `{<key>: [...], pagination: {next?}}`. */
export function readPage(data: IDataObject, key: string): Page {
	const entries = Array.isArray(data[key]) ? (data[key] as IDataObject[]) : [];
	const next = (data.pagination as IDataObject | undefined)?.next;
	return { entries, next: typeof next === 'string' && next ? next : undefined };
}
