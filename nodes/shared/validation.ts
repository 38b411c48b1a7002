import { NodeOperationError, tryToParseDateTime, type IDataObject, type IExecuteFunctions, type INode, type IPollFunctions } from 'n8n-workflow';

import { ReadAhead, type ParameterRead } from './readAhead';
import { isDotSegment } from './transport/proxyUrl';
import { canonical, describe, hasControlCharacter, INVALID_JSON, isBlank, nothingPicked, safeJson } from './values';
import { errorNode } from './transport/redact';

/** A parameter that cannot be used; nothing is sent for the item (a trigger's poll has no item: `itemIndex` undefined). */
export function invalid(node: INode, itemIndex: number | undefined, message: string, description?: string): NodeOperationError {
	if (itemIndex === undefined) return new NodeOperationError(errorNode(node), message, { description });
	return new NodeOperationError(errorNode(node), `${message} (item ${itemIndex})`, { itemIndex, description });
}

const MAX_ID_LENGTH = 256;
const MAX_TEXT_LENGTH = 1000;
// A service account key (JSON, several lines) is ~2.4 kB; room for larger keys and certificates.
const MAX_SECRET_LENGTH = 20_000;
/** Where parameters come from: an action node's item, or a trigger's poll (which has no items). */
export type ParameterSource = IExecuteFunctions | IPollFunctions;

/** A trigger's poll: it has no input items. */
function isPoll(fn: ParameterSource): fn is IPollFunctions {
	return '__emit' in fn;
}

function readerOf(fn: ParameterSource, itemIndex: number): (name: string, fallback: unknown) => unknown {
	// A poll reads its parameters without an item index (n8n's IPollFunctions.getNodeParameter(name, fallback)).
	if (isPoll(fn)) return (name, fallback) => fn.getNodeParameter(name, fallback as never) as unknown;
	return (name, fallback) => fn.getNodeParameter(name, itemIndex, fallback as never) as unknown;
}

export class Params {
	private readonly readFromN8n: (name: string, fallback: unknown) => unknown;
	/** What this item read, in order: the next item reads the same ahead of time. */
	readonly reads: ParameterRead[] = [];

	constructor(
		private readonly fn: ParameterSource,
		readonly itemIndex = 0,
		private readonly ahead?: ReadAhead,
	) {
		this.readFromN8n = readerOf(fn, itemIndex);
	}

	private read(name: string, fallback: unknown): unknown {
		const read = { name, fallback };
		this.reads.push(read);
		const outcome = this.ahead?.take(read);
		if (!outcome) return this.readFromN8n(name, fallback);
		if ('error' in outcome) throw outcome.error;
		return outcome.value;
	}

	/** The error for a parameter that cannot be used, naming the item (none in a trigger's poll). */
	fail(message: string, description?: string): NodeOperationError {
		return invalid(this.fn.getNode(), isPoll(this.fn) ? undefined : this.itemIndex, message, description);
	}

	/** The parameter's value; an expression that fails to resolve is an error naming the parameter. */
	raw(name: string, label: string, fallback?: unknown): unknown {
		try {
			return this.read(name, fallback);
		} catch (error) {
			const { message, description } = error as { message?: string; description?: string };
			throw this.fail(`${label}: ${message ?? 'the expression could not be resolved'}`, description || `Fix the expression of ${label}.`);
		}
	}

	/** A required piece of text, trimmed. */
	text(name: string, label: string, fallback?: string): string {
		const value = this.raw(name, label, fallback);
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		if (typeof value !== 'string') throw this.fail(`${label} must be text, not ${describe(value)}`);
		const trimmed = value.trim();
		if (!trimmed) throw this.fail(`${label} is empty`, `Enter a value for ${label}.`);
		if (trimmed.length > MAX_TEXT_LENGTH) throw this.fail(`${label} is longer than ${MAX_TEXT_LENGTH} characters`);
		if (hasControlCharacter(trimmed)) throw this.fail(`${label} contains control characters`);
		return trimmed;
	}

	/** Optional text: undefined when empty. */
	optionalText(name: string, label: string): string | undefined {
		const value = this.raw(name, label, '');
		if (isBlank(value)) return undefined;
		return this.text(name, label);
	}

