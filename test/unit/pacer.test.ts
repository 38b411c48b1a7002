/**
 * The Pacer keeps the node's own calls of one kind within Segment's limit for them (event volume:
 * 60 a minute): the 61st call of a window waits for the first one's minute to pass; items that
 * ask at the same moment each get their own slot.
 */
import { Pacer } from '../../nodes/shared/transport/pacer';

function fakeClock() {
	let now = 1_000_000;
	const waits: number[] = [];
	return {
		waits,
		advance(ms: number) {
			now += ms;
		},
		clock: {
			now: () => now,
			wait: async (ms: number) => {
				waits.push(ms);
			},
		},
	};
}

it('60 calls start at once; the 61st and 62nd wait for the first and second to be a minute old', async () => {
	const time = fakeClock();
	const pacer = new Pacer(60, 60_000, time.clock);
	for (let i = 0; i < 60; i++) {
		await pacer.take();
		time.advance(100);
	}
	expect(time.waits).toEqual([]);
	await pacer.take();
	await pacer.take();
	// The first started at t0, the second at t0 + 100; now is t0 + 6,000.
	expect(time.waits).toEqual([54_000, 54_100]);
});

it('concurrent callers never share a slot', async () => {
	const time = fakeClock();
	const pacer = new Pacer(2, 1000, time.clock);
	await Promise.all([pacer.take(), pacer.take(), pacer.take(), pacer.take(), pacer.take()]);
	expect(time.waits).toEqual([1000, 1000, 2000]);
});
