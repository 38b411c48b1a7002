'use strict';
// Request bodies of POST, PATCH and PUT: JSON objects sent as application/json, nothing else.
const { badRequest, unsupportedMediaType } = require('./answers');
const { isPlainObject } = require('./validate');

const JSON_TYPE = /^application\/json\s*(;|$)/i;

function readJsonBody(headers, rawBody) {
	if (!JSON_TYPE.test(headers['content-type'] || '')) return { error: unsupportedMediaType() };
	const text = rawBody ? rawBody.toString('utf8') : '';
	if (text.trim() === '') return { error: badRequest('Request body must be a JSON object') };
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		return { error: badRequest('Request body is not valid JSON') };
	}
	if (!isPlainObject(body)) return { error: badRequest('Request body must be a JSON object') };
	return { body };
}

module.exports = { readJsonBody };
