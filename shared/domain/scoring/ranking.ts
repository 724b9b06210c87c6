import { type CalendarDate, programDateOf } from '../calendar';
import type { ScoringConfig } from './config';
import {
  enterpriseEvaluation,
  enterprisePriorMean,
  round2,
  type SupervisionCounts,
  supervisionFeedback,
  supervisionPriorMean,
  totalScore,
  type VerdictCounts,
} from './formulas';
import { lastDayOf } from './quarter';

/** The three rankings: towns, class-1 and class-2 departments. */
export const RANKING_GROUPS = ['towns', 'class1', 'class2'] as const;
export type RankingGroup = (typeof RANKING_GROUPS)[number];

export interface RankedUnit {
  id: string;
  code: string;
  name: string;
  kind: 'town' | 'department';
  category?: 'class1' | 'class2';
  createdAt: string;
}

/** What scoring knows of one unit in one quarter: its counter item (may be absent) and party points. */
export interface UnitQuarterInput {
  unit: RankedUnit;
  /** The unit-quarter counter item's attributes; missing counters are 0. */
  counters?: Readonly<Record<string, unknown>>;
  partyPoints?: number;
}

export interface RowExplanation {
  enterpriseEvaluation: {
    satisfied: number;
    basicallySatisfied: number;
    unsatisfied: number;
    counted: number;
    noResponse: number;
    /** The unit's own weighted verdict rate (0–100), null without counted verdicts. */
    ownRate: number | null;
    /** The program's pooled rate (0–100) the unit's is shrunk toward. */
    programMean: number;
    priorStrength: number;
  };
  supervisionFeedback: SupervisionCounts & {
    penaltyPoints: number;
    ownPenaltyPerIssue: number | null;
    programPenaltyPerIssue: number;
    shrunkPenaltyPerIssue: number;
    priorStrength: number;
  };
  partyPoints: { points: number; recorded: boolean };
  workload: { assigned: number; resolvedOnTime: number; resolvedLate: number; consultations: number };
  unreasonable: {
    issues: number;
    assigned: number;
    satisfied: number;
    basicallySatisfied: number;
    unsatisfied: number;
    noResponse: number;
  };
  text: string;
}

export interface RankingRow {
  unitId: string;
  code: string;
  name: string;
  rank: number;
  score: number;
  enterpriseEvaluation: number;
  supervisionFeedback: number;
  partyPoints: number;
  /** Issues assigned to the unit in the quarter (re-assignments included), unreasonable demands excluded. */
  workload: number;
  explanation: RowExplanation;
}

export interface RankingReport {
  quarter: string;
  weights: ScoringConfig['weights'];
  verdictValues: ScoringConfig['verdictValues'];
  penalties: ScoringConfig['penalties'];
  priorStrength: number;
  halfScorePenaltyPerIssue: number;
  programMeans: { enterpriseEvaluation: number; penaltyPerIssue: number };
  unreasonableIssues: number;
  towns: RankingRow[];
  class1: RankingRow[];
  class2: RankingRow[];
}

export const groupOf = (unit: Pick<RankedUnit, 'kind' | 'category'>): RankingGroup | undefined =>
  unit.kind === 'town' ? 'towns' : unit.category;

/** A unit created after the quarter ended is ranked for it only if it has counters or party points there. */
export const isRankedIn = (input: UnitQuarterInput, quarter: string): boolean => {
  const existed: CalendarDate = programDateOf(input.unit.createdAt);
  return existed <= lastDayOf(quarter) || input.counters !== undefined || input.partyPoints !== undefined;
};

const count = (counters: Readonly<Record<string, unknown>> | undefined, name: string): number => {
  const value = Number(counters?.[name] ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
};

const verdictsOf = (counters?: Readonly<Record<string, unknown>>): VerdictCounts => ({
  satisfied: count(counters, 'verdictSatisfied'),
  basicallySatisfied: count(counters, 'verdictBasicallySatisfied'),
  unsatisfied: count(counters, 'verdictUnsatisfied'),
});

const supervisionOf = (counters?: Readonly<Record<string, unknown>>): SupervisionCounts => ({
  assigned: count(counters, 'assigned'),
  overdueWorkingDays: count(counters, 'overdueWorkingDays'),
  returns: count(counters, 'returns'),
  reReviews: count(counters, 'reReviews'),
  cardsBlue: count(counters, 'cardsBlue'),
  cardsYellow: count(counters, 'cardsYellow'),
  cardsRed: count(counters, 'cardsRed'),
});

const fixed = (value: number) => value.toFixed(2);

const explanationText = (
  row: Omit<RankingRow, 'rank' | 'explanation'>,
  e: RowExplanation['enterpriseEvaluation'],
  s: RowExplanation['supervisionFeedback'],
  p: RowExplanation['partyPoints'],
  u: RowExplanation['unreasonable'],
  config: ScoringConfig,
): string => {
  const w = config.weights;
  const verdicts =
    e.counted === 0
      ? `no counted verdicts, so the program mean ${fixed(e.programMean)}`
      : `${e.satisfied} satisfied, ${e.basicallySatisfied} basically satisfied, ${e.unsatisfied} unsatisfied ` +
        `(own rate ${fixed(e.ownRate ?? 0)}), shrunk with ${e.priorStrength} cases at the program mean ` +
        `${fixed(e.programMean)}`;
  const cards = s.cardsBlue + s.cardsYellow + s.cardsRed;
  const penalties =
    `${s.overdueWorkingDays} working days overdue, ${s.returns} returns, ${s.reReviews} re-reviews, ` +
    `${cards} inspection cards (${s.cardsBlue} blue, ${s.cardsYellow} yellow, ${s.cardsRed} red)`;
  return [
    `Enterprise evaluation ${fixed(row.enterpriseEvaluation)}: ${verdicts}; ${e.noResponse} without response, reported and not counted.`,
    `Supervision feedback ${fixed(row.supervisionFeedback)}: ${penalties} = ${fixed(s.penaltyPoints)} penalty points on ` +
      `${s.assigned} assigned issues, ${fixed(s.shrunkPenaltyPerIssue)} per issue after shrinkage toward the program's ` +
      `${fixed(s.programPenaltyPerIssue)}.`,
    p.recorded
      ? `Party-building points ${fixed(p.points)}.`
      : 'No party-building points recorded for the quarter: counted as 0.',
    `Score ${fixed(row.score)} = ${w.enterpriseEvaluation} × ${fixed(row.enterpriseEvaluation)} + ` +
      `${w.supervisionFeedback} × ${fixed(row.supervisionFeedback)} + ${w.partyPoints} × ${fixed(row.partyPoints)}; ` +
      `workload ${row.workload} assigned issues.`,
    ...(u.issues > 0
      ? [`${u.issues} unreasonable ${u.issues === 1 ? 'demand' : 'demands'} excluded from the rates.`]
      : []),
  ].join(' ');
};

/** Competition ranking (1, 2, 2, 4) by score; equal scores are listed by workload, then unit id. */
const ranked = (rows: Omit<RankingRow, 'rank'>[]): RankingRow[] => {
  const sorted = [...rows].sort(
    (a, b) =>
      b.score - a.score ||
      b.workload - a.workload ||
      (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || (sorted[index - 1] as (typeof sorted)[number]).score !== row.score) rank = index + 1;
    return { ...row, rank };
  });
};

