/* sales-import-values.c: cells of an imported sheet as amounts, dates and fields
 *
 * Cells are compared after NFKC normalisation, which turns full-width
 * digits, letters and punctuation (１２３，４５６．７８, ￥, （）) into
 * their ASCII forms, so one parser reads what a Chinese input method types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-import-values.h"

/* Excel's last day, 9999-12-31. */
#define MAX_SERIAL 2958465

static char *
normalize (const char *text)
{
  g_autofree char *nfkc = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (nfkc));
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
strip_prefix (char       **p,
              const char  *prefix)
{
  gsize n = strlen (prefix);

  if (g_ascii_strncasecmp (*p, prefix, n) != 0)
    return FALSE;

  *p += n;
  return TRUE;
}

static gboolean
strip_suffix (char       *text,
              const char *suffix)
{
  gsize n = strlen (text), m = strlen (suffix);

  if (n < m || g_ascii_strcasecmp (text + n - m, suffix) != 0)
    return FALSE;

  text[n - m] = '\0';
  return TRUE;
}

/**
 * sales_import_parse_amount:
 * @cents: (out): the amount in minor units, rounded half away from zero
 *
 * Reads "12,345.60", "¥12,345.6", "１２３４５", "12345元", "1.5万",
 * "-300", "(300)" and "RMB 300". Empty text is not an amount.
 */
gboolean
sales_import_parse_amount (const char *text,
                           gint64     *cents)
{
  g_autofree char *owned = normalize (text);
  char *p = owned;
  gboolean negative = FALSE;
  gint64 whole = 0, fraction = 0;
  int fraction_digits = 0, digits = 0;
  gint64 multiplier = 1;
  gsize n;

  g_return_val_if_fail (cents != NULL, FALSE);

  n = strlen (p);
  if (n >= 2 && p[0] == '(' && p[n - 1] == ')')
    {
      negative = TRUE;
      p[n - 1] = '\0';
      p++;
    }
  if (*p == '-')
    negative = !negative, p++;

  while (strip_prefix (&p, "¥") || strip_prefix (&p, "RMB") || strip_prefix (&p, "CNY") ||
         strip_prefix (&p, "$"))
    ;
  if (*p == '-' && !negative)
    negative = TRUE, p++;

  while (strip_suffix (p, "元") || strip_suffix (p, "RMB") || strip_suffix (p, "CNY") ||
         strip_suffix (p, "人民币"))
    ;
  if (strip_suffix (p, "万"))
    multiplier = 10000;

  if (!g_ascii_isdigit (*p) && !(*p == '.' && g_ascii_isdigit (p[1])))
    return FALSE;

  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        continue;
      if (!g_ascii_isdigit (*p) || ++digits > 13)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }

  if (*p == '.')
    {
      for (p++; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          /* Past the ninth digit nothing changes the cents of a sane amount. */
          if (fraction_digits < 9)
            {
              fraction = fraction * 10 + (*p - '0');
              fraction_digits++;
            }
        }
    }

  /* 万 times 13 digits would not fit in 64 bits. */
  if (multiplier > 1 && digits > 9)
    return FALSE;

  /* The fraction in units of 1e-9, times the multiplier, rounded to cents. */
  for (int i = fraction_digits; i < 9; i++)
    fraction *= 10;
  *cents = whole * multiplier * 100 + (fraction * multiplier + 5000000) / 10000000;

  if (negative)
    *cents = -*cents;
  return TRUE;
}

static gboolean
read_number (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  return n >= min_digits && !g_ascii_isdigit (**p);
}

static gboolean
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* The day of an Excel serial number in the 1900 date system, which counts
 * 1900-02-29 (serial 60) as Lotus 1-2-3 did. */
