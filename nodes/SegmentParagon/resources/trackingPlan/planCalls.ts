import type { IDataObject } from 'n8n-workflow';

import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { Params } from '../../../shared/validation';
import type { OperationContext } from '../types';

/** How messages name a plan: "Tracking plan tp_1". */
export const planLabel = (planId: string) => `Tracking plan ${planId}`;

/** Segment's plan types; LIVE (the default) validates sources' events, the others are libraries and templates. */
export const PLAN_TYPES = ['LIVE', 'PROPERTY_LIBRARY', 'RULE_LIBRARY', 'TEMPLATE', 'ENGAGE'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export const planPath = (planId?: string) => (planId === undefined ? segmentPath('tracking-plans') : segmentPath('tracking-plans', planId));

/** What Create (and Create or Update) reads of a plan: name, type (sent always; Segment requires it), description. */
export interface PlanFields {
	name: string;
	type: PlanType;
	description?: string;
}

export function readPlanFields(params: Params): PlanFields {
	const fields: PlanFields = { name: params.text('name', 'Name'), type: params.choice('type', 'Type', PLAN_TYPES, 'LIVE') };
	const description = params.optionalText('description', 'Description');
	if (description !== undefined) fields.description = description;
	return fields;
}

export async function createPlan(context: OperationContext, fields: PlanFields): Promise<IDataObject> {
	const data = await context.workspace.client.request<{ trackingPlan: IDataObject }>(
		{ method: 'POST', path: planPath(), body: { ...fields }, creating: `tracking plan "${fields.name}"`, entity: 'trackingPlan' },
		context.params.itemIndex,
	);
	return data.trackingPlan;
}

export async function readPlan(context: OperationContext, planId: string): Promise<IDataObject> {
	const data = await context.workspace.client.request<{ trackingPlan: IDataObject }>(
		{ method: 'GET', path: planPath(planId), notFound: planLabel(planId), entity: 'trackingPlan' },
		context.params.itemIndex,
	);
	return data.trackingPlan;
}

/** PATCH answers only `{status}`: the plan is read back with one GET. */
export async function updatePlan(context: OperationContext, planId: string, body: IDataObject): Promise<IDataObject> {
	await context.workspace.client.request({ method: 'PATCH', path: planPath(planId), body, notFound: planLabel(planId) }, context.params.itemIndex);
	return await readPlan(context, planId);
}
