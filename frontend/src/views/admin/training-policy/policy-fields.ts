import type { TrainingPolicyValues } from '@platform/contracts/training/policy';

type NumericKey = Exclude<keyof TrainingPolicyValues, 'imageRetentionJurisdictions' | 'programWindow'>;

/**
 * The numeric policy values in the order an admin thinks about them, with their bounds and the
 * unit shown beside them. Every one is [inferred]: the sources give no figure (training.md §3).
 */
export const POLICY_FIELDS: { key: NumericKey; min: number; max: number; step?: number; unit: string }[] = [
  { key: 'minutesPerXueshi', min: 1, max: 60, unit: 'minutes' },
  { key: 'maxCreditedMinutesPerDay', min: 1, max: 1440, unit: 'minutes' },
  { key: 'passMark', min: 0, max: 100, unit: 'points' },
  { key: 'minAttendanceRatio', min: 0, max: 1, step: 0.05, unit: 'ratio' },
  { key: 'heartbeatSeconds', min: 5, max: 300, unit: 'seconds' },
  { key: 'idleTimeoutSeconds', min: 10, max: 3600, unit: 'seconds' },
  { key: 'sessionTimeoutSeconds', min: 15, max: 3600, unit: 'seconds' },
  { key: 'randomCheckMinSeconds', min: 10, max: 7200, unit: 'seconds' },
  { key: 'randomCheckMaxSeconds', min: 10, max: 7200, unit: 'seconds' },
  { key: 'checkAnswerSeconds', min: 10, max: 600, unit: 'seconds' },
];
