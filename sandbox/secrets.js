'use strict';
// Which setting names hold secrets (SPEC section 3: password, secret, token, key, credentials),
// so that neither an answer nor the log served over HTTP ever shows them in clear.

const SECRET_WORD = /password|secret|token|credentials/i;
// "apiKey", "private_key", "serviceAccountKey"... but not a label's "key" or "writeKeys".
const KEY_SUFFIX = /.key$/i;
const MASK = '••••••';
const REDACTED = '[redacted]';

function isSecretName(name) {
	return SECRET_WORD.test(name) || KEY_SUFFIX.test(name);
}

// A copy of a JSON value with every secret-named key's value replaced.
function redactSecrets(value) {
	if (Array.isArray(value)) return value.map(redactSecrets);
	if (value === null || typeof value !== 'object') return value;
	const out = {};
	for (const [name, inner] of Object.entries(value)) {
		Object.defineProperty(out, name, {
			value: isSecretName(name) ? REDACTED : redactSecrets(inner),
			enumerable: true, writable: true, configurable: true,
		});
	}
	return out;
}

module.exports = { isSecretName, redactSecrets, MASK, REDACTED };
