// Matching both ways: the seeker's recommendations and the employer's candidates.
export const matchingZhCN = {
  matching: {
    factor: {
      education: '学历',
      skills: '技能',
      district: '地区',
      salary: '薪资',
      experience: '经验',
      graduate: '毕业生',
    },
    formula:
      '综合分 {combined} = 0.7 × 匹配分 {fit} + 0.3 × 文本相关度 {relevance}（匹配权重 {weights}，公式 {formula}）',
    nothingMissing: '各项要求均满足',
    combined: '综合分',
    why: '为什么推荐',
    recommendations: {
      intro:
        '根据你的简历（技能、专业、期望地区和薪资、学历、届别）从已发布岗位中挑选，并说明每一项的匹配程度。',
      empty: '暂时没有合适的岗位，完善简历中的技能和期望后再来看看。',
      noResume: '先填写简历，才能为你推荐岗位。',
      toResume: '去填写简历',
      keyEnterprise: '重点企业',
      graduateSuitable: '适合应届生',
      salary: '{range} 元/月',
      open: '查看岗位',
    },
    candidates: {
      title: '候选人',
      intro: '投递本岗位的求职者和公开简历，按综合分排序；未投递贵单位的求职者联系方式隐藏。',
      choosePosition: '选择岗位',
      empty: '暂时没有合适的候选人。',
      name: '求职者',
      source: '来源',
      sourceApplied: '已投递',
      sourceSearchable: '公开简历',
      contacts: '联系方式',
      expectations: '期望',
      open: '查看投递',
      missing: '欠缺',
      tab: '候选人',
    },
  },
};
