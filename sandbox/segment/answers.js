'use strict';
// Segment's answers: {data} on success, {errors:[{type, message, field?}]} otherwise.
// Handlers return these plain objects; proxy.js writes them (or a fault replaces them).

function ok(data) {
	return { status: 200, body: { data } };
}

function validationError(message, field) {
	const error = { type: 'ValidationError', message };
	if (field !== undefined) error.field = field;
	return error;
}

function badRequest(message, field) {
	return { status: 400, body: { errors: [validationError(message, field)] } };
}

function unprocessable(errors) {
	return { status: 422, body: { errors } };
}

// Deliberately does not name the id: clients must not rely on Segment for that.
function notFound() {
	return { status: 404, body: { errors: [{ type: 'resource-not-found', message: 'Resource not found' }] } };
}

function routeNotFound(method, path) {
	return { status: 404, body: { errors: [{ type: 'not-found', message: `No route for ${method} ${path || '/'}` }] } };
}

function methodNotAllowed(method, allowed) {
	return {
		status: 405,
		headers: { Allow: allowed.join(', ') },
		body: { errors: [{ type: 'method-not-allowed', message: `Method ${method} is not allowed here (allowed: ${allowed.join(', ')})` }] },
	};
}

function malformedPath() {
	return { status: 400, body: { errors: [{ type: 'RequestError', message: 'Malformed percent-encoding in the path' }] } };
}

function unsupportedMediaType() {
	return { status: 415, body: { errors: [{ type: 'UnsupportedMediaType', message: 'Content-Type must be application/json' }] } };
}

module.exports = { ok, validationError, badRequest, unprocessable, notFound, routeNotFound, methodNotAllowed, malformedPath, unsupportedMediaType };
