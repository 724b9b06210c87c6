export interface Measured {
  name: string;
  /** Null where no budget applies (the baseline itself, workflow and job functions). */
  budgetRatio: number | null;
  bytes: number;
  medianMs: number;
  /** Median over rounds of this bundle's import time over the baseline's in the same round. */
  pairedTimeRatio: number;
}

export interface Judged extends Measured {
  sizeRatio: number;
  timeRatio: number;
  /** Null where no budget applies (the baseline itself, workflow and job functions). */
  withinBudget: boolean | null;
}

/** Both ratios against the baseline built and timed in the same run, so machines compare alike. */
export const judge = (bundle: Measured, baseline: Measured): Judged => {
  const sizeRatio = bundle.bytes / baseline.bytes;
  const timeRatio = bundle.pairedTimeRatio;
  return {
    ...bundle,
    sizeRatio,
    timeRatio,
    withinBudget:
      bundle.budgetRatio === null ? null : sizeRatio <= bundle.budgetRatio && timeRatio <= bundle.budgetRatio,
  };
};
