/* sales-demo-names.c: the pools that sample names, addresses and notes are drawn from
 *
 * Company names, people, addresses and notes are what a user would have typed:
 * Chinese customers get Chinese text, English-named customers English text,
 * whatever the locale. Industries are a category that the customer list
 * filters on, so like the default stages they are translated when the data is
 * created and are then the user's data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-demo-private.h"

typedef struct
{
  const char *hanzi;
  const char *pinyin;
} Syllable;

typedef struct
{
  const char *label;           /* NC_("industry", …) */
  guint       weight;
  const char *zh[3];           /* words in a Chinese company name */
  const char *en[3];           /* words in an English company name */
  const char *domain;          /* a word in the e-mail domain */
} Industry;

static const Industry industries[] = {
  /* TRANSLATORS: an industry of a customer (zh_CN: 制造业) */
  { NC_("industry", "Manufacturing"), 18, { "机械", "精密制造", "电子" },
    { "Machinery", "Precision Parts", "Electronics" }, "mfg" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 零售) */
  { NC_("industry", "Retail"), 10, { "商贸", "百货", "连锁超市" },
    { "Retail", "Stores", "Mart" }, "retail" },
  /* TRANSLATORS: an industry of a customer (zh_CN: IT 与软件) */
  { NC_("industry", "IT and software"), 14, { "科技", "软件", "信息技术" },
    { "Software", "Systems", "Technologies" }, "tech" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 教育培训) */
  { NC_("industry", "Education"), 6, { "教育科技", "培训学校", "文化教育" },
    { "Learning", "Academy", "Education" }, "edu" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 医疗健康) */
  { NC_("industry", "Healthcare"), 7, { "医疗器械", "医药", "健康管理" },
    { "Medical Supplies", "Healthcare", "Pharma" }, "med" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 物流运输) */
  { NC_("industry", "Logistics"), 9, { "物流", "供应链", "快运" },
    { "Logistics", "Freight", "Supply Chain" }, "logistics" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 批发贸易) */
  { NC_("industry", "Wholesale and trade"), 12, { "贸易", "进出口", "实业" },
    { "Traders", "Trading", "Import & Export" }, "trade" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 建筑工程) */
  { NC_("industry", "Construction"), 6, { "建设工程", "建材", "装饰工程" },
    { "Construction", "Building Materials", "Engineering" }, "build" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 餐饮食品) */
  { NC_("industry", "Food and beverage"), 7, { "餐饮管理", "食品", "饮品" },
    { "Foods", "Catering", "Beverages" }, "food" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 金融服务) */
  { NC_("industry", "Financial services"), 4, { "投资", "融资租赁", "资产管理" },
    { "Capital", "Finance", "Leasing" }, "fin" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 能源) */
  { NC_("industry", "Energy"), 4, { "新能源", "电力设备", "光伏" },
    { "Energy", "Power", "Solar" }, "energy" },
  /* TRANSLATORS: an industry of a customer (zh_CN: 房地产) */
  { NC_("industry", "Real estate"), 3, { "置业", "物业管理", "地产" },
    { "Properties", "Estates", "Realty" }, "estate" },
};

/* Two of these make a brand such as 腾达 or 华信. */
static const Syllable brand_syllables[] = {
  { "华", "hua" }, { "腾", "teng" }, { "宏", "hong" }, { "金", "jin" }, { "恒", "heng" },
  { "新", "xin" }, { "瑞", "rui" }, { "博", "bo" }, { "永", "yong" }, { "嘉", "jia" },
  { "鑫", "xin" }, { "天", "tian" }, { "东", "dong" }, { "中", "zhong" }, { "海", "hai" },
  { "盛", "sheng" }, { "安", "an" }, { "卓", "zhuo" }, { "凯", "kai" }, { "思", "si" },
  { "远", "yuan" }, { "明", "ming" }, { "正", "zheng" }, { "信", "xin" }, { "达", "da" },
  { "通", "tong" }, { "丰", "feng" }, { "源", "yuan" }, { "德", "de" }, { "泰", "tai" },
  { "隆", "long" }, { "昌", "chang" }, { "佳", "jia" }, { "鼎", "ding" }, { "立", "li" },
  { "汇", "hui" }, { "创", "chuang" }, { "联", "lian" }, { "润", "run" }, { "星", "xing" },
  { "科", "ke" }, { "诚", "cheng" }, { "富", "fu" }, { "广", "guang" }, { "晨", "chen" },
  { "弘", "hong" }, { "益", "yi" }, { "优", "you" },
};

