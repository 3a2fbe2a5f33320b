/* sales-money.c: amounts in minor units, as people read and type them
 *
 * Amounts are integer cents everywhere; this is the one place that turns them into text
 * and back, so that a card, a column total and an editor agree to the cent. Digits are
 * grouped by thousands with a comma and the decimals are left out when they are zero,
 * which is how amounts are written in both English and Chinese business documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sales-db.h"
#include "sales-money.h"

static const struct {
  const char *code;
  const char *symbol;
} symbols[] = {
  { "CNY", "¥" },
  { "HKD", "HK$" },
  { "TWD", "NT$" },
  { "USD", "$" },
  { "EUR", "€" },
  { "GBP", "£" },
  { "JPY", "¥" },
  { "SGD", "S$" },
};

static const char *
symbol_for (const char *currency)
{
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      if (g_strcmp0 (symbols[i].code, currency) == 0)
        return symbols[i].symbol;
    }

  return NULL;
}

static void
append_grouped (GString *out,
                guint64  units)
{
  char digits[32];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, units);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

/**
 * sales_money_format_plain:
 *
 * Returns: (transfer full): @cents as "1,234.50", or "1,234" for whole amounts
 */
char *
sales_money_format_plain (gint64 cents)
{
  GString *out = g_string_new (NULL);
  /* Negating G_MININT64 would overflow; unsigned arithmetic does not. */
  guint64 magnitude = cents < 0 ? -(guint64)cents : (guint64)cents;

  if (cents < 0)
    g_string_append_c (out, '-');

  append_grouped (out, magnitude / 100);
  if (magnitude % 100 != 0)
    g_string_append_printf (out, ".%02u", (guint)(magnitude % 100));

  return g_string_free (out, FALSE);
}

/**
 * sales_money_format:
 * @currency: (nullable): an ISO 4217 code; its symbol is put in front when it has a
 *   well-known one, the code after the amount otherwise
 *
 * Returns: (transfer full): @cents as "¥1,234.50"
 */
char *
sales_money_format (gint64      cents,
                    const char *currency)
{
  g_autofree char *plain = sales_money_format_plain (cents < 0 ? -cents : cents);
  const char *symbol = symbol_for (currency);

  if (symbol != NULL)
    return g_strdup_printf ("%s%s%s", cents < 0 ? "-" : "", symbol, plain);
  if (currency != NULL && *currency != '\0')
    return g_strdup_printf ("%s%s %s", cents < 0 ? "-" : "", plain, currency);

  return g_strdup_printf ("%s%s", cents < 0 ? "-" : "", plain);
}

static const char *
translate_gettext (const char *context,
                   const char *msgid,
                   gpointer    user_data)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
}

static const char *
translate_format (SalesTranslateFunc  translate,
                  gpointer            user_data,
                  const char         *format) G_GNUC_FORMAT (3);

static const char *
translate_format (SalesTranslateFunc  translate,
                  gpointer            user_data,
                  const char         *format)
{
  return translate ("compact amount", format, user_data);
}

/* @number in unit @unit (0: the first above the ones) of the grouping by three or four. */
static char *
format_unit (SalesTranslateFunc  translate,
             gpointer            data,
             gboolean            by_four,
             int                 unit,
             const char         *number)
{
  if (by_four)
    /* Translators: amounts on a chart's axis in units of 10 000 (万) and 100 000 000 (亿);
     * only used when the grouping of "compact amount" is "4" */
    return unit == 0
           ? g_strdup_printf (translate_format (translate, data, NC_("compact amount", "%s×10⁴")),
                              number)
           : g_strdup_printf (translate_format (translate, data, NC_("compact amount", "%s×10⁸")),
                              number);

  switch (unit)
    {
    case 0:
      /* Translators: an amount in thousands on a chart's axis, such as "250K" */
      return g_strdup_printf (translate_format (translate, data, NC_("compact amount", "%sK")),
                              number);
    case 1:
      /* Translators: an amount in millions on a chart's axis, such as "1.5M" */
      return g_strdup_printf (translate_format (translate, data, NC_("compact amount", "%sM")),
                              number);
    default:
      /* Translators: an amount in billions on a chart's axis, such as "2B" */
      return g_strdup_printf (translate_format (translate, data, NC_("compact amount", "%sB")),
                              number);
    }
}

/**
 * sales_money_format_compact:
 * @currency: (nullable): as for sales_money_format()
 *
 * For the labels of a chart's axis, where a whole amount does not fit: thousands and
 * millions in English ("¥250K", "¥1.5M"), ten-thousands (万) and hundred-millions (亿) in
 * Chinese ("¥25万", "¥1.5亿"), as the translation chooses. Below the first unit the amount
 * is written in whole units.
 *
 * Returns: (transfer full): the short amount
 */
