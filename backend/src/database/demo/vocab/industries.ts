import type { UnitType } from '@platform/contracts';
import { BUSINESS_TEMPLATES } from './templates-business';
import { ENGINEERING_TEMPLATES } from './templates-engineering';
import { PUBLIC_TEMPLATES } from './templates-public';
import type { PositionTemplate } from './position-template';

export const POSITION_TEMPLATES: readonly PositionTemplate[] = [
  ...ENGINEERING_TEMPLATES,
  ...BUSINESS_TEMPLATES,
  ...PUBLIC_TEMPLATES,
];
const BY_TITLE = new Map(POSITION_TEMPLATES.map((t) => [t.title, t]));

/** Office positions every kind of unit has. */
const COMMON = ['会计', '人力资源专员', '行政专员'];

/**
 * An industry (国民经济行业分类 门类/大类 names) with the units found in it: how their names are
 * made ({zh} trade name, {d} district, {ds} its short form), what they do, which positions they
 * post, and how likely one is a 重点企业 (S3:2725-2729: 疫情防控、公共事业运行、群众生活必需品、
 * 重大项目).
 */
export interface Industry {
  name: string;
  weight: number;
  unitTypes: readonly (readonly [UnitType, number])[];
  names: Partial<Record<UnitType, readonly string[]>>;
  business: readonly string[];
  titles: readonly PositionTemplate[];
  keyEnterpriseChance: number;
}

function industry(spec: Omit<Industry, 'titles'> & { titles: string[] }): Industry {
  const titles = [...spec.titles, ...COMMON].map((title) => {
    const found = BY_TITLE.get(title);
    if (!found) throw new Error(`no position template "${title}"`);
    return found;
  });
  return { ...spec, titles };
}