static gboolean
set_serial (GDate      *date,
            const char *text)
{
  guint64 serial = 0;
  g_autofree char *whole = g_strdup (text);
  char *dot = strchr (whole, '.');

  if (dot != NULL)
    {
      for (const char *p = dot + 1; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
        }
      *dot = '\0';
    }

  if (!g_ascii_string_to_unsigned (whole, 10, 1, MAX_SERIAL, &serial, NULL) || serial == 60)
    return FALSE;

  g_date_set_dmy (date, 31, 12, 1899);
  g_date_add_days (date, (guint)(serial < 60 ? serial : serial - 1));
  return TRUE;
}

/**
 * sales_import_parse_date:
 * @date: (out caller-allocates): the day
 *
 * Reads 2026-10-05, 2026/10/5, 2026.10.5, 2026年10月5日, 20261005 and Excel
 * serial numbers (46300 is 2026-10-05); a time after the day is ignored.
 */
gboolean
sales_import_parse_date (const char *text,
                         GDate      *date)
{
  g_autofree char *day_part = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *owned = NULL;
  const char *p;
  int year, month, day;
  gsize n;

  g_return_val_if_fail (date != NULL, FALSE);

  /* A time of day ("2026/10/5 9:30") is no part of the day. */
  day_part[strcspn (day_part, " \t")] = '\0';
  owned = normalize (day_part);
  p = owned;
  n = strlen (owned);

  if (n == 0)
    return FALSE;

  if (n == 8 && read_number (&p, 8, 8, &year) && *p == '\0')
    return set_date (date, year / 10000, year / 100 % 100, year % 100);

  p = owned;
  if (read_number (&p, 4, 4, &year))
    {
      const char *sep = p;

      if (strip_prefix ((char **)&p, "年") || *p == '-' || *p == '/' || *p == '.')
        {
          if (p == sep)
            p++;
          sep = p;
          if (!read_number (&p, 1, 2, &month))
            return FALSE;
          if (!strip_prefix ((char **)&p, "月"))
            {
              if (*p != *(sep - 1))
                return FALSE;
              p++;
            }
          if (!read_number (&p, 1, 2, &day))
            return FALSE;
          if (!strip_prefix ((char **)&p, "日"))
            strip_prefix ((char **)&p, "号");
          if (*p != '\0' && *p != 'T')
            return FALSE;
          return set_date (date, year, month, day);
        }
    }

  return set_serial (date, owned);
}

/* "A", "A类", "A级", "a" */
gboolean
sales_import_parse_tier (const char *text,
                         SalesTier  *tier)
{
  g_autofree char *owned = normalize (text);
  char *p = owned;
  char letter;

  if (*p == '\0')
    return FALSE;

  letter = g_ascii_toupper (*p);
  p++;
  if (*p != '\0' && !g_str_equal (p, "类") && !g_str_equal (p, "级") &&
      !g_str_equal (p, "類") && !g_str_equal (p, "級"))
    return FALSE;

  switch (letter)
    {
    case 'A':
      *tier = SALES_TIER_A;
      return TRUE;
    case 'B':
      *tier = SALES_TIER_B;
      return TRUE;
    case 'C':
      *tier = SALES_TIER_C;
      return TRUE;
    default:
      return FALSE;
    }
}

typedef struct
{
  const char *code;
  const char *names;   /* |-separated, compared after normalize() and case folding */
} SourceNames;

static const SourceNames source_names[] = {
  { "referral", "referral|转介绍|介绍|推荐|客户推荐|轉介紹|推薦" },
  { "exhibition", "exhibition|tradeshow|展会|展會|会展" },
  { "website", "website|web|官网|网站|網站|官網|网络|網路" },
  { "cold_call", "cold_call|coldcall|电话|陌拜|陌生拜访|电销|電話|電銷" },
  { "wechat", "wechat|微信" },
  { "partner", "partner|合作伙伴|渠道|代理商|合作夥伴|通路" },
};

/**
 * sales_import_source_code:
 *
 * Returns: (nullable): the customer.source code of a source's name in
 *   English or Chinese, or %NULL when it is no known one (then the text is
 *   kept as the user wrote it)
 */
