import type { ParamMatcher } from '@sveltejs/kit';
import { isEditableSection, type EditableSectionId } from '@debrief/doc';

/** `/boards/<id>/<section>` only for sections people edit; anything else is a 404. */
export const match = ((param: string): param is EditableSectionId =>
	isEditableSection(param)) satisfies ParamMatcher;