typedef struct
{
  const char *name;            /* 深圳市 */
  const char *province;        /* 广东省, or "" for a municipality */
  const char *area_code;       /* 0755 */
  const char *districts[3];
} City;

static const City cities[] = {
  { "深圳市", "广东省", "0755", { "南山区", "福田区", "宝安区" } },
  { "广州市", "广东省", "020", { "天河区", "黄埔区", "番禺区" } },
  { "东莞市", "广东省", "0769", { "松山湖", "长安镇", "虎门镇" } },
  { "上海市", "", "021", { "浦东新区", "闵行区", "徐汇区" } },
  { "北京市", "", "010", { "海淀区", "朝阳区", "丰台区" } },
  { "杭州市", "浙江省", "0571", { "滨江区", "西湖区", "余杭区" } },
  { "宁波市", "浙江省", "0574", { "鄞州区", "北仑区", "江北区" } },
  { "苏州市", "江苏省", "0512", { "工业园区", "吴中区", "昆山市" } },
  { "南京市", "江苏省", "025", { "江宁区", "鼓楼区", "建邺区" } },
  { "成都市", "四川省", "028", { "高新区", "武侯区", "锦江区" } },
  { "武汉市", "湖北省", "027", { "东湖高新区", "江汉区", "洪山区" } },
  { "西安市", "陕西省", "029", { "雁塔区", "未央区", "高新区" } },
  { "天津市", "", "022", { "滨海新区", "南开区", "河西区" } },
  { "厦门市", "福建省", "0592", { "思明区", "湖里区", "集美区" } },
  { "青岛市", "山东省", "0532", { "崂山区", "市南区", "黄岛区" } },
  { "长沙市", "湖南省", "0731", { "岳麓区", "雨花区", "开福区" } },
};

static const char * const zh_roads[] = {
  "科技园路", "人民路", "建设路", "中山路", "解放大道", "高新大道", "创业路", "长江路",
  "黄河路", "世纪大道", "工业园路", "滨海大道", "东风路", "和平路", "新华路", "环城北路",
};

static const char * const en_words[] = {
  "Northwind", "Blue Harbor", "Summit", "Pioneer", "Golden Gate", "Evergreen", "Silverline",
  "Redwood", "Atlas", "Crescent", "Meridian", "Oakridge", "Brightstar", "Cedar", "Horizon",
  "Ironbridge", "Lakeside", "Maple Leaf", "Nova", "Orion", "Pacific Rim", "Quantum",
  "Riverstone", "Sterling", "Trident", "Vertex", "Westbrook", "Zenith", "Kingsway",
  "Harbourview", "Fairview", "Greenfield", "Highland", "Keystone", "Contoso", "Fabrikam",
  "Lotus", "Jade Dragon", "Red Lantern", "Silk Road",
};

static const char * const en_domains[] = {
  "northwind", "blueharbor", "summit", "pioneer", "goldengate", "evergreen", "silverline",
  "redwood", "atlas", "crescent", "meridian", "oakridge", "brightstar", "cedar", "horizon",
  "ironbridge", "lakeside", "mapleleaf", "nova", "orion", "pacrim", "quantum",
  "riverstone", "sterling", "trident", "vertex", "westbrook", "zenith", "kingsway",
  "harbourview", "fairview", "greenfield", "highland", "keystone", "contoso", "fabrikam",
  "lotus", "jadedragon", "redlantern", "silkroad",
};

G_STATIC_ASSERT (G_N_ELEMENTS (en_words) == G_N_ELEMENTS (en_domains));

static const char * const en_middles[] = {
  "", "", "", "Global ", "International ", "Asia ", "Pacific ", "Digital ", "United ",
};

static const char * const en_suffixes[] = {
  " Ltd.", " Co., Ltd.", " Inc.", " Group", " Pte. Ltd.", " LLC", " GmbH", "",
};

typedef struct
{
  const char *area;            /* after the street: "Central, Hong Kong" */
  const char *phone;           /* prefix of the number */
  guint       phone_digits;
  const char *roads[3];
} Place;

