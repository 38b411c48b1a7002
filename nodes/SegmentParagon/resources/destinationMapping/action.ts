import type { IDataObject } from 'n8n-workflow';

import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { Workspace } from '../../../shared/transport/workspace';
import { readDestination } from '../../../shared/destination';
import { metadataOf } from '../shared';

/** One field of an action, as Segment's catalog describes it. */
export interface ActionField {
	fieldKey: string;
	label: string;
	type: string;
	description?: string;
	defaultValue?: unknown;
	required: boolean;
	multiple: boolean;
	choices?: unknown;
	allowNull: boolean;
}

/** An action of an Actions destination: what a mapping fires. */
export interface SegmentAction {
	id: string;
	slug: string;
	name: string;
	description?: string;
	hidden?: boolean;
	defaultTrigger: string | null;
	fields: ActionField[];
}

/** A destination with what its catalog entry says about mappings. */
export interface ActionsOfDestination {
	destination: IDataObject;
	actions: SegmentAction[];
	presets: IDataObject[];
}

function listOf(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/** Segment's action, with its fields as lists the node can rely on. */
function readAction(raw: IDataObject): SegmentAction {
	return {
		id: String(raw.id),
		slug: String(raw.slug ?? raw.id),
		name: String(raw.name ?? raw.slug ?? raw.id),
		description: typeof raw.description === 'string' ? raw.description : undefined,
		hidden: raw.hidden === true,
		defaultTrigger: typeof raw.defaultTrigger === 'string' && raw.defaultTrigger.trim() ? raw.defaultTrigger : null,
		fields: listOf(raw.fields).map((field) => ({
			fieldKey: String(field.fieldKey),
			label: String(field.label ?? field.fieldKey),
			type: String(field.type ?? 'STRING').toUpperCase(),
			description: typeof field.description === 'string' ? field.description : undefined,
			...(field.defaultValue === undefined || field.defaultValue === null ? {} : { defaultValue: field.defaultValue }),
			required: field.required === true,
			multiple: field.multiple === true,
			choices: field.choices,
			allowNull: field.allowNull === true,
		})),
	};
}

/**
 * The destination and its actions and presets: from its own `metadata` (`GET /destinations/{id}`
 * carries the whole catalog entry), else from `GET /catalog/destinations/{metadataId}`; each read
 * at most once per execution.
 */
export async function actionsOf(workspace: Workspace, destinationId: string, itemIndex: number): Promise<ActionsOfDestination> {
	const destination = await readDestination(workspace, destinationId, itemIndex);
	let entry = metadataOf(destination);
	if (!Array.isArray(entry.actions) && typeof entry.id === 'string') {
		const metadataId = entry.id;
		const data = await workspace.shared(`catalogEntry:${metadataId}`, async () =>
			await workspace.client.request<{ destinationMetadata: IDataObject }>(
				{ method: 'GET', path: segmentPath('catalog', 'destinations', metadataId), notFound: `Destination catalog entry ${metadataId}`, entity: 'destinationMetadata' },
				itemIndex,
			),
		);
		entry = data.destinationMetadata;
	}
	return { destination, actions: listOf(entry.actions).map(readAction), presets: listOf(entry.presets) };
}

/** "Amplitude (Actions) (actions-amplitude)": how messages name the destination. */
export function destinationLabel(destination: IDataObject): string {
	const slug = metadataOf(destination).slug;
	const name = destination.name ?? metadataOf(destination).name ?? destination.id;
	return `${String(name)}${slug ? ` (${String(slug)})` : ''}`;
}

/** The action with this id, else with this slug. */
export function matchAction(actions: SegmentAction[], given: string): SegmentAction | undefined {
	return actions.find((action) => action.id === given) ?? actions.find((action) => action.slug === given);
}

export function describeActions(actions: SegmentAction[]): string {
	return actions.map((action) => `${action.name} (${action.slug}, ${action.id})`).join('; ');
}
