import { CHONGQING_DISTRICTS } from '@platform/contracts';

export type District = (typeof CHONGQING_DISTRICTS)[number];

/** 行政区划代码 of each district and county, the 3rd-8th characters of a 统一社会信用代码. */
export const DISTRICT_CODES: Record<District, string> = {
  万州区: '500101',
  涪陵区: '500102',
  渝中区: '500103',
  大渡口区: '500104',
  江北区: '500105',
  沙坪坝区: '500106',
  九龙坡区: '500107',
  南岸区: '500108',
  北碚区: '500109',
  綦江区: '500110',
  大足区: '500111',
  渝北区: '500112',
  巴南区: '500113',
  黔江区: '500114',
  长寿区: '500115',
  江津区: '500116',
  合川区: '500117',
  永川区: '500118',
  南川区: '500119',
  璧山区: '500120',
  铜梁区: '500151',
  潼南区: '500152',
  荣昌区: '500153',
  开州区: '500154',
  梁平区: '500155',
  武隆区: '500156',
  城口县: '500229',
  丰都县: '500230',
  垫江县: '500231',
  忠县: '500233',
  云阳县: '500235',
  奉节县: '500236',
  巫山县: '500237',
  巫溪县: '500238',
  石柱土家族自治县: '500240',
  秀山土家族苗族自治县: '500241',
  酉阳土家族苗族自治县: '500242',
  彭水苗族土家族自治县: '500243',
};

/** 主城九区 (S3:7366-7369): most employers of a city-wide fair sit here. */
export const MAIN_URBAN_DISTRICTS: readonly District[] = [
  '渝中区',
  '大渡口区',
  '江北区',
  '沙坪坝区',
  '九龙坡区',
  '南岸区',
  '北碚区',
  '渝北区',
  '巴南区',
];

/** The four counties still in deep poverty in 2020, for the poverty-county session (S3:3187-3193). */
export const DEEP_POVERTY_COUNTIES: readonly District[] = [
  '城口县',
  '巫溪县',
  '酉阳土家族苗族自治县',
  '彭水苗族土家族自治县',
];

/** Where employers are, weighted: the main city first, then the larger districts, then the counties. */
export function districtWeights(): [District, number][] {
  return CHONGQING_DISTRICTS.map((district) => {
    if (district === '渝北区' || district === '江北区' || district === '沙坪坝区' || district === '九龙坡区')
      return [district, 10];
    if (MAIN_URBAN_DISTRICTS.includes(district)) return [district, 6];
    if (DEEP_POVERTY_COUNTIES.includes(district)) return [district, 1.2];
    return [district, district.endsWith('区') ? 2 : 0.8];
  });
}

/** 渝北区 → 渝北, 忠县 → 忠县, 酉阳土家族苗族自治县 → 酉阳: the short form used in unit names. */
export function districtShort(district: string): string {
  if (district.endsWith('自治县')) return district.slice(0, 2);
  if (district.length <= 2) return district;
  return district.slice(0, -1);
}

/** Parks and neighbourhoods where the work is, by district; others fall back to the town centre. */
const AREAS: Partial<Record<District, readonly string[]>> = {
  渝中区: ['解放碑商圈', '化龙桥片区', '大坪商圈'],
  江北区: ['观音桥商圈', '江北嘴金融城', '寸滩片区'],
  渝北区: ['两江新区互联网产业园', '仙桃国际大数据谷', '空港工业园区', '照母山片区'],
  沙坪坝区: ['西永微电子产业园', '大学城片区', '三峡广场商圈'],
  九龙坡区: ['重庆高新区二郎片区', '西彭工业园区', '杨家坪商圈'],
  南岸区: ['南坪商圈', '茶园新区', '重庆经济技术开发区'],
  北碚区: ['蔡家岗片区', '水土高新技术产业园'],
  大渡口区: ['建桥工业园区', '义渡片区'],
  巴南区: ['界石片区', '鱼洞片区', '重庆公路物流基地'],
  江津区: ['双福工业园区', '德感工业园区'],
  璧山区: ['璧山高新技术产业开发区'],
  长寿区: ['长寿经济技术开发区'],
  涪陵区: ['涪陵高新技术产业开发区', '李渡片区'],
  万州区: ['万州经济技术开发区'],
  永川区: ['永川高新技术产业开发区', '凤凰湖产业园'],
  合川区: ['合川工业园区'],
};

export function areasOf(district: string): readonly string[] {
  return AREAS[district as District] ?? [district.endsWith('县') ? '县城' : '城区', '工业园区'];
}
