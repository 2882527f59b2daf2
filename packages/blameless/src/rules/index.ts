import type { Language } from '../types.ts';
import { en } from './en/index.ts';

/** Every language the checker speaks, by id. Add one by adding a folder like `en/`. */
export const LANGUAGES: Readonly<Record<string, Language>> = { en };
