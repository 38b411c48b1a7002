'use strict';
// The HTTP server: reads each body whole, then hands the request to the control endpoints
// or to the proxy. Unexpected errors answer 500 instead of hanging the client.
const http = require('http');
const { handleControl } = require('./control');
const { handleProxied } = require('./proxy');

const BODY_LIMIT = 1024 * 1024;
// Longer than Node's 5 s: tests run the sandbox in their own process, and a test that blocks the
// event loop for seconds (100,000 bulk entities on a busy machine) must not find its keep-alive
// socket closed under its next request (ECONNRESET).
const KEEP_ALIVE_TIMEOUT_MS = 60 * 1000;

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
	const server = http.createServer((req, res) => {
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
	server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
	// How many TCP connections clients opened (a keep-alive client opens one; the benchmark shows it).
	server.on('connection', () => {
		state.connectionsAccepted += 1;
	});
	return server;
}

module.exports = { createServer };
