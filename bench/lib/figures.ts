import type { Summary } from './stats';

/** One reported number: the median of its runs, with the runs' spread and the target it is held to. */
export interface Target {
  op: '>=' | '<=' | '<';
  value: number;
}

export interface Figure {
  name: string;
  /** Null when the figure could not be measured (see note). */
  value: number | null;
  unit: string;
  target?: Target;
  spread?: { min: number; max: number; runs: number };
  note?: string;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function figure(
  name: string,
  unit: string,
  measured: Summary | number | null,
  options: { target?: Target; note?: string; digits?: number } = {},
): Figure {
  const digits = options.digits ?? 1;
  const result: Figure = { name, value: null, unit };
  if (typeof measured === 'number') result.value = round(measured, digits);
  else if (measured !== null) {
    result.value = round(measured.median, digits);
    result.spread = {
      min: round(measured.min, digits),
      max: round(measured.max, digits),
      runs: measured.runs,
    };
  }
  if (options.target) result.target = options.target;
  if (options.note) result.note = options.note;
  return result;
}

export function meets(figure: Figure): boolean | null {
  if (!figure.target || figure.value === null) return null;
  const { op, value } = figure.target;
  if (op === '>=') return figure.value >= value;
  if (op === '<=') return figure.value <= value;
  return figure.value < value;
}
