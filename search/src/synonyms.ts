/**
 * Job-title and skill synonyms, as data (Solr format, one group per line). A change takes effect
 * with `npm run search:reindex`, which rebuilds behind the alias without downtime.
 */
export const POSITION_SYNONYMS: readonly string[] = [
  '程序员, 软件工程师, 开发工程师, 软件开发',
  '前端, web前端, 前端开发',
  '后端, 服务端, 后台开发',
  '会计, 财务, 出纳',
  '人力资源, 人事, hr',
  '销售, 业务员, 客户经理',
  '运营, 新媒体运营, 内容运营',
  '护士, 护理',
  '教师, 老师, 教员',
  '司机, 驾驶员',
  '文员, 行政助理, 办公室职员',
  '数据分析, 数据分析师, bi',
  '测试, 测试工程师, qa',
  '机械, 机电, 机械设计',
];
