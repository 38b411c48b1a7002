'use strict';
// Paragon's checks before a request reaches Segment, in the order the sandbox applies them:
// proxy path, project, Authorization header, token, integration, connected user, credential
// (X-Paragon-Credential), base URL override.
const crypto = require('crypto');
const { errors } = require('./answers');
const { verifyJwt } = require('./jwt');

const BEARER = /^Bearer (\S+)$/i;
const CREDENTIAL_HEADER = 'x-paragon-credential';

// What the request log may keep about a token: never the token itself.
function describeToken(token) {
	return { tokenSha256: crypto.createHash('sha256').update(token).digest('hex') };
}

function identify(state, token) {
	if (Object.prototype.hasOwnProperty.call(state.tokens, token)) {
		return { userId: state.tokens[token], auth: { kind: 'static', userId: state.tokens[token] } };
	}
	const result = verifyJwt(token, { publicKey: state.publicKey, projectId: state.projectId });
	if (!result.ok) {
		return { error: result.code === 'TOKEN_EXPIRED' ? errors.tokenExpired() : errors.invalidToken(), auth: { kind: 'invalid' } };
	}
	const claims = result.claims;
	return { userId: claims.sub, auth: { kind: 'jwt', userId: claims.sub, claims } };
}

// Returns { error } (an answer) or { userId, credential, workspace }; fills entry.auth and
// entry.userId (once the token names a user) for the request log.
function authorize(state, headers, target, entry) {
	if (!target.matched) return { error: errors.notFound() };
	if (target.projectId !== state.projectId) return { error: errors.projectNotFound() };
	const bearer = BEARER.exec(headers.authorization || '');
	if (!bearer) return { error: errors.unauthorized() };
	const who = identify(state, bearer[1]);
	entry.auth = { ...who.auth, ...describeToken(bearer[1]) };
	if (who.error) return { error: who.error };
	entry.userId = who.userId;
	if (target.integration !== 'segment') return { error: errors.integrationNotFound() };
	if (!state.users.has(who.userId)) return { error: errors.integrationNotEnabled() };
	// Any value given, even an empty one, must name one of this user's credentials.
	const credential = state.users.credentialFor(who.userId, headers[CREDENTIAL_HEADER]);
	if (!credential) return { error: errors.credentialNotFound() };
	if (target.overrideRefused) return { error: errors.invalidBaseUrl() };
	return { userId: who.userId, credential, workspace: credential.workspaces[target.region] };
}

module.exports = { authorize };
