/** What a parameter's value is, whatever node reads it: blank, nothing picked, control characters, JSON, its description in a message. */

/** Control characters (U+0000–U+001F, U+007F) never belong in an id or a name. */
export function hasControlCharacter(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}

/** Whether an optional multi-select or list was left empty. */
export function nothingPicked(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/** A value as an error message shows it: `"text"`, `number 3`, `a list`, `nothing`. */
export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
	return `${typeof value} ${String(value)}`;
}

export const INVALID_JSON = Symbol('invalid JSON');

/** Parsed JSON, or INVALID_JSON. */
export function safeJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return INVALID_JSON;
	}
}

/** The allowed value a text stands for, without regard to case or surrounding spaces. */
export function canonical<T extends string>(allowed: readonly T[], text: string): T | undefined {
	const wanted = text.trim().toLowerCase();
	return allowed.find((value) => value.toLowerCase() === wanted);
}