const char *
sales_import_source_code (const char *text)
{
  g_autofree char *owned = normalize (text);
  g_autofree char *folded = g_utf8_casefold (owned, -1);

  for (guint i = 0; i < G_N_ELEMENTS (source_names); i++)
    {
      g_auto(GStrv) names = g_strsplit (source_names[i].names, "|", -1);

      if (g_strv_contains ((const char *const *)names, folded))
        return source_names[i].code;
    }

  return NULL;
}

/**
 * sales_import_unneutralize:
 *
 * Takes away the apostrophe that sales_export_neutralize() puts before a
 * cell starting with = + - @ tab or CR, so that what was exported comes
 * back as it was. Only that one apostrophe: "'abc" and "''=x" keep theirs.
 */
void
sales_import_unneutralize (char *text)
{
  g_return_if_fail (text != NULL);

  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    memmove (text, text + 1, strlen (text));
}

/* Headers */

typedef struct
{
  SalesImportField field;
  SalesImportKind  only;     /* -1: both kinds */
  const char      *headers;  /* |-separated, as header_key() leaves them */
} FieldHeaders;

#define BOTH ((SalesImportKind)-1)

/* First match wins: the kind-specific meaning of a word comes before the general one. */
static const FieldHeaders field_headers[] = {
  { SALES_IMPORT_FIELD_DEAL_TITLE, SALES_IMPORT_DEALS,
    "title|deal|dealname|dealtitle|opportunity|name|名称|商机|商机名称|商机标题|项目|项目名称|"
    "标题|機會|商機|商機名稱|專案|專案名稱|項目|項目名稱|名稱|標題" },
  { SALES_IMPORT_FIELD_CUSTOMER_NAME, BOTH,
    "customer|customername|company|companyname|account|accountname|name|客户|客户名称|"
    "客户名|公司|公司名称|企业名称|单位|单位名称|名称|客戶|客戶名稱|客戶名|公司名稱|企業名稱|"
    "單位|單位名稱|名稱" },
  { SALES_IMPORT_FIELD_INDUSTRY, BOTH, "industry|sector|行业|所属行业|行業|所屬行業|產業|所屬產業" },
  { SALES_IMPORT_FIELD_TIER, BOTH,
    "tier|level|grade|客户等级|等级|客户级别|级别|分级|客戶等級|等級|級別|分級" },
  { SALES_IMPORT_FIELD_SOURCE, BOTH,
    "source|leadsource|来源|客户来源|線索來源|来源渠道|來源|客戶來源|线索来源" },
  { SALES_IMPORT_FIELD_OWNER, BOTH,
    "owner|rep|salesrep|salesperson|负责人|销售|销售员|业务员|跟进人|归属人|所属销售|"
    "負責人|銷售|銷售員|業務員|跟進人|業務" },
  { SALES_IMPORT_FIELD_CONTACT_NAME, BOTH,
    "contact|contactname|contactperson|联系人|联系人姓名|姓名|聯絡人|聯繫人|聯絡人姓名" },
  { SALES_IMPORT_FIELD_CONTACT_TITLE, BOTH,
    "title|jobtitle|position|职务|职位|联系人职务|職務|職位|職稱" },
  { SALES_IMPORT_FIELD_CONTACT_PHONE, BOTH,
    "contactphone|mobile|cellphone|手机|手机号|手机号码|联系人电话|联系人手机|手機|手機號碼|"
    "聯絡人電話|聯絡人手機" },
  { SALES_IMPORT_FIELD_CONTACT_EMAIL, BOTH,
    "contactemail|联系人邮箱|联系人邮件|聯絡人信箱|聯絡人郵箱" },
  { SALES_IMPORT_FIELD_CONTACT_WECHAT, BOTH, "wechat|weixin|微信|微信号|微信號" },
  { SALES_IMPORT_FIELD_PHONE, BOTH,
    "phone|telephone|tel|phonenumber|电话|电话号码|固话|公司电话|座机|電話|電話號碼|市話" },
  { SALES_IMPORT_FIELD_EMAIL, BOTH,
    "email|e-mail|mail|emailaddress|邮箱|电子邮箱|邮件|电子邮件|信箱|郵箱|電子郵件|電子信箱" },
  { SALES_IMPORT_FIELD_ADDRESS, BOTH, "address|地址|公司地址|详细地址|詳細地址" },
  { SALES_IMPORT_FIELD_NOTES, BOTH, "notes|note|remarks|comment|comments|备注|說明|说明|備註" },
  { SALES_IMPORT_FIELD_STAGE, SALES_IMPORT_DEALS,
    "stage|status|阶段|商机阶段|销售阶段|状态|階段|商機階段|銷售階段|狀態" },
  { SALES_IMPORT_FIELD_AMOUNT, SALES_IMPORT_DEALS,
    "amount|value|dealvalue|金额|商机金额|预计金额|合同金额|金額|商機金額|預計金額" },
  { SALES_IMPORT_FIELD_CURRENCY, SALES_IMPORT_DEALS, "currency|币种|货币|幣別|貨幣" },
  { SALES_IMPORT_FIELD_EXPECTED_CLOSE, SALES_IMPORT_DEALS,
    "expectedclose|closedate|expectedclosedate|预计成交日期|预计成交|成交日期|预计签单日期|"
    "預計成交日期|預計成交|成交日期" },
  { SALES_IMPORT_FIELD_FOLLOWUP_NOTE, BOTH,
    "followup|followupnote|lastfollowup|跟进|跟进记录|跟进内容|最近跟进|跟進|跟進記錄|跟進內容" },
  { SALES_IMPORT_FIELD_FOLLOWUP_DATE, BOTH,
    "followupdate|lastcontact|跟进日期|跟进时间|最近跟进时间|跟進日期|跟進時間" },
  { SALES_IMPORT_FIELD_LOST_REASON, SALES_IMPORT_DEALS,
    "lostreason|reasonlost|输单原因|丢单原因|失败原因|輸單原因|丟單原因|失敗原因" },
  { SALES_IMPORT_FIELD_LOST_NOTE, SALES_IMPORT_DEALS,
    "lostnote|输单说明|丢单说明|輸單說明|丟單說明" },
};