/**
 * The quarter's rankings from the unit-quarter counters and party points alone. The program means
 * the rates shrink toward are pooled over every ranked unit; each group is ranked on its own.
 */
export const rankQuarter = (
  quarter: string,
  inputs: readonly UnitQuarterInput[],
  config: ScoringConfig,
): RankingReport => {
  const ranks = inputs.filter((input) => groupOf(input.unit) !== undefined && isRankedIn(input, quarter));
  const enterpriseMean = enterprisePriorMean(
    ranks.map((input) => verdictsOf(input.counters)),
    config,
  );
  const penaltyMean = supervisionPriorMean(
    ranks.map((input) => supervisionOf(input.counters)),
    config,
  );
  const strength = config.priorStrength;
  const groups: Record<RankingGroup, Omit<RankingRow, 'rank'>[]> = { towns: [], class1: [], class2: [] };
  let unreasonableIssues = 0;
  for (const { unit, counters, partyPoints } of ranks) {
    const verdicts = verdictsOf(counters);
    const supervision = supervisionOf(counters);
    const enterprise = enterpriseEvaluation(
      verdicts,
      { mean: enterpriseMean, strength },
      config.verdictValues,
    );
    const feedback = supervisionFeedback(supervision, { mean: penaltyMean, strength }, config);
    const party = { points: partyPoints ?? 0, recorded: partyPoints !== undefined };
    const dimensions = {
      enterpriseEvaluation: round2(enterprise.score),
      supervisionFeedback: round2(feedback.score),
      partyPoints: round2(party.points),
    };
    const row = {
      unitId: unit.id,
      code: unit.code,
      name: unit.name,
      score: totalScore(dimensions, config.weights),
      ...dimensions,
      workload: supervision.assigned,
    };
    const e = {
      ...verdicts,
      counted: enterprise.counted,
      noResponse: count(counters, 'noResponse'),
      ownRate: enterprise.rawRate === null ? null : round2(100 * enterprise.rawRate),
      programMean: round2(100 * enterpriseMean),
      priorStrength: strength,
    };
    const s = {
      ...supervision,
      penaltyPoints: round2(feedback.penaltyPoints),
      ownPenaltyPerIssue: feedback.rawPenaltyPerIssue === null ? null : round2(feedback.rawPenaltyPerIssue),
      programPenaltyPerIssue: round2(penaltyMean),
      shrunkPenaltyPerIssue: round2(feedback.penaltyPerIssue),
      priorStrength: strength,
    };
    const u = {
      issues: count(counters, 'unreasonableIssues'),
      assigned: count(counters, 'unreasonableAssigned'),
      satisfied: count(counters, 'unreasonableVerdictSatisfied'),
      basicallySatisfied: count(counters, 'unreasonableVerdictBasicallySatisfied'),
      unsatisfied: count(counters, 'unreasonableVerdictUnsatisfied'),
      noResponse: count(counters, 'unreasonableNoResponse'),
    };
    unreasonableIssues += u.issues;
    const explanation: RowExplanation = {
      enterpriseEvaluation: e,
      supervisionFeedback: s,
      partyPoints: party,
      workload: {
        assigned: supervision.assigned,
        resolvedOnTime: count(counters, 'resolvedOnTime'),
        resolvedLate: count(counters, 'resolvedLate'),
        consultations: count(counters, 'consultations'),
      },
      unreasonable: u,
      text: explanationText(row, e, s, party, u, config),
    };
    groups[groupOf(unit) as RankingGroup].push({ ...row, explanation });
  }
  return {
    quarter,
    weights: config.weights,
    verdictValues: config.verdictValues,
    penalties: config.penalties,
    priorStrength: strength,
    halfScorePenaltyPerIssue: config.halfScorePenaltyPerIssue,
    programMeans: {
      enterpriseEvaluation: round2(100 * enterpriseMean),
      penaltyPerIssue: round2(penaltyMean),
    },
    unreasonableIssues,
    towns: ranked(groups.towns),
    class1: ranked(groups.class1),
    class2: ranked(groups.class2),
  };
};
