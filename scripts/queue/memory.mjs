// Memory (RSS) of processes and their descendants, read from /proc.
import fs from 'node:fs';

/** VmRSS of a pid in KiB (undefined when it is gone). */
export function rssKb(pid) {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return undefined;
	}
}

/** Every live descendant of `pid` (children, their children, ...). */
export function descendants(pid) {
	const children = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(entry));
		} catch {}
	}
	const found = [];
	const queue = [...(children.get(pid) ?? [])];
	while (queue.length) {
		const next = queue.shift();
		found.push(next);
		queue.push(...(children.get(next) ?? []));
	}
	return found;
}

/** RSS of a process alone and with its descendants (n8n's task runners), in KiB. */
export function memoryOf(pid) {
	const own = rssKb(pid);
	if (own === undefined) return undefined;
	const kids = descendants(pid).map(rssKb).filter((kb) => kb !== undefined);
	return { ownKb: own, treeKb: own + kids.reduce((a, b) => a + b, 0), children: kids.length };
}

/** Samples `memoryOf` for named pids every `intervalMs`; `stop()` returns the peaks (each figure's own maximum) and the last sample. */
export function sampleMemory(pids, { intervalMs = 500 } = {}) {
	const peak = {};
	const last = {};
	const take = () => {
		for (const [name, pid] of Object.entries(pids)) {
			const memory = memoryOf(pid);
			if (!memory) continue;
			last[name] = memory;
			const before = peak[name] ?? { ownKb: 0, treeKb: 0, children: 0 };
			peak[name] = { ownKb: Math.max(before.ownKb, memory.ownKb), treeKb: Math.max(before.treeKb, memory.treeKb), children: Math.max(before.children, memory.children) };
		}
	};
	take();
	const timer = setInterval(take, intervalMs);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			take();
			return { peak, last };
		},
	};
}
