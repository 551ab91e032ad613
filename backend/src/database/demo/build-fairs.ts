import type { TargetGroup } from '@platform/contracts';
import type { announcements, fairSessions, fairs } from '../schema';
import { addDays, shanghaiTime } from './demo-dates';
import type { DemoContext, GeneratedFairDates } from './demo-context';

type FairRow = typeof fairs.$inferInsert;
type SessionRow = typeof fairSessions.$inferInsert;
type AnnouncementRow = typeof announcements.$inferInsert;

export const FAIR_THEME = '就在山城 圆梦青春';
/** Co-hosts and organizer named by the notice (S3:3684-3697). */
export const FAIR_HOSTS = ['重庆市人力资源和社会保障局', '重庆市教育委员会'];
export const FAIR_ORGANIZERS = ['重庆市人才交流服务中心'];
/** The five portals that publish the approved agencies and their entry links (S3:3711-3726). */
const PORTALS = '市教委官网、市人力社保局官网、重庆高校毕业生就业信息网、市人才交流服务中心网站和重庆就业网';

/** The sessions (专场) of §2.1.6, keyed so positions can be attached to them. */
export type SessionKey = 'key_enterprises' | 'hubei_graduates' | 'poverty_counties' | 'unemployed_graduates';

export interface GeneratedFair {
  fair: FairRow;
  sessions: Record<SessionKey, SessionRow>;
  announcements: AnnouncementRow[];
}

export function buildFair(ctx: DemoContext, dates: GeneratedFairDates): GeneratedFair {
  const title = `重庆市${dates.year}年普通高校毕业生大型网络双选活动`;
  const fair: FairRow = {
    id: dates.id,
    theme: FAIR_THEME,
    year: dates.year,
    hosts: FAIR_HOSTS,
    organizers: FAIR_ORGANIZERS,
    targetGroups: ['all_graduates', 'unemployed_graduates', 'low_income_families', 'hubei_graduates'],
    description:
      `${title}以“${FAIR_THEME}”为主题，采取“互联网+招聘”形式，面向全市${dates.year}届普通高校毕业生和离校未就业高校毕业生，` +
      `组织有招聘需求的企事业单位和经审核同意的人力资源服务机构参加。通过审核的机构名单及平台入口同步在${PORTALS}发布，相关信息实现共享。`,
    launchOn: dates.launchOn,
    concentratedEndOn: dates.concentratedEndOn,
    normalizedMonthsAfterEpidemicEnd: 3,
    agencyDeadlineOn: dates.agencyDeadlineOn,
    agencyDeadlineInclusive: false,
    largeScale: true,
    scheduledChange: null,
    suspendedAt: null,
    suspensionReason: null,
    cancelledAt: null,
    cancellationReason: null,
    createdBy: ctx.organizerId,
    createdAt: shanghaiTime(addDays(dates.launchOn, -20), 9, 30),
    updatedAt: shanghaiTime(addDays(dates.launchOn, -20), 9, 30),
  };
  return { fair, sessions: sessions(ctx, dates), announcements: [notice(ctx, dates, title)] };
}

function sessions(ctx: DemoContext, dates: GeneratedFairDates): Record<SessionKey, SessionRow> {
  const session = (key: SessionKey, name: string, description: string, startsOn: string, endsOn: string) => ({
    id: ctx.ids.id('session', dates.key, key),
    fairId: dates.id,
    name,
    targetGroup: key satisfies TargetGroup,
    description,
    startsOn,
    endsOn,
    createdAt: shanghaiTime(addDays(dates.launchOn, -10), 15, 0),
  });
  const { launchOn, concentratedEndOn } = dates;
  return {
    key_enterprises: session(
      'key_enterprises',
      '重点企业线上专场招聘',
      '面向疫情防控、公共事业运行、群众生活必需品等重点企业和重大项目，指定专人对接，优先发布用工信息。',
      launchOn,
      concentratedEndOn,
    ),
    hubei_graduates: session(
      'hubei_graduates',
      '湖北籍高校毕业生专场',
      '为在渝高校湖北籍毕业生和有意来渝就业的湖北高校毕业生提供专场招聘和专项帮扶，全程线上视频面试。',
      addDays(launchOn, 1),
      addDays(launchOn, 7),
    ),
    poverty_counties: session(
      'poverty_counties',
      '深度贫困县定向招聘专场',
      '向城口、巫溪、酉阳、彭水等深度贫困县和易地扶贫搬迁安置点定向投放岗位，优先帮扶家庭经济困难毕业生。',
      addDays(launchOn, 2),
      concentratedEndOn,
    ),
    unemployed_graduates: session(
      'unemployed_graduates',
      '离校未就业高校毕业生专场',
      '常态化网络招聘期间面向离校未就业高校毕业生持续发布岗位，提供求职指导和跟踪服务。',
      addDays(concentratedEndOn, 1),
      addDays(concentratedEndOn, 30),
    ),
  };
}

function notice(ctx: DemoContext, dates: GeneratedFairDates, title: string): AnnouncementRow {
  const day = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return {
    id: ctx.ids.id('announcement', dates.key, 'notice'),
    fairId: dates.id,
    kind: 'notice',
    title: `关于举办${title}的通知`,
    body:
      `为做好高校毕业生就业工作，${FAIR_HOSTS.join('、')}决定举办${title}，由${FAIR_ORGANIZERS[0]}承办。` +
      `活动于${day(dates.launchOn)}正式启动，${day(dates.launchOn)}至${day(dates.concentratedEndOn)}为集中网络招聘时间，` +
      `此后至疫情结束后3个月内为常态化网络招聘时间。人力资源服务机构请于${day(dates.agencyDeadlineOn)}之前提交报名材料；` +
      `用人单位在市人才交流服务中心网站注册并经审核通过后，可免费选择最多3家指定机构的专栏发布岗位。`,
    effectiveOn: dates.launchOn,
    publishedAt: shanghaiTime(addDays(dates.launchOn, -14), 10, 0),
    publishedBy: ctx.organizerId,
    change: {},
    notifiedCount: 0,
  };
}
