/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test harness: runs in Node.js beside n8n (process.env, fs, n8n-core internals), never inside n8n */
/**
 * n8n-core, loaded once and late: its InstanceSettings reads (or creates, writing a fresh encryption
 * key) $N8N_USER_FOLDER/.n8n/config, and @n8n/config creates the .n8n folder when loaded. So
 * N8N_USER_FOLDER must point at a throwaway place before n8n-core is required. The harness uses
 * one fixed folder under the OS temp dir (nothing accumulates, nothing to clean up) and seeds its
 * config atomically, so parallel jest workers only ever read it.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type N8nCore = typeof import('n8n-core');

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the harness's throwaway user folder, not a secret
const HARNESS_ENCRYPTION_KEY = 'n8n-engine-harness-not-a-secret';

function prepareUserFolder(): void {
	const folder = join(tmpdir(), 'n8n-engine-harness');
	const n8nFolder = join(folder, '.n8n');
	const settingsFile = join(n8nFolder, 'config');
	mkdirSync(n8nFolder, { recursive: true });
	if (!existsSync(settingsFile)) {
		const temporary = `${settingsFile}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify({ encryptionKey: HARNESS_ENCRYPTION_KEY }), { mode: 0o600 });
		renameSync(temporary, settingsFile);
	}
	process.env.N8N_USER_FOLDER = folder;
}

let core: N8nCore | undefined;
export function loadCore(): N8nCore {
	if (core) return core;
	prepareUserFolder();
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded late: N8N_USER_FOLDER must be set first
	const loaded = require('n8n-core') as N8nCore;
	installQuietErrorReporter(loaded);
	core = loaded;
	return loaded;
}

/**
 * WorkflowExecute hands every node error to n8n-core's ErrorReporter (Sentry in n8n), whose
 * default implementation logs the error and its whole cause chain (axios stack included) to the
 * console. The engine's result already carries the error, so the reporter is replaced in n8n-core's
 * DI container by a quiet one. Set N8N_HARNESS_LOG_ERRORS=1 to print reported errors.
 */
function installQuietErrorReporter(loaded: N8nCore): void {
	// @n8n/di is n8n-core's dependency, not ours: resolve it from n8n-core's location
	const diPath = require.resolve('@n8n/di', { paths: [dirname(require.resolve('n8n-core'))] });
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n-core's own copy of @n8n/di, found at run time
	const { Container } = require(diPath) as {
		Container: { set: (type: unknown, instance: unknown) => void };
	};
	const log = (error: unknown) => {
		// eslint-disable-next-line no-console -- printed only when asked for (N8N_HARNESS_LOG_ERRORS)
		if (process.env.N8N_HARNESS_LOG_ERRORS) console.error('[n8n ErrorReporter]', error);
	};
	Container.set(loaded.ErrorReporter, { error: log, warn: log, info: log });
}

