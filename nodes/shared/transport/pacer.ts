import { sleep } from 'n8n-workflow';

/** What the pacer reads time from and waits on. */
export interface PacingClock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: PacingClock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => await sleep(ms, signal),
};

let currentClock: PacingClock = realClock;

/**
 * Tests only: pacers made from now on read and wait on this clock (a fake one moves on at once,
 * shared with the sandbox's limiter, so a minute of pacing takes no real minute). No argument:
 * the real clock again.
 */
export function setPacingClock(clock?: PacingClock): void {
	currentClock = clock ?? realClock;
}

/** The clock paced waits read and sleep on now (also the wait between polls of a reverse ETL sync). */
export function pacingClock(): PacingClock {
	return currentClock;
}

/** Segment allows 5 destination mapping writes (create, update, delete) a minute per workspace. */
export const MAPPING_WRITES_PER_WINDOW = 5;
export const MAPPING_WRITE_WINDOW_MS = 60_000;

/** Called when the paced request's answer (or failure) came back. */
export type Release = () => void;

/** What a request asks before it is sent: its turn under a limit. */
export interface RequestPacer {
	acquire(signal?: AbortSignal): Promise<Release>;
}

/**
 * Never more than `limit` requests in any `windowMs`. A request counts from the moment it is
 * sent until `windowMs` after its answer came back: Segment counts it when it arrives, which lies
 * between the two, so no network delay can make Segment see more than `limit` in its window.
 * Requests take their turns in the order they asked; a turn waits out what the window requires.
 */
export class SlidingWindowPacer implements RequestPacer {
	/** When the answers of the requests still in the window came back, oldest first. */
	private readonly answeredAt: number[] = [];
	private inFlight = 0;
	private turn: Promise<unknown> = Promise.resolve();
	private readonly waitingForAnswer = new Set<() => void>();
	private readonly clock = currentClock;
	/** Requests let through, and the time spent waiting for the window (for the figures). */
	sent = 0;
	waitedMs = 0;

	constructor(
		readonly limit: number,
		readonly windowMs: number,
	) {}

	async acquire(signal?: AbortSignal): Promise<Release> {
		const mine = this.turn.then(async () => await this.waitForRoom(signal));
		this.turn = mine.catch(() => undefined);
		return await mine;
	}

	private async waitForRoom(signal?: AbortSignal): Promise<Release> {
		for (;;) {
			const now = this.clock.now();
			while (this.answeredAt.length && this.answeredAt[0] + this.windowMs <= now) this.answeredAt.shift();
			if (this.inFlight + this.answeredAt.length < this.limit) break;
			if (this.answeredAt.length) {
				const wait = this.answeredAt[0] + this.windowMs - now;
				await this.clock.sleep(wait, signal);
				this.waitedMs += wait;
			} else {
				// Every counted request is still on its way: its answer starts its minute.
				await new Promise<void>((resolve) => this.waitingForAnswer.add(resolve));
			}
		}
		this.inFlight++;
		this.sent++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.answeredAt.push(this.clock.now());
			for (const wake of this.waitingForAnswer) wake();
			this.waitingForAnswer.clear();
		};
	}
}
