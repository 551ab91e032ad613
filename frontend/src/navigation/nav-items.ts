import {
  Briefcase,
  Calendar,
  Checked,
  Collection,
  DataAnalysis,
  DataLine,
  Document,
  DocumentDelete,
  Files,
  Histogram,
  Medal,
  Money,
  Notebook,
  OfficeBuilding,
  PieChart,
  Postcard,
  Reading,
  School,
  Search,
  Service,
  Setting,
  Stamp,
  Tickets,
  User,
  UserFilled,
  VideoCamera,
  Warning,
} from '@element-plus/icons-vue';
import { ROLES, type Role } from '@platform/contracts/roles';
import type { Component } from 'vue';

/**
 * One entry of the side navigation. `key` names the route and the i18n texts
 * (nav.items.<key>, nav.descriptions.<key>); `href` marks a page served outside the app.
 */
export interface NavItem {
  key: string;
  icon: Component;
  path?: string;
  href?: string;
  /** Not built yet: the route opens the shared "being built" page and the menu says so. */
  soon?: true;
}

export interface NavSection {
  role: Role;
  /** Other roles that may open this section's pages too (the api lets admins act as organizers). */
  alsoFor?: readonly Role[];
  items: NavItem[];
}

/** Pages anyone can open, signed in or not: the fairs are public. */
export const PUBLIC_NAV_ITEMS: readonly NavItem[] = [
  { key: 'fairs', icon: Tickets, path: '/fairs' },
  { key: 'search', icon: Search, path: '/search' },
  { key: 'courses', icon: Reading, path: '/courses' },
  { key: 'subsidyNotices', icon: Tickets, path: '/subsidy-notices' },
];

/** What each role can open, in the order the menu shows it. Features not built yet share ComingSoonPage. */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    role: 'seeker',
    items: [
      { key: 'seekerProfile', icon: Postcard, path: '/seeker/profile' },
      { key: 'seekerResume', icon: Document, path: '/seeker/resume' },
      { key: 'seekerRecommendations', icon: Medal, path: '/seeker/recommendations' },
      { key: 'seekerApplications', icon: Tickets, path: '/seeker/applications' },
      { key: 'seekerPlacements', icon: Stamp, path: '/seeker/placements' },
      { key: 'seekerQueues', icon: UserFilled, path: '/seeker/queues' },
      { key: 'seekerInterviews', icon: VideoCamera, path: '/seeker/interviews' },
    ],
  },
  {
    role: 'employer',
    items: [
      { key: 'employerProfile', icon: OfficeBuilding, path: '/employer/profile' },
      { key: 'employerFairs', icon: Stamp, path: '/employer/fairs' },
      { key: 'employerPositions', icon: Briefcase, path: '/employer/positions' },
      { key: 'employerScreening', icon: Files, path: '/employer/screening' },
      { key: 'employerResumes', icon: Search, path: '/employer/resumes' },
      { key: 'employerTraining', icon: Money, path: '/employer/training' },
      { key: 'employerBooth', icon: VideoCamera, path: '/employer/booth' },
      { key: 'employerInterviews', icon: Calendar, path: '/employer/interviews' },
    ],
  },
  {
    role: 'agency',
    items: [
      { key: 'agencyProfile', icon: OfficeBuilding, path: '/agency/profile' },
      { key: 'agencyApplications', icon: Document, path: '/agency/applications' },
      { key: 'agencyReports', icon: DataLine, path: '/agency/reports' },
      { key: 'agencyPlacements', icon: Files, path: '/agency/placements' },
      { key: 'agencyColumns', icon: Collection, path: '/agency/fair-columns' },
      { key: 'agencySubsidies', icon: Money, path: '/agency/subsidies' },
    ],
  },
  {
    role: 'trainee',
    items: [
      { key: 'traineeCourses', icon: Reading, path: '/trainee/courses' },
      { key: 'traineeTraining', icon: Notebook, path: '/trainee/training' },
      { key: 'traineeClaims', icon: Money, path: '/trainee/claims' },
      { key: 'traineeLedger', icon: Medal, path: '/trainee/ledger' },
    ],
  },
  {
    role: 'institution',
    items: [{ key: 'institutionClasses', icon: School, path: '/institution/classes' }],
  },
  {
    role: 'organizer',
    alsoFor: ['admin'],
    items: [
      { key: 'organizerFairs', icon: Stamp, path: '/organizer/fairs' },
      { key: 'organizerAgencies', icon: Service, path: '/organizer/agency-applications' },
      { key: 'organizerEmployers', icon: UserFilled, path: '/organizer/employers' },
      { key: 'organizerReviews', icon: Checked, path: '/organizer/reviews' },
      { key: 'organizerComplaints', icon: Warning, path: '/organizer/complaints' },
      { key: 'organizerTraining', icon: Notebook, path: '/organizer/training' },
      { key: 'organizerTrainingClaims', icon: Money, path: '/organizer/training-claims' },
      { key: 'organizerAgencySubsidies', icon: Money, path: '/organizer/agency-subsidies' },
      { key: 'organizerCompletions', icon: Medal, path: '/organizer/training/completions' },
      { key: 'organizerDashboard', icon: DataAnalysis, path: '/organizer/dashboard' },
      { key: 'organizerCoverage', icon: PieChart, path: '/organizer/coverage' },
      { key: 'organizerAgreements', icon: DocumentDelete, path: '/organizer/agreements' },
      { key: 'organizerSocialInsurance', icon: Money, path: '/organizer/social-insurance' },
      { key: 'organizerActivityRecords', icon: Money, path: '/organizer/activity-records' },
      { key: 'organizerKeyEnterprises', icon: OfficeBuilding, path: '/organizer/key-enterprises' },
      { key: 'organizerLive', icon: VideoCamera, path: '/organizer/live' },
      { key: 'organizerAssistedInterviews', icon: VideoCamera, path: '/organizer/assisted-interviews' },
    ],
  },
  {
    role: 'admin',
    items: [
      // Not /admin/...: the api owns that prefix (Bull Board), so a reload there would miss the app.
      { key: 'adminUsers', icon: User, path: '/system/users' },
      { key: 'adminQueues', icon: Histogram, href: '/admin/queues' },
      { key: 'adminSettings', icon: Setting, path: '/system/settings' },
      { key: 'adminTrainingPolicy', icon: Notebook, path: '/system/training-policy' },
      { key: 'adminAgencySubsidyPolicy', icon: Money, path: '/system/agency-subsidy-policy' },
    ],
  },
];

/** The sections a user sees, in the platform's role order whatever order the roles came in. */
export function navSectionsFor(roles: readonly Role[]): NavSection[] {
  return NAV_SECTIONS.filter((section) => sectionRoles(section).some((role) => roles.includes(role))).sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
  );
}

/** Every role that opens a section's pages. */
export function sectionRoles(section: NavSection): Role[] {
  return [section.role, ...(section.alsoFor ?? [])];
}
