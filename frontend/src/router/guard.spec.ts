import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { NAV_SECTIONS, navSectionsFor, PUBLIC_NAV_ITEMS } from '@/navigation/nav-items';
import { decideAccess, safeRedirect } from './guard';
import { MENU_PAGES, routes } from './routes';

const guest = { authenticated: false, roles: [] } as const;
const seeker = { authenticated: true, roles: ['seeker'] } as const;

describe('decideAccess', () => {
  it('sends a signed-out visitor to the login page and remembers where they were going', () => {
    expect(decideAccess({ fullPath: '/seeker/resume', meta: { requiresAuth: true } }, guest)).toEqual({
      name: 'login',
      query: { redirect: '/seeker/resume' },
    });
    expect(decideAccess({ fullPath: '/', meta: { requiresAuth: true } }, guest)).toEqual({ name: 'login' });
  });

  it('shows the 403 page to a user without any of the route’s roles', () => {
    const to = { fullPath: '/organizer/fairs', meta: { requiresAuth: true, roles: ['organizer'] as const } };
    expect(decideAccess(to, seeker)).toEqual({ name: 'forbidden', query: { from: '/organizer/fairs' } });
    expect(decideAccess(to, { authenticated: true, roles: ['seeker', 'organizer'] })).toBe(true);
  });

  it('takes a signed-in user away from the login and register pages', () => {
    expect(decideAccess({ fullPath: '/login', meta: { guestOnly: true } }, seeker)).toEqual({ name: 'home' });
    expect(decideAccess({ fullPath: '/login', meta: { guestOnly: true } }, guest)).toBe(true);
  });

  it('lets anyone through to a public page', () => {
    expect(decideAccess({ fullPath: '/nowhere', meta: {} }, guest)).toBe(true);
  });
});

describe('the routes behind the menu', () => {
  const router = createRouter({ history: createMemoryHistory(), routes });

  it('open each menu page for its own role only', () => {
    for (const section of NAV_SECTIONS) {
      for (const item of section.items.filter((entry) => entry.path)) {
        const to = router.resolve(item.path!);
        expect(to.name).toBe(item.key);
        expect(decideAccess(to, { authenticated: true, roles: [section.role] })).toBe(true);
        const outsider = section.role === 'seeker' ? 'employer' : 'seeker';
        expect(decideAccess(to, { authenticated: true, roles: [outsider] })).toMatchObject({
          name: 'forbidden',
        });
        expect(decideAccess(to, guest)).toMatchObject({ name: 'login' });
      }
    }
  });

  it('open the fair pages and the position search to everyone, signed in or not', () => {
    for (const path of ['/fairs', '/fairs/0b6c1a52-0000-4000-8000-000000000000', '/search?q=会计']) {
      const to = router.resolve(path);
      expect(decideAccess(to, guest)).toBe(true);
      expect(decideAccess(to, seeker)).toBe(true);
    }
    expect(PUBLIC_NAV_ITEMS.map((item) => router.resolve(item.path!).name)).toEqual([
      'fairs',
      'search',
      'courses',
      'subsidyNotices',
    ]);
    // The 公示 of agency subsidies is public: anyone may check who is to be paid.
    expect(decideAccess(router.resolve('/subsidy-notices'), guest)).toBe(true);
  });

  it('let an administrator act as an organizer, as the api does', () => {
    const to = router.resolve('/organizer/reviews');
    expect(decideAccess(to, { authenticated: true, roles: ['admin'] })).toBe(true);
  });

  it('say "being built" exactly where no page exists yet', () => {
    for (const item of NAV_SECTIONS.flatMap((section) => section.items).filter((entry) => entry.path)) {
      expect({ key: item.key, built: item.key in MENU_PAGES }).toEqual({ key: item.key, built: !item.soon });
    }
  });

  it('keep the position editor to employers', () => {
    const to = router.resolve('/employer/positions/edit');
    expect(to.name).toBe('employerPositionEditor');
    expect(router.resolve('/employer/positions/edit/0b6c1a52-0000-4000-8000-000000000000').name).toBe(
      'employerPositionEditor',
    );
    expect(decideAccess(to, seeker)).toMatchObject({ name: 'forbidden' });
    expect(decideAccess(to, guest)).toMatchObject({ name: 'login' });
  });

  it('keep the app away from /admin, which the api serves', () => {
    const paths = NAV_SECTIONS.flatMap((section) => section.items.map((item) => item.path ?? ''));
    expect(paths.filter((path) => path.startsWith('/admin'))).toEqual([]);
  });
});

describe('navSectionsFor', () => {
  it('shows a user with several roles every section, in the platform’s role order', () => {
    expect(navSectionsFor(['trainee', 'seeker']).map((section) => section.role)).toEqual([
      'seeker',
      'trainee',
    ]);
    expect(navSectionsFor(['admin', 'organizer']).map((section) => section.role)).toEqual([
      'organizer',
      'admin',
    ]);
  });
});

describe('safeRedirect', () => {
  it('only follows paths inside this app', () => {
    expect(safeRedirect('/seeker/resume?tab=1')).toBe('/seeker/resume?tab=1');
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect('//evil.example/')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect(['/a'])).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
