/** A clock for the pacer and the sandbox's limits in tests (the pacer takes it through setPacingClock). */
/** Time that moves only when someone sleeps on it; `slept` keeps every wait. */
export class FakeClock {
	readonly start = Date.parse('2026-03-02T10:00:00Z');
	at = this.start;
	readonly slept: number[] = [];

	now(): number {
		return this.at;
	}

	/** Moves on at once; a stopped execution's signal ends the sleep as the real one does. */
	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) throw signal.reason ?? new Error('aborted');
		this.slept.push(ms);
		this.at += ms;
		await Promise.resolve();
	}

	get elapsed(): number {
		return this.at - this.start;
	}

	reset(): void {
		this.at = this.start;
		this.slept.length = 0;
	}
}
