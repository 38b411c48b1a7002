'use strict';
// Reverse ETL models (/reverse-etl-models[/{modelId}]): a SQL query over a warehouse source and the
// column that identifies a row. Create requires what Segment's SDK models require (description
// and enabled too); scheduleStrategy / scheduleConfig are accepted as older API versions took them
// (API 73 schedules the mappings instead) and answered only when set. Changes go to the audit trail.
const { ok, notFound, unprocessable, validationError } = require('./answers');
const { checkFields } = require('./validate');
const { readPagination, pagination } = require('./query');
const { randomId } = require('../ids');
const { recordAudit, auditType } = require('../audit');
const { isWarehouseSource } = require('../reverse-etl');

const SCHEDULE_STRATEGIES = ['MANUAL', 'PERIODIC', 'SPECIFIC_DAYS'];
const text = { type: 'string', nonEmpty: true };
const fields = {
	name: text,
	description: { type: 'string' },
	enabled: { type: 'boolean' },
	query: text,
	queryIdentifierColumn: text,
	scheduleStrategy: { type: 'string' },
	scheduleConfig: { type: 'object' },
};
const createSpec = {
	sourceId: { ...text, required: true },
	...fields,
	name: { ...text, required: true },
	description: { type: 'string', required: true },
	enabled: { type: 'boolean', required: true },
	query: { ...text, required: true },
	queryIdentifierColumn: { ...text, required: true },
};

function checkSchedule(body, errors) {
	if (typeof body.scheduleStrategy === 'string' && !SCHEDULE_STRATEGIES.includes(body.scheduleStrategy)) {
		errors.push(validationError(`scheduleStrategy must be one of ${SCHEDULE_STRATEGIES.join(', ')}`, 'scheduleStrategy'));
	}
	const config = body.scheduleConfig;
	if (config && typeof config === 'object' && !Array.isArray(config) && !Object.keys(config).length) {
		errors.push(validationError('scheduleConfig must be an object with at least 1 level of keys', 'scheduleConfig'));
	}
}

function toApi(record) {
	const model = {
		id: record.id,
		sourceId: record.sourceId,
		name: record.name,
		description: record.description,
		enabled: record.enabled,
		query: record.query,
		queryIdentifierColumn: record.queryIdentifierColumn,
	};
	if (record.scheduleStrategy !== undefined) model.scheduleStrategy = record.scheduleStrategy;
	if (record.scheduleConfig !== undefined) model.scheduleConfig = structuredClone(record.scheduleConfig);
	return model;
}

function audit(ws, record, change) {
	recordAudit(ws, { type: auditType('Reverse ETL Model', change), resourceType: 'reverse_etl_model', resourceId: record.id, resourceName: record.name });
}

// The fields of a body that passed its checks, onto a record.
function assign(record, body) {
	for (const key of Object.keys(fields)) {
		if (body[key] !== undefined) record[key] = key === 'scheduleConfig' ? structuredClone(body[key]) : body[key];
	}
	return record;
}

// Checks a create body; returns { errors } or { record } (not inserted).
function newModel(ws, body, id = randomId()) {
	const errors = checkFields(body, createSpec);
	checkSchedule(body, errors);
	if (typeof body.sourceId === 'string' && !errors.some((error) => error.field === 'sourceId')) {
		const source = ws.sources.get(body.sourceId);
		if (!source) errors.push(validationError('sourceId does not match any source in this workspace', 'sourceId'));
		else if (!isWarehouseSource(source)) errors.push(validationError(`Source ${body.sourceId} is not a warehouse source: a Reverse ETL model reads from a warehouse source (Snowflake, BigQuery, Redshift, Postgres, Databricks)`, 'sourceId'));
	}
	if (errors.length) return { errors };
	return { record: assign({ id, sourceId: body.sourceId }, body) };
}

function list(ws, params) {
	const scope = 'reverse-etl-models';
	const page = readPagination(params, scope);
	if (page.error) return page.error;
	const { items, nextSeq } = ws.reverseEtl.models.page(page.from, page.count);
	return ok({ models: items.map(toApi), pagination: pagination(scope, page.current, nextSeq, ws.reverseEtl.models.size) });
}

function create(ws, body) {
	const result = newModel(ws, body);
	if (result.errors) return unprocessable(result.errors);
	ws.reverseEtl.models.insert(result.record);
	audit(ws, result.record, 'create');
	return { status: 201, body: { data: { reverseEtlModel: toApi(result.record) } } };
}

function get(ws, modelId) {
	const record = ws.reverseEtl.models.get(modelId);
	return record ? ok({ reverseEtlModel: toApi(record) }) : notFound();
}

function update(ws, modelId, body) {
	const record = ws.reverseEtl.models.get(modelId);
	if (!record) return notFound();
	const errors = checkFields(body, fields);
	checkSchedule(body, errors);
	if (errors.length) return unprocessable(errors);
	assign(record, body);
	audit(ws, record, 'update');
	return ok({ reverseEtlModel: toApi(record) });
}

function remove(ws, modelId) {
	const record = ws.reverseEtl.models.get(modelId);
	if (!record) return notFound();
	ws.reverseEtl.removeModel(modelId);
	audit(ws, record, 'delete');
	return ok({ status: 'SUCCESS' });
}

module.exports = { list, create, get, update, remove, toApi, newModel, SCHEDULE_STRATEGIES };
