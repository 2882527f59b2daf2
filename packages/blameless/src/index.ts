export { Category, CATEGORIES } from './types.ts';
export type { Finding, Language, Lexicon, Rule, SubjectKind, SubjectPolicy } from './types.ts';
export { checkText, createChecker } from './check.ts';
export type { Checker, CheckOptions } from './check.ts';
export { dismissalKey, findingKey, openFindings } from './dismissals.ts';
export type { DismissalLookup } from './dismissals.ts';
export { en } from './rules/en/index.ts';
export { LANGUAGES } from './rules/index.ts';
