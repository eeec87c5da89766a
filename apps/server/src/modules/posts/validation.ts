import { parseRecipe, type Recipe } from '@glimpse/edit';
import type { FieldErrors } from '../../errors';
import { hashtagsIn, mentionsIn } from '../text/entities';
import { cleanText, textProblem } from '../text/validate';

export const CAPTION_MAX = 2200;
export const ALT_TEXT_MAX = 1000;
export const MEDIA_MAX = 10;
/** Instagram's own limits on tags and mentions in one caption. */
export const HASHTAGS_MAX = 30;
export const MENTIONS_MAX = 20;

export interface CaptionParts {
  caption: string;
  hashtags: string[];
  mentions: string[];
}

/** Validates a caption into `errors` under `field`; returns the cleaned text with its tags and mentions. */
export function checkCaption(raw: string, errors: FieldErrors, field = 'caption'): CaptionParts {
  const caption = cleanText(raw);
  const problem = textProblem(caption, { label: 'Caption', max: CAPTION_MAX });
  errors.add(field, problem);
  const hashtags = problem ? [] : hashtagsIn(caption);
  const mentions = problem ? [] : mentionsIn(caption);
  if (hashtags.length > HASHTAGS_MAX) errors.add(field, `Captions can have at most ${HASHTAGS_MAX} hashtags`);
  if (mentions.length > MENTIONS_MAX)
    errors.add(field, `Captions can mention at most ${MENTIONS_MAX} accounts`);
  return { caption, hashtags, mentions };
}

export function checkAltText(raw: string | null | undefined, errors: FieldErrors, field: string): string {
  const alt = cleanText(raw ?? '');
  errors.add(field, textProblem(alt, { label: 'Alt text', max: ALT_TEXT_MAX }));
  return alt;
}

/**
 * Validates an edit recipe (@glimpse/edit) into `errors`: each issue under `field.<its path>` (the
 * field itself when the whole value is wrong). Returns the complete recipe, or null when refused.
 */
export function checkRecipe(raw: unknown, errors: FieldErrors, field: string): Recipe | null {
  const parsed = parseRecipe(raw);
  if (parsed.ok) return parsed.recipe;
  for (const issue of parsed.issues) errors.add(issue.path ? `${field}.${issue.path}` : field, issue.message);
  if (parsed.issues.length === 0) errors.add(field, 'This edit recipe is not valid');
  return null;
}
