import type { Prng } from '../prng';

/** Common surnames, roughly in order of frequency. */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范金廖贾夏付方邹熊秦邱江向冉牟',
];

const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉玲',
  ...['思远', '子涵', '雨桐', '浩然', '欣怡', '俊杰', '嘉琪', '宇航', '梓萱', '晨曦'],
  ...['文博', '诗琪', '一鸣', '佳怡', '明轩', '雅婷', '志强', '海燕', '建国', '春梅'],
];

export function personName(rng: Prng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** Characters that trade names (字号) are made of; two of them make a name such as 渝联 or 恒信. */
const TRADE_NAME_FIRST = [
  ...'渝巴蜀嘉瑞恒鑫博创联信达泰和盛宏源晟宇德安康远航金锦汇天云海山江欣辰凯诚弘智新越峰隆丰润通',
];
const TRADE_NAME_SECOND = [
  ...'信达泰和盛宏源晟宇德安康远航锦汇云海欣辰凯诚弘智新越峰隆丰润通华美成发兴旺祥泽恒',
];

export function tradeName(rng: Prng): string {
  const first = rng.pick(TRADE_NAME_FIRST);
  let second = rng.pick(TRADE_NAME_SECOND);
  while (second === first) second = rng.pick(TRADE_NAME_SECOND);
  return first + second;
}

/** A mainland mobile number (1[3-9] + 9 digits) for a contact person of generated data. */
export function mobileNumber(rng: Prng): string {
  const prefix = rng.pick(['135', '136', '138', '139', '150', '152', '158', '177', '187', '189', '199']);
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, '0');
}
