import type { Viewer } from './table';
import type { Cell, Observed, TargetWorld, World } from './world';

/**
 * How one row of the table is called. `prepare` builds a throwaway fixture for every cell before any
 * cell runs (so photo processing is waited for once); `run` makes the call as the cell's viewer and
 * reports what happened, including whether state changed that should not have.
 */
export interface Case<F = undefined> {
  name: string;
  prepare?: (world: World, target: TargetWorld, viewer: Viewer) => Promise<F>;
  run: (cell: Cell, fixture: F) => Promise<Observed>;
}

export function defineCase<F = undefined>(spec: Case<F>): Case<unknown> {
  return spec as Case<unknown>;
}
