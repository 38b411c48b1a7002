/**
 * The pacer that keeps the node's own rule reads within Segment's 200 a minute: on a clock of its
 * own, so a minute passes in no time.
 */
import { Pacer } from '../../nodes/shared/transport/pacer';

function fakeClock() {
	const clock = {
		time: 0,
		waits: [] as number[],
		now: () => clock.time,
		async wait(ms: number) {
			clock.waits.push(ms);
		},
	};
	return clock;
}

it('200 calls start at once; the 201st waits until the first is a minute old', async () => {
	const clock = fakeClock();
	const pacer = new Pacer(200, 60_000, clock);
	for (let call = 0; call < 200; call++) await pacer.take();
	expect(clock.waits).toEqual([]);
	clock.time = 10_000;
	await pacer.take();
	expect(clock.waits).toEqual([50_000]);
});

it('items taking turns at the same instant each get their own slot: no window ever holds more than 200', async () => {
	const clock = fakeClock();
	const pacer = new Pacer(200, 60_000, clock);
	await Promise.all(Array.from({ length: 450 }, () => pacer.take()));
	// Starts: 200 now, 200 a minute later, 50 two minutes later.
	expect(clock.waits).toEqual([...Array(200).fill(60_000), ...Array(50).fill(120_000)]);
	const starts = [...Array(200).fill(0), ...clock.waits];
	for (const start of starts) expect(starts.filter((other) => other >= start && other < start + 60_000).length).toBeLessThanOrEqual(200);
});

it('calls spaced out within the limit never wait', async () => {
	const clock = fakeClock();
	const pacer = new Pacer(3, 1000, clock);
	for (let call = 0; call < 10; call++) {
		await pacer.take();
		clock.time += 400;
	}
	expect(clock.waits).toEqual([]);
});
