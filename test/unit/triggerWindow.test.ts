import { countIn, lastWindow, shifted, windowOf } from '../../nodes/SegmentParagonTrigger/events/window';

const at = (iso: string) => Date.parse(iso);

describe('the window an incident event counts', () => {
	it('up to an hour: by the minute, ending a minute before now', () => {
		const window = lastWindow(at('2026-03-02T10:17:42.500Z'), 60);
		expect(window).toEqual({ granularity: 'MINUTE', startMs: at('2026-03-02T09:16:00Z'), endMs: at('2026-03-02T10:16:00Z') });
		expect(windowOf(window)).toEqual({ start: '2026-03-02T09:16:00Z', end: '2026-03-02T10:16:00Z', minutes: 60 });
	});

	it('longer: whole hours up to the last full hour a minute ago', () => {
		expect(lastWindow(at('2026-03-02T10:00:30Z'), 90)).toEqual({ granularity: 'HOUR', startMs: at('2026-03-02T07:00:00Z'), endMs: at('2026-03-02T09:00:00Z') });
		expect(lastWindow(at('2026-03-02T10:01:00Z'), 61)).toEqual({ granularity: 'HOUR', startMs: at('2026-03-02T08:00:00Z'), endMs: at('2026-03-02T10:00:00Z') });
	});

	it('counts the points of a series inside the window only (counts as text too)', () => {
		const window = lastWindow(at('2026-03-02T10:03:10Z'), 2);
		const series = [
			{ time: '2026-03-02T09:59:00Z', count: 100 },
			{ time: '2026-03-02T10:00:00Z', count: '3' },
			{ time: '2026-03-02T10:01:00Z', count: 4 },
			{ time: '2026-03-02T10:02:00Z', count: 100 },
			{ time: 'not a time', count: 100 },
		];
		expect(countIn(series, window)).toBe(7);
		expect(countIn(series, shifted(window, 60_000))).toBe(103);
		expect(countIn(undefined, window)).toBe(0);
	});
});
