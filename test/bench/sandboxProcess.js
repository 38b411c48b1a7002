'use strict';
// The sandbox in a process of its own, so the benchmark's memory figures are the node's (and
// n8n's), not the sandbox's 100,000 stored entities. The parent sends the startSandbox options
// and gets the URL back; the sandbox closes when the parent goes away.
const { startSandbox } = require('../../sandbox');

process.once('message', async (options) => {
	try {
		const sandbox = await startSandbox(options);
		process.send({ url: sandbox.url });
		process.once('disconnect', () => sandbox.close().then(() => process.exit(0)));
	} catch (error) {
		process.send({ error: String(error && error.message) });
		process.exit(1);
	}
});
