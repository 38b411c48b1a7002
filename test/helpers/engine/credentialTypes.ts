/** The credential types a run knows, with `extends` resolved as n8n does. */
import { NodeHelpers } from 'n8n-workflow';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import type { CredentialTypeClass } from './types';

export class CredentialTypes {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(classes: CredentialTypeClass[]) {
		for (const Cls of classes) {
			const instance = new Cls();
			this.byName.set(instance.name, instance);
		}
	}

	getByName(name: string): ICredentialType {
		const type = this.byName.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}" (known: ${[...this.byName.keys()].join(', ')})`);
		return type;
	}

	has(name: string): boolean {
		return this.byName.has(name);
	}

	getParentTypes(name: string): string[] {
		const type = this.byName.get(name);
		if (!type?.extends) return [];
		const parents: string[] = [];
		for (const parent of type.extends) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (!type.extends) return type.properties;
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			if (this.has(parent)) NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