char *
sales_money_format_compact (gint64      cents,
                            const char *currency)
{
  return sales_money_format_compact_full (cents, currency, translate_gettext, NULL);
}

/**
 * sales_money_format_compact_full:
 * @translate: gives the translation of the unit's words, for a document in a language other
 *   than the user interface's
 *
 * Returns: (transfer full): the short amount, as sales_money_format_compact()
 */
char *
sales_money_format_compact_full (gint64              cents,
                                 const char         *currency,
                                 SalesTranslateFunc  translate,
                                 gpointer            user_data)
{
  /* Translators: how many digits a unit of large amounts spans on a chart's axis: "3" for
   * thousand, million, billion; "4" for 万 and 亿. Any other text counts as "3". */
  gboolean by_four = g_str_equal (translate ("compact amount", NC_("compact amount", "3"),
                                             user_data), "4");
  int n_units = by_four ? 2 : 3;
  double base = by_four ? 1e4 : 1e3;
  double whole = (cents < 0 ? -(double)cents : (double)cents) / 100;
  double scale = 1;
  int unit = -1;
  g_autofree char *amount = NULL;
  const char *symbol = symbol_for (currency);

  g_return_val_if_fail (translate != NULL, NULL);

  while (unit + 1 < n_units && whole >= scale * base)
    {
      scale *= base;
      unit++;
    }

  if (unit < 0)
    {
      amount = sales_money_format_plain ((cents < 0 ? -cents : cents) / 100 * 100);
    }
  else
    {
      double value = whole / scale;
      g_autofree char *number = NULL;

      /* One decimal while it says something ("1.5M"), none from 10 up ("15M"). */
      if (value < 10 && fabs (value - round (value)) >= 0.05)
        number = g_strdup_printf ("%.1f", value);
      else
        number = g_strdup_printf ("%.0f", value);
      amount = format_unit (translate, user_data, by_four, unit, number);
    }

  if (symbol != NULL)
    return g_strdup_printf ("%s%s%s", cents < 0 ? "-" : "", symbol, amount);
  if (currency != NULL && *currency != '\0')
    return g_strdup_printf ("%s%s %s", cents < 0 ? "-" : "", amount, currency);

  return g_strdup_printf ("%s%s", cents < 0 ? "-" : "", amount);
}

/* Full-width digits and punctuation are what a Chinese input method types. */
static gunichar
normalize_char (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF19)
    return '0' + (c - 0xFF10);
  if (c == 0xFF0E || c == 0x3002)
    return '.';
  if (c == 0xFF0C)
    return ',';

  return c;
}

/**
 * sales_money_parse:
 *
 * Reads an amount as a person types it: "1200", "1,200.5", "¥1200.50", "１２００". It
 * must not be negative and may have at most two decimals.
 *
 * Returns: %TRUE with @cents set, or %FALSE with @error (SALES_DB_ERROR_INVALID) saying
 *   what is wrong in words meant for the person who typed it
 */
gboolean
sales_money_parse (const char  *text,
                   gint64      *cents,
                   GError     **error)
{
  guint64 units = 0;
  guint decimals = 0;
  guint fraction = 0;
  gboolean seen_point = FALSE;
  gboolean seen_digit = FALSE;
  gboolean seen_suffix = FALSE;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    goto invalid;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = normalize_char (g_utf8_get_char (p));

      if (g_unichar_isspace (c))
        continue;

      if (seen_suffix && !g_unichar_isalpha (c))
        goto invalid;

      if (c == ',')
        continue;

      if (c == '-')
        {
          g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                               _("The amount cannot be negative"));
          return FALSE;
        }

      if (c == '.')
        {
          if (seen_point)
            goto invalid;
          seen_point = TRUE;
          continue;
        }

      if (c >= '0' && c <= '9')
        {
          seen_digit = TRUE;
          if (seen_point)
            {
              if (++decimals > 2)
                {
                  g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                                       _("An amount has at most two decimals"));
                  return FALSE;
                }
              fraction = fraction * 10 + (c - '0');
            }
          else
            {
              /* Whole units times 100 must still fit in a gint64. */
              if (units > (G_MAXINT64 / 100 - 9) / 10)
                {
                  g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                                       _("The amount is too large"));
                  return FALSE;
                }
              units = units * 10 + (c - '0');
            }
          continue;
        }

      /* A currency symbol in front, or a code after the number, is allowed. */
      if (!seen_digit && !seen_point && !g_unichar_isalnum (c))
        continue;
      if (seen_digit && g_unichar_isalpha (c) && c < 0x80)
        {
          seen_suffix = TRUE;
          continue;
        }

      goto invalid;
    }

  if (!seen_digit)
    goto invalid;

  if (decimals == 1)
    fraction *= 10;

  *cents = (gint64)units * 100 + fraction;
  return TRUE;

invalid:
  g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                       _("Enter an amount such as 1200 or 1200.50"));
  return FALSE;
}