/* Lower case, no spaces, "_", "-", "*", ":" or "(unit)": "客户名称*", "金额（元）",
 * "Customer Name" and "customer_name" are the same header. */
static char *
header_key (const char *header)
{
  g_autofree char *owned = normalize (header);
  g_autofree char *folded = g_utf8_casefold (owned, -1);
  GString *key = g_string_new (NULL);
  int depth = 0;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '(' || *p == '[')
        depth++;
      else if ((*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (depth == 0 && strchr ("_-*:.#/", *p) == NULL)
        g_string_append_c (key, *p);
    }

  return g_string_free (key, FALSE);
}

gboolean
sales_import_field_applies (SalesImportKind  kind,
                            SalesImportField field)
{
  switch (field)
    {
    case SALES_IMPORT_FIELD_DEAL_TITLE:
    case SALES_IMPORT_FIELD_STAGE:
    case SALES_IMPORT_FIELD_AMOUNT:
    case SALES_IMPORT_FIELD_CURRENCY:
    case SALES_IMPORT_FIELD_EXPECTED_CLOSE:
    case SALES_IMPORT_FIELD_LOST_REASON:
    case SALES_IMPORT_FIELD_LOST_NOTE:
      return kind == SALES_IMPORT_DEALS;
    case SALES_IMPORT_FIELD_NONE:
      return FALSE;
    default:
      return field < SALES_IMPORT_N_FIELDS;
    }
}

