/** Checks shared by every free-text field: well-formed Unicode, no control characters, a length limit. */

// C0 controls other than tab, newline and carriage return, DEL, and C1 controls. NUL in particular
// cannot be stored in PostgreSQL text, so it must be refused here rather than fail in the database.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Returns a user-facing problem with `text`, or null when it is acceptable. Length counts characters, not bytes. */
export function textProblem(
  text: string,
  options: { label: string; max: number; min?: number },
): string | null {
  if (!text.isWellFormed()) return `${options.label} contains invalid characters (malformed Unicode)`;
  if (CONTROL.test(text)) return `${options.label} contains control characters`;
  const length = [...text].length;
  if (options.min !== undefined && length < options.min) {
    return options.min === 1
      ? `${options.label} can't be empty`
      : `${options.label} must be at least ${options.min} characters`;
  }
  if (length > options.max)
    return `${options.label} can't be longer than ${options.max} characters (it has ${length})`;
  return null;
}

/** Normalises line endings and trims, the form in which text is stored. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}
