import type {
  Detector,
  NearDetector,
  PostingCheck,
  PostingContext,
  PostingField,
  PostingFinding,
  PostingRule,
  PostingRuleSet,
  PostingText,
  RuleCondition,
} from './types';

const ALL_FIELDS: PostingField[] = ['title', 'duties', 'requirements', 'environment', 'benefits'];
/** Clause boundaries: a subject in one clause and a trigger in the next are unrelated. */
const CLAUSE_BREAK = /[。；;！!？?\n\r]/;

interface Match {
  text: string;
  start: number;
  end: number;
}

/** Runs every rule of the set over the posting; pure, so a stored check can be replayed. */
export function checkPosting(
  text: PostingText,
  context: PostingContext,
  ruleSet: PostingRuleSet,
): PostingCheck {
  const findings: PostingFinding[] = [];
  const exemptions: PostingCheck['exemptions'] = [];
  for (const rule of ruleSet.rules) {
    if (rule.appliesWhen && !conditionHolds(rule.appliesWhen, context)) continue;
    for (const field of rule.fields ?? ALL_FIELDS) {
      const value = text[field];
      if (!value) continue;
      for (const match of detect(rule.detect, value)) {
        if (rule.exemptWhen && conditionHolds(rule.exemptWhen, context)) {
          exemptions.push({ ruleId: rule.id, field, matched: match.text, because: rule.exemptWhen.because });
        } else {
          findings.push(toFinding(rule, field, match));
        }
      }
    }
  }
  return { ruleSetVersion: ruleSet.version, findings, exemptions, verdict: verdictOf(findings) };
}

export function conditionHolds(condition: RuleCondition, context: PostingContext): boolean {
  if (condition.employerTypes && !condition.employerTypes.includes(context.employerType)) return false;
  if (
    condition.employerProvinces &&
    !condition.employerProvinces.some((p) => context.employerProvince.startsWith(p))
  )
    return false;
  if (
    condition.specialRecruitment !== undefined &&
    condition.specialRecruitment !== context.specialRecruitment
  )
    return false;
  if (condition.graduatePosition !== undefined && condition.graduatePosition !== context.graduatePosition)
    return false;
  if (condition.submittedOnOrBefore && context.submittedOn > condition.submittedOnOrBefore) return false;
  return true;
}

function detect(detector: Detector, value: string): Match[] {
  return detector.kind === 'near' ? detectNear(detector, value) : detectPatterns(detector.patterns, value);
}

function detectPatterns(patterns: string[], value: string): Match[] {
  const matches: Match[] = [];
  for (const source of patterns) {
    for (const m of value.matchAll(new RegExp(source, 'giu'))) {
      matches.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
    }
  }
  return dedupe(matches, value);
}

function detectNear(detector: NearDetector, value: string): Match[] {
  const matches: Match[] = [];
  for (const subject of occurrences(value, detector.subjects)) {
    for (const trigger of occurrences(value, detector.triggers)) {
      const start = Math.min(subject.start, trigger.start);
      const end = Math.max(subject.end, trigger.end);
      const gap = Math.max(subject.start, trigger.start) - Math.min(subject.end, trigger.end);
      if (gap > detector.window || CLAUSE_BREAK.test(value.slice(start, end))) continue;
      const around = value.slice(Math.max(0, start - 4), end + 4);
      if (detector.unless?.some((word) => around.includes(word))) continue;
      matches.push({ text: value.slice(start, end), start, end });
    }
  }
  return dedupe(matches, value);
}

function occurrences(value: string, words: string[]): Match[] {
  const found: Match[] = [];
  for (const word of words) {
    for (let at = value.indexOf(word); at >= 0; at = value.indexOf(word, at + 1)) {
      found.push({ text: word, start: at, end: at + word.length });
    }
  }
  return found;
}

/** Overlapping hits of one rule are one finding: keep the widest span. */
function dedupe(matches: Match[], value: string): Match[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const match of sorted) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) {
      if (match.end > last.end)
        kept[kept.length - 1] = {
          start: last.start,
          end: match.end,
          text: value.slice(last.start, match.end),
        };
      continue;
    }
    kept.push(match);
  }
  return kept;
}

function toFinding(rule: PostingRule, field: PostingField, match: Match): PostingFinding {
  return {
    ruleId: rule.id,
    code: rule.code,
    severity: rule.severity,
    label: rule.label,
    citation: rule.citation,
    field,
    matched: match.text,
    start: match.start,
    end: match.end,
    explanation: rule.explanation,
  };
}

function verdictOf(findings: PostingFinding[]): PostingCheck['verdict'] {
  if (findings.some((f) => f.severity === 'reject')) return 'reject';
  return findings.length ? 'review' : 'clean';
}
