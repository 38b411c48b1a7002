'use strict';
// A tracking plan's rules (/tracking-plans/{id}/rules): GET pages them; PATCH {rules} adds or
// updates (newKey renames); PUT {rules} replaces them all; DELETE takes the rules to remove in the
// query (rules[0][type]=TRACK&rules[0][key]=…&rules[0][version]=1). Every request is checked whole
// before anything changes: a rule's type, its key exactly where the type has one, jsonSchema an
// object, version a whole number >= 1, and no rule twice.
const { ok, notFound, badRequest, unprocessable, validationError } = require('./answers');
const { isPlainObject } = require('./validate');
const { readPagination, pagination } = require('./query');
const { ruleId, auditPlan } = require('../protocols');

const RULE_TYPES = ['TRACK', 'IDENTIFY', 'GROUP', 'PAGE', 'SCREEN', 'COMMON'];
// The types whose rules are named by a key (an event name, a page or screen name).
const KEYED_TYPES = new Set(['TRACK', 'PAGE', 'SCREEN']);
// Fields a rule may carry in each request (the output's timestamps are not input).
const UPSERT_FIELDS = ['type', 'key', 'jsonSchema', 'version', 'newKey'];
const REPLACE_FIELDS = ['type', 'key', 'jsonSchema', 'version'];
const REMOVE_FIELDS = ['type', 'key', 'version'];

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const describeRule = (rule) => `${rule.type} rule${rule.key === undefined ? '' : ` "${rule.key}"`} version ${rule.version}`;

function checkKey(rule, field, name, errors) {
	const value = rule[name];
	if (!KEYED_TYPES.has(rule.type)) {
		if (value !== undefined) errors.push(validationError(`${field}.${name} is not allowed for ${rule.type} rules`, `${field}.${name}`));
		return;
	}
	if (value === undefined) {
		if (name === 'key') errors.push(validationError(`${field}.key is required for ${rule.type} rules`, `${field}.key`));
	} else if (typeof value !== 'string' || value.trim() === '') {
		errors.push(validationError(`${field}.${name} must be a non-empty string`, `${field}.${name}`));
	}
}

// The errors of one rule; `fields` says which fields this request takes.
function checkRule(rule, field, fields) {
	if (!isPlainObject(rule)) return [validationError(`${field} must be an object`, field)];
	const errors = [];
	for (const name of Object.keys(rule)) {
		if (!fields.includes(name)) errors.push(validationError(`Unknown field: ${field}.${name}`, `${field}.${name}`));
	}
	if (!RULE_TYPES.includes(rule.type)) {
		errors.push(validationError(`${field}.type must be one of ${RULE_TYPES.join(', ')}`, `${field}.type`));
		return errors;
	}
	checkKey(rule, field, 'key', errors);
	if (fields.includes('newKey')) checkKey(rule, field, 'newKey', errors);
	if (fields.includes('jsonSchema') && !isPlainObject(rule.jsonSchema)) {
		errors.push(validationError(`${field}.jsonSchema must be an object (a JSON Schema)`, `${field}.jsonSchema`));
	}
	if (!(Number.isInteger(rule.version) && rule.version >= 1)) {
		errors.push(validationError(`${field}.version must be an integer >= 1`, `${field}.version`));
	}
	return errors;
}

// Every rule checked, then no rule given twice (same type, key and version).
function checkRules(rules, fields, { allowEmpty = false } = {}) {
	if (!Array.isArray(rules)) return [validationError('rules must be an array', 'rules')];
	if (!allowEmpty && rules.length === 0) return [validationError('rules must not be empty', 'rules')];
	const errors = rules.flatMap((rule, i) => checkRule(rule, `rules[${i}]`, fields));
	if (errors.length) return errors;
	const seen = new Map();
	rules.forEach((rule, i) => {
		const id = ruleId(rule.type, rule.key, rule.version);
		if (seen.has(id)) errors.push(validationError(`rules[${i}] duplicates rules[${seen.get(id)}]: the ${describeRule(rule)} is given twice`, `rules[${i}]`));
		else seen.set(id, i);
	});
	return errors;
}

function checkBody(body, fields, options) {
	const errors = Object.keys(body).filter((name) => name !== 'rules').map((name) => validationError(`Unknown field: ${name}`, name));
	if (body.rules === undefined) errors.push(validationError('rules is required', 'rules'));
	else errors.push(...checkRules(body.rules, fields, options));
	return errors;
}

