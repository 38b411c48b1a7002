/**
 * The sliding-window pacer behind Segment's 5 mapping writes a minute: a request counts from when
 * it is sent until a window after its answer, turns keep their order, a stopped execution stops
 * the wait. Runs on a fake clock (the pacer takes it through setPacingClock).
 */
import { setPacingClock, SlidingWindowPacer } from '../../nodes/shared/transport/pacer';
import { FakeClock } from '../helpers/fakeClock';

let clock: FakeClock;
beforeEach(() => {
	clock = new FakeClock();
	setPacingClock(clock);
});
afterAll(() => setPacingClock());

/** A request that takes `ms` of the clock between being sent and answered. */
async function send(pacer: SlidingWindowPacer, log: number[], ms = 0): Promise<void> {
	const release = await pacer.acquire();
	log.push(clock.elapsed);
	clock.at += ms;
	release();
}

it('5 at once, the sixth and seventh a window after the first answer', async () => {
	const pacer = new SlidingWindowPacer(5, 60_000);
	const sentAt: number[] = [];
	for (let index = 0; index < 7; index++) await send(pacer, sentAt, 100);
	expect(sentAt).toEqual([0, 100, 200, 300, 400, 60_100, 60_200]);
	expect(pacer.sent).toBe(7);
	expect(pacer.waitedMs).toBe(59_600);
});

it('requests in flight count: the sixth waits for an answer, then a window from it', async () => {
	const pacer = new SlidingWindowPacer(5, 60_000);
	const releases = await Promise.all(Array.from({ length: 5 }, () => pacer.acquire()));
	let sixthSent = -1;
	const sixth = pacer.acquire().then((release) => {
		sixthSent = clock.elapsed;
		release();
	});
	for (let turn = 0; turn < 10; turn++) await Promise.resolve();
	expect(sixthSent).toBe(-1);
	clock.at += 2_000;
	releases[0]();
	await sixth;
	expect(sixthSent).toBe(62_000);
	for (const release of releases.slice(1)) release();
});

it('turns keep the order asked, also when many wait; no window ever holds more than the limit', async () => {
	const pacer = new SlidingWindowPacer(2, 1_000);
	const order: number[] = [];
	const sentAt: number[] = [];
	await Promise.all(Array.from({ length: 6 }, async (_, index) => {
		const release = await pacer.acquire();
		order.push(index);
		sentAt.push(clock.elapsed);
		release();
	}));
	expect(order).toEqual([0, 1, 2, 3, 4, 5]);
	for (let index = 2; index < sentAt.length; index++) expect(sentAt[index] - sentAt[index - 2]).toBeGreaterThanOrEqual(1_000);
});

it('a release called twice counts once', async () => {
	const pacer = new SlidingWindowPacer(1, 1_000);
	const release = await pacer.acquire();
	release();
	release();
	await pacer.acquire();
	expect(clock.elapsed).toBe(1_000);
});

it('a stopped execution ends the wait with its reason, and later turns still come', async () => {
	setPacingClock();
	const pacer = new SlidingWindowPacer(1, 60_000);
	(await pacer.acquire())();
	const controller = new AbortController();
	const waiting = pacer.acquire(controller.signal);
	controller.abort(new Error('stopped'));
	await expect(waiting).rejects.toThrow('stopped');
});

it('event volume (60 a minute): 60 calls go at once, the 61st and 62nd a minute after the first and second answers', async () => {
	const pacer = new SlidingWindowPacer(60, 60_000);
	const sentAt: number[] = [];
	for (let index = 0; index < 62; index++) await send(pacer, sentAt, 100);
	expect(sentAt.slice(0, 60)).toEqual(Array.from({ length: 60 }, (_, index) => index * 100));
	expect(sentAt.slice(60)).toEqual([60_100, 60_200]);
});