static const Place en_places[] = {
  { "Central, Hong Kong", "+852 2", 7,
    { "Queen's Road Central", "Des Voeux Road", "Hennessy Road" } },
  { "Singapore 068914", "+65 6", 7, { "Robinson Road", "Cecil Street", "Orchard Road" } },
  { "Nanshan District, Shenzhen, China", "+86 755 8", 7,
    { "Keyuan Road", "Shennan Avenue", "Gaoxin South Road" } },
  { "Pudong New Area, Shanghai, China", "+86 21 6", 7,
    { "Century Avenue", "Zhangjiang Road", "Lujiazui Ring Road" } },
  { "Suzhou Industrial Park, Suzhou, China", "+86 512 6", 7,
    { "Xinghu Street", "Suhong Road", "Jinji Lake Avenue" } },
  { "San Francisco, CA 94105, USA", "+1 415-555-01", 2,
    { "Market Street", "Mission Street", "Howard Street" } },
  { "London EC2A 4NE, United Kingdom", "+44 20 7946 0", 3,
    { "Old Street", "City Road", "Great Eastern Street" } },
  { "20457 Hamburg, Germany", "+49 40 3", 7, { "Am Sandtorkai", "Brooktorkai", "Kehrwieder" } },
  { "Sydney NSW 2000, Australia", "+61 2 9", 7,
    { "George Street", "Pitt Street", "Kent Street" } },
};

static const Syllable surnames[] = {
  { "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" }, { "陈", "chen" },
  { "杨", "yang" }, { "黄", "huang" }, { "赵", "zhao" }, { "吴", "wu" }, { "周", "zhou" },
  { "徐", "xu" }, { "孙", "sun" }, { "马", "ma" }, { "朱", "zhu" }, { "胡", "hu" },
  { "郭", "guo" }, { "何", "he" }, { "林", "lin" }, { "高", "gao" }, { "罗", "luo" },
  { "郑", "zheng" }, { "梁", "liang" }, { "谢", "xie" }, { "宋", "song" },
};

static const Syllable given_names[] = {
  { "伟", "wei" }, { "芳", "fang" }, { "娜", "na" }, { "敏", "min" }, { "静", "jing" },
  { "丽", "li" }, { "强", "qiang" }, { "磊", "lei" }, { "军", "jun" }, { "洋", "yang" },
  { "勇", "yong" }, { "艳", "yan" }, { "杰", "jie" }, { "涛", "tao" }, { "明", "ming" },
  { "超", "chao" }, { "秀英", "xiuying" }, { "霞", "xia" }, { "平", "ping" }, { "刚", "gang" },
  { "晓东", "xiaodong" }, { "志强", "zhiqiang" }, { "海燕", "haiyan" }, { "建华", "jianhua" },
  { "子涵", "zihan" }, { "欣怡", "xinyi" }, { "浩然", "haoran" }, { "雨桐", "yutong" },
  { "思远", "siyuan" }, { "佳琪", "jiaqi" }, { "俊杰", "junjie" }, { "婷婷", "tingting" },
  { "文博", "wenbo" }, { "梓萱", "zixuan" }, { "宇航", "yuhang" }, { "丹", "dan" },
};

static const char * const en_first[] = {
  "James", "Emily", "David", "Sarah", "Michael", "Jessica", "Kevin", "Linda", "Daniel",
  "Grace", "Peter", "Amy", "Tom", "Helen", "Jason", "Olivia", "Eric", "Sophie", "Frank",
  "Chloe", "Leo", "Anna", "Jack", "Lucy", "Ryan", "Vivian", "Alex", "Cindy", "Simon", "Irene",
};

static const char * const en_last[] = {
  "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Wright", "Green",
  "Hall", "Turner", "Baker", "Müller", "Schmidt", "Tan", "Lim", "Ng", "Wong", "Chan",
  "Lee",
};

static const char * const zh_titles[] = {
  "总经理", "采购经理", "采购专员", "技术总监", "IT 经理", "财务经理", "行政主管", "运营总监",
  "销售总监", "董事长", "项目经理", "副总经理",
};

static const char * const en_titles[] = {
  "CEO", "Purchasing Manager", "Procurement Specialist", "CTO", "IT Manager",
  "Finance Manager", "Office Manager", "Operations Director", "Sales Director", "Owner",
  "Project Manager", "General Manager",
};

/* The first reps are a fixed, mixed team; later ones are composed. */
static const struct
{
  const char *name;
  const char *mail;
} reps[] = {
  { "张伟", "zhang.wei" }, { "Emily Chen", "emily.chen" }, { "李娜", "li.na" },
  { "David Wang", "david.wang" }, { "王芳", "wang.fang" }, { "Michael Liu", "michael.liu" },
  { "陈静", "chen.jing" }, { "Sarah Lin", "sarah.lin" }, { "刘洋", "liu.yang" },
  { "Kevin Zhao", "kevin.zhao" }, { "杨敏", "yang.min" }, { "Jessica Wu", "jessica.wu" },
};

