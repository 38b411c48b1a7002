/** A clock for the pacer and the sandbox's limits in tests (the pacer takes it through setPacingClock). */
/** Time that moves only when someone sleeps on it; `slept` keeps every wait. */
export class FakeClock {
	readonly start = Date.parse('2026-03-02T10:00:00Z');
	at = this.start;
	readonly slept: number[] = [];

	now(): number {
		return this.at;
	}

	async sleep(ms: number): Promise<void> {
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
