import {
  Briefcase,
  Calendar,
  Checked,
  Collection,
  DataAnalysis,
  Document,
  Files,
  Histogram,
  Medal,
  Money,
  OfficeBuilding,
  Reading,
  Search,
  Service,
  Setting,
  Stamp,
  Tickets,
  Timer,
  User,
  VideoCamera,
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
}

export interface NavSection {
  role: Role;
  items: NavItem[];
}

/** What each role can open, in the order the menu shows it. Features not built yet share ComingSoonPage. */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    role: 'seeker',
    items: [
      { key: 'seekerPositions', icon: Search, path: '/seeker/positions' },
      { key: 'seekerResume', icon: Document, path: '/seeker/resume' },
      { key: 'seekerApplications', icon: Tickets, path: '/seeker/applications' },
      { key: 'seekerInterviews', icon: VideoCamera, path: '/seeker/interviews' },
    ],
  },
  {
    role: 'employer',
    items: [
      { key: 'employerProfile', icon: OfficeBuilding, path: '/employer/profile' },
      { key: 'employerPositions', icon: Briefcase, path: '/employer/positions' },
      { key: 'employerScreening', icon: Files, path: '/employer/screening' },
      { key: 'employerInterviews', icon: Calendar, path: '/employer/interviews' },
    ],
  },
  {
    role: 'agency',
    items: [
      { key: 'agencyColumns', icon: Collection, path: '/agency/fair-columns' },
      { key: 'agencyServices', icon: Service, path: '/agency/services' },
      { key: 'agencySubsidies', icon: Money, path: '/agency/subsidies' },
    ],
  },
  {
    role: 'trainee',
    items: [
      { key: 'traineeCourses', icon: Reading, path: '/trainee/courses' },
      { key: 'traineeHours', icon: Timer, path: '/trainee/hours' },
      { key: 'traineeCertificates', icon: Medal, path: '/trainee/certificates' },
    ],
  },
  {
    role: 'organizer',
    items: [
      { key: 'organizerFairs', icon: Stamp, path: '/organizer/fairs' },
      { key: 'organizerReviews', icon: Checked, path: '/organizer/reviews' },
      { key: 'organizerDashboard', icon: DataAnalysis, path: '/organizer/dashboard' },
    ],
  },
  {
    role: 'admin',
    items: [
      // Not /admin/...: the api owns that prefix (Bull Board), so a reload there would miss the app.
      { key: 'adminUsers', icon: User, path: '/system/users' },
      { key: 'adminQueues', icon: Histogram, href: '/admin/queues' },
      { key: 'adminSettings', icon: Setting, path: '/system/settings' },
    ],
  },
];

/** The sections a user sees, in the platform's role order whatever order the roles came in. */
export function navSectionsFor(roles: readonly Role[]): NavSection[] {
  return NAV_SECTIONS.filter((section) => roles.includes(section.role)).sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
  );
}
