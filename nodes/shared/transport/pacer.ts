import { sleep } from 'n8n-workflow';

/**
 * Keeps the node's own calls of one kind within Segment's limit for them (e.g. 200 rule reads a
 * minute), so it never causes a 429 itself: at most `perWindow` calls start in any `windowMs`.
 * Items running at the same time share one pacer; each call reserves its start time at once, so
 * two items never take the same free slot. Others' calls are not seen: their 429 is waited out by
 * the transport.
 */
export class Pacer {
	/** Start times reserved, oldest first; only the last `perWindow` matter. */
	private readonly starts: number[] = [];

	constructor(
		private readonly perWindow: number,
		private readonly windowMs: number,
		private readonly clock: { now(): number; wait(ms: number): Promise<void> } = { now: () => Date.now(), wait: sleep },
	) {}

	/** Waits until one more call may start, and counts it. */
	async take(): Promise<void> {
		const now = this.clock.now();
		const window = this.starts.length >= this.perWindow ? this.starts[this.starts.length - this.perWindow] : undefined;
		const start = window === undefined ? now : Math.max(now, window + this.windowMs);
		this.starts.push(start);
		if (this.starts.length > this.perWindow) this.starts.splice(0, this.starts.length - this.perWindow);
		if (start > now) await this.clock.wait(start - now);
	}
}
