/**
 * Universities and colleges in Chongqing whose graduates the fair is for (S3:3701-3707: "全市
 * 2020届普通高校毕业生"). Real institutions with the district of their main campus; the demo uses
 * them in unit introductions and session texts, never as a hiring restriction (三严禁).
 */
export interface University {
  name: string;
  district: string;
  kind: 'undergraduate' | 'vocational';
}

export const CHONGQING_UNIVERSITIES: readonly University[] = [
  { name: '重庆大学', district: '沙坪坝区', kind: 'undergraduate' },
  { name: '西南大学', district: '北碚区', kind: 'undergraduate' },
  { name: '重庆邮电大学', district: '南岸区', kind: 'undergraduate' },
  { name: '重庆交通大学', district: '南岸区', kind: 'undergraduate' },
  { name: '重庆医科大学', district: '渝中区', kind: 'undergraduate' },
  { name: '西南政法大学', district: '渝北区', kind: 'undergraduate' },
  { name: '四川美术学院', district: '沙坪坝区', kind: 'undergraduate' },
  { name: '四川外国语大学', district: '沙坪坝区', kind: 'undergraduate' },
  { name: '重庆师范大学', district: '沙坪坝区', kind: 'undergraduate' },
  { name: '重庆工商大学', district: '南岸区', kind: 'undergraduate' },
  { name: '重庆理工大学', district: '巴南区', kind: 'undergraduate' },
  { name: '重庆科技学院', district: '沙坪坝区', kind: 'undergraduate' },
  { name: '重庆三峡学院', district: '万州区', kind: 'undergraduate' },
  { name: '长江师范学院', district: '涪陵区', kind: 'undergraduate' },
  { name: '重庆文理学院', district: '永川区', kind: 'undergraduate' },
  { name: '重庆第二师范学院', district: '南岸区', kind: 'undergraduate' },
  { name: '重庆电子工程职业学院', district: '沙坪坝区', kind: 'vocational' },
  { name: '重庆工业职业技术学院', district: '渝北区', kind: 'vocational' },
  { name: '重庆城市管理职业学院', district: '沙坪坝区', kind: 'vocational' },
  { name: '重庆工程职业技术学院', district: '江津区', kind: 'vocational' },
  { name: '重庆医药高等专科学校', district: '沙坪坝区', kind: 'vocational' },
  { name: '重庆航天职业技术学院', district: '江北区', kind: 'vocational' },
];
