// Screenshot group: the "Segment sandbox" Paragon Proxy API credential, opened and tested (credential).
// The interface of a screenshot group is described in ./groups.mjs.
import path from 'node:path';

import { capture, checkToasts } from './editor.mjs';

export const shots = ['credential'];

async function shootCredential(page, { baseUrl, credential, out }) {
	await page.goto(`${baseUrl}/home/credentials/${credential.id}`);
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.waitFor();
	await modal.locator('[data-test-id="credential-name"] [data-test-id="inline-edit-preview"]').getByText(credential.name).waitFor();
	await modal.locator('[data-test-id="parameter-input-projectId"]').waitFor();
	// n8n tests a saved credential when it is opened: wait for the verdict.
	const success = modal.locator('[data-test-id="credentials-config-container-test-success"]');
	try {
		await success.waitFor({ timeout: 30_000 });
	} catch {
		const text = (await modal.innerText()).replace(/\s+/g, ' ').slice(0, 400);
		throw new Error(`The credential "${credential.name}" did not test successfully in n8n (is the sandbox of npm start running?): ${text}`);
	}
	await page.waitForLoadState('networkidle');
	await checkToasts(page);
	await capture(page, path.join(out, 'credential.png'));
}

export const steps = [[['credential'], shootCredential]];
