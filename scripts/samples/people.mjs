/** Invented people, phone numbers, addresses and waybills: nothing here belongs to anyone real. */
import { chance, digits, int, pick, rand } from './random.mjs';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕彬斌宇浩凯鹏辉建国文博晨晓雪梅琳倩婷欣怡佳子涵轩然诗雨俊峰志宏海波云飞鑫淑珍慧颖思嘉悦晶亮琴丹';
export const personName = () => SURNAMES[Math.floor(SURNAMES.length * rand() ** 2)] + pick(GIVEN) + (chance(0.65) ? pick(GIVEN) : '');

export const REGIONS = [
  ['广东省', '深圳市', '南山区 福田区 罗湖区 宝安区 龙岗区 龙华区'], ['广东省', '广州市', '天河区 越秀区 海珠区 白云区 番禺区'],
  ['广东省', '东莞市', '南城街道 东城街道 长安镇 虎门镇'], ['', '北京市', '朝阳区 海淀区 东城区 丰台区 通州区'],
  ['', '上海市', '浦东新区 徐汇区 闵行区 静安区 杨浦区'], ['', '天津市', '和平区 南开区 河西区 滨海新区'],
  ['', '重庆市', '渝中区 江北区 南岸区 九龙坡区 沙坪坝区'], ['浙江省', '杭州市', '西湖区 拱墅区 滨江区 余杭区 萧山区'],
  ['浙江省', '宁波市', '海曙区 鄞州区 江北区'], ['江苏省', '南京市', '鼓楼区 玄武区 江宁区 建邺区'],
  ['江苏省', '苏州市', '姑苏区 吴中区 虎丘区 相城区'], ['四川省', '成都市', '武侯区 锦江区 青羊区 金牛区 成华区'],
  ['湖北省', '武汉市', '洪山区 武昌区 江汉区 汉阳区'], ['陕西省', '西安市', '雁塔区 碑林区 未央区 长安区'],
  ['山东省', '青岛市', '市南区 市北区 黄岛区 崂山区'], ['河南省', '郑州市', '金水区 二七区 中原区 管城回族区'],
  ['湖南省', '长沙市', '岳麓区 芙蓉区 天心区 雨花区'], ['福建省', '厦门市', '思明区 湖里区 集美区'],
].map(([prov, city, d]) => ({ prov, city, districts: d.split(' ') }));
const STREETS = '人民路 解放路 中山路 建设路 和平路 文化路 新华路 长江路 黄河路 科技园路 学府路 滨江大道 朝阳路 青年路 光明街 胜利街 幸福路 花园路 工业大道 环城北路'.split(' ');
const ESTATES = '阳光花园 金色家园 万科城 绿地小区 翠苑 锦绣华庭 幸福里 华润中心 创业大厦 科技大厦 国际商务中心 新村'.split(' ');
export const NOTES = ['放门卫室', '工作日送达', '到了打电话', '放快递柜', '周末不在家'];

export function address(region) {
  let s = `${region.prov}${region.city}${pick(region.districts)}${pick(STREETS)}${int(1, 999)}号`;
  if (chance(0.7)) s += `${pick(ESTATES)}${int(1, 30)}栋${int(1, 32)}0${int(1, 4)}室`;
  if (chance(0.04)) s += `,${pick(NOTES)}`; // ASCII comma: the field must be quoted
  if (chance(0.0005)) s += '(北门"菜鸟驿站"旁)'; // embedded quotes: must be doubled
  return s;
}

const MOBILE = '130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 170 173 176 177 180 181 182 183 185 186 187 188 189 191 198 199'.split(' ');
const LANDLINE = [['010', '6'], ['021', '5'], ['0755', '8'], ['020', '8'], ['028', '8']];
export const phone = () => (chance(0.02) ? ((a) => `${a[0]}-${a[1]}${digits(7)}`)(pick(LANDLINE)) : pick(MOBILE) + digits(8));
export const mobile = () => pick(MOBILE) + digits(8);

const usedWaybills = new Set();
export function waybill() {
  let w;
  do w = chance(0.6) ? `SF${int(1, 9)}${digits(12)}` : ((n) => `${int(1, 9)}${digits(n - 1)}`)(int(12, 15));
  while (usedWaybills.has(w));
  usedWaybills.add(w);
  return w;
}

export function buildCustomers(n) {
  return Array.from({ length: n }, () => {
    const region = REGIONS[Math.floor(REGIONS.length * rand() ** 1.5)];
    return { name: personName(), phone: phone(), region, address: address(region) };
  });
}

/** Repeat callers: 20% of calls come from the first 1,500 customers. */
export const pickCustomer = (pool) => pool[chance(0.2) ? int(0, 1499) : int(0, pool.length - 1)];