	/**
	 * Optional secret text (a password, a service account key): kept exactly as given, may span
	 * lines, and never quoted in a message. Undefined when empty.
	 */
	optionalSecret(name: string, label: string): string | undefined {
		const value = this.raw(name, label, '');
		if (isBlank(value)) return undefined;
		if (typeof value !== 'string') throw this.fail(`${label} must be text, not ${typeof value === 'object' ? describe(value) : typeof value}`);
		if (value.length > MAX_SECRET_LENGTH) throw this.fail(`${label} is longer than ${MAX_SECRET_LENGTH} characters`);
		if (value.includes('\u0000')) throw this.fail(`${label} contains a NUL character`);
		return value;
	}

	/** The id of a resource locator (or of a plain string), as one Segment id. */
	id(name: string, label: string, optional = false): string {
		const value = this.raw(name, label, '');
		const inner = value && typeof value === 'object' && !Array.isArray(value) && '__rl' in value ? (value as IDataObject).value : value;
		if (optional && (inner === undefined || inner === null || (typeof inner === 'string' && !inner.trim()))) return '';
		return this.checkId(inner, label);
	}

	/** One Segment id, sent as one path segment: refused when it could not be one. */
	checkId(value: unknown, label: string): string {
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		if (typeof value !== 'string') throw this.fail(`${label} must be text, not ${describe(value)}`);
		const id = value.trim();
		if (!id) throw this.fail(`${label} is empty`, `Pick the ${label.replace(/ IDs?$/, '').toLowerCase()} From list, or enter its ID.`);
		if (id.length > MAX_ID_LENGTH) throw this.fail(`${label} is longer than ${MAX_ID_LENGTH} characters`, 'Segment IDs are short (about 27 characters): check the value.');
		if (hasControlCharacter(id)) throw this.fail(`${label} contains control characters`);
		if (isDotSegment(id)) throw this.fail(`${label} cannot be "${id}"`, 'An ID of only dots would change the request path (URLs resolve "." and ".."); Segment IDs are letters and digits.');
		return id;
	}

	/**
	 * A non-empty list of ids: picked in the editor (a list), or from an expression as a list,
	 * a JSON array or comma-separated text. Each is checked like one id; repeats are dropped.
	 */
	idList(name: string, label: string): string[] {
		return this.toIdList(this.raw(name, label, []), label);
	}

	/** An optional list of ids (a multi-select left empty: []), each checked like one id. */
	optionalIdList(name: string, label: string): string[] {
		const value = this.raw(name, label, []);
		return nothingPicked(value) ? [] : this.toIdList(value, label);
	}

	private toIdList(given: unknown, label: string): string[] {
		const value = this.listFrom(given, label, 'Use e.g. ["qQEHquLrjRDN9j1ByrChyn"], or pick them from the list.');
		if (!Array.isArray(value)) throw this.fail(`${label} must be a list of IDs, not ${describe(value)}`);
		if (!value.length) throw this.fail(`${label} is empty`, 'Pick at least one from the list, or choose another option above.');
		const ids: string[] = [];
		for (const entry of value) {
			const id = this.checkId(entry && typeof entry === 'object' && '__rl' in entry ? (entry as IDataObject).value : entry, label);
			if (!ids.includes(id)) ids.push(id);
		}
		return ids;
	}

	/** The workflow's time zone: what a date without an offset is in. */
	timezone(): string {
		return this.fn.getTimezone();
	}

	/**
	 * An n8n date-time parameter (the editor's picker, an ISO text, a DateTime or Date from an
	 * expression; a time without an offset is in the workflow's time zone) as epoch milliseconds;
	 * undefined when empty.
	 */
	dateTime(name: string, label: string): number | undefined {
		const value = this.raw(name, label, '');
		if (isBlank(value)) return undefined;
		let ms = NaN;
		try {
			ms = tryToParseDateTime(value, this.timezone()).toMillis();
		} catch {
			// Not a date: reported below with the value.
		}
		if (!Number.isFinite(ms)) throw this.fail(`${label} is not a date and time: ${describe(value)}`, `Pick a date in the editor, or give an ISO 8601 date-time such as 2026-11-03T10:00:00Z (an expression may also hand over {{ $now.minus(1, 'day') }}).`);
		return ms;
	}

	boolean(name: string, label: string, fallback: boolean): boolean {
		const value = this.raw(name, label, fallback);
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		throw this.fail(`${label} must be true or false, not ${describe(value)}`);
	}

