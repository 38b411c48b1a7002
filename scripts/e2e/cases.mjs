// The PASS / FAIL reporting shared by the runs against the real n8n (test/e2e, test/queue):
// each case prints one line, and the run ends with "N passed, N failed".
import assert from 'node:assert/strict';

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export function log(message) {
	process.stdout.write(`${message}\n`);
}

export function short(error) {
	const text = error instanceof assert.AssertionError ? `${error.message}` : error?.stack || String(error);
	return text.split('\n').slice(0, 30).join('\n      ');
}

/**
 * A case list: `check(name, fn)` is PASS when `fn` returns (its result is a note), FAIL with the
 * reason when it throws; `quiet()` says whether a failure should go unreported (a run being stopped).
 */
export function createCases({ quiet = () => false } = {}) {
	const results = [];
	return {
		results,
		async check(name, fn) {
			const t = Date.now();
			try {
				const note = await fn();
				results.push({ name, ok: true });
				const ms = Date.now() - t;
				log(`PASS  ${name}${note ? ` — ${note}` : ''}${ms >= 50 ? ` (${seconds(ms)})` : ''}`);
				return true;
			} catch (error) {
				if (quiet()) return false;
				results.push({ name, ok: false });
				log(`FAIL  ${name}\n      ${short(error)}`);
				return false;
			}
		},
		/** Cases that depend on a step that failed: each one is reported as failed. */
		failAll(names, error) {
			for (const name of names) {
				results.push({ name, ok: false });
				log(`FAIL  ${name}\n      not run: ${short(error)}`);
			}
		},
		failed: () => results.some((result) => !result.ok),
		summary() {
			const passed = results.filter((result) => result.ok).length;
			return { passed, failed: results.length - passed, line: `${passed} passed, ${results.length - passed} failed` };
		},
	};
}
