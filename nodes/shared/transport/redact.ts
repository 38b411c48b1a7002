import type { IDataObject, INode } from 'n8n-workflow';

// Segment settings whose names contain one of these words hold secrets.
const SECRET_KEY = /password|secret|token|key|credentials/i;

export function isSecretKey(key: string): boolean {
	return SECRET_KEY.test(key);
}

/** Every secret string inside a request body's settings-like objects, for scrubbing messages. */
export function secretValues(value: unknown, into: string[] = [], parentIsSecret = false): string[] {
	if (typeof value === 'string') {
		if (parentIsSecret && value.length >= 4) into.push(value);
		// JSON parameters (connection, settings) arrive as text in saved workflows; a secret one
		// (a service account key) has secrets inside that an answer could quote one by one.
		if (/^\s*\{/.test(value)) secretValues(parseObject(value), into, parentIsSecret);
	} else if (Array.isArray(value)) {
		for (const entry of value) secretValues(entry, into, parentIsSecret);
	} else if (value && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value as IDataObject)) {
			secretValues(entry, into, parentIsSecret || isSecretKey(key));
		}
	}
	return into;
}

// A line of a multi-line secret (a PEM body line) is secret on its own; PEM armor lines are not.
const MIN_SECRET_LINE = 16;
const PEM_ARMOR = /^-----(BEGIN|END) [A-Z ]+-----$/;

function withLines(secrets: readonly string[]): string[] {
	const all = new Set(secrets);
	for (const secret of secrets) {
		for (const raw of secret.split(/\r?\n|\\n/)) {
			const line = raw.trim();
			if (line.length >= MIN_SECRET_LINE && line !== secret && !PEM_ARMOR.test(line)) all.add(line);
		}
	}
	return [...all];
}

/** Replaces each secret (its lines, and their JSON-escaped forms) in `text` with a fixed mask. */
export function redact(text: string, secrets: readonly string[]): string {
	let out = text;
	// Longest first, so a whole secret is masked before any part of it.
	for (const secret of withLines(secrets).sort((a, b) => b.length - a.length)) {
		if (!secret || secret.length < 4) continue;
		for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
			out = out.split(form).join('[redacted]');
		}
	}
	return out;
}

/** A copy of `settings` without the secret-named keys (for simplified output). */
export function withoutSecrets(settings: IDataObject): IDataObject {
	const copy: IDataObject = {};
	for (const [key, value] of Object.entries(settings)) {
		if (!isSecretKey(key)) copy[key] = value;
	}
	return copy;
}

function parseObject(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined; // not JSON: nothing inside to look at
	}
}

/**
 * The node as errors carry it (n8n shows and logs `error.node`), with the secrets
 * of its parameters, such as a warehouse password, and `extra` ones masked.
 */
export function errorNode(node: INode, extra: readonly string[] = []): INode {
	const secrets = [...extra, ...secretValues(node.parameters)];
	return secrets.length ? (JSON.parse(redact(JSON.stringify(node), secrets)) as INode) : node;
}
