'use strict';
// The path of one proxied request: log it, add latency, apply faults (before or after
// Paragon's checks), check it as Paragon would, then answer as Segment would.
const { parseProxyPath, decodedPath } = require('./paragon/path');
const { authorize } = require('./paragon/auth');
const { handleSegment } = require('./segment/router');
const { makeEntry } = require('./request-log');
const { faultAnswer, headerOverrides, replacesAnswer } = require('./faults');
const { rateLimitHeaders } = require('./rate-limit');
const { wrapAnswer } = require('./paragon/wrap');

function write(exchange, status, headers, payload) {
	const { res, entry } = exchange;
	if (res.destroyed || res.headersSent) return;
	entry.status = status;
	res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(payload) });
	res.end(payload);
}

function writeParagon(exchange, answer) {
	write(exchange, answer.status, { 'Content-Type': 'application/json' }, JSON.stringify(answer.body));
}

// Segment's answer as Paragon passes it on: raw when asked for, otherwise wrapped.
function writePassedOn(exchange, status, headers, payload) {
	if (exchange.entry.rawResponse) return write(exchange, status, headers, payload);
	const wrapped = wrapAnswer(headers, payload);
	write(exchange, status, wrapped.headers, wrapped.payload);
}

function writeSegment(exchange, answer, overrides = {}) {
	const headers = { 'Content-Type': 'application/json', ...rateLimitHeaders(), ...(answer.headers || {}), ...overrides };
	writePassedOn(exchange, answer.status, headers, JSON.stringify(answer.body));
}

function drop(exchange) {
	exchange.entry.status = 0;
	exchange.req.socket.destroy();
}

function runSegment(exchange) {
	const { state, workspace, target, req, params, rawBody } = exchange;
	return handleSegment(state, workspace, {
		method: req.method,
		segments: target.segments,
		path: decodedPath(target),
		params,
		headers: req.headers,
		rawBody,
	});
}

// Plays a fault; returns true when it answered (or dropped) the request itself.
async function playFault(exchange, fault) {
	if (fault.delayMs) await exchange.state.sleep(fault.delayMs);
	if (fault.drop) {
		drop(exchange);
		return true;
	}
	if (!replacesAnswer(fault)) return false;
	const answer = faultAnswer(fault);
	// Faults before Paragon's checks and non-JSON pages stand for what sits in front of
	// Paragon: never wrapped. The others stand for Segment's answers.
	if (fault.beforeAuth || fault.nonJson) write(exchange, answer.status, answer.headers, answer.payload);
	else writePassedOn(exchange, answer.status, answer.headers, answer.payload);
	return true;
}

async function handleProxied(state, req, res, rawBody) {
	const queryStart = req.url.indexOf('?');
	const rawPath = queryStart < 0 ? req.url : req.url.slice(0, queryStart);
	const params = new URLSearchParams(queryStart < 0 ? '' : req.url.slice(queryStart + 1));
	const target = parseProxyPath(rawPath);
	const entry = makeEntry(req, target, params, rawBody);
	state.log.push(entry);
	const exchange = { state, req, res, entry, target, params, rawBody };
	// A front server refuses an over-long request line before Paragon or Segment sees it.
	if (Buffer.byteLength(req.url) > state.maxUrlLength) {
		const answer = faultAnswer({ nonJson: true, status: 414 });
		return write(exchange, answer.status, answer.headers, answer.payload);
	}
	const match = { method: req.method, path: decodedPath(target), region: target.region };

	if (state.latencyMs > 0) await state.sleep(state.latencyMs);

	const early = state.faults.take(match, true);
	if (early && (await playFault(exchange, early))) return;

	const verdict = authorize(state, req.headers, target, entry);
	if (verdict.error) return writeParagon(exchange, verdict.error);
	// Who was served, and from which of their Segment accounts: each credential is a workspace set.
	exchange.workspace = verdict.workspace;
	entry.credentialId = verdict.credential.id;
	entry.workspaceId = verdict.workspace.id;

	// Faults after Paragon's checks may target one user or one credential.
	const fault = state.faults.take({ ...match, user: verdict.userId, credential: verdict.credential.id }, false);
	// process: the write happens, then the client sees the fault (a write that looked failed).
	const processed = fault && fault.process ? runSegment(exchange) : null;
	if (fault && (await playFault(exchange, fault))) return;
	const overrides = { ...(early ? headerOverrides(early) : {}), ...(fault ? headerOverrides(fault) : {}) };
	writeSegment(exchange, processed || runSegment(exchange), overrides);
}

module.exports = { handleProxied };
