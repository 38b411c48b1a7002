'use strict';
// Checks a request body against a field list as strictly as Segment does:
// required fields, exact types, and no field it does not know.
const { validationError } = require('./answers');

const TYPE_NAMES = { string: 'a string', boolean: 'a boolean', object: 'an object', array: 'an array' };

function isPlainObject(value) {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typeMatches(type, value) {
	if (type === 'object') return isPlainObject(value);
	if (type === 'array') return Array.isArray(value);
	return typeof value === type;
}

// spec: { field: { type, required?, nonEmpty?, pattern? } }; prefix names nested fields.
function checkFields(body, spec, prefix = '') {
	const errors = [];
	for (const [name, rule] of Object.entries(spec)) {
		const field = prefix + name;
		const value = body[name];
		if (value === undefined) {
			if (rule.required) errors.push(validationError(`${field} is required`, field));
			continue;
		}
		if (!typeMatches(rule.type, value)) {
			errors.push(validationError(`${field} must be ${TYPE_NAMES[rule.type]}`, field));
			continue;
		}
		if (rule.nonEmpty && rule.type === 'string' && value.trim() === '') {
			errors.push(validationError(`${field} must not be empty`, field));
			continue;
		}
		if (rule.pattern && !rule.pattern.test(value)) {
			errors.push(validationError(`${field} must match ${rule.pattern.source}`, field));
		}
	}
	for (const name of Object.keys(body)) {
		if (!Object.prototype.hasOwnProperty.call(spec, name)) {
			errors.push(validationError(`Unknown field: ${prefix + name}`, prefix + name));
		}
	}
	return errors;
}

module.exports = { checkFields, isPlainObject };
