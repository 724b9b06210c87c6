import { INDUSTRIES, type Industry } from '../industries';
import { SERVICE_CATALOGUE, type ServiceType } from '../service-catalogue';
import { areRelatedIndustries } from './related-industries';

/**
 * How well a pool cadre fits an enterprise and the services it asks for (docs/matching.md).
 * Pure: the use case reads the pool, availability and past evaluations and passes them in.
 */

/** 学过 / 管过 / 干过: how much one kind of experience counts, before years and relevance. */
export const KIND_WEIGHTS = { studied: 0.4, managed: 0.7, worked: 1 } as const;
export type ExperienceKind = keyof typeof KIND_WEIGHTS;

/** How a reason names each kind: "worked in dyeing (印染)", "studied dyeing (印染)". */
const KIND_PHRASES: Record<ExperienceKind, string> = {
  studied: 'studied',
  managed: 'managed',
  worked: 'worked in',
};

/** The score's parts; they add up to at most 100. */
export const WEIGHTS = { experience: 60, skills: 25, fit: 15 } as const;

/** Experience in a related industry counts this much of the same experience in the enterprise's own. */
export const RELATED_RELEVANCE = 0.35;

/** Years at which half of the years bonus is reached: 5 years count 75 %, 15 years 87.5 %. */
const YEARS_HALF_LIFE = 5;

/** Past fit satisfaction is the mean fit score shrunk toward the neutral 3 by this many pseudo-evaluations. */
const FIT_PRIOR = { mean: 3, weight: 2 } as const;

export interface ExperienceEntry {
  field: Industry;
  kind: ExperienceKind;
  years: number;
}

export interface MatchCandidate {
  id: string;
  experience: readonly ExperienceEntry[];
  serviceSkills: readonly ServiceType[];
  conflictEnterpriseIds?: readonly string[];
}

/** What the database says about a candidate beyond its record. */
export interface CandidateStanding {
  /** The residency the cadre holds now, if any: such a cadre is not offered. */
  activeResidencyId?: string;
  /** Fit scores (1–5) the enterprises of the cadre's earlier residencies gave. */
  fitScores?: { sum: number; count: number };
}

export interface MatchRequest {
  enterpriseId: string;
  industry: Industry;
  /** Requested services; none means skills are not scored. */
  services: readonly ServiceType[];
}

export type MatchOutcome =
  | { kind: 'excluded'; cause: 'resident' | 'conflict_of_interest' }
  | { kind: 'ranked'; score: number; reasons: string[] };

/** Diminishing returns: 0 years count half, each further year adds less than the one before. */
export const yearsFactor = (years: number): number => {
  const y = Math.max(0, years);
  return 0.5 + 0.5 * (y / (y + YEARS_HALF_LIFE));
};

const relevanceOf = (field: Industry, industry: Industry): number => {
  if (field === industry) return 1;
  return areRelatedIndustries(field, industry) ? RELATED_RELEVANCE : 0;
};

const industryLabel = (industry: Industry) => `${industry} (${INDUSTRIES[industry]})`;
const serviceLabel = (service: ServiceType) => `${service} (${SERVICE_CATALOGUE[service]})`;
const yearsText = (years: number) => `${years} year${years === 1 ? '' : 's'}`;
const points = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

/**
 * Experience fit in [0, 1): each relevant entry is worth kind × years × relevance, and entries
 * combine as 1 − Π(1 − value), so every further relevant entry adds, but never past 1.
 */
const experienceFit = (experience: readonly ExperienceEntry[], industry: Industry) => {
  const relevant = experience
    .map((entry) => ({ entry, relevance: relevanceOf(entry.field, industry) }))
    .filter(({ relevance }) => relevance > 0);
  // The product runs in the profile's order: a factor ≤ 1 multiplied last can never raise it.
  let missing = 1;
  for (const { entry, relevance } of relevant) {
    missing *= 1 - KIND_WEIGHTS[entry.kind] * yearsFactor(entry.years) * relevance;
  }
  const used = relevant
    .sort((a, b) => b.relevance - a.relevance || KIND_WEIGHTS[b.entry.kind] - KIND_WEIGHTS[a.entry.kind])
    .map(({ entry, relevance }) => {
      const relation = relevance < 1 ? `, related to ${industryLabel(industry)}` : '';
      return `${KIND_PHRASES[entry.kind]} ${industryLabel(entry.field)} for ${yearsText(entry.years)}${relation}`;
    });
  return { value: 1 - missing, used };
};

