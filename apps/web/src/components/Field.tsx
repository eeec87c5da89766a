import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

/** What a field's control needs to be named, described and marked invalid. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** Class names for a field's parts, so each screen keeps its own look. */
export interface FieldClasses {
  field?: string;
  label?: string;
  hint?: string;
}

export interface FieldProps {
  label: string;
  error: string | undefined | null;
  hint?: string;
  /** The control's id when the screen needs a fixed one (its error is then `${id}-error`); else one is made. */
  id?: string;
  /** The ids of text elsewhere on the screen that also explains the control, read after the error. */
  describedBy?: string;
  classes?: FieldClasses;
}

/**
 * A labelled form field: the hint and the error (shown under the control, announced) describe the
 * control, which is marked invalid while there is an error. `children` renders the control with the
 * props that tie it to its label, hint and error.
 */
export function Field({
  label,
  error,
  hint,
  id: fixedId,
  describedBy: elsewhere,
  classes = {},
  children,
}: FieldProps & { children: (props: FieldControlProps) => ReactNode }) {
  const madeId = useId();
  const id = fixedId ?? madeId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null, elsewhere ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classes.field}>
      <label htmlFor={id} className={classes.label}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <p id={hintId} className={classes.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export type InputFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, keyof FieldControlProps | 'className' | 'children'>;

/** A Field whose control is a text input (the global `field` look); the other props go to the input. */
export function InputField({ label, error, hint, id, describedBy, classes, ...input }: InputFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id} describedBy={describedBy} classes={classes}>
      {(control) => <input className="field" {...input} {...control} />}
    </Field>
  );
}
