'use strict';
// The HTTP server: reads each body whole, then hands the request to the control endpoints
// or to the proxy. Unexpected errors answer 500 instead of hanging the client.
const http = require('http');
const { handleControl } = require('./control');
const { handleProxied } = require('./proxy');

const BODY_LIMIT = 1024 * 1024;

function isControl(url) {
	return url === '/__sandbox' || url.startsWith('/__sandbox/') || url.startsWith('/__sandbox?');
}

function answerError(res, status, message) {
	if (res.headersSent || res.destroyed) return;
	const payload = JSON.stringify({ errors: [{ type: status === 413 ? 'RequestError' : 'InternalServerError', message }] });
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
	res.end(payload);
}

function createServer(sandbox, state) {
	return http.createServer((req, res) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= BODY_LIMIT) chunks.push(chunk);
		});
		req.on('error', () => req.socket.destroy());
		req.on('end', () => {
			if (size > BODY_LIMIT) return answerError(res, 413, 'Request body too large');
			const rawBody = Buffer.concat(chunks);
			Promise.resolve()
				.then(() => (isControl(req.url) ? handleControl(sandbox, state, req, res, rawBody) : handleProxied(state, req, res, rawBody)))
				.catch((error) => {
					// The message only: a stack or a request could carry more than it should.
					console.error(`sandbox: ${error.message}`);
					answerError(res, 500, 'Sandbox internal error');
				});
		});
	});
}

module.exports = { createServer };