export const INDUSTRIES: readonly Industry[] = [
  industry({
    name: '软件和信息技术服务业',
    weight: 14,
    unitTypes: [
      ['enterprise', 9],
      ['soe', 1],
    ],
    names: {
      enterprise: [
        '重庆{zh}科技有限公司',
        '重庆{zh}网络科技有限公司',
        '重庆{zh}信息技术有限公司',
        '重庆{zh}数字科技有限公司',
        '重庆{zh}软件股份有限公司',
      ],
      soe: ['重庆{zh}大数据集团有限公司', '重庆{zh}信息通信有限责任公司'],
    },
    business: [
      '政务信息化和智慧城市解决方案',
      '工业互联网平台研发与运营',
      '教育信息化软件研发',
      '金融科技系统集成与运维服务',
    ],
    titles: [
      'Java开发工程师',
      '前端开发工程师',
      'Android开发工程师',
      '软件测试工程师',
      '运维工程师',
      '数据分析师',
      '算法工程师',
      '网络安全工程师',
      '技术支持工程师',
      'UI设计师',
      '销售代表',
    ],
    keyEnterpriseChance: 0.05,
  }),
  industry({
    name: '计算机、通信和其他电子设备制造业',
    weight: 10,
    unitTypes: [
      ['enterprise', 9],
      ['soe', 1],
    ],
    names: {
      enterprise: [
        '重庆{zh}电子有限公司',
        '重庆{zh}光电科技有限公司',
        '重庆{zh}智能终端有限公司',
        '重庆{zh}半导体有限公司',
      ],
      soe: ['重庆{zh}电子集团有限公司'],
    },
    business: [
      '笔记本电脑及智能终端整机制造',
      '集成电路封装测试',
      '显示面板及电子元器件生产',
      '通信模组研发与制造',
    ],
    titles: [
      '硬件工程师',
      '嵌入式软件工程师',
      '集成电路版图设计工程师',
      'SMT工艺工程师',
      '电子装配技术员',
      '质量工程师',
      '生产计划专员',
      '设备维护技术员',
    ],
    keyEnterpriseChance: 0.1,
  }),
  industry({
    name: '汽车制造业',
    weight: 9,
    unitTypes: [
      ['enterprise', 8],
      ['soe', 2],
    ],
    names: {
      enterprise: [
        '重庆{zh}汽车零部件有限公司',
        '重庆{zh}汽车配件制造有限公司',
        '重庆{zh}机电有限公司',
        '重庆{zh}汽车科技有限公司',
      ],
      soe: ['重庆{zh}汽车集团有限公司'],
    },
    business: [
      '汽车底盘及内外饰零部件制造',
      '新能源汽车电驱系统研发',
      '摩托车及发动机零部件生产',
      '汽车座椅与线束总成配套',
    ],
    titles: [
      '汽车零部件设计工程师',
      '整车试验工程师',
      '新能源汽车售后技术员',
      '机械设计工程师',
      '工艺工程师',
      '质量工程师',
      '数控操作技术员',
      '生产计划专员',
      '管理培训生',
    ],
    keyEnterpriseChance: 0.06,
  }),
  industry({
    name: '通用设备制造业',
    weight: 6,
    unitTypes: [
      ['enterprise', 9],
      ['soe', 1],
    ],
    names: {
      enterprise: [
        '重庆{zh}机械有限公司',
        '重庆{zh}智能装备有限公司',
        '重庆{zh}精密机械制造有限公司',
        '重庆{zh}自动化设备有限公司',
      ],
      soe: ['重庆{zh}机电控股（集团）有限公司'],
    },
    business: [
      '工业机器人及自动化生产线集成',
      '精密齿轮和传动部件制造',
      '环保设备研发与制造',
      '仪器仪表生产',
    ],
    titles: [
      '机械设计工程师',
      '电气工程师',
      '工艺工程师',
      '质量工程师',
      '设备维护技术员',
      '数控操作技术员',
      '安全环保专员',
      '销售代表',
    ],
    keyEnterpriseChance: 0.05,
  }),
  industry({
    name: '医药制造业',
    weight: 4,
    unitTypes: [
      ['enterprise', 9],
      ['soe', 1],
    ],
    names: {
      enterprise: [
        '重庆{zh}药业有限公司',
        '重庆{zh}生物科技有限公司',
        '重庆{zh}制药有限公司',
        '重庆{zh}医疗器械有限公司',
      ],
      soe: ['重庆{zh}医药（集团）股份有限公司'],
    },
    business: [
      '化学药品制剂研发与生产',
      '中药饮片及中成药生产',
      '医用防护用品和医疗器械生产',
      '生物疫苗和诊断试剂研发',
    ],
    titles: [
      '药剂师',
      '医药代表',
      '质量工程师',
      '工艺工程师',
      '医学检验技师',
      '生产计划专员',
      '安全环保专员',
    ],
    keyEnterpriseChance: 0.5,
  }),
  industry({
    name: '卫生和社会工作',
    weight: 6,
    unitTypes: [
      ['public_institution', 7],
      ['enterprise', 3],
    ],
    names: {
      public_institution: [
        '{d}第二人民医院',
        '{d}中医院',
        '{d}妇幼保健院',
        '{d}{zh}社区卫生服务中心',
        '{d}精神卫生中心',
      ],
      enterprise: ['重庆{zh}医院有限公司', '重庆{zh}康复医院有限公司', '重庆{zh}养老服务有限公司'],
    },
    business: [
      '综合医疗服务',
      '中医医疗和康复服务',
      '妇女儿童医疗保健',
      '基本医疗和公共卫生服务',
      '养老和康复护理服务',
    ],
    titles: ['临床医师', '护理岗', '药剂师', '医学检验技师', '康复治疗师'],
    keyEnterpriseChance: 0.6,
  }),
  industry({
    name: '教育',
    weight: 6,
    unitTypes: [
      ['public_institution', 6],
      ['enterprise', 4],
    ],
    names: {
      public_institution: [
        '重庆市{ds}{zh}中学校',
        '{d}{zh}小学校',
        '{d}{zh}幼儿园',
        '重庆市{zh}职业教育中心',
      ],
      enterprise: ['重庆{zh}教育科技有限公司', '重庆{zh}职业技能培训学校有限公司'],
    },
    business: ['基础教育', '学前教育', '中等职业教育', '职业技能培训和线上课程服务'],
    titles: ['语文教师', '数学教师', '英语教师', '幼儿园教师', '课程顾问', '职业技能培训讲师'],
    keyEnterpriseChance: 0.02,
  }),
  industry({
    name: '金融业',
    weight: 5,
    unitTypes: [
      ['enterprise', 6],
      ['soe', 4],
    ],
    names: {
      enterprise: ['重庆{zh}融资担保有限公司', '重庆{zh}保险代理有限公司', '重庆{zh}小额贷款有限公司'],
      soe: ['重庆{ds}{zh}村镇银行股份有限公司', '重庆{zh}金融控股集团有限公司'],
    },
    business: ['普惠金融和小微企业信贷服务', '融资担保服务', '保险销售和理赔服务', '供应链金融服务'],
    titles: ['综合柜员', '客户经理', '风险管理专员', '保险理赔专员', '出纳', '数据分析师', '管理培训生'],
    keyEnterpriseChance: 0.05,
  }),
  industry({
    name: '建筑业',
    weight: 7,
    unitTypes: [
      ['enterprise', 6],
      ['soe', 4],
    ],
    names: {
      enterprise: [
        '重庆{zh}建设工程有限公司',
        '重庆{zh}建筑工程有限公司',
        '重庆{zh}市政工程有限公司',
        '重庆{zh}装饰工程有限公司',
      ],
      soe: [
        '重庆{zh}建工集团股份有限公司',
        '重庆{zh}城市建设投资（集团）有限公司',
        '重庆{zh}交通建设（集团）有限责任公司',
      ],
    },
    business: [
      '房屋建筑和市政基础设施施工',
      '轨道交通和桥梁隧道工程建设',
      '公路工程施工和养护',
      '建筑装饰装修工程',
    ],
    titles: ['土木工程师', '施工员', '造价员', '测量员', 'BIM工程师', '安全员', '办公室文员'],
    keyEnterpriseChance: 0.25,
  }),
  industry({
    name: '交通运输、仓储和邮政业',
    weight: 5,
    unitTypes: [
      ['enterprise', 7],
      ['soe', 3],
    ],
    names: {
      enterprise: [
        '重庆{zh}物流有限公司',
        '重庆{zh}供应链管理有限公司',
        '重庆{zh}运输有限公司',
        '重庆{zh}快递服务有限公司',
      ],
      soe: ['重庆{zh}交通运输（集团）有限公司', '重庆{zh}港务物流集团有限公司'],
    },
    business: ['中欧班列和国际多式联运服务', '城市配送和仓储服务', '冷链物流服务', '公路客货运输'],
    titles: ['物流专员', '仓储管理员', '调度员', '客户服务专员', '销售代表', '办公室文员'],
    keyEnterpriseChance: 0.4,
  }),
  industry({
    name: '批发和零售业',
    weight: 6,
    unitTypes: [
      ['enterprise', 9],
      ['soe', 1],
    ],
    names: {
      enterprise: [
        '重庆{zh}商贸有限公司',
        '重庆{zh}商业连锁有限公司',
        '重庆{zh}电子商务有限公司',
        '重庆{zh}超市有限公司',
      ],
      soe: ['重庆{zh}商社（集团）有限公司'],
    },
    business: ['连锁超市和生鲜零售', '特色农产品电商销售', '日用消费品批发', '医药零售连锁'],
    titles: [
      '门店储备店长',
      '电商运营专员',
      '销售代表',
      '仓储管理员',
      '客户服务专员',
      '新媒体运营',
      '管理培训生',
    ],
    keyEnterpriseChance: 0.35,
  }),
  industry({
    name: '住宿和餐饮业',
    weight: 4,
    unitTypes: [['enterprise', 1]],
    names: {
      enterprise: ['重庆{zh}酒店管理有限公司', '重庆{zh}餐饮管理有限公司', '重庆{zh}火锅餐饮文化有限公司'],
    },
    business: ['连锁酒店经营管理', '火锅及川渝特色餐饮连锁经营', '团餐和中央厨房配送'],
    titles: ['酒店管理培训生', '餐厅主管', '门店储备店长', '客户服务专员'],
    keyEnterpriseChance: 0.1,
  }),
  industry({
    name: '文化、体育和娱乐业',
    weight: 3,
    unitTypes: [
      ['enterprise', 8],
      ['public_institution', 2],
    ],
    names: {
      enterprise: ['重庆{zh}文化传媒有限公司', '重庆{zh}广告有限公司', '重庆{zh}影视文化有限公司'],
      public_institution: ['{d}融媒体中心', '{d}文化馆'],
    },
    business: ['新媒体内容制作和品牌推广', '影视拍摄和后期制作', '文化旅游活动策划', '区县融媒体新闻服务'],
    titles: ['新闻采编', '视频剪辑师', '平面设计师', '新媒体运营', '市场专员'],
    keyEnterpriseChance: 0.02,
  }),
  industry({
    name: '农副食品加工业',
    weight: 4,
    unitTypes: [
      ['enterprise', 9],
      ['soe', 1],
    ],
    names: {
      enterprise: [
        '重庆{zh}食品有限公司',
        '重庆{zh}农业科技有限公司',
        '重庆{zh}调味品有限公司',
        '重庆{ds}{zh}农产品开发有限公司',
      ],
      soe: ['重庆{zh}农业投资集团有限公司'],
    },
    business: [
      '火锅底料和复合调味品生产',
      '生猪屠宰和肉制品加工',
      '榨菜、柑橘等特色农产品加工',
      '粮油食品加工',
    ],
    titles: ['食品研发工程师', '食品检验员', '农业技术员', '生产计划专员', '电商运营专员', '销售代表'],
    keyEnterpriseChance: 0.45,
  }),
  industry({
    name: '电力、热力、燃气及水生产和供应业',
    weight: 3,
    unitTypes: [
      ['soe', 8],
      ['enterprise', 2],
    ],
    names: {
      soe: [
        '重庆{zh}能源投资集团有限公司',
        '重庆{ds}{zh}水务有限公司',
        '重庆{zh}燃气集团股份有限公司',
        '重庆{zh}电力有限公司',
      ],
      enterprise: ['重庆{zh}新能源科技有限公司'],
    },
    business: ['城乡供水和污水处理', '天然气输配和供应', '水电和光伏发电', '配电网建设与运维'],
    titles: ['电气工程师', '运维工程师', '安全环保专员', '设备维护技术员', '客户服务专员'],
    keyEnterpriseChance: 0.7,
  }),
  industry({
    name: '租赁和商务服务业',
    weight: 4,
    unitTypes: [
      ['enterprise', 9],
      ['social_organization', 1],
    ],
    names: {
      enterprise: [
        '重庆{zh}企业管理咨询有限公司',
        '重庆{zh}会计师事务所有限公司',
        '重庆{zh}知识产权代理有限公司',
      ],
      social_organization: ['重庆市{zh}企业服务促进会'],
    },
    business: ['企业管理咨询和财税服务', '审计和会计服务', '知识产权代理和法律服务'],
    titles: ['审计助理', '法务专员', '律师助理', '市场专员', '客户服务专员'],
    keyEnterpriseChance: 0.02,
  }),
  industry({
    name: '公共管理、社会保障和社会组织',
    weight: 3,
    unitTypes: [
      ['public_institution', 6],
      ['social_organization', 4],
    ],
    names: {
      public_institution: [
        '{d}公共就业和人才服务中心',
        '{d}{zh}街道便民服务中心',
        '{d}农业技术推广中心',
        '{d}城市管理综合服务中心',
      ],
      social_organization: ['重庆{zh}社会工作服务中心', '重庆市{zh}志愿服务协会'],
    },
    business: ['公共就业和社会保障服务', '基层便民服务', '农业技术推广', '社会工作和志愿服务'],
    titles: ['综合管理岗', '专业技术岗', '社区工作者', '社会工作者', '农业技术员', '办公室文员'],
    keyEnterpriseChance: 0.05,
  }),
  industry({
    name: '科学研究和技术服务业',
    weight: 3,
    unitTypes: [
      ['enterprise', 7],
      ['public_institution', 3],
    ],
    names: {
      enterprise: ['重庆{zh}检测技术有限公司', '重庆{zh}工程设计有限公司', '重庆{zh}环保科技有限公司'],
      public_institution: ['重庆市{zh}技术研究院', '重庆{zh}产业技术研究院'],
    },
    business: [
      '产品检验检测和认证服务',
      '工程勘察设计',
      '环境监测和治理技术服务',
      '新材料和智能制造技术研发',
    ],
    titles: ['算法工程师', '数据分析师', '专业技术岗', '食品检验员', '质量工程师', '土木工程师'],
    keyEnterpriseChance: 0.05,
  }),
];
