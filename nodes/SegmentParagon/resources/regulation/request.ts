import type { IDataObject } from 'n8n-workflow';

import { segmentPath } from '../../../shared/transport/proxyUrl';
import type { Params } from '../../../shared/validation';
import { hasControlCharacter } from '../../../shared/values';
import { REGULATION_TYPES, SCOPES, SUBJECT_TYPES, DEFAULT_REGULATION_TYPE, type RegulationType, type Scope, type SubjectType } from './properties';

/** Segment's documented maximum of subject IDs in one regulation. */
export const MAX_SUBJECT_IDS = 5000;
const MAX_SUBJECT_ID_LENGTH = 256;

/** One item's regulation, read and checked: what Segment is asked to do, and for whom. */
export interface RegulationRequest {
	scope: Scope;
	sourceId?: string;
	collection?: string;
	regulationType: RegulationType;
	subjectType: SubjectType;
	subjectIds: string[];
}

// How the editor names the values, for messages that name both parameters.
const SCOPE_NAMES: Record<Scope, string> = { workspace: 'Workspace', source: 'Source', cloudSource: 'Cloud Source' };
const SUBJECT_NAMES: Record<SubjectType, string> = { USER_ID: 'User ID', OBJECT_ID: 'Object ID', ANONYMOUS_ID: 'Anonymous ID' };
const TYPE_NAME = (type: RegulationType) => type.toLowerCase().split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');

/** The text with each control character shown as "?", so a message can quote it. */
function visible(text: string): string {
	return [...text].map((character) => (hasControlCharacter(character) ? '?' : character)).join('');
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Subject IDs: one, several separated by commas or new lines, or a list from an expression.
 * Blank ones are dropped and repeats sent once; each is checked, and at least one must be left.
 */
export function readSubjectIds(params: Params): string[] {
	const label = 'Subject IDs';
	const value = params.raw('subjectIds', label, '');
	const entries: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\r\n]+/) : [value];
	const ids: string[] = [];
	const seen = new Set<string>();
	entries.forEach((entry, index) => {
		const position = Array.isArray(value) ? ` (entry ${index + 1})` : '';
		if (entry === undefined || entry === null || (typeof entry === 'string' && !entry.trim())) return;
		if (typeof entry === 'number' && !Number.isFinite(entry)) throw params.fail(`${label}${position} must be text, not ${String(entry)}`);
		if (typeof entry !== 'string' && typeof entry !== 'number') throw params.fail(`${label}${position} must be text, not ${describe(entry)}`, 'Give IDs as text: one, several separated by commas, or a list such as {{ $json.userIds }}.');
		const id = String(entry).trim();
		if (hasControlCharacter(id)) throw params.fail(`${label}: "${visible(id).slice(0, 40)}" contains control characters`);
		if (id.length > MAX_SUBJECT_ID_LENGTH) throw params.fail(`${label}: "${id.slice(0, 40)}…" is longer than ${MAX_SUBJECT_ID_LENGTH} characters`);
		if (seen.has(id)) return;
		seen.add(id);
		ids.push(id);
	});
	if (!ids.length) throw params.fail(`${label} is empty`, 'Give at least one ID, e.g. {{ $json.userId }}.');
	if (ids.length > MAX_SUBJECT_IDS) {
		throw params.fail(`${label} has ${ids.length} IDs; Segment takes at most ${MAX_SUBJECT_IDS} in one regulation`, 'Spread them over several items: the node combines items into requests of up to 5,000 IDs.');
	}
	return ids;
}

/** The combinations Segment refuses, named by both parameters before anything is sent. */
function checkCombination(params: Params, scope: Scope, regulationType: RegulationType, subjectType: SubjectType): void {
	const scopeIs = `Scope ${SCOPE_NAMES[scope]}`;
	if (regulationType === 'DELETE_ARCHIVE_ONLY' && scope !== 'source') {
		throw params.fail(`Regulation Type Delete Archive Only needs Scope Source, not ${SCOPE_NAMES[scope]}`, 'Segment deletes archived data of one source at a time: pick Scope Source and the source.');
	}
	if (subjectType === 'ANONYMOUS_ID' && scope !== 'source') {
		throw params.fail(`Subject Type Anonymous ID needs Scope Source, not ${SCOPE_NAMES[scope]}`, 'Segment takes anonymous IDs only in Source-scoped regulations of type Delete Archive Only.');
	}
	if (subjectType === 'ANONYMOUS_ID' && regulationType !== 'DELETE_ARCHIVE_ONLY') {
		throw params.fail(`Subject Type Anonymous ID needs Regulation Type Delete Archive Only, not ${TYPE_NAME(regulationType)}`, 'Segment takes anonymous IDs only to delete archived data of one source.');
	}
	if (subjectType === 'OBJECT_ID' && scope === 'source') {
		throw params.fail(`Subject Type Object ID does not go with ${scopeIs}`, 'A source regulation takes User ID (or Anonymous ID); object IDs belong to Scope Workspace or Cloud Source.');
	}
	if (scope === 'cloudSource' && subjectType !== 'OBJECT_ID') {
		throw params.fail(`${scopeIs} takes Subject Type Object ID only, not ${SUBJECT_NAMES[subjectType]}`, 'A cloud source regulates the objects of one collection by their object IDs.');
	}
}

/** One item's create parameters, all read and checked before anything is sent. */
export function readRequest(params: Params): RegulationRequest {
	const scope = params.choice('scope', 'Scope', SCOPES, 'workspace');
	const sourceId = scope === 'workspace' ? undefined : params.id('sourceId', 'Source');
	const collection = scope === 'cloudSource' ? readCollection(params) : undefined;
	const regulationType = params.choice('regulationType', 'Regulation Type', REGULATION_TYPES, DEFAULT_REGULATION_TYPE);
	const subjectType = params.choice('subjectType', 'Subject Type', SUBJECT_TYPES, 'USER_ID');
	checkCombination(params, scope, regulationType, subjectType);
	return { scope, sourceId, collection, regulationType, subjectType, subjectIds: readSubjectIds(params) };
}

function readCollection(params: Params): string {
	const value = params.raw('collection', 'Collection', '');
	if (typeof value !== 'string' || !value.trim()) throw params.fail('Collection is empty: Scope Cloud Source needs the collection', 'Enter the cloud source collection, e.g. users.');
	return params.text('collection', 'Collection');
}

/** What one item's output says: its own IDs and the regulation Segment filed for them. */
export function itemOutput(request: RegulationRequest, regulateId: string): IDataObject {
	const out: IDataObject = { regulateId, regulationType: request.regulationType, subjectType: request.subjectType, subjectIds: request.subjectIds, scope: request.scope };
	if (request.sourceId !== undefined) out.sourceId = request.sourceId;
	return out;
}

/** Where a scope's regulations are: the workspace's, a source's or a cloud source's. */
export function regulationsPath({ scope, sourceId }: Pick<RegulationRequest, 'scope' | 'sourceId'>): string {
	if (scope === 'workspace') return segmentPath('regulations');
	return segmentPath('regulations', scope === 'source' ? 'sources' : 'cloudsources', sourceId ?? '');
}
