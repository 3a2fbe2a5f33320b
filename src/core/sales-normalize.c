/* sales-normalize.c: the forms of names, phones and emails that are compared
 *
 * Two records are the same customer to a person when they differ only in how
 * a number or a name was typed: "+86 138-0013-8000" and "13800138000",
 * "ＡＣＭＥ Co., Ltd." and "acme". These functions map each to one form; the
 * duplicate check and the search index compare those forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sales-normalize.h"

/* Fewer digits than this are an extension or a typo, not a number that
 * identifies a customer. */
#define MIN_PHONE_DIGITS 5

/**
 * sales_normalize_phone:
 * @phone: (nullable): a phone number as typed
 *
 * Keeps the digits (full-width ones too) and drops a +86 / 0086 country
 * prefix, so that the ways people write one Chinese number compare equal.
 *
 * Returns: (transfer full) (nullable): the digits, or %NULL when there are too
 *   few to identify anyone
 */
char *
sales_normalize_phone (const char *phone)
{
  g_autoptr(GString) digits = NULL;
  gboolean plus = FALSE;
  const char *p;

  if (phone == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = g_unichar_digit_value (c);

      if (value >= 0)
        g_string_append_c (digits, (char)('0' + value));
      else if ((c == '+' || c == 0xFF0B) && digits->len == 0)
        plus = TRUE;
    }

  if (plus && g_str_has_prefix (digits->str, "86"))
    g_string_erase (digits, 0, 2);
  else if (g_str_has_prefix (digits->str, "0086"))
    g_string_erase (digits, 0, 4);
  /* An 11-digit mobile number written with the country code but no "+". */
  else if (digits->len == 13 && g_str_has_prefix (digits->str, "861"))
    g_string_erase (digits, 0, 2);

  if (digits->len < MIN_PHONE_DIGITS)
    return NULL;

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * sales_normalize_email:
 * @email: (nullable): an email address as typed
 *
 * Returns: (transfer full) (nullable): the address trimmed and in lower case
 *   (full-width forms folded), or %NULL when it is not an address
 */
char *
sales_normalize_email (const char *email)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;

  if (email == NULL)
    return NULL;

  folded = g_utf8_normalize (email, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return NULL;

  g_strstrip (folded);
  if (strchr (folded, '@') == NULL || folded[0] == '@')
    return NULL;

  lower = g_utf8_strdown (folded, -1);
  return g_steal_pointer (&lower);
}

/* Legal forms in Latin script, dropped as trailing whole words only: as
 * letters "co" and "inc" end unrelated names (Costco, Zinc). */
static const char * const latin_suffixes[] = {
  "co", "company", "corp", "corporation", "gmbh", "inc", "incorporated", "limited", "llc",
  "ltd",
};

/* Chinese names have no word breaks; these are long or distinctive enough to
 * drop from the end of the name. Longest first, so that 股份有限公司 goes
 * before 有限公司 can match inside it. */
static const char * const cjk_suffixes[] = {
  "股份有限公司",
  "有限责任公司",
  "有限責任公司",
  "有限公司",
  "集团",
  "集團",
  "公司",
};

static gboolean
is_latin_suffix (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (latin_suffixes); i++)
    if (strcmp (word, latin_suffixes[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
strip_cjk_suffix (GString *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (cjk_suffixes); i++)
    {
      gsize len = strlen (cjk_suffixes[i]);

      if (s->len > len && g_str_has_suffix (s->str, cjk_suffixes[i]))
        {
          g_string_truncate (s, s->len - len);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sales_normalize_company_name:
 * @name: (nullable): a company or person name as typed
 *
 * Folds full-width forms and case, drops the legal-form suffixes that people
 * write or leave out (Co., Ltd., Inc.… as trailing words; 有限公司, 集团…),
 * repeatedly but never down to nothing, and then spaces and punctuation.
 *
 * Returns: (transfer full) (nullable): the name's key, or %NULL when nothing
 *   is left
 */
char *
sales_normalize_company_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) word = NULL;
  g_autoptr(GString) key = NULL;

  if (name == NULL)
    return NULL;

  folded = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return NULL;

  lower = g_utf8_casefold (folded, -1);

  /* Words are the runs of letters and digits; everything else separates. */
  words = g_ptr_array_new_with_free_func (g_free);
  word = g_string_new (NULL);
  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  while (words->len > 1 && is_latin_suffix (g_ptr_array_index (words, words->len - 1)))
    g_ptr_array_remove_index (words, words->len - 1);

  key = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    g_string_append (key, g_ptr_array_index (words, i));

  while (strip_cjk_suffix (key))
    ;

  if (key->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&key), FALSE);
}