#define REP_DOMAIN "@example.com"

static const char * const zh_products[] = {
  "服务器扩容", "年度维保续约", "ERP 系统实施", "办公设备采购", "仓储管理系统", "门店收银系统",
  "数据中心改造", "安防监控项目", "员工培训服务", "云服务年度订阅", "生产线自动化改造",
  "物流配送外包", "医疗设备采购", "网络设备升级", "营销推广服务", "CRM 系统采购",
};

static const char * const en_products[] = {
  "Server expansion", "Annual support renewal", "ERP rollout", "Office equipment",
  "Warehouse management system", "POS terminals", "Data centre refit", "Security cameras",
  "Staff training", "Cloud subscription", "Production line automation", "Delivery outsourcing",
  "Medical devices", "Network upgrade", "Marketing campaign", "CRM licences",
};

G_STATIC_ASSERT (G_N_ELEMENTS (zh_products) == G_N_ELEMENTS (en_products));

static const char * const zh_phases[] = { "", "", "", "（二期）", "（试点）", "（框架协议）" };
static const char * const en_phases[] = { "", "", "", " – phase 2", " – pilot", " – framework" };

static const char * const zh_company_notes[] = {
  "老客户，付款及时", "对价格比较敏感", "决策链较长，需要多次拜访", "年底有预算",
  "竞争对手也在接触", "合作伙伴推荐的客户", "需要开具增值税专用发票", "老板直接拍板",
};

static const char * const en_company_notes[] = {
  "Long-standing customer, pays on time", "Price-sensitive", "Long decision chain",
  "Budget opens at year end", "Also talking to a competitor", "Introduced by a partner",
  "Needs a VAT special invoice", "The owner decides himself",
};

/* Per SalesDemoNote, Chinese then English. */
static const char * const notes_zh[SALES_DEMO_N_NOTES][4] = {
  { "电话沟通需求，客户关注交付周期", "跟进报价反馈", "确认下次拜访时间", "客户说下周给答复" },
  { "上门拜访，见到采购负责人", "现场演示产品", "拜访技术部门，了解现有系统", NULL },
  { "方案评审会议", "与财务确认付款方式", "三方会议讨论实施计划", "商务谈判，讨论折扣" },
  { "发送报价单", "发送产品资料", "发送合同草稿", "邮件确认需求清单" },
  { "微信沟通，发送方案", "微信跟进，客户已读未回", "微信确认发票信息", NULL },
  { "客户预算可能下调", "关键人近期出差", "需要准备竞品对比", NULL },
  { "上门巡检，设备运行正常", "季度回访，客户满意", "处理售后问题，已解决", "培训客户新员工" },
  { "客户选择了报价更低的供应商", "预算被砍，项目暂停", "联系人离职，项目搁置",
    "交付周期无法满足" },
};

static const char * const notes_en[SALES_DEMO_N_NOTES][4] = {
  { "Call about requirements; delivery time matters most", "Followed up on the quote",
    "Agreed the next visit", "Customer will answer next week" },
  { "Visited, met the purchasing lead", "On-site product demo", "Met IT about current systems",
    NULL },
  { "Proposal review", "Agreed payment terms with finance", "Three-way meeting on the rollout",
    "Negotiated the discount" },
  { "Sent the quote", "Sent brochures", "Sent the draft contract", "Confirmed the needs list" },
  { "Sent the proposal on WeChat", "WeChat follow-up, read but no reply",
    "Confirmed invoice details on WeChat", NULL },
  { "Budget may be cut", "Decision maker travelling", "Prepare a competitor comparison", NULL },
  { "Service visit, all running well", "Quarterly check-in, customer happy",
    "Fixed an after-sales issue", "Trained new staff" },
  { "Went with a cheaper supplier", "Budget cut, project on hold", "Our contact left",
    "Could not meet the delivery date" },
};

void
sales_demo_text_clear (SalesDemoText *text)
{
  text->len = 0;
  text->str[0] = '\0';
}

void
sales_demo_text_append (SalesDemoText *text,
                        const char    *str)
{
  gsize n = strlen (str);

  g_assert (text->len + n < sizeof text->str);
  memcpy (text->str + text->len, str, n + 1);
  text->len += n;
}

void
sales_demo_text_digits (SalesDemoText *text,
                        guint64        value,
                        guint          width)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = (char)('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  while (n < width)
    digits[n++] = '0';

  g_assert (text->len + n < sizeof text->str);
  while (n > 0)
    text->str[text->len++] = digits[--n];
  text->str[text->len] = '\0';
}

