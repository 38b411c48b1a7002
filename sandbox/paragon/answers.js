'use strict';
// Paragon's own errors, {message, code, status}, exactly as the sandbox answers them.

function paragonError(status, code, message) {
	return { status, body: { message, code, status } };
}

const errors = {
	notFound: () => paragonError(404, 'NOT_FOUND', 'Not found.'),
	projectNotFound: () => paragonError(404, 'PROJECT_NOT_FOUND', 'Project not found.'),
	unauthorized: () => paragonError(401, 'UNAUTHORIZED', 'Unauthorized. Provide a Paragon User Token in the Authorization header.'),
	invalidToken: () => paragonError(401, 'INVALID_TOKEN', 'Invalid Paragon User Token.'),
	tokenExpired: () => paragonError(401, 'TOKEN_EXPIRED', 'Paragon User Token expired.'),
	integrationNotFound: () => paragonError(404, 'INTEGRATION_NOT_FOUND', 'Integration not found.'),
	integrationNotEnabled: () => paragonError(400, 'INTEGRATION_NOT_ENABLED', 'Integration not enabled for user.'),
	// X-Paragon-Credential names no Segment account of this user.
	credentialNotFound: () => paragonError(404, 'CREDENTIAL_NOT_FOUND', 'Credential not found.'),
	invalidBaseUrl: () =>
		paragonError(400, 'INVALID_BASE_URL', 'Invalid base URL override for segment: only https://eu1.api.segmentapis.com/ may follow the integration name.'),
};

module.exports = { paragonError, errors };
