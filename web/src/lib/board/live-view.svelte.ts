import { createSubscriber } from 'svelte/reactivity';

/**
 * A plain, cached view of a Yjs document for components. The document is observed only while
 * some effect reads `value` (svelte/reactivity's MediaQuery pattern): the first reader starts the
 * observer, the last one to go away stops it. While observed, the read is cached until the next
 * change, so many components reading one section cost one read per change.
 */
export class LiveView<T> {
	readonly #read: () => T;
	readonly #subscribe: () => void;
	#cache: { value: T } | null = null;
	#observing = false;

	constructor(observe: (onChange: () => void) => () => void, read: () => T) {
		this.#read = read;
		this.#subscribe = createSubscriber((update) => {
			this.#observing = true;
			const stop = observe(() => {
				this.#cache = null;
				update();
			});
			return () => {
				stop();
				this.#observing = false;
				this.#cache = null;
			};
		});
	}

	/** The current plain view; re-read after every change while observed. */
	get value(): T {
		this.#subscribe();
		if (this.#cache) return this.#cache.value;
		const value = this.#read();
		if (this.#observing) this.#cache = { value };
		return value;
	}
}
