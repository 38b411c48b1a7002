import { ICredentials } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ICredentialsEncrypted } from 'n8n-workflow';

/**
 * n8n-core's own `Credentials` class cannot be used here: in 2.x it encrypts through an
 * EncryptionKeyProxy whose key provider is the database ("Encryption key provider is not
 * configured"). n8n-core itself never calls `credentialsHelper.getCredentials`; this plain
 * (unencrypted) ICredentials only serves code that does.
 */
export class PlainCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...(await this.getData()), ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}
}
