import { NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { errorNode } from '../../../shared/transport/redact';
import type { Params } from '../../../shared/validation';
import { sameJson } from '../shared';
import type { OperationContext, UpsertChange, UpsertHooks } from '../types';
import { createPlan, readPlanFields, updatePlan, type PlanFields } from './planCalls';
import { deleteRules, fetchRules, patchRules, removalBatches } from './ruleCalls';
import { readRules, ruleIdentity, RULES_WITH_SCHEMA, type Rule } from './rules';
import { rulesProperty } from './operations';

/** Create or Update's parameters beyond Create's. */
const properties: INodeProperties[] = [
	rulesProperty(
		'The rules the plan is to have, e.g. {{ $json.rules }} of a rules file: "type", "key" (TRACK, PAGE, SCREEN), "jsonSchema", "version". Only the rules that differ are sent.',
		'e.g. [{"type": "TRACK", "key": "Order Completed", "jsonSchema": {"type": "object"}, "version": 1}]',
	),
	{
		displayName: 'Remove Other Rules',
		name: 'removeOtherRules',
		type: 'boolean',
		default: false,
		description: 'Whether to remove the rules of the plan that Rules does not list (off: they are kept)',
	},
];

interface UpsertInput extends PlanFields {
	rules: Rule[];
	removeOtherRules: boolean;
}

// Read and checked once per item, before the list of plans is read, and used by each step after.
const inputs = new WeakMap<Params, UpsertInput>();

function readInput(params: Params): UpsertInput {
	let input = inputs.get(params);
	if (!input) {
		const fields = readPlanFields(params);
		const rules = readRules(params, RULES_WITH_SCHEMA, { allowEmpty: true });
		input = { ...fields, rules, removeOtherRules: params.boolean('removeOtherRules', 'Remove Other Rules', false) };
		inputs.set(params, input);
	}
	return input;
}

const planKey = (type: string, name: string) => `${type}\n${name}`;

type RuleMap = Map<string, IDataObject>;

/**
 * A plan's rules as this execution knows them: read once (pages of 200, paced), then kept up to
 * date with what the execution sends. A write that fails drops them, so the next item reads again.
 */
async function knownRules(context: OperationContext, planId: string): Promise<RuleMap> {
	const cache = await context.workspace.shared('trackingPlan:rules', async () => new Map<string, Promise<RuleMap>>());
	let rules = cache.get(planId);
	if (!rules) {
		rules = fetchRules(context, planId).then((list) => new Map(list.map((rule) => [ruleIdentity(rule as unknown as Rule), rule])));
		cache.set(planId, rules);
		rules.catch(() => cache.delete(planId));
	}
	return await rules;
}

async function forgetRules(context: OperationContext, planId: string): Promise<void> {
	(await context.workspace.shared('trackingPlan:rules', async () => new Map<string, Promise<RuleMap>>())).delete(planId);
}

/** Sends a rules write; on success the known rules follow it, on failure they are forgotten. */
async function writeRules(context: OperationContext, planId: string, send: () => Promise<void>, apply: (rules: RuleMap) => void): Promise<void> {
	let sent = false;
	try {
		await send();
		sent = true;
	} finally {
		if (!sent) await forgetRules(context, planId);
	}
	apply(await knownRules(context, planId));
}

const counted = (count: number, what: string) => `${count} ${what}`;

async function differences(context: OperationContext, entity: IDataObject) {
	const input = readInput(context.params);
	const planId = String(entity.id);
	const current = await knownRules(context, planId);
	const sending: Rule[] = [];
	let added = 0;
	let updated = 0;
	const given = new Set<string>();
	for (const rule of input.rules) {
		const identity = ruleIdentity(rule);
		given.add(identity);
		const now = current.get(identity);
		if (now && sameJson(now.jsonSchema, rule.jsonSchema)) continue;
		sending.push(rule);
		if (now) updated++;
		else added++;
	}
	const others = [...current.values()].filter((rule) => !given.has(ruleIdentity(rule as unknown as Rule)));
	const removing = input.removeOtherRules ? others.map((rule) => ({ type: rule.type, key: rule.key, version: rule.version }) as Rule) : [];
	// Every URL is worked out before anything is sent.
	const batches = await removalBatches(context, planId, removing, (position) => `the plan's ${removing[position].type} rule "${(removing[position].key ?? '').slice(0, 60)}" version ${removing[position].version}`);

	const changes: UpsertChange[] = [];
	if (input.description !== undefined && input.description !== (entity.description ?? '')) {
		changes.push({ what: 'its description', send: async () => await updatePlan(context, planId, { description: input.description }) });
	}
	if (sending.length) {
		changes.push({
			what: `its rules (${counted(added, 'to add')}, ${counted(updated, 'to update')})`,
			send: async () => writeRules(context, planId, () => patchRules(context, planId, sending), (rules) => sending.forEach((rule) => rules.set(ruleIdentity(rule), { ...rule }))),
		});
	}
	for (const batch of batches) {
		const slice = removing.slice(batch.first, batch.last + 1);
		changes.push({
			what: `the removal of ${counted(slice.length, 'rules')}`,
			send: async () => writeRules(context, planId, () => deleteRules(context, planId, batch), (rules) => slice.forEach((rule) => rules.delete(ruleIdentity(rule)))),
		});
	}
	const unchanged = input.rules.length - sending.length;
	return { changes, extra: { rules: { added, updated, removed: removing.length, unchanged } } };
}

/** The plan is made, then its rules sent in one PATCH (a plan just made has none to read). */
async function create(context: OperationContext) {
	const input = readInput(context.params);
	const entity = await createPlan(context, { name: input.name, type: input.type, ...(input.description === undefined ? {} : { description: input.description }) });
	context.created?.(entity);
	const planId = String(entity.id);
	const cache = await context.workspace.shared('trackingPlan:rules', async () => new Map<string, Promise<RuleMap>>());
	if (input.rules.length) {
		try {
			await patchRules(context, planId, input.rules);
		} catch (error) {
			throw createdWithoutRules(context, planId, input.rules.length, error);
		}
	}
	cache.set(planId, Promise.resolve(new Map(input.rules.map((rule) => [ruleIdentity(rule), { ...rule } as IDataObject]))));
	return { entity, extra: { rules: { added: input.rules.length, updated: 0, removed: 0, unchanged: 0 } } };
}

function createdWithoutRules(context: OperationContext, planId: string, count: number, error: unknown): NodeOperationError {
	const cause = String((error as Error).message ?? error).replace(/ \(item \d+\)$/, '');
	const detail = (error as { description?: string }).description;
	return new NodeOperationError(errorNode(context.fn.getNode()), `Tracking plan ${planId} was created, but its ${count} rules could not be set: ${cause} (item ${context.params.itemIndex})`, {
		itemIndex: context.params.itemIndex,
		description: `Run Create or Update again: it finds the plan by name and type and sends the rules it lacks. Do not run Create again, or there will be two plans.${detail ? ` What failed: ${detail}` : ''}`,
	});
}

/** Create or Update of a tracking plan (SPEC §4.11): key name + type; only the rules that differ are sent. */
export const trackingPlanUpsert: UpsertHooks = {
	matchedBy: 'name and type',
	properties,
	async key({ params }) {
		const input = readInput(params);
		return { key: planKey(input.type, input.name), label: `name "${input.name}" and type ${input.type}` };
	},
	keyOf: (entity) => (typeof entity.name === 'string' && typeof entity.type === 'string' ? planKey(entity.type, entity.name) : undefined),
	differences,
	create,
};