/* Howard Hinnant's days_from_civil and civil_from_days. */
gint32
sales_demo_days_from_civil (int year,
                            int month,
                            int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
sales_demo_civil_from_days (gint32  days,
                            int    *year,
                            int    *month,
                            int    *day)
{
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

void
sales_demo_text_date (SalesDemoText *text,
                      gint32         days)
{
  int y, m, d;

  sales_demo_civil_from_days (days, &y, &m, &d);
  sales_demo_text_digits (text, (guint64)y, 4);
  sales_demo_text_append (text, "-");
  sales_demo_text_digits (text, (guint64)m, 2);
  sales_demo_text_append (text, "-");
  sales_demo_text_digits (text, (guint64)d, 2);
}

static void
append_random_digits (SalesDemoRng  *rng,
                      SalesDemoText *text,
                      guint          n)
{
  guint64 bound = 1;

  for (guint i = 0; i < n; i++)
    bound *= 10;
  sales_demo_text_digits (text, sales_demo_rng_next (rng) % bound, n);
}

guint
sales_demo_n_industries (void)
{
  return G_N_ELEMENTS (industries);
}

const char *
sales_demo_industry_label (guint industry)
{
  g_assert (industry < G_N_ELEMENTS (industries));

  return g_dpgettext2 (GETTEXT_PACKAGE, "industry", industries[industry].label);
}

guint
sales_demo_industry_pick (SalesDemoRng *rng)
{
  guint weights[G_N_ELEMENTS (industries)];

  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    weights[i] = industries[i].weight;
  return sales_demo_rng_weighted (rng, weights, G_N_ELEMENTS (industries));
}

/* The stable codes stored in customer.source (see sales-demo.h). */
const char *
sales_demo_source_pick (SalesDemoRng *rng)
{
  static const char * const codes[] = {
    "referral", "exhibition", "website", "cold_call", "wechat", "partner",
  };
  static const guint weights[] = { 24, 14, 20, 12, 20, 10 };

  G_STATIC_ASSERT (G_N_ELEMENTS (codes) == G_N_ELEMENTS (weights));
  return codes[sales_demo_rng_weighted (rng, weights, G_N_ELEMENTS (codes))];
}

void
sales_demo_company_pick (SalesDemoRng     *rng,
                         SalesDemoCompany *company)
{
  guint first, second;

  company->industry = (guint8)sales_demo_industry_pick (rng);
  company->extra = (guint8)sales_demo_rng_below (rng, 3);
  company->tld = (guint8)sales_demo_rng_below (rng, 4);

  if (sales_demo_rng_chance (rng, 700))
    {
      company->lang = SALES_DEMO_LANG_ZH;
      first = sales_demo_rng_below (rng, G_N_ELEMENTS (brand_syllables));
      second = sales_demo_rng_below (rng, G_N_ELEMENTS (brand_syllables) - 1);
      if (second >= first)
        second++;
      company->brand = (guint16)(first * G_N_ELEMENTS (brand_syllables) + second);
      company->place = (guint8)sales_demo_rng_below (rng, G_N_ELEMENTS (cities));
      company->style = (guint8)sales_demo_rng_below (rng, 6);
    }
  else
    {
      company->lang = SALES_DEMO_LANG_EN;
      company->brand = (guint16)sales_demo_rng_below (rng, G_N_ELEMENTS (en_words));
      company->place = (guint8)sales_demo_rng_below (rng, G_N_ELEMENTS (en_places));
      company->style = (guint8)(sales_demo_rng_below (rng, G_N_ELEMENTS (en_middles)) * 16 +
                                sales_demo_rng_below (rng, G_N_ELEMENTS (en_suffixes)));
    }
}

static void
append_brand (SalesDemoText *text,
              guint          brand,
              gboolean       pinyin)
{
  const Syllable *a = &brand_syllables[brand / G_N_ELEMENTS (brand_syllables)];
  const Syllable *b = &brand_syllables[brand % G_N_ELEMENTS (brand_syllables)];

  sales_demo_text_append (text, pinyin ? a->pinyin : a->hanzi);
  sales_demo_text_append (text, pinyin ? b->pinyin : b->hanzi);
}

/* 深圳市腾达电子有限公司, 华信科技股份有限公司, Northwind Global Traders Ltd. */
void
sales_demo_company_name (const SalesDemoCompany *company,
                         SalesDemoText          *text)
{
  const Industry *industry = &industries[company->industry];

  sales_demo_text_clear (text);

  if (company->lang == SALES_DEMO_LANG_ZH)
    {
      const City *city = &cities[company->place];
      static const char * const suffixes[] = {
        "有限公司", "有限公司", "股份有限公司", "有限公司", "集团", "",
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (suffixes) == 6);

      /* Half the names lead with the city, as registered names usually do. */
      if (company->style % 2 == 0)
        sales_demo_text_append (text, city->name);
      append_brand (text, company->brand, FALSE);
      sales_demo_text_append (text, industry->zh[company->extra]);
      sales_demo_text_append (text, suffixes[company->style]);
    }
  else
    {
      sales_demo_text_append (text, en_words[company->brand]);
      sales_demo_text_append (text, " ");
      sales_demo_text_append (text, en_middles[company->style / 16]);
      sales_demo_text_append (text, industry->en[company->extra]);
      sales_demo_text_append (text, en_suffixes[company->style % 16]);
    }
}

/* What a rep writes in a deal title: 腾达电子, Northwind. */
void
sales_demo_company_short (const SalesDemoCompany *company,
                          SalesDemoText          *text)
{
  sales_demo_text_clear (text);

  if (company->lang == SALES_DEMO_LANG_ZH)
    {
      append_brand (text, company->brand, FALSE);
      sales_demo_text_append (text, industries[company->industry].zh[company->extra]);
    }
  else
    sales_demo_text_append (text, en_words[company->brand]);
}

void
sales_demo_company_domain (const SalesDemoCompany *company,
                           SalesDemoText          *text)
{
  static const char * const zh_tlds[] = { ".com.cn", ".cn", ".com", ".com.cn" };
  static const char * const en_tlds[] = { ".com", ".com", ".net", ".co" };

  sales_demo_text_clear (text);

  if (company->lang == SALES_DEMO_LANG_ZH)
    {
      append_brand (text, company->brand, TRUE);
      sales_demo_text_append (text, industries[company->industry].domain);
      sales_demo_text_append (text, zh_tlds[company->tld]);
    }
  else
    {
      sales_demo_text_append (text, en_domains[company->brand]);
      sales_demo_text_append (text, industries[company->industry].domain);
      sales_demo_text_append (text, en_tlds[company->tld]);
    }
}

static void
append_mobile (SalesDemoRng  *rng,
               SalesDemoText *text)
{
  static const char * const prefixes[] = {
    "+86 138 ", "+86 139 ", "+86 136 ", "+86 137 ", "+86 135 ", "+86 158 ", "+86 186 ",
    "+86 189 ", "+86 177 ", "+86 150 ",
  };

  sales_demo_text_append (text, prefixes[sales_demo_rng_below (rng, G_N_ELEMENTS (prefixes))]);
  append_random_digits (rng, text, 4);
  sales_demo_text_append (text, " ");
  append_random_digits (rng, text, 4);
}

/* A switchboard line: 0755-86543210, +852 2345 6789. */
void
sales_demo_company_phone (SalesDemoRng           *rng,
                          const SalesDemoCompany *company,
                          SalesDemoText          *text)
{
  sales_demo_text_clear (text);

  if (company->lang == SALES_DEMO_LANG_ZH)
    {
      if (sales_demo_rng_chance (rng, 250))
        {
          append_mobile (rng, text);
          return;
        }
      sales_demo_text_append (text, cities[company->place].area_code);
      sales_demo_text_append (text, "-");
      sales_demo_text_digits (text, sales_demo_rng_range (rng, 2, 8), 1);
      append_random_digits (rng, text, 7);
    }
  else
    {
      const Place *place = &en_places[company->place];

      sales_demo_text_append (text, place->phone);
      append_random_digits (rng, text, place->phone_digits);
    }
}

void
sales_demo_company_email (SalesDemoRng           *rng,
                          const SalesDemoCompany *company,
                          SalesDemoText          *text)
{
  static const char * const mailboxes[] = { "info@", "sales@", "contact@", "service@", "office@" };
  SalesDemoText domain;

  sales_demo_company_domain (company, &domain);
  sales_demo_text_clear (text);
  sales_demo_text_append (text, mailboxes[sales_demo_rng_below (rng, G_N_ELEMENTS (mailboxes))]);
  sales_demo_text_append (text, domain.str);
}

/* 广东省深圳市南山区科技园路88号3栋12楼, 88 Robinson Road, Singapore 068914 */
void
sales_demo_company_address (SalesDemoRng           *rng,
                            const SalesDemoCompany *company,
                            SalesDemoText          *text)
{
  sales_demo_text_clear (text);

  if (company->lang == SALES_DEMO_LANG_ZH)
    {
      const City *city = &cities[company->place];

      sales_demo_text_append (text, city->province);
      sales_demo_text_append (text, city->name);
      sales_demo_text_append (text, city->districts[sales_demo_rng_below (rng, 3)]);
      sales_demo_text_append (text, zh_roads[sales_demo_rng_below (rng, G_N_ELEMENTS (zh_roads))]);
      sales_demo_text_digits (text, sales_demo_rng_range (rng, 1, 999), 0);
      sales_demo_text_append (text, "号");
      if (sales_demo_rng_chance (rng, 500))
        {
          sales_demo_text_digits (text, sales_demo_rng_range (rng, 1, 12), 0);
          sales_demo_text_append (text, "栋");
          sales_demo_text_digits (text, sales_demo_rng_range (rng, 1, 30), 0);
          sales_demo_text_append (text, "楼");
        }
    }
  else
    {
      const Place *place = &en_places[company->place];

      sales_demo_text_digits (text, sales_demo_rng_range (rng, 1, 299), 0);
      sales_demo_text_append (text, " ");
      sales_demo_text_append (text, place->roads[sales_demo_rng_below (rng, 3)]);
      sales_demo_text_append (text, ", ");
      sales_demo_text_append (text, place->area);
    }
}

const char *
sales_demo_company_note (SalesDemoRng           *rng,
                         const SalesDemoCompany *company)
{
  guint i;

  if (!sales_demo_rng_chance (rng, 300))
    return NULL;

  i = sales_demo_rng_below (rng, G_N_ELEMENTS (zh_company_notes));
  return company->lang == SALES_DEMO_LANG_ZH ? zh_company_notes[i] : en_company_notes[i];
}

static void
append_wechat (SalesDemoRng  *rng,
               SalesDemoText *text,
               const char    *pinyin)
{
  static const char alnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";

  sales_demo_text_clear (text);

  /* Most people keep the id WeChat gave them; others pick one from their name. */
  if (pinyin == NULL || sales_demo_rng_chance (rng, 550))
    {
      sales_demo_text_append (text, "wxid_");
      for (guint i = 0; i < 14; i++)
        text->str[text->len++] = alnum[sales_demo_rng_below (rng, sizeof alnum - 1)];
      text->str[text->len] = '\0';
    }
  else
    {
      sales_demo_text_append (text, pinyin);
      sales_demo_text_digits (text, sales_demo_rng_range (rng, 1, 9999), 0);
    }
}

void
sales_demo_contact_make (SalesDemoRng           *rng,
                         const SalesDemoCompany *company,
                         SalesDemoPerson        *person)
{
  SalesDemoText domain;
  SalesDemoText handle;
  gboolean chinese_name;
  guint title = sales_demo_rng_below (rng, G_N_ELEMENTS (zh_titles));
  const Syllable *surname = &surnames[sales_demo_rng_below (rng, G_N_ELEMENTS (surnames))];
  const Syllable *given = &given_names[sales_demo_rng_below (rng, G_N_ELEMENTS (given_names))];

  G_STATIC_ASSERT (G_N_ELEMENTS (zh_titles) == G_N_ELEMENTS (en_titles));

  sales_demo_company_domain (company, &domain);
  sales_demo_text_clear (&person->name);
  sales_demo_text_clear (&person->title);
  sales_demo_text_clear (&person->email);
  sales_demo_text_clear (&handle);

  /* Staff of English-named firms in China often go by "Kevin Zhang". */
  chinese_name = company->lang == SALES_DEMO_LANG_ZH;
  if (chinese_name)
    {
      sales_demo_text_append (&person->name, surname->hanzi);
      sales_demo_text_append (&person->name, given->hanzi);
      sales_demo_text_append (&person->title, zh_titles[title]);
      sales_demo_text_append (&handle, given->pinyin);
      sales_demo_text_append (&handle, ".");
      sales_demo_text_append (&handle, surname->pinyin);
    }
  else
    {
      const char *first = en_first[sales_demo_rng_below (rng, G_N_ELEMENTS (en_first))];
      char last[32];

      if (sales_demo_rng_chance (rng, 400))
        {
          g_strlcpy (last, surname->pinyin, sizeof last);
          last[0] = g_ascii_toupper (last[0]);
        }
      else
        g_strlcpy (last, en_last[sales_demo_rng_below (rng, G_N_ELEMENTS (en_last))],
                   sizeof last);

      sales_demo_text_append (&person->name, first);
      sales_demo_text_append (&person->name, " ");
      sales_demo_text_append (&person->name, last);
      sales_demo_text_append (&person->title, en_titles[title]);
      sales_demo_text_append (&handle, first);
      sales_demo_text_append (&handle, ".");
      /* Keep addresses ASCII: Müller writes mueller. */
      sales_demo_text_append (&handle, g_str_equal (last, "Müller") ? "mueller" : last);
      for (guint i = 0; i < handle.len; i++)
        handle.str[i] = g_ascii_tolower (handle.str[i]);
    }

  sales_demo_text_append (&person->email, handle.str);
  sales_demo_text_append (&person->email, "@");
  sales_demo_text_append (&person->email, domain.str);

  sales_demo_text_clear (&person->phone);
  if (chinese_name || company->place == 2 || company->place == 3 || company->place == 4)
    append_mobile (rng, &person->phone);
  else
    {
      const Place *place = &en_places[company->place];

      sales_demo_text_append (&person->phone, place->phone);
      append_random_digits (rng, &person->phone, place->phone_digits);
    }

  person->has_wechat = sales_demo_rng_chance (rng, chinese_name ? 750 : 250);
  if (person->has_wechat)
    append_wechat (rng, &person->wechat, chinese_name ? given->pinyin : NULL);
}

/* Reps do not depend on the seed: index i is the same person in every run,
 * which is how a second run finds the reps of the first (by e-mail). */
void
sales_demo_rep_make (guint          index,
                     SalesDemoText *name,
                     SalesDemoText *email)
{
  sales_demo_text_clear (name);
  sales_demo_text_clear (email);

  if (index < G_N_ELEMENTS (reps))
    {
      sales_demo_text_append (name, reps[index].name);
      sales_demo_text_append (email, reps[index].mail);
    }
  else
    {
      const Syllable *surname = &surnames[(index * 7) % G_N_ELEMENTS (surnames)];
      const Syllable *given = &given_names[(index * 11) % G_N_ELEMENTS (given_names)];

      sales_demo_text_append (name, surname->hanzi);
      sales_demo_text_append (name, given->hanzi);
      sales_demo_text_append (email, surname->pinyin);
      sales_demo_text_append (email, ".");
      sales_demo_text_append (email, given->pinyin);
      sales_demo_text_digits (email, index, 0);
    }
  sales_demo_text_append (email, REP_DOMAIN);
}

/* 腾达电子 - 服务器扩容（二期）, Northwind - ERP rollout */
void
sales_demo_deal_title (SalesDemoRng           *rng,
                       const SalesDemoCompany *company,
                       SalesDemoText          *text)
{
  guint product = sales_demo_rng_below (rng, G_N_ELEMENTS (zh_products));
  guint phase = sales_demo_rng_below (rng, G_N_ELEMENTS (zh_phases));
  gboolean zh = company->lang == SALES_DEMO_LANG_ZH;

  G_STATIC_ASSERT (G_N_ELEMENTS (zh_phases) == G_N_ELEMENTS (en_phases));

  sales_demo_company_short (company, text);
  sales_demo_text_append (text, " - ");
  sales_demo_text_append (text, zh ? zh_products[product] : en_products[product]);
  sales_demo_text_append (text, zh ? zh_phases[phase] : en_phases[phase]);
}

const char *
sales_demo_note_kind (SalesDemoNote note)
{
  static const char * const kinds[] = {
    "call", "visit", "meeting", "email", "message", "note", "service",
  };

  g_assert (note < G_N_ELEMENTS (kinds));
  return kinds[note];
}

const char *
sales_demo_note_pick (SalesDemoRng  *rng,
                      SalesDemoLang  lang,
                      SalesDemoNote  note)
{
  const char * const *pool = lang == SALES_DEMO_LANG_ZH ? notes_zh[note] : notes_en[note];

  return pool[sales_demo_rng_below (rng, 4)];
}

/* The codes stored in payment.method (see sales-demo.h). */
const char *
sales_demo_payment_method (SalesDemoRng *rng)
{
  static const char * const methods[] = {
    "bank_transfer", "bank_transfer", "bank_transfer", "alipay", "wechat_pay", "cheque",
  };

  return methods[sales_demo_rng_below (rng, G_N_ELEMENTS (methods))];
}