	/** A whole number within bounds (expressions may hand over numeric strings). */
	integer(name: string, label: string, fallback: number, min: number, max: number): number {
		const value = this.raw(name, label, fallback);
		const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
			throw this.fail(`${label} must be a whole number from ${min} to ${max}, not ${describe(value)}`);
		}
		return n;
	}

	choice<T extends string>(name: string, label: string, allowed: readonly T[], fallback?: T): T {
		const value = this.raw(name, label, fallback);
		const picked = typeof value === 'string' ? canonical(allowed, value) : undefined;
		if (picked !== undefined) return picked;
		throw this.fail(`${label} must be one of ${allowed.join(', ')}, not ${describe(value)}`);
	}

	/** A non-empty list drawn from `allowed`; a JSON array string or comma list from an expression is accepted. */
	choices<T extends string>(name: string, label: string, allowed: readonly T[]): T[] {
		return this.toChoices(this.raw(name, label, []), label, allowed);
	}

	/** An optional multi-select: [] when nothing is picked, else the picked values checked against `allowed`. */
	optionalChoices<T extends string>(name: string, label: string, allowed: readonly T[]): T[] {
		const value = this.raw(name, label, []);
		return nothingPicked(value) ? [] : this.toChoices(value, label, allowed);
	}

	private toChoices<T extends string>(given: unknown, label: string, allowed: readonly T[]): T[] {
		const value = this.listFrom(given, label, `Use e.g. ["${allowed[0]}"].`);
		if (!Array.isArray(value)) throw this.fail(`${label} must be a list of ${allowed.join(', ')}, not ${describe(value)}`);
		if (!value.length) throw this.fail(`${label} is empty`, `Pick at least one of ${allowed.join(', ')}.`);
		const picked: T[] = [];
		for (const entry of value) {
			const normal = typeof entry === 'string' ? canonical(allowed, entry) : undefined;
			if (normal === undefined) throw this.fail(`${label} may only contain ${allowed.join(', ')}; ${describe(entry)} is not one of them`);
			if (!picked.includes(normal)) picked.push(normal);
		}
		return picked;
	}

	/**
	 * A list of names (e.g. event names, resource types): picked, a list from an expression, a JSON
	 * array or text separated by commas. Blanks dropped, repeats kept once; empty: [].
	 */
	textList(name: string, label: string): string[] {
		const value = this.listFrom(this.raw(name, label, []), label, 'Use e.g. Source Created, Source Deleted (separated by commas).');
		if (!Array.isArray(value)) throw this.fail(`${label} must be a list of names or text separated by commas`);
		const texts: string[] = [];
		for (const entry of value) {
			if (typeof entry !== 'string' && typeof entry !== 'number') throw this.fail(`${label} may only contain text`);
			const text = String(entry).trim();
			if (!text) continue;
			if (text.length > MAX_TEXT_LENGTH) throw this.fail(`${label} has an entry longer than ${MAX_TEXT_LENGTH} characters`);
			if (hasControlCharacter(text)) throw this.fail(`${label} contains control characters`);
			if (!texts.includes(text)) texts.push(text);
		}
		return texts;
	}

	/** A list as given: picked (a list), or from an expression as a JSON array or text separated by commas (blanks dropped). */
	private listFrom(value: unknown, label: string, example: string): unknown {
		if (typeof value !== 'string') return value;
		const text = value.trim();
		const list = text.startsWith('[') ? safeJson(text) : text.split(',').map((part) => part.trim()).filter(Boolean);
		if (list === INVALID_JSON) throw this.fail(`${label} is not a valid JSON list`, example);
		return list;
	}

	/** A JSON object, given as an object (expressions) or as JSON text (saved workflows). */
	jsonObject(name: string, label: string, fallback?: unknown): IDataObject {
		return this.toJsonObject(this.raw(name, label, fallback), label);
	}

	toJsonObject(value: unknown, label: string): IDataObject {
		let parsed = value;
		if (typeof value === 'string') {
			const text = value.trim();
			if (!text) throw this.fail(`${label} is empty`, `Enter a JSON object, e.g. {"host": "example.redshift.amazonaws.com"}.`);
			parsed = safeJson(text);
			if (parsed === INVALID_JSON) {
				throw this.fail(`${label} is not valid JSON`, 'Enter a JSON object such as {"host": "example.redshift.amazonaws.com", "port": 5439}: keys and text values in double quotes.');
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw this.fail(`${label} must be a JSON object, not ${describe(parsed)}`, 'Wrap the values in { }, e.g. {"host": "example.redshift.amazonaws.com"}.');
		}
		return parsed as IDataObject;
	}
}