SalesImportField
sales_import_field_for_header (SalesImportKind  kind,
                               const char      *header)
{
  g_autofree char *key = header_key (header);

  if (*key == '\0')
    return SALES_IMPORT_FIELD_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (field_headers); i++)
    {
      g_auto(GStrv) names = NULL;

      if (field_headers[i].only != BOTH && field_headers[i].only != kind)
        continue;

      names = g_strsplit (field_headers[i].headers, "|", -1);
      if (g_strv_contains ((const char *const *)names, key))
        return field_headers[i].field;
    }

  return SALES_IMPORT_FIELD_NONE;
}

/**
 * sales_import_map_headers:
 * @fields: (out caller-allocates) (array length=n_headers): the field of each column
 *
 * Each field goes to the first column whose header names it; later columns
 * with the same meaning are left unmapped.
 */
void
sales_import_map_headers (SalesImportKind    kind,
                          const char *const *headers,
                          guint              n_headers,
                          SalesImportField  *fields)
{
  gboolean taken[SALES_IMPORT_N_FIELDS] = { FALSE };

  for (guint i = 0; i < n_headers; i++)
    {
      SalesImportField field = sales_import_field_for_header (kind, headers[i]);

      if (field != SALES_IMPORT_FIELD_NONE && taken[field])
        field = SALES_IMPORT_FIELD_NONE;
      taken[field] = TRUE;
      fields[i] = field;
    }
}

const char *
sales_import_field_describe (SalesImportField field)
{
  switch (field)
    {
    case SALES_IMPORT_FIELD_NONE:
      return C_("import column", "Do not import");
    case SALES_IMPORT_FIELD_CUSTOMER_NAME:
      return C_("import column", "Customer name");
    case SALES_IMPORT_FIELD_INDUSTRY:
      return C_("import column", "Industry");
    case SALES_IMPORT_FIELD_TIER:
      return C_("import column", "Tier");
    case SALES_IMPORT_FIELD_SOURCE:
      return C_("import column", "Source");
    case SALES_IMPORT_FIELD_OWNER:
      return C_("import column", "Owner");
    case SALES_IMPORT_FIELD_PHONE:
      return C_("import column", "Phone");
    case SALES_IMPORT_FIELD_EMAIL:
      return C_("import column", "Email");
    case SALES_IMPORT_FIELD_ADDRESS:
      return C_("import column", "Address");
    case SALES_IMPORT_FIELD_NOTES:
      return C_("import column", "Notes");
    case SALES_IMPORT_FIELD_CONTACT_NAME:
      return C_("import column", "Contact name");
    case SALES_IMPORT_FIELD_CONTACT_TITLE:
      return C_("import column", "Contact title");
    case SALES_IMPORT_FIELD_CONTACT_PHONE:
      return C_("import column", "Contact phone");
    case SALES_IMPORT_FIELD_CONTACT_EMAIL:
      return C_("import column", "Contact email");
    case SALES_IMPORT_FIELD_CONTACT_WECHAT:
      return C_("import column", "Contact WeChat");
    case SALES_IMPORT_FIELD_DEAL_TITLE:
      return C_("import column", "Deal title");
    case SALES_IMPORT_FIELD_STAGE:
      return C_("import column", "Stage");
    case SALES_IMPORT_FIELD_AMOUNT:
      return C_("import column", "Amount");
    case SALES_IMPORT_FIELD_CURRENCY:
      return C_("import column", "Currency");
    case SALES_IMPORT_FIELD_EXPECTED_CLOSE:
      return C_("import column", "Expected close");
    case SALES_IMPORT_FIELD_FOLLOWUP_NOTE:
      return C_("import column", "Follow-up note");
    case SALES_IMPORT_FIELD_FOLLOWUP_DATE:
      return C_("import column", "Follow-up date");
    case SALES_IMPORT_FIELD_LOST_REASON:
      return C_("import column", "Lost reason");
    case SALES_IMPORT_FIELD_LOST_NOTE:
      return C_("import column", "Lost note");
    default:
      g_return_val_if_reached ("");
    }
}
