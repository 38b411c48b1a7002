'use strict';
// Workspace labels, and the labels of one source (each must already exist in the workspace).
const { ok, unprocessable, validationError } = require('./answers');
const { checkFields, isPlainObject } = require('./validate');
const { recordAudit } = require('../audit');

const labelSpec = { key: { type: 'string', required: true, nonEmpty: true }, value: { type: 'string', required: true, nonEmpty: true } };
const newLabelSpec = { ...labelSpec, description: { type: 'string' } };

function list(ws) {
	return ok({ labels: ws.labels.map((label) => ({ ...label })) });
}

function create(ws, body) {
	let errors = checkFields(body, { label: { type: 'object', required: true } });
	if (!errors.length) errors = checkFields(body.label, newLabelSpec, 'label.');
	if (!errors.length && ws.hasLabel(body.label.key, body.label.value)) {
		errors.push(validationError(`Label ${body.label.key}:${body.label.value} already exists`, 'label'));
	}
	if (errors.length) return unprocessable(errors);
	const label = { key: body.label.key, value: body.label.value };
	if (body.label.description !== undefined) label.description = body.label.description;
	ws.addLabel(label);
	recordAudit(ws, { type: 'Label Created', resourceType: 'label', resourceId: `${label.key}:${label.value}`, resourceName: `${label.key}:${label.value}` });
	return ok({ label: { ...label } });
}

function checkSourceLabels(ws, labels) {
	const errors = [];
	const seen = new Set();
	labels.forEach((label, i) => {
		const field = `labels[${i}]`;
		if (!isPlainObject(label)) {
			errors.push(validationError(`${field} must be an object`, field));
			return;
		}
		const fieldErrors = checkFields(label, labelSpec, `${field}.`);
		if (fieldErrors.length) {
			errors.push(...fieldErrors);
			return;
		}
		const name = `${label.key}:${label.value}`;
		if (!ws.hasLabel(label.key, label.value)) {
			errors.push(validationError(`Label ${name} does not exist in this workspace`, field));
		} else if (seen.has(name)) {
			errors.push(validationError(`Label ${name} is listed twice`, field));
		}
		seen.add(name);
	});
	return errors;
}

// Replaces all of the source's labels.
function setForSource(ws, source, body) {
	let errors = checkFields(body, { labels: { type: 'array', required: true } });
	if (!errors.length) errors = checkSourceLabels(ws, body.labels);
	if (errors.length) return unprocessable(errors);
	source.labels = body.labels.map((label) => ({ key: label.key, value: label.value }));
	recordAudit(ws, { type: 'Source Modified', resourceType: 'source', resourceId: source.id, resourceName: source.name === undefined ? source.slug : source.name });
	return ok({ labels: source.labels.map((label) => ({ ...label })) });
}

module.exports = { list, create, setForSource };
