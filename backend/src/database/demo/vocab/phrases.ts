import type { UnitType } from '@platform/contracts';
import type { Workplace } from './position-template';

/** 工作环境 by workplace; {place} is the district and park, e.g. 渝北区两江新区互联网产业园. */
export const ENVIRONMENTS: Record<Workplace, readonly string[]> = {
  office: [
    '工作地点位于{place}，写字楼办公，交通便利，周边有轨道交通站点。',
    '办公地点在{place}，办公环境整洁明亮，配备员工休息区和食堂。',
    '工作地点为{place}，甲级写字楼办公，团队氛围融洽，实行弹性上下班。',
  ],
  factory: [
    '工作地点位于{place}，现代化生产车间，恒温恒湿，配备职工食堂和宿舍。',
    '工作地点为{place}厂区，车间整洁有序，严格执行安全生产标准，提供通勤班车。',
    '工作地点在{place}，数字化工厂，自动化程度高，劳动保护用品齐全。',
  ],
  hospital: [
    '工作地点位于{place}，医院设施设备先进，科室设置齐全，有规范的带教和培训体系。',
    '工作地点为{place}院区，医疗环境良好，提供值班休息室和职工食堂。',
  ],
  school: [
    '工作地点位于{place}，校园环境优美，教学设施完善，教研氛围浓厚。',
    '工作地点在{place}，多媒体教室和实训室配置齐全，提供教师周转房。',
  ],
  site: [
    '工作地点为{place}的项目现场，项目部提供住宿和工作餐，安全防护措施完善。',
    '主要在{place}一带的项目和基地工作，配有交通车辆，按规定发放野外作业补助。',
  ],
  store: [
    '工作地点位于{place}的营业网点或门店，就近安排，环境舒适。',
    '工作地点在{place}，门店位于繁华商圈，交通便利，实行排班制。',
  ],
  lab: [
    '工作地点位于{place}，实验室和检测设备齐全，严格执行实验室安全管理规范。',
    '工作地点为{place}研发中心，配备先进的试验检测平台。',
  ],
  warehouse: [
    '工作地点位于{place}物流园区，仓库管理信息化，配有叉车等作业设备。',
    '工作地点在{place}的仓储配送中心，提供工作餐和员工宿舍。',
  ],
};

/** 福利待遇 items an enterprise offers; the list always starts with the social insurance. */
export const ENTERPRISE_BENEFITS = [
  '带薪年休假',
  '节日福利',
  '年度健康体检',
  '绩效奖金',
  '年终奖',
  '免费工作餐',
  '餐费补贴',
  '交通补贴',
  '通讯补贴',
  '提供员工宿舍',
  '提供人才公寓',
  '完善的培训体系和晋升通道',
  '补充医疗保险',
  '生日福利',
  '定期团队建设活动',
  '高温补贴',
];

export const STATE_BENEFITS = [
  '带薪年休假',
  '企业年金',
  '补充医疗保险',
  '年度健康体检',
  '职工食堂',
  '工会福利',
  '完善的职业发展通道',
  '提供职工宿舍',
];

export const INSTITUTION_BENEFITS = [
  '按国家和重庆市有关规定缴纳社会保险和住房公积金',
  '享受事业单位工资福利待遇',
  '带薪年休假',
  '年度健康体检',
  '提供职工食堂',
  '符合条件的可申请人才公寓',
];

export function benefitPool(unitType: UnitType): readonly string[] {
  if (unitType === 'soe') return STATE_BENEFITS;
  if (unitType === 'public_institution') return INSTITUTION_BENEFITS;
  return ENTERPRISE_BENEFITS;
}

/** Said once in most requirements: who may apply (S3:3701-3707). */
export const GRADUATE_WELCOME = [
  '{year}届高校毕业生和离校未就业高校毕业生均可报名',
  '欢迎{year}届高校毕业生投递简历',
  '面向{year}届及往届离校未就业高校毕业生招聘',
];

export const TRAITS = [
  '具有良好的沟通表达能力和团队合作精神',
  '责任心强，学习能力强',
  '踏实肯干，具有较强的执行力',
  '身心健康，遵纪守法',
  '具有较强的服务意识和敬业精神',
];

/** For positions of the Hubei session that stay open to everyone: a welcome, not a restriction. */
export const HUBEI_WELCOME = '欢迎湖北籍高校毕业生报名，可安排线上视频面试';

/**
 * For the organizer's queue: restricting a Chongqing unit's posting to Hubei graduates is only
 * allowed to Hubei public institutions, so rule R-DIS-6 sends it to review (S3:6485-6487).
 */
export const HUBEI_TARGETED = '本岗位面向湖北籍高校毕业生专项招聘，提供线上视频面试和远程签约';

export const REJECTION_REASONS = [
  '岗位限定湖北籍毕业生，本单位不属于湖北省事业单位专项招聘，请删除限定条件后重新提交。',
  '岗位需求与任职条件描述过于简单，请补充具体工作内容后重新提交。',
];

export const UNIT_HIGHLIGHTS: Record<UnitType, readonly string[]> = {
  enterprise: [
    '多年来坚持吸纳高校毕业生就业',
    '建立了完善的新员工培养和导师带教制度',
    '与{university}等高校建立了校企合作关系',
    '获评重庆市守合同重信用企业',
    '业务覆盖全市各区县',
  ],
  soe: [
    '是市属国有重点企业',
    '承担了多项市级重大项目建设任务',
    '与{university}共建产学研合作基地',
    '设有博士后科研工作站',
  ],
  public_institution: [
    '是公益一类事业单位',
    '是公益二类事业单位',
    '与{university}建立了教学实践合作关系',
    '服务辖区常住人口二十余万人',
  ],
  social_organization: ['是5A级社会组织', '承接了多项政府购买服务项目', '与{university}合作开展专业实践'],
  other: ['多年来坚持吸纳高校毕业生就业'],
};
