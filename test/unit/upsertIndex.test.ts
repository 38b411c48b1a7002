/**
 * The shared index behind Create or Update: compacted entities stay equal to what Segment sent,
 * items with one key take turns (a failed turn does not block the next), other keys run freely.
 */
import type { IDataObject } from 'n8n-workflow';

import { UpsertIndex } from '../../nodes/SegmentParagon/actions/upsertIndex';

const source = (n: number): IDataObject => ({
	id: `src_${n}`,
	slug: `slug_${n}`,
	name: `Source ${n}`,
	workspaceId: 'ws_1',
	enabled: true,
	writeKeys: [`key_${n}`],
	metadata: { id: 'cat_js', slug: 'javascript', name: 'Javascript', options: [{ name: 'x' }] },
	settings: {},
	labels: [{ key: 'platform', value: 'web' }],
});

const bySlug = (entity: IDataObject) => (typeof entity.slug === 'string' ? entity.slug : undefined);

describe('UpsertIndex', () => {
	it('a compacted entity is equal to the one Segment sent; what repeats is held once', () => {
		const index = new UpsertIndex(bySlug);
		const [a, b] = [index.compact(source(1)), index.compact(source(2))];
		expect(a).toEqual(source(1));
		expect(b).toEqual(source(2));
		expect(b.metadata).toBe(a.metadata);
		expect(b.labels).toBe(a.labels);
		expect(b.settings).toBe(a.settings);
		expect(b.writeKeys).not.toBe(a.writeKeys);
	});

	it('keys entities, keeps duplicates, and replaces an entity by its id', () => {
		const index = new UpsertIndex(bySlug);
		index.put(source(1));
		index.put({ ...source(2), slug: 'slug_1' });
		expect(index.matches('slug_1').map((entity) => entity.id)).toEqual(['src_1', 'src_2']);
		index.put({ ...source(1), name: 'Renamed' }, 'slug_1');
		expect(index.matches('slug_1').map((entity) => [entity.id, entity.name])).toEqual([['src_2', 'Source 2'], ['src_1', 'Renamed']]);
		expect(index.size).toBe(2);
		index.put({ id: 'no_slug' });
		expect(index.size).toBe(2);
		expect(index.matches('other')).toEqual([]);
	});

	it('items with one key take turns; a failed turn does not block the next; other keys do not wait', async () => {
		const index = new UpsertIndex(bySlug);
		const events: string[] = [];
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const first = index.exclusive('a', async () => {
			events.push('a1 start');
			await gate;
			events.push('a1 end');
			throw new Error('a1 failed');
		});
		const second = index.exclusive('a', async () => {
			events.push('a2');
			return 2;
		});
		const other = index.exclusive('b', async () => {
			events.push('b');
			return 3;
		});
		await expect(other).resolves.toBe(3);
		expect(events).toEqual(['a1 start', 'b']);
		release();
		await expect(first).rejects.toThrow('a1 failed');
		await expect(second).resolves.toBe(2);
		expect(events).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
	});
});
