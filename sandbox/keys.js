'use strict';
// The RSA key pair of the sandbox's signing-key mode: made on the first run, reused after,
// kept in .sandbox/ at the repository root (gitignored).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const DEFAULT_KEY_DIR = path.resolve(__dirname, '..', '.sandbox');
const PRIVATE_FILE = 'signing-key.pem';
const PUBLIC_FILE = 'signing-key.pub.pem';

function loadOrCreateKeyPair(dir = DEFAULT_KEY_DIR) {
	const privateKeyPath = path.join(dir, PRIVATE_FILE);
	const publicKeyPath = path.join(dir, PUBLIC_FILE);
	let created = false;
	if (!fs.existsSync(privateKeyPath)) {
		const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
		created = true;
	}
	const privateKeyPem = fs.readFileSync(privateKeyPath, 'utf8');
	// The public half is always derived from the private key, so the two cannot drift apart.
	const publicKeyPem = crypto.createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' });
	fs.writeFileSync(publicKeyPath, publicKeyPem);
	return { privateKeyPath, publicKeyPath, privateKeyPem, publicKeyPem, created };
}

// The PEM on one line with "\n" escapes, as the credential's Signing Key field accepts it.
function oneLinePem(pem) {
	return pem.replace(/\r?\n/g, '\\n');
}

module.exports = { loadOrCreateKeyPair, oneLinePem, DEFAULT_KEY_DIR };
