// Before any picture: that n8n answers, the login, that it knows the node, and the credential to show.
import fs from 'node:fs';
import path from 'node:path';

import { CREDENTIAL_TYPE, NODE_TYPE, repoRoot } from './editor.mjs';

/** The login: N8N_OWNER_* first, then what `npm start` saved, then start.mjs's defaults. */
export function ownerLogin() {
	let fallback = { email: 'admin@example.com', password: 'Segment-Sandbox-2024!', from: 'the defaults of npm start' };
	try {
		// Kept in step with scripts/start.mjs (its DEFAULT_OWNER) without running it.
		const source = fs.readFileSync(path.join(repoRoot, 'scripts', 'start.mjs'), 'utf8');
		const match = /DEFAULT_OWNER\s*=\s*\{\s*email:\s*'([^']+)',\s*password:\s*'([^']+)'/.exec(source);
		if (match) fallback = { email: match[1], password: match[2], from: 'the defaults of npm start (scripts/start.mjs)' };
	} catch {}
	let saved;
	try {
		saved = JSON.parse(fs.readFileSync(path.join(repoRoot, '.n8n-local', 'owner.json'), 'utf8'));
	} catch {}
	const email = process.env.N8N_OWNER_EMAIL || saved?.email || fallback.email;
	const password = process.env.N8N_OWNER_PASSWORD || saved?.password || fallback.password;
	const from = process.env.N8N_OWNER_PASSWORD ? 'N8N_OWNER_EMAIL / N8N_OWNER_PASSWORD' : saved?.password ? '.n8n-local/owner.json (saved by npm start)' : fallback.from;
	return { email, password, from };
}

export async function checkReachable(baseUrl) {
	let response;
	try {
		response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) });
	} catch (error) {
		const reason = error.cause?.code || error.name || error.message;
		throw new Error(`n8n is not reachable at ${baseUrl} (${reason}): start it with npm start first (or set N8N_URL to where it runs).`);
	}
	if (!response.ok) throw new Error(`n8n at ${baseUrl} answered /healthz with ${response.status}: start it with npm start first and wait for its "n8n login:" line.`);
}

export async function login(rest, baseUrl, owner) {
	try {
		await rest.post('/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	} catch (error) {
		if (error.status === 401 || error.status === 400) {
			throw new Error(`n8n at ${baseUrl} refused the login ${owner.email} (from ${owner.from}): set N8N_OWNER_EMAIL and N8N_OWNER_PASSWORD to the account printed by npm start ("n8n login: ...").`);
		}
		throw error;
	}
}

export async function checkNodeInstalled(rest, baseUrl) {
	const types = await rest.get('/types/nodes.json');
	const list = Array.isArray(types) ? types : [];
	if (!list.some((type) => type.name === NODE_TYPE)) {
		throw new Error(`n8n at ${baseUrl} does not know the node ${NODE_TYPE}: is this the n8n of npm start (it installs the package)?`);
	}
}

export async function findCredential(rest) {
	const wanted = process.env.SCREENSHOT_CREDENTIAL || 'Segment sandbox';
	const credentials = (await rest.get('/rest/credentials')).filter((credential) => credential.type === CREDENTIAL_TYPE);
	const credential = credentials.find((candidate) => candidate.name === wanted) ?? (process.env.SCREENSHOT_CREDENTIAL ? undefined : credentials[0]);
	if (!credential) {
		throw new Error(`No Paragon Proxy API credential named "${wanted}" in n8n (${credentials.length ? `there are: ${credentials.map((c) => `"${c.name}"`).join(', ')}` : 'there is none'}): npm start imports "Segment sandbox" unless run with --no-sandbox.`);
	}
	return credential;
}
