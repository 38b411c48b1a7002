import type { IDataObject } from 'n8n-workflow';

import type { Params } from '../../../shared/validation';
import { hasControlCharacter } from '../../../shared/values';

/** Segment's rule types; TRACK, PAGE and SCREEN rules are named by a key (the event, page or screen name). */
export const RULE_TYPES = ['TRACK', 'IDENTIFY', 'GROUP', 'PAGE', 'SCREEN', 'COMMON'] as const;
export type RuleType = (typeof RULE_TYPES)[number];
const KEYED: ReadonlySet<string> = new Set(['TRACK', 'PAGE', 'SCREEN']);

/** A rule as sent to Segment. */
export interface Rule {
	type: RuleType;
	key?: string;
	jsonSchema?: IDataObject;
	version: number;
	newKey?: string;
}

/** What an operation takes of each rule: the schema (all but Remove Rules), a rename (Add or Update Rules only). */
export interface RuleShape {
	schema: boolean;
	rename: boolean;
}

export const RULES_WITH_SCHEMA: RuleShape = { schema: true, rename: false };
export const RULES_WITH_RENAME: RuleShape = { schema: true, rename: true };
export const RULES_TO_REMOVE: RuleShape = { schema: false, rename: false };

// What Get Rules outputs beside a rule's fields: taken and not sent, so its items can be fed back.
const OUTPUT_ONLY = ['createdAt', 'updatedAt', 'deprecatedAt'];

/** How Segment tells rules apart: type, key and version. */
export function ruleIdentity(rule: { type: string; key?: string; version: number }): string {
	return JSON.stringify([rule.type, rule.key ?? null, rule.version]);
}

/** "rules[3] (\"Order Completed\")", "rules[0] (IDENTIFY)": how an error names a rule. */
function named(index: number, rule: unknown): string {
	const entry = rule && typeof rule === 'object' ? (rule as IDataObject) : {};
	if (typeof entry.key === 'string' && entry.key.trim()) return `rules[${index}] ("${entry.key.length > 60 ? `${entry.key.slice(0, 60)}…` : entry.key}")`;
	return typeof entry.type === 'string' && entry.type ? `rules[${index}] (${entry.type})` : `rules[${index}]`;
}

const EXAMPLE = 'e.g. [{"type": "TRACK", "key": "Order Completed", "jsonSchema": {"type": "object"}, "version": 1}]';

/** The Rules parameter as a list: a JSON text (saved workflows) or a list (expressions). */
function readList(params: Params, name: string, label: string): unknown[] {
	let value = params.raw(name, label, '[]');
	if (typeof value === 'string') {
		const text = value.trim();
		if (!text) throw params.fail(`${label} is empty`, `Enter a JSON list of rules, ${EXAMPLE}.`);
		try {
			value = JSON.parse(text) as unknown;
		} catch {
			throw params.fail(`${label} is not valid JSON`, `Enter a JSON list of rules, ${EXAMPLE}.`);
		}
	}
	if (!Array.isArray(value)) {
		const what = value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value;
		throw params.fail(`${label} must be a list of rules, not ${what}`, `${EXAMPLE}. From a file of the form {"rules": [...]}, use {{ $json.rules }}.`);
	}
	return value;
}

function checkKey(params: Params, label: string, where: string, type: string, field: 'key' | 'newKey', value: unknown): string | undefined {
	if (!KEYED.has(type)) {
		if (value !== undefined && value !== null) throw params.fail(`${label}: ${where} has a ${field} ("${String(value)}"), but ${type} rules have none`, `Only TRACK, PAGE and SCREEN rules are named by a key; remove "${field}" from this rule.`);
		return undefined;
	}
	if (value === undefined || value === null) {
		if (field === 'newKey') return undefined;
		throw params.fail(`${label}: ${where} has no key; ${type} rules need one`, `The key is the ${type === 'TRACK' ? 'event' : type.toLowerCase()} name, e.g. "key": "Order Completed".`);
	}
	if (typeof value !== 'string' || !value.trim()) throw params.fail(`${label}: ${where} has a ${field} that is not a name (it must be non-empty text)`);
	if (hasControlCharacter(value)) throw params.fail(`${label}: ${where} has a ${field} with control characters`);
	return value;
}

function checkVersion(params: Params, label: string, where: string, value: unknown): number {
	const version = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
		throw params.fail(`${label}: ${where} has version ${JSON.stringify(value) ?? 'undefined'}; a version is a whole number from 1`, 'Segment numbers the versions of a rule 1, 2, 3…');
	}
	return version;
}

/** One rule, checked: its type known, its key exactly where the type has one, jsonSchema an object, version a whole number ≥ 1. */
function checkRule(params: Params, label: string, index: number, given: unknown, shape: RuleShape): Rule {
	const where = named(index, given);
	if (!given || typeof given !== 'object' || Array.isArray(given)) throw params.fail(`${label}: ${where} is not an object`, EXAMPLE);
	const entry = given as IDataObject;
	const allowed = ['type', 'key', 'version', 'jsonSchema', ...(shape.rename ? ['newKey'] : []), ...OUTPUT_ONLY];
	const unknown = Object.keys(entry).find((field) => !allowed.includes(field));
	if (unknown !== undefined) {
		const why = unknown === 'newKey' ? ' (a rename: only Add or Update Rules renames)' : '';
		throw params.fail(`${label}: ${where} has a field Segment does not take: "${unknown}"${why}`, `A rule has ${allowed.filter((field) => !OUTPUT_ONLY.includes(field)).join(', ')}.`);
	}
	const typeText = typeof entry.type === 'string' ? entry.type.trim().toUpperCase() : undefined;
	const type = RULE_TYPES.find((known) => known === typeText);
	if (!type) throw params.fail(`${label}: ${where} has type ${JSON.stringify(entry.type) ?? 'undefined'}; the types are ${RULE_TYPES.join(', ')}`);
	const rule: Rule = { type, version: checkVersion(params, label, where, entry.version) };
	const key = checkKey(params, label, where, type, 'key', entry.key);
	if (key !== undefined) rule.key = key;
	if (shape.schema) {
		const schema = entry.jsonSchema;
		if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
			throw params.fail(`${label}: ${where} has a jsonSchema that is not an object (a JSON Schema)`, 'e.g. "jsonSchema": {"type": "object", "properties": {"properties": {"type": "object"}}}.');
		}
		rule.jsonSchema = schema as IDataObject;
	}
	if (shape.rename) {
		const newKey = checkKey(params, label, where, type, 'newKey', entry.newKey);
		if (newKey !== undefined && newKey !== key) rule.newKey = newKey;
	}
	return rule;
}

/**
 * The rules of a parameter, every one checked before anything is sent; an error names the rule by
 * its index and key. No rule may be given twice (same type, key and version).
 */
export function readRules(params: Params, shape: RuleShape, { name = 'rules', label = 'Rules', allowEmpty = false } = {}): Rule[] {
	const list = readList(params, name, label);
	if (!list.length && !allowEmpty) throw params.fail(`${label} is empty`, `Give at least one rule, ${EXAMPLE}.`);
	const seen = new Map<string, number>();
	return list.map((given, index) => {
		const rule = checkRule(params, label, index, given, shape);
		const identity = ruleIdentity(rule);
		const first = seen.get(identity);
		if (first !== undefined) throw params.fail(`${label}: ${named(index, rule)} repeats rules[${first}] (the same type, key and version)`, 'Give each rule once; a new version of a rule has its own version number.');
		seen.set(identity, index);
		return rule;
	});
}
