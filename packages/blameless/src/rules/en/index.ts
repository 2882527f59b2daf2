import type { Language } from '../../types.ts';
import { blameRules } from './blame.ts';
import { lexicon } from './lexicon.ts';
import { counterfactualRules, hindsightRules, humanErrorRules, whoCausedRules } from './phrases.ts';

/**
 * English. Order matters only when two rules match the same words: the earlier rule wins, so
 * the more specific "who caused" comes before the generic blame verbs it contains.
 */
export const en: Language = {
	id: 'en',
	lexicon,
	rules: [
		...whoCausedRules,
		...humanErrorRules,
		...counterfactualRules,
		...hindsightRules,
		...blameRules
	]
};
