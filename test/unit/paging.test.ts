import { listAll, type Page } from '../../nodes/shared/transport/paging';

/** A fake list of `total` entries served like Segment: cursor = position. */
function server(total: number) {
	const calls: Array<{ count: number; cursor?: string }> = [];
	const fetchPage = async (count: number, cursor: string | undefined): Promise<Page> => {
		calls.push({ count, cursor });
		const start = cursor ? Number(cursor) : 0;
		const end = Math.min(total, start + count);
		const entries = Array.from({ length: end - start }, (_, i) => ({ n: start + i }));
		return { entries, next: end < total ? String(end) : undefined };
	};
	return { calls, fetchPage };
}

describe('listAll', () => {
	it('returns everything in pages of 200 with returnAll', async () => {
		const { calls, fetchPage } = server(450);
		const all = await listAll(fetchPage);
		expect(all).toHaveLength(450);
		expect(all[449]).toEqual({ n: 449 });
		expect(calls.map((call) => call.count)).toEqual([200, 200, 200]);
	});

	it('asks only for what is still needed', async () => {
		const { calls, fetchPage } = server(1000);
		const some = await listAll(fetchPage, { offset: 0, limit: 20 });
		expect(some.map((entry) => entry.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(calls).toEqual([{ count: 20, cursor: undefined }]);
	});

	it('skips offset entries, then returns limit, in the fewest requests', async () => {
		const { calls, fetchPage } = server(1000);
		const some = await listAll(fetchPage, { offset: 450, limit: 10 });
		expect(some.map((entry) => entry.n)).toEqual([450, 451, 452, 453, 454, 455, 456, 457, 458, 459]);
		expect(calls.map((call) => call.count)).toEqual([200, 200, 60]);
	});

	it('stops at the last page even when the limit is larger', async () => {
		const { calls, fetchPage } = server(30);
		expect(await listAll(fetchPage, { offset: 25, limit: 50 })).toHaveLength(5);
		expect(calls).toHaveLength(1);
	});

	it('returns nothing when the offset is past the end', async () => {
		const { fetchPage } = server(10);
		expect(await listAll(fetchPage, { offset: 10, limit: 5 })).toEqual([]);
	});

	it('ends on an empty page even if the server still sends a cursor', async () => {
		let calls = 0;
		const all = await listAll(async () => {
			calls++;
			return { entries: [], next: 'again' };
		});
		expect(all).toEqual([]);
		expect(calls).toBe(1);
	});
});
