/**
 * Bad input: tracking plans (issue 22) — ids, the rules of each rule operation (named by index and
 * key), plan types, Filters > Type, Remove Other Rules — refused before anything is sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { rl } from '../../helpers/engine';
import { expr, type BadInputRows } from './rows';

const onPlan = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'trackingPlan', operation, trackingPlanId: rl('tp_1'), ...extra });
const withRules = (operation: string, rules: unknown) => onPlan(operation, { rules: typeof rules === 'string' ? rules : JSON.stringify(rules) });
const upsert = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'trackingPlan', operation: 'upsert', name: 'Checkout', rules: '[]', ...extra });
const track = (key: string, extra: object = {}) => ({ type: 'TRACK', key, jsonSchema: {}, version: 1, ...extra });

export const rows: BadInputRows = {
	refused: [
		['a tracking plan id of spaces', onPlan('get', { trackingPlanId: rl('  ') }), /^Tracking Plan ID is empty \(item 0\)$/],
		['a tracking plan id ".."', onPlan('listRules', { trackingPlanId: rl('..') }), /^Tracking Plan ID cannot be "\.\." \(item 0\)$/],
		['rules that are not JSON', withRules('upsertRules', '[{"type": "TRACK",'), /^Rules is not valid JSON \(item 0\)$/],
		['rules that are an object, not a list', withRules('upsertRules', expr('({ rules: [] })')), /^Rules must be a list of rules, not an object \(item 0\)$/],
		['no rules to add', withRules('upsertRules', []), /^Rules is empty \(item 0\)$/],
		['no rules to remove', withRules('removeRules', expr('[]')), /^Rules is empty \(item 0\)$/],
		['a rule that is text', withRules('upsertRules', ['Order Completed']), /^Rules: rules\[0\] is not an object \(item 0\)$/],
		['an unknown rule type', withRules('upsertRules', [track('A'), track('Signed Up', { type: 'ALIAS' })]), /^Rules: rules\[1\] \("Signed Up"\) has type "ALIAS"; the types are TRACK, IDENTIFY, GROUP, PAGE, SCREEN, COMMON \(item 0\)$/],
		['a rule without a type', withRules('replaceRules', [{ key: 'A', jsonSchema: {}, version: 1 }]), /^Rules: rules\[0\] \("A"\) has type undefined; the types are/],
		['a TRACK rule without its key', withRules('upsertRules', [{ type: 'TRACK', jsonSchema: {}, version: 1 }]), /^Rules: rules\[0\] \(TRACK\) has no key; TRACK rules need one \(item 0\)$/],
		['a SCREEN rule with a key of spaces', withRules('upsertRules', [{ type: 'SCREEN', key: '  ', jsonSchema: {}, version: 1 }]), /^Rules: rules\[0\] \(SCREEN\) has a key that is not a name \(it must be non-empty text\) \(item 0\)$/],
		['a key on an IDENTIFY rule', withRules('replaceRules', [{ type: 'IDENTIFY', key: 'User', jsonSchema: {}, version: 1 }]), /^Rules: rules\[0\] \("User"\) has a key \("User"\), but IDENTIFY rules have none \(item 0\)$/],
		['a key with a line break', withRules('upsertRules', [track('Order\nCompleted')]), /^Rules: rules\[0\] \("Order\nCompleted"\) has a key with control characters \(item 0\)$/],
		['a jsonSchema that is text', withRules('upsertRules', [track('A', { jsonSchema: '{"type":"object"}' })]), /^Rules: rules\[0\] \("A"\) has a jsonSchema that is not an object \(a JSON Schema\) \(item 0\)$/],
		['a rule without a jsonSchema', withRules('replaceRules', [{ type: 'GROUP', version: 1 }]), /^Rules: rules\[0\] \(GROUP\) has a jsonSchema that is not an object/],
		['version 0', withRules('upsertRules', [track('A', { version: 0 })]), /^Rules: rules\[0\] \("A"\) has version 0; a version is a whole number from 1 \(item 0\)$/],
		['version 1.5', withRules('removeRules', [{ type: 'TRACK', key: 'A', version: 1.5 }]), /^Rules: rules\[0\] \("A"\) has version 1\.5; a version is a whole number from 1 \(item 0\)$/],
		['version "two"', withRules('upsertRules', [track('A', { version: 'two' })]), /^Rules: rules\[0\] \("A"\) has version "two"; a version is a whole number from 1 \(item 0\)$/],
		['the same rule twice', withRules('upsertRules', [track('A'), track('B'), track('A', { jsonSchema: { type: 'object' } })]), /^Rules: rules\[2\] \("A"\) repeats rules\[0\] \(the same type, key and version\) \(item 0\)$/],
		['a field Segment does not take', withRules('upsertRules', [track('A', { description: 'x' })]), /^Rules: rules\[0\] \("A"\) has a field Segment does not take: "description" \(item 0\)$/],
		['a rename in Replace Rules', withRules('replaceRules', [track('A', { newKey: 'B' })]), /^Rules: rules\[0\] \("A"\) has a field Segment does not take: "newKey" \(a rename: only Add or Update Rules renames\) \(item 0\)$/],
		['a rename of an IDENTIFY rule', withRules('upsertRules', [{ type: 'IDENTIFY', jsonSchema: {}, version: 1, newKey: 'x' }]), /^Rules: rules\[0\] \(IDENTIFY\) has a newKey \("x"\), but IDENTIFY rules have none \(item 0\)$/],
		['a rule too long for any URL to remove', withRules('removeRules', [track('A'), track('k'.repeat(3950))]), /^Rules: rules\[1\] is too long to remove: its URL alone would be over 4000 characters \(item 0\)$/],
		['a plan type outside Segment\'s', { resource: 'trackingPlan', operation: 'create', name: 'P', type: expr('"DRAFT"') }, /^Type must be one of LIVE, PROPERTY_LIBRARY, RULE_LIBRARY, TEMPLATE, ENGAGE, not "DRAFT" \(item 0\)$/],
		['a plan name that is empty (from an expression)', { resource: 'trackingPlan', operation: 'create', name: expr('" "') }, /^Name is empty \(item 0\)$/],
		['Filters > Type outside Segment\'s', { resource: 'trackingPlan', operation: 'list', filters: { type: expr('"DRAFT"') } }, /^Filters > Type must be one of LIVE, PROPERTY_LIBRARY, RULE_LIBRARY, TEMPLATE, ENGAGE, not "DRAFT" \(item 0\)$/],
		['Create or Update with a bad rule (not even the list of plans is read)', upsert({ rules: JSON.stringify([track('A', { version: -1 })]) }), /^Rules: rules\[0\] \("A"\) has version -1; a version is a whole number from 1 \(item 0\)$/],
		['Create or Update with Remove Other Rules "maybe"', upsert({ removeOtherRules: expr('"maybe"') }), /^Remove Other Rules must be true or false, not "maybe" \(item 0\)$/],
		['a source id with a line break to connect', onPlan('connectSource', { sourceId: { __rl: true, mode: 'id', value: expr('"src\\nid"') } }), /^Source ID contains control characters \(item 0\)$/],
	],
};
