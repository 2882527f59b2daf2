import type { EditableSectionId } from '@debrief/doc';

const key = (boardId: string) => `debrief:follow:${boardId}`;

/**
 * Follow mode: the view moves to the section of the stage in progress whenever the stage
 * changes. Observers follow by default; anyone may step out (a click on the toggle, or simply
 * opening another section) and back in. The choice is kept per board on this device.
 */
export class FollowMode {
	readonly #boardId: string;
	on: boolean = $state(false);
	/** The stage section we last took the view to; not reactive, so navigating does not loop. */
	#lastTarget: EditableSectionId | null = null;

	constructor(boardId: string, byDefault: boolean) {
		this.#boardId = boardId;
		const stored = globalThis.localStorage?.getItem(key(boardId));
		this.on = stored === null || stored === undefined ? byDefault : stored === 'on';
	}

	/** Turns following on or off; on again takes the view to the stage at once. */
	set(on: boolean): void {
		this.on = on;
		if (on) this.#lastTarget = null;
		globalThis.localStorage?.setItem(key(this.#boardId), on ? 'on' : 'off');
	}

	/**
	 * Where the view should go now, given where it is (`here`) and the stage's section
	 * (`target`): the target when the stage moved (or following just started), null otherwise.
	 * Being elsewhere while the stage stayed put means the person opened another section: that
	 * steps out of following.
	 */
	decide(here: EditableSectionId, target: EditableSectionId | null): EditableSectionId | null {
		if (!this.on || target === null) return null;
		if (target !== this.#lastTarget) {
			this.#lastTarget = target;
			return here === target ? null : target;
		}
		if (here !== target) this.set(false);
		return null;
	}
}
