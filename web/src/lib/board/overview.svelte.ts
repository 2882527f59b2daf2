import {
	addResponder,
	addService,
	observeOverview,
	overviewText,
	readOverview,
	removeResponder,
	removeService,
	setIncidentStart,
	setOverviewSeverity,
	updateResponder,
	type Overview,
	type OverviewResult,
	type OverviewText
} from '@debrief/doc';
import type { TextBinding } from '$lib/sync/text-binding.svelte.ts';
import { LiveView } from './live-view.svelte.ts';
import { SectionState, type SectionContext } from './section-state.svelte.ts';

/** The overview section for components: plain data, text bindings and writers. */
export class OverviewState extends SectionState {
	readonly section = 'overview' as const;
	readonly #view: LiveView<Overview>;

	constructor(ctx: SectionContext) {
		super(ctx);
		this.#view = new LiveView(
			(onChange) => observeOverview(this.doc, onChange),
			() => readOverview(this.doc)
		);
	}

	get value(): Overview {
		return this.#view.value;
	}

	/** The live binding of a free-text field (carets, minimal edits). */
	text(field: OverviewText): TextBinding {
		return this.bindText(field, overviewText(this.doc, field))!;
	}

	setSeverity(severity: string): OverviewResult {
		return setOverviewSeverity(this.doc, severity, this);
	}

	setStart(at: string): OverviewResult {
		return setIncidentStart(this.doc, at, this);
	}

	addService(name: string): OverviewResult {
		return addService(this.doc, name, this);
	}

	removeService(name: string): OverviewResult {
		return removeService(this.doc, name, this);
	}

	addResponder(name: string, role: string): OverviewResult<{ id: string }> {
		return addResponder(this.doc, { name, role }, this);
	}

	updateResponder(id: string, patch: { name?: string; role?: string }): OverviewResult {
		return updateResponder(this.doc, id, patch, this);
	}

	removeResponder(id: string): OverviewResult {
		return removeResponder(this.doc, id, this);
	}
}
