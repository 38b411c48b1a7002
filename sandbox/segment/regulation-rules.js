'use strict';
// What Segment accepts in a regulation (API 73's models): the types and subject types of each
// scope, the two rate-limit groups of types, the create body's checks (all problems at once),
// and the list query (status, regulationTypes in any of the array forms clients send).
const { validationError, badRequest } = require('./answers');
const { checkFields } = require('./validate');
const { canonicalKey } = require('./query');

const WORKSPACE_TYPES = ['DELETE_INTERNAL', 'DELETE_ONLY', 'SUPPRESS_ONLY', 'SUPPRESS_WITH_DELETE', 'SUPPRESS_WITH_DELETE_INTERNAL', 'UNSUPPRESS'];
const TYPES = {
	workspace: WORKSPACE_TYPES,
	// DELETE_ARCHIVE_ONLY exists for Source-scoped regulations only.
	source: ['DELETE_ARCHIVE_ONLY', ...WORKSPACE_TYPES],
	cloudSource: WORKSPACE_TYPES,
};
const SUBJECT_TYPES = {
	workspace: ['OBJECT_ID', 'USER_ID'],
	source: ['ANONYMOUS_ID', 'USER_ID'],
	cloudSource: ['OBJECT_ID'],
};
const ALL_TYPES = TYPES.source;
const STATUSES = ['FAILED', 'FINISHED', 'INITIALIZED', 'INVALID', 'NOT_SUPPORTED', 'PARTIAL_SUCCESS', 'RUNNING'];
const FINAL_STATUSES = new Set(['FAILED', 'FINISHED', 'INVALID', 'NOT_SUPPORTED', 'PARTIAL_SUCCESS']);
const MAX_SUBJECTS = 5000;

// Segment counts its regulation limits apart for the types that stay in Segment and those
// that also reach destinations (X-RateLimit-* of a create are its group's).
const DESTINATION_TYPES = new Set(['DELETE_ONLY', 'SUPPRESS_WITH_DELETE']);
function limitGroup(regulationType) {
	return DESTINATION_TYPES.has(regulationType) ? 'segmentAndDestinations' : 'segmentOnly';
}
const reachesDestinations = (regulationType) => DESTINATION_TYPES.has(regulationType);
const SUPPRESSING = new Set(['SUPPRESS_ONLY', 'SUPPRESS_WITH_DELETE', 'SUPPRESS_WITH_DELETE_INTERNAL']);

// Object cloud sources and the collections they import (what a cloud-source regulation names).
const CLOUD_COLLECTIONS = {
	stripe: ['charges', 'customers', 'invoices', 'subscriptions'],
	zendesk: ['organizations', 'tickets', 'users'],
};

const text = { type: 'string' };
const BODY = {
	regulationType: { ...text, required: true },
	subjectType: { ...text, required: true },
	subjectIds: { type: 'array', required: true },
};

function oneOf(field, value, allowed, scopeName) {
	if (allowed.includes(value)) return [];
	return [validationError(`${field} must be one of ${allowed.join(', ')} for ${scopeName} regulations, not ${JSON.stringify(value)}`, field)];
}

function checkSubjectIds(ids) {
	if (ids.length === 0) return [validationError('subjectIds must not be empty', 'subjectIds')];
	if (ids.length > MAX_SUBJECTS) return [validationError(`subjectIds must have at most ${MAX_SUBJECTS} entries, not ${ids.length}`, 'subjectIds')];
	const bad = ids.findIndex((id) => typeof id !== 'string' || id.trim() === '');
	return bad < 0 ? [] : [validationError(`subjectIds[${bad}] must be a non-empty string`, `subjectIds[${bad}]`)];
}

const SCOPE_NAMES = { workspace: 'Workspace', source: 'Source', cloudSource: 'Cloud Source' };

// body of POST /regulations, /regulations/sources/{id} or /regulations/cloudsources/{id};
// source: the source record (source scopes), its catalog slug in metadataSlug. Returns errors.
function checkCreate(scope, body, sourceSlug) {
	const spec = scope === 'cloudSource' ? { ...BODY, collection: { ...text, required: true, nonEmpty: true } } : BODY;
	const errors = checkFields(body, spec);
	if (errors.length) return errors;
	const scopeName = SCOPE_NAMES[scope];
	errors.push(...oneOf('regulationType', body.regulationType, TYPES[scope], scopeName));
	errors.push(...oneOf('subjectType', body.subjectType, SUBJECT_TYPES[scope], scopeName));
	if (body.subjectType === 'ANONYMOUS_ID' && body.regulationType !== 'DELETE_ARCHIVE_ONLY' && scope === 'source') {
		errors.push(validationError('subjectType ANONYMOUS_ID is only supported when regulationType is DELETE_ARCHIVE_ONLY', 'subjectType'));
	}
	errors.push(...checkSubjectIds(body.subjectIds));
	if (scope === 'cloudSource') {
		const collections = CLOUD_COLLECTIONS[sourceSlug];
		if (!collections) errors.push(validationError(`sourceId must be a Cloud Source (${Object.keys(CLOUD_COLLECTIONS).join(', ')}), not a ${sourceSlug} source`, 'sourceId'));
		else if (!collections.includes(body.collection)) errors.push(validationError(`collection must be one of ${collections.join(', ')}`, 'collection'));
	}
	return errors;
}

// regulationTypes, regulationTypes[] and regulationTypes[0]: the forms clients send an array in.
const TYPES_KEY = /^regulationTypes(\[\d*\])?$/;

// The query of a regulation list: { status, types, pagination (URLSearchParams) } or { error }.
function readListQuery(params, scope) {
	const pagination = new URLSearchParams();
	let status = null;
	const types = [];
	for (const [key, value] of params) {
		if (TYPES_KEY.test(key)) {
			if (!TYPES[scope].includes(value)) return { error: badRequest(`regulationTypes may only contain ${TYPES[scope].join(', ')}; "${value}" is not one of them`, 'regulationTypes') };
			if (!types.includes(value)) types.push(value);
		} else if (key === 'status') {
			if (status !== null) return { error: badRequest('status must be given once', 'status') };
			if (!STATUSES.includes(value)) return { error: badRequest(`status must be one of ${STATUSES.join(', ')}`, 'status') };
			status = value;
		} else if (canonicalKey(key).startsWith('pagination.')) pagination.append(key, value);
		else return { error: badRequest(`Unknown query parameter: ${key}`, key) };
	}
	return { status, types, pagination };
}

module.exports = {
	TYPES, SUBJECT_TYPES, ALL_TYPES, STATUSES, FINAL_STATUSES, MAX_SUBJECTS, CLOUD_COLLECTIONS, SUPPRESSING,
	limitGroup, reachesDestinations, checkCreate, readListQuery,
};
