// The figures of a queue-mode run (time per call, executions per worker, signed tokens, start
// times, peak memory), printed after the cases.
import os from 'node:os';

import { log, seconds } from '../../scripts/e2e/cases.mjs';
import { mb, percentile, WORKERS } from './support.mjs';

export function printFigures(figures) {
	if (figures.calls) {
		const { burstMs, main: m, webhook: w } = figures.calls;
		log('\nFigures');
		log(`  ${m.length + w.length} concurrent calls in ${seconds(burstMs)}; per call through main p50 ${seconds(percentile(m, 50))}, max ${seconds(m.at(-1))}; through the webhook process p50 ${seconds(percentile(w, 50))}, max ${seconds(w.at(-1))}`);
		if (figures.perWorker) log(`  executions per worker: ${figures.perWorker.join(' / ')}`);
		if (figures.tokens) log(`  distinct signed tokens per user: ${Object.entries(figures.tokens).map(([user, n]) => `${user} ${n}`).join(', ')} (${WORKERS} workers)${figures.tokensPerWorker ? `; per worker and user: ${Object.entries(figures.tokensPerWorker).map(([key, n]) => `${key.replace('n8n ', '')} ${n}`).join(', ')}` : ''}`);
		if (figures.ready) log(`  ready after start (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} now): ${Object.entries(figures.ready).map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`);
		if (figures.memory) {
			log('  memory, peak RSS during the calls (the process alone / with its task runners):');
			let total = 0;
			for (const [name, peak] of Object.entries(figures.memory)) {
				total += peak.treeKb;
				log(`    ${name.padEnd(14)} ${mb(peak.ownKb).padStart(7)} / ${mb(peak.treeKb).padStart(7)}${peak.children ? ` (${peak.children} child process${peak.children === 1 ? '' : 'es'})` : ''}`);
			}
			log(`    ${'all'.padEnd(14)} ${''.padStart(7)}   ${mb(total).padStart(7)}`);
		}
	}
}