function toApi(record) {
	const rule = { type: record.type };
	if (record.key !== undefined) rule.key = record.key;
	return { ...rule, jsonSchema: structuredClone(record.jsonSchema), version: record.version, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

function newRecord(rule, now) {
	const record = { id: ruleId(rule.type, rule.key, rule.version), type: rule.type, jsonSchema: structuredClone(rule.jsonSchema), version: rule.version, createdAt: now, updatedAt: now };
	if (rule.key !== undefined) record.key = rule.key;
	return record;
}

function list(ws, planId, params) {
	const scope = `tracking-plans/${planId}/rules`;
	const page = readPagination(params, scope);
	if (page.error) return page.error;
	if (!ws.protocols.plans.get(planId)) return notFound();
	const rules = ws.protocols.rulesOf(planId);
	const { items, nextSeq } = rules.page(page.from, page.count);
	return ok({ rules: items.map(toApi), pagination: pagination(scope, page.current, nextSeq, rules.size) });
}

// Renames checked against the plan as it is: the renamed rule exists, its new name is free.
function checkRenames(rules, store) {
	const errors = [];
	const taken = new Set(rules.map((rule) => ruleId(rule.type, rule.key, rule.version)));
	rules.forEach((rule, i) => {
		if (rule.newKey === undefined || rule.newKey === rule.key) return;
		const field = `rules[${i}].newKey`;
		const target = ruleId(rule.type, rule.newKey, rule.version);
		if (!store.get(ruleId(rule.type, rule.key, rule.version))) errors.push(validationError(`${field}: there is no ${describeRule(rule)} to rename`, field));
		else if (store.get(target) || taken.has(target)) errors.push(validationError(`${field}: a ${describeRule({ ...rule, key: rule.newKey })} already exists`, field));
		taken.add(target);
	});
	return errors;
}

// A change of rules is a change of the plan: its updatedAt, and an audit entry.
function touch(ws, plan, now) {
	plan.updatedAt = now;
	auditPlan(ws, plan, 'update');
	return ok({ status: 'SUCCESS' });
}

function upsert(ws, planId, body) {
	const plan = ws.protocols.plans.get(planId);
	if (!plan) return notFound();
	const store = ws.protocols.rulesOf(planId);
	const errors = checkBody(body, UPSERT_FIELDS);
	if (!errors.length) errors.push(...checkRenames(body.rules, store));
	if (errors.length) return unprocessable(errors);
	const now = new Date().toISOString();
	for (const rule of body.rules) {
		const id = ruleId(rule.type, rule.key, rule.version);
		const record = store.get(id);
		if (!record) {
			store.insert(newRecord(rule, now));
			continue;
		}
		record.jsonSchema = structuredClone(rule.jsonSchema);
		record.updatedAt = now;
		if (rule.newKey !== undefined && rule.newKey !== rule.key) {
			store.rekey(id, ruleId(rule.type, rule.newKey, rule.version));
			record.key = rule.newKey;
		}
	}
	return touch(ws, plan, now);
}

function replace(ws, planId, body) {
	const plan = ws.protocols.plans.get(planId);
	if (!plan) return notFound();
	const errors = checkBody(body, REPLACE_FIELDS, { allowEmpty: true });
	if (errors.length) return unprocessable(errors);
	const store = ws.protocols.rulesOf(planId);
	const now = new Date().toISOString();
	const before = new Map(store.all().map((record) => [record.id, record]));
	store.clear();
	for (const rule of body.rules) {
		const kept = before.get(ruleId(rule.type, rule.key, rule.version));
		store.insert({ ...newRecord(rule, now), createdAt: kept ? kept.createdAt : now });
	}
	return touch(ws, plan, now);
}

const REMOVAL_PARAM = /^rules\[(0|[1-9]\d{0,5})\]\[([A-Za-z]+)\]$/;

// rules[i][type|key|version] from the query; indexes run from 0 without gaps. Returns { rules } or { error }.
function readRemovals(params) {
	const byIndex = [];
	for (const [name, value] of params) {
		const match = REMOVAL_PARAM.exec(name);
		if (!match || !REMOVE_FIELDS.includes(match[2])) return { error: badRequest(`Unknown query parameter: ${name}`, name) };
		const [, index, field] = match;
		const rule = byIndex[Number(index)] || (byIndex[Number(index)] = {});
		if (has(rule, field)) return { error: badRequest(`${name} must be given once`, name) };
		// The version arrives as text; anything but a whole number stays text and is refused below.
		rule[field] = field === 'version' && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : value;
	}
	if (!byIndex.length) return { error: badRequest('rules is required: rules[0][type]=…&rules[0][key]=…&rules[0][version]=…', 'rules') };
	for (let i = 0; i < byIndex.length; i++) {
		if (!byIndex[i]) return { error: badRequest(`rules[${i}] is missing: rule indexes run from 0 without gaps`, `rules[${i}]`) };
	}
	return { rules: byIndex };
}

// Rules the plan does not have are passed over: removing twice is not an error.
function remove(ws, planId, params) {
	const removals = readRemovals(params);
	if (removals.error) return removals.error;
	const plan = ws.protocols.plans.get(planId);
	if (!plan) return notFound();
	const errors = checkRules(removals.rules, REMOVE_FIELDS);
	if (errors.length) return unprocessable(errors);
	const store = ws.protocols.rulesOf(planId);
	for (const rule of removals.rules) store.remove(ruleId(rule.type, rule.key, rule.version));
	return touch(ws, plan, new Date().toISOString());
}

module.exports = { list, upsert, replace, remove, toApi, newRecord, checkRules, RULE_TYPES, KEYED_TYPES, REPLACE_FIELDS };
