/**
 * Runs `work` for items 0..count-1 with at most `concurrency` in flight and returns the
 * results in item order. When an item throws, no further item starts; the items already in
 * flight finish, then the error of the lowest failed item is thrown.
 */
export async function mapItems<T>(count: number, concurrency: number, work: (itemIndex: number) => Promise<T>): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failedItem = Infinity;
	let failure: unknown;

	async function worker(): Promise<void> {
		while (failedItem === Infinity && next < count) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await work(itemIndex);
			} catch (error) {
				if (itemIndex < failedItem) {
					failedItem = itemIndex;
					failure = error;
				}
			}
		}
	}

	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	if (failedItem !== Infinity) throw failure;
	return results;
}
