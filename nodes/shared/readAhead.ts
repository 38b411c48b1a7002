import type { IExecuteFunctions } from 'n8n-workflow';

/** One parameter read: its name and the fallback it was read with. */
export interface ParameterRead {
	name: string;
	fallback: unknown;
}

type Outcome = { value: unknown } | { error: unknown };

const keyOf = ({ name, fallback }: ParameterRead) => (fallback === undefined ? name : `${name}\u0000${JSON.stringify(fallback)}`);

/**
 * An item's parameters read ahead of time, while the item before it waits for Segment: in the
 * real n8n, resolving an item's parameters (expressions above all) is most of the CPU an item
 * costs, and it need not wait for the previous request's answer. Each read is kept with its
 * outcome, the value or the error n8n threw, and handed out once, exactly as a read made then.
 */
export class ReadAhead {
	private readonly outcomes = new Map<string, Outcome>();

	/** Reads for item `itemIndex` the parameters another item read (the same operation reads the same ones). */
	static of(fn: IExecuteFunctions, itemIndex: number, reads: readonly ParameterRead[]): ReadAhead {
		const ahead = new ReadAhead();
		for (const read of reads) {
			const key = keyOf(read);
			if (ahead.outcomes.has(key)) continue;
			try {
				ahead.outcomes.set(key, { value: fn.getNodeParameter(read.name, itemIndex, read.fallback as never) as unknown });
			} catch (error) {
				ahead.outcomes.set(key, { error });
			}
		}
		return ahead;
	}

	/** The outcome read ahead (then forgotten: a second read asks n8n again), or undefined. */
	take(read: ParameterRead): Outcome | undefined {
		const key = keyOf(read);
		const outcome = this.outcomes.get(key);
		this.outcomes.delete(key);
		return outcome;
	}
}
