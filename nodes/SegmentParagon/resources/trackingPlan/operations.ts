import { NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { errorNode } from '../../../shared/transport/redact';
import { segmentPath } from '../../../shared/transport/proxyUrl';
import { idProperty, listPaged, readId, readRange } from '../crud';
import { resourceLocator } from '../shared';
import type { OperationContext, OperationDeclaration, ResourceDefinition } from '../types';
import { planLabel } from './planCalls';
import { deleteRules, fetchRules, patchRules, putRules, removalBatches } from './ruleCalls';
import { readRules, RULES_TO_REMOVE, RULES_WITH_RENAME, RULES_WITH_SCHEMA, type Rule } from './rules';
import type { Params } from '../../../shared/validation';

const RULE_FIELDS = '"type" (TRACK, IDENTIFY, GROUP, PAGE, SCREEN or COMMON), "key" (TRACK, PAGE and SCREEN only: the event, page or screen name)';

/** The Rules parameter of an operation: a JSON list, or a list from an expression such as {{ $json.rules }}. */
export function rulesProperty(description: string, placeholder: string): INodeProperties {
	return { displayName: 'Rules', name: 'rules', type: 'json', default: '[]', placeholder, description };
}

const SCHEMA_EXAMPLE = 'e.g. [{"type": "TRACK", "key": "Order Completed", "jsonSchema": {"type": "object"}, "version": 1}]';
const upsertRulesProperty = rulesProperty(`The rules to add or update: ${RULE_FIELDS}, "jsonSchema", "version", and "newKey" to rename one`, SCHEMA_EXAMPLE);
const replaceRulesProperty = rulesProperty(`Every rule the plan is to have (an empty list removes all): ${RULE_FIELDS}, "jsonSchema", "version"`, SCHEMA_EXAMPLE);
const removeRulesProperty = rulesProperty(`The rules to remove: ${RULE_FIELDS} and "version" (what Get Rules outputs is taken as is)`, 'e.g. [{"type": "TRACK", "key": "Order Completed", "version": 1}]');

const sourceProperty = resourceLocator({
	displayName: 'Source',
	name: 'sourceId',
	searchMethod: 'searchSources',
	placeholder: 'e.g. qQEHquLrjRDN9j1ByrChyn',
	description: 'The Segment source whose events the plan validates (a source has one plan at most)',
	required: true,
});

/** Some DELETEs went through, a later one did not: which rules were removed and which were not. */
function partlyRemoved(context: OperationContext, planId: string, removedUpTo: number, total: number, error: unknown): NodeOperationError {
	const { params, fn } = context;
	const cause = String((error as Error).message ?? error).replace(/ \(item \d+\)$/, '');
	const detail = (error as { description?: string }).description;
	return new NodeOperationError(
		errorNode(fn.getNode()),
		`Tracking plan ${planId}: rules[0] to rules[${removedUpTo - 1}] were removed, but rules[${removedUpTo}] to rules[${total - 1}] could not be: ${cause} (item ${params.itemIndex})`,
		{ itemIndex: params.itemIndex, description: `Run Remove Rules again with the rules from rules[${removedUpTo}] on.${detail ? ` What failed: ${detail}` : ''}` },
	);
}

/** Add or Update Rules and Replace Rules: the rules read and checked, then sent in one call. */
function rulesWrite(
	definition: ResourceDefinition,
	write: { value: string; name: string; action: string; description: string; property: INodeProperties; read(params: Params): Rule[]; send(context: OperationContext, planId: string, rules: Rule[]): Promise<void> },
): OperationDeclaration {
	return {
		value: write.value,
		name: write.name,
		action: write.action,
		description: write.description,
		properties: [idProperty(definition), write.property],
		async run(context) {
			const planId = readId(definition, context.params);
			const rules = write.read(context.params);
			await write.send(context, planId, rules);
			return [{ trackingPlanId: planId, rules: rules.length, status: 'SUCCESS' }];
		},
	};
}

/** Get Rules, Add or Update Rules, Replace Rules, Remove Rules. */
function ruleOperations(definition: ResourceDefinition): OperationDeclaration[] {
	const id = idProperty(definition);
	return [
		{
			value: 'listRules',
			name: 'Get Rules',
			action: 'Get the rules of a tracking plan',
			description: 'Get the rules of a tracking plan (Segment allows 200 reads a minute)',
			properties: [id],
			paged: true,
			async run(context) {
				const planId = readId(definition, context.params);
				return await fetchRules(context, planId, readRange(context.params));
			},
		},
		rulesWrite(definition, {
			value: 'upsertRules',
			name: 'Add or Update Rules',
			action: 'Add or update rules of a tracking plan',
			description: 'Add rules to a tracking plan, or update or rename the ones it has',
			property: upsertRulesProperty,
			read: (params) => readRules(params, RULES_WITH_RENAME),
			send: patchRules,
		}),
		rulesWrite(definition, {
			value: 'replaceRules',
			name: 'Replace Rules',
			action: 'Replace the rules of a tracking plan',
			description: 'Replace every rule of a tracking plan with the rules given',
			property: replaceRulesProperty,
			read: (params) => readRules(params, RULES_WITH_SCHEMA, { allowEmpty: true }),
			send: putRules,
		}),
		{
			value: 'removeRules',
			name: 'Remove Rules',
			action: 'Remove rules from a tracking plan',
			description: 'Remove rules from a tracking plan',
			properties: [id, removeRulesProperty],
			async run(context) {
				const planId = readId(definition, context.params);
				const rules = readRules(context.params, RULES_TO_REMOVE);
				// Every URL is worked out before the first DELETE goes out.
				const batches = await removalBatches(context, planId, rules, (index) => `rules[${index}]`);
				// The first failing leaves every rule in place: its own error says it all.
				await deleteRules(context, planId, batches[0]);
				for (const batch of batches.slice(1)) {
					try {
						await deleteRules(context, planId, batch);
					} catch (error) {
						throw partlyRemoved(context, planId, batch.first, rules.length, error);
					}
				}
				return [{ trackingPlanId: planId, rules: rules.length, requests: batches.length, status: 'SUCCESS' }];
			},
		},
	];
}

/** Get Connected Sources, Connect Source, Disconnect Source: the sources whose events the plan validates. */
function sourceOperations(definition: ResourceDefinition): OperationDeclaration[] {
	const id = idProperty(definition);
	const sourcesPath = (planId: string) => segmentPath('tracking-plans', planId, 'sources');
	const change = async ({ params, workspace }: OperationContext, connect: boolean): Promise<IDataObject[]> => {
		const planId = readId(definition, params);
		const sourceId = params.id('sourceId', 'Source ID');
		if (connect) {
			await workspace.client.request({ method: 'POST', path: sourcesPath(planId), body: { sourceId }, notFound: planLabel(planId) }, params.itemIndex);
		} else {
			await workspace.client.request({ method: 'DELETE', path: sourcesPath(planId), qs: { sourceId }, notFound: `Tracking plan ${planId} with source ${sourceId}` }, params.itemIndex);
		}
		return [{ trackingPlanId: planId, sourceId, connected: connect }];
	};
	return [
		{
			value: 'listSources',
			name: 'Get Connected Sources',
			action: 'Get the sources connected to a tracking plan',
			description: 'Get the sources whose events a tracking plan validates',
			properties: [id],
			paged: true,
			simplify: true,
			async run(context) {
				const planId = readId(definition, context.params);
				return await listPaged(context, sourcesPath(planId), 'sources', (entity) => context.shape('source', entity), planLabel(planId));
			},
		},
		{
			value: 'connectSource',
			name: 'Connect Source',
			action: 'Connect a source to a tracking plan',
			description: 'Connect a source to a tracking plan, so Segment validates its events against the plan',
			properties: [id, sourceProperty],
			run: (context) => change(context, true),
		},
		{
			value: 'disconnectSource',
			name: 'Disconnect Source',
			action: 'Disconnect a source from a tracking plan',
			description: 'Disconnect a source from a tracking plan',
			properties: [id, sourceProperty],
			run: (context) => change(context, false),
		},
	];
}

export function trackingPlanOperations(definition: ResourceDefinition): OperationDeclaration[] {
	return [...ruleOperations(definition), ...sourceOperations(definition)];
}
