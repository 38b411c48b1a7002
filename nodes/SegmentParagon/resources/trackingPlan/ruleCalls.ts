import type { IDataObject } from 'n8n-workflow';

import { SlidingWindowPacer } from '../../../shared/transport/pacer';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { OperationContext } from '../types';
import { planLabel } from './planCalls';
import type { Rule } from './rules';

/** Segment allows 200 rule reads a minute per workspace: the node keeps its own reads within that. */
export const RULE_READS_PER_MINUTE = 200;
/** No URL the node sends is longer: servers and proxies in between refuse long ones (often at 8 KB, some at 4 KB). */
export const MAX_URL_LENGTH = 4000;

export const rulesPath = (planId: string) => segmentPath('tracking-plans', planId, 'rules');

/** One pacer per workspace (Paragon user) and execution, shared by every item. */
async function ruleReadPacer(context: OperationContext): Promise<SlidingWindowPacer> {
	return await context.workspace.shared('pace:tracking-plan-rule-reads', async () => new SlidingWindowPacer(RULE_READS_PER_MINUTE, 60_000));
}

/** The plan's rules in pages of at most 200, each read paced; `range` as Get Many's (default: all). */
export async function fetchRules(context: OperationContext, planId: string, range: { offset?: number; limit?: number } = {}): Promise<IDataObject[]> {
	const { workspace, params } = context;
	const pacer = await ruleReadPacer(context);
	return await workspace.list(rulesPath(planId), 'rules', range, params.itemIndex, planLabel(planId), undefined, pacer);
}

/** A rule as Segment takes it: only the fields of its request. */
function wire(rule: Rule): IDataObject {
	const out: IDataObject = { type: rule.type };
	if (rule.key !== undefined) out.key = rule.key;
	if (rule.newKey !== undefined) out.newKey = rule.newKey;
	if (rule.jsonSchema !== undefined) out.jsonSchema = rule.jsonSchema;
	out.version = rule.version;
	return out;
}

/** PATCH: adds the rules the plan lacks, updates the others (`newKey` renames). */
export async function patchRules(context: OperationContext, planId: string, rules: Rule[]): Promise<void> {
	await context.workspace.client.request({ method: 'PATCH', path: rulesPath(planId), body: { rules: rules.map(wire) }, notFound: planLabel(planId) }, context.params.itemIndex);
}

/** PUT: the plan's rules become exactly these. */
export async function putRules(context: OperationContext, planId: string, rules: Rule[]): Promise<void> {
	await context.workspace.client.request({ method: 'PUT', path: rulesPath(planId), body: { rules: rules.map(wire) }, notFound: planLabel(planId) }, context.params.itemIndex);
}

// encodeURIComponent leaves !'()* as they are, and a URL parser turns ' into %27 on the way out:
// encoded here, the length measured is the length sent.
function encode(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function removalPart(index: number, rule: Rule): string {
	const key = rule.key === undefined ? '' : `&rules[${index}][key]=${encode(rule.key)}`;
	return `rules[${index}][type]=${rule.type}${key}&rules[${index}][version]=${rule.version}`;
}

/** One DELETE: its query, and which of the given rules it removes (`first` to `last`, by index). */
export interface RemovalBatch {
	query: string;
	first: number;
	last: number;
}

/**
 * The DELETEs that remove `rules`, each URL (the proxy's prefix included) at most 4,000 characters.
 * Worked out before anything is sent: a rule too long for any URL is an error naming it
 * (`describe` says how, e.g. "rules[3]").
 */
export async function removalBatches(context: OperationContext, planId: string, rules: Rule[], describe: (position: number) => string): Promise<RemovalBatch[]> {
	const { params, workspace } = context;
	const base = `${await workspace.client.urlOf(rulesPath(planId), params.itemIndex)}?`;
	const batches: RemovalBatch[] = [];
	let parts: string[] = [];
	let length = base.length;
	let first = 0;
	rules.forEach((rule, position) => {
		let part = removalPart(parts.length, rule);
		if (parts.length && length + 1 + part.length > MAX_URL_LENGTH) {
			batches.push({ query: parts.join('&'), first, last: position - 1 });
			parts = [];
			length = base.length;
			first = position;
			part = removalPart(0, rule);
		}
		if (base.length + part.length > MAX_URL_LENGTH) {
			throw params.fail(
				`Rules: ${describe(position)} is too long to remove: its URL alone would be over ${MAX_URL_LENGTH} characters`,
				'Segment takes the rules to remove in the URL; remove this rule in the Segment app, or with Replace Rules.',
			);
		}
		length += (parts.length ? 1 : 0) + part.length;
		parts.push(part);
	});
	if (parts.length) batches.push({ query: parts.join('&'), first, last: rules.length - 1 });
	return batches;
}

/** One DELETE of a batch. */
export async function deleteRules(context: OperationContext, planId: string, batch: RemovalBatch): Promise<void> {
	await context.workspace.client.request({ method: 'DELETE', path: rulesPath(planId), query: batch.query, notFound: planLabel(planId) }, context.params.itemIndex);
}
