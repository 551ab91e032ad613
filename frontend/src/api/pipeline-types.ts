import type {
  AgreementSchema,
  AgreementVerificationSchema,
  ApplicationEventSchema,
  SeekerProfileSchema,
} from '@platform/contracts/seekers/api';
import type { z } from 'zod';

/**
 * The seeker, application and report shapes, from the shared zod schemas (type-only: nothing of
 * zod reaches the bundle), for the reason fair-types.ts gives: the generated document types
 * nullable fields of top-level response DTOs wrongly.
 */
export type {
  ApplicationView,
  AgreementTerms,
  ResumeInput,
  ResumeView,
} from '@platform/contracts/seekers/api';
export type SeekerProfile = z.infer<typeof SeekerProfileSchema>;
export type ApplicationEvent = z.infer<typeof ApplicationEventSchema>;
export type AgreementView = z.infer<typeof AgreementSchema>;
export type AgreementVerification = z.infer<typeof AgreementVerificationSchema>;

export interface Counted {
  key: string;
  value: number;
}

export interface DailyReport {
  report: {
    fairId: string;
    agencyId: string;
    day: string;
    employers: { id: string; name: string }[];
    universities: { university: string; graduates: number; submissions: number }[];
    totals: { employers: number; graduates: number; submissions: number };
  };
  names: { fair: string; agency: string };
}

export interface Overview {
  totals: {
    employers: number;
    positions: number;
    seekers: number;
    applications: number;
    hires: number;
    interviews: number;
  };
  applicationsByDay: Counted[];
  hiresByDay: Counted[];
  positionsByDistrict: Counted[];
  employersByIndustry: Counted[];
  seekersByUniversity: Counted[];
}

export interface RosterRow {
  university: string;
  name: string;
  idNumber: string;
  flags: string[];
}

export interface Coverage {
  items: { university: string; name: string; idNumberMasked: string; flags: string[]; registered: boolean }[];
  totals: { listed: number; registered: number };
}

export interface StoredNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}
