'use strict';
// Segment's official TypeScript SDK (a client nobody here wrote) pointed at the sandbox: Paragon's
// proxy path, a Paragon user token and X-Paragon-Use-Raw-Response: 1. Shared by the SDK tests.
const PublicApi = require('@segment/public-api-sdk-typescript');
const { TOKEN, proxyBase } = require('./helpers');

// The SDK's API objects, made in beforeAll (read them inside tests: sdk().trackingPlans…).
function useSdk(sb) {
	let api;
	beforeAll(() => {
		api = PublicApi.configureApis(TOKEN, { 'X-Paragon-Use-Raw-Response': '1' });
		// configureApis leaves Reverse ETL out: made the same way.
		api.reverseEtl = new PublicApi.ReverseETLApi();
		api.reverseEtl.accessToken = TOKEN;
		api.reverseEtl.defaultHeaders = api.labels.defaultHeaders;
		// configureApis targets api.segmentapis.com; each API object takes its base path.
		for (const part of Object.values(api)) part.basePath = proxyBase(sb);
	});
	return () => api;
}

// The answer's data; a refusal fails the test with Segment's own error.
async function data(promise) {
	try {
		const { response, body } = await promise;
		expect(response.statusCode).toBeGreaterThanOrEqual(200);
		expect(response.statusCode).toBeLessThan(300);
		return body.data;
	} catch (error) {
		if (error.body !== undefined) throw new Error(`HTTP ${error.statusCode}: ${JSON.stringify(error.body)}`);
		throw error;
	}
}

module.exports = { useSdk, data };
