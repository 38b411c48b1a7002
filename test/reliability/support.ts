/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: captures the process output in Node.js, never runs inside n8n */
/**
 * Shared by the reliability suites: everything the engine and the node print is captured
 * (console, stdout, stderr, n8n's logger and error reporter), and the secrets of the runs
 * are listed so a suite can prove none of them ever shows up in an error, an output item or
 * a log line.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

import { LoggerProxy, type IDataObject } from 'n8n-workflow';

import { rl, type RunNodeResult } from '../helpers/engine';
import { keys, runSegment, startWorld, USER_TOKEN, type Sandbox } from '../helpers/world';

/** JSON of anything, errors and cycles included (what a log line would carry). */
export function serialize(value: unknown): string {
	if (typeof value === 'string') return value;
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(value, (_key, entry: unknown) => {
			if (entry instanceof Error) {
				const own: IDataObject = {};
				for (const name of Object.getOwnPropertyNames(entry)) own[name] = (entry as unknown as IDataObject)[name];
				return { name: entry.name, message: entry.message, stack: entry.stack, ...own };
			}
			if (typeof entry === 'bigint') return String(entry);
			if (entry && typeof entry === 'object') {
				if (seen.has(entry)) return '[cycle]';
				seen.add(entry);
			}
			return entry;
		});
	} catch {
		return String(value);
	}
}

export interface Capture {
	readonly lines: string[];
	stop(): void;
}

/**
 * Records every console call, stdout/stderr write and n8n log call until `stop()`.
 * Writes still reach the terminal (jest's own reporter writes there too).
 * Call after the engine has loaded n8n-core (after a first run).
 */
export function captureOutput(): Capture {
	const lines: string[] = [];
	const record = (source: string, args: unknown[]) => lines.push(`${source}: ${args.map(serialize).join(' ')}`);
	const undo: Array<() => void> = [];

	// While capturing, n8n-core's error reporter prints every node error (cause chain included):
	// in n8n that is the Sentry / log output, so it is captured and checked too.
	const reportErrors = process.env.N8N_HARNESS_LOG_ERRORS;
	process.env.N8N_HARNESS_LOG_ERRORS = '1';
	undo.push(() => {
		if (reportErrors === undefined) delete process.env.N8N_HARNESS_LOG_ERRORS;
		else process.env.N8N_HARNESS_LOG_ERRORS = reportErrors;
	});

	for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
		const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => record(`console.${method}`, args));
		undo.push(() => spy.mockRestore());
	}
	for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
		const original = stream.write;
		stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
			record(name, [Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)]);
			return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
		} as typeof stream.write;
		undo.push(() => (stream.write = original));
	}

	// n8n's logger: LoggerProxy (n8n-workflow, used by the engine) and the DI Logger (used by
	// n8n-core's contexts, `this.logger` of a node). Each jest file has its own module registry.
	const logger = {
		error: (message: unknown, meta?: unknown) => record('log.error', [message, meta]),
		warn: (message: unknown, meta?: unknown) => record('log.warn', [message, meta]),
		info: (message: unknown, meta?: unknown) => record('log.info', [message, meta]),
		debug: (message: unknown, meta?: unknown) => record('log.debug', [message, meta]),
		scoped: () => logger,
	};
	LoggerProxy.init(logger as never);
	const corePaths = { paths: [dirname(require.resolve('n8n-core'))] };
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n-core's own copies, found at run time
	const { Container } = require(require.resolve('@n8n/di', corePaths)) as { Container: { set: (token: unknown, value: unknown) => void } };
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
	const { Logger } = require(require.resolve('@n8n/backend-common', corePaths)) as { Logger: unknown };
	Container.set(Logger, logger);

	return {
		lines,
		stop: () => undo.forEach((restore) => restore()),
	};
}

/**
 * A sandbox, with n8n-core already loaded (its start-up lines are not the node's), and the
 * capture of everything printed from then on.
 */
export async function startCapturedWorld(): Promise<{ sandbox: Sandbox; capture: Capture }> {
	const sandbox = await startWorld();
	await runSegment(sandbox, { resource: 'warehouse', operation: 'get', warehouseId: rl(' ') });
	return { sandbox, capture: captureOutput() };
}

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a made-up password the tests look for in every output
export const WAREHOUSE_PASSWORD = 'wh-Pa55word-7f3b2c91e0';
const fakeKeyBody = randomBytes(600).toString('base64').replace(/(.{64})/g, '$1\n').trim();
const fakeKeyId = randomBytes(20).toString('hex');
export const BIGQUERY_KEY = JSON.stringify(
	{
		type: 'service_account',
		project_id: 'my-gcp-project',
		private_key_id: fakeKeyId,
		private_key: `-----BEGIN PRIVATE KEY-----\n${fakeKeyBody}\n-----END PRIVATE KEY-----\n`,
		client_email: 'segment-loader@my-gcp-project.iam.gserviceaccount.com',
	},
	null,
	2,
);

function pemBodyLines(pem: string): string[] {
	return pem.split('\n').map((line) => line.trim()).filter((line) => line.length >= 16 && !line.startsWith('-----'));
}

/** The bearer tokens the sandbox received (the static user token and every JWT the node signed). */
export function tokensSeen(sandbox: Sandbox): string[] {
	const tokens = new Set<string>();
	for (const request of sandbox.requests) {
		const header = request.headers.authorization;
		if (typeof header === 'string' && header.startsWith('Bearer ')) tokens.add(header.slice('Bearer '.length));
	}
	return [...tokens];
}

/**
 * The strings that must never appear: the user token, every token seen on the wire (and each
 * JWT's signature), the signing key's PEM body lines, the warehouse password and the service
 * account key (whole, its key id and its private key lines).
 */
export function secretNeedles(tokens: Iterable<string> = []): string[] {
	const needles = new Set<string>([USER_TOKEN, WAREHOUSE_PASSWORD, BIGQUERY_KEY, fakeKeyId, ...pemBodyLines(keys.privatePem), ...pemBodyLines(fakeKeyBody)]);
	for (const token of tokens) {
		needles.add(token);
		const parts = token.split('.');
		if (parts.length === 3) needles.add(parts[2]);
	}
	return [...needles];
}

/** Everything a run shows: its error (message, description, the whole object) and its output items. */
export function runTexts(result: RunNodeResult): string[] {
	const texts = [serialize(result.items), serialize(result.runData)];
	if (result.error) texts.push(String(result.error.message ?? ''), String(result.error.description ?? ''), String(result.error.stack ?? ''), serialize(result.error));
	return texts;
}

/** The secrets found in `texts`, each with where it was found (empty when clean). */
export function leaks(texts: readonly string[], needles: readonly string[]): string[] {
	const found: string[] = [];
	for (const needle of needles) {
		const escaped = JSON.stringify(needle).slice(1, -1);
		const at = texts.findIndex((text) => text.includes(needle) || text.includes(escaped));
		if (at >= 0) found.push(`${needle.slice(0, 12)}… in ${texts[at].slice(0, 160)}`);
	}
	return found;
}