const fitSatisfaction = (fitScores: CandidateStanding['fitScores']) => {
  const count = fitScores?.count ?? 0;
  const sum = fitScores?.sum ?? 0;
  const mean = (sum + FIT_PRIOR.mean * FIT_PRIOR.weight) / (count + FIT_PRIOR.weight);
  return { value: Math.min(1, Math.max(0, (mean - 1) / 4)), count, rawMean: count > 0 ? sum / count : 0 };
};

/**
 * Scores one candidate, or says why it is not offered: a cadre resident anywhere is unavailable,
 * and one whose recorded conflicts of interest name the enterprise is excluded (回避).
 */
export const scoreMatch = (
  request: MatchRequest,
  candidate: MatchCandidate,
  standing: CandidateStanding = {},
): MatchOutcome => {
  if (candidate.conflictEnterpriseIds?.includes(request.enterpriseId)) {
    return { kind: 'excluded', cause: 'conflict_of_interest' };
  }
  if (standing.activeResidencyId !== undefined) return { kind: 'excluded', cause: 'resident' };

  const experience = experienceFit(candidate.experience, request.industry);
  const experiencePoints = WEIGHTS.experience * experience.value;
  const reasons = [
    experience.used.length > 0
      ? `Experience +${points(experiencePoints)}/${WEIGHTS.experience}: ${experience.used.join('; ')}`
      : `Experience +0.0/${WEIGHTS.experience}: no experience in ${industryLabel(request.industry)} or a related industry`,
  ];

  const services = [...new Set(request.services)];
  const offered = services.filter((service) => candidate.serviceSkills.includes(service));
  const missing = services.filter((service) => !candidate.serviceSkills.includes(service));
  const skillPoints = services.length > 0 ? (WEIGHTS.skills * offered.length) / services.length : 0;
  if (services.length === 0) {
    reasons.push(`Skills +0.0/${WEIGHTS.skills}: no service requested`);
  } else {
    const parts = [
      offered.length > 0 ? `offers ${offered.map(serviceLabel).join(', ')}` : '',
      missing.length > 0 ? `lacks ${missing.map(serviceLabel).join(', ')}` : '',
    ].filter(Boolean);
    reasons.push(`Skills +${points(skillPoints)}/${WEIGHTS.skills}: ${parts.join('; ')}`);
  }

  const fit = fitSatisfaction(standing.fitScores);
  const fitPoints = WEIGHTS.fit * fit.value;
  reasons.push(
    fit.count > 0
      ? `Past fit +${points(fitPoints)}/${WEIGHTS.fit}: enterprises rated fit ${points(fit.rawMean)}/5 over ${fit.count} evaluation${fit.count === 1 ? '' : 's'}`
      : `Past fit +${points(fitPoints)}/${WEIGHTS.fit}: no earlier residency evaluated (neutral)`,
  );

  const score = Math.round((experiencePoints + skillPoints + fitPoints) * 10) / 10;
  return { kind: 'ranked', score: Math.min(100, Math.max(0, score)), reasons };
};

export interface RankedMatch {
  cadreId: string;
  score: number;
  reasons: string[];
}

export interface MatchRanking {
  items: RankedMatch[];
  excluded: { resident: number; conflictOfInterest: number };
  considered: number;
}

/** Scores every candidate and returns the best `limit`, highest score first (ties by id, stable). */
export const rankMatches = (
  request: MatchRequest,
  candidates: readonly { candidate: MatchCandidate; standing?: CandidateStanding }[],
  limit: number,
): MatchRanking => {
  const ranked: RankedMatch[] = [];
  const excluded = { resident: 0, conflictOfInterest: 0 };
  for (const { candidate, standing } of candidates) {
    const outcome = scoreMatch(request, candidate, standing);
    if (outcome.kind === 'ranked') {
      ranked.push({ cadreId: candidate.id, score: outcome.score, reasons: outcome.reasons });
    } else if (outcome.cause === 'resident') {
      excluded.resident += 1;
    } else {
      excluded.conflictOfInterest += 1;
    }
  }
  ranked.sort((a, b) => b.score - a.score || (a.cadreId < b.cadreId ? -1 : a.cadreId > b.cadreId ? 1 : 0));
  return { items: ranked.slice(0, limit), excluded, considered: candidates.length };
};
