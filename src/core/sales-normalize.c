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
#include "sales-search-text.h"

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
 * letters "co" and "inc" end unrelated names (Costco, Zinc). "Group" and
 * "Holdings" go like 集团 and 控股: people leave them out as often. */
static const char * const latin_suffixes[] = {
  "ag", "co", "company", "corp", "corporation", "gmbh", "group", "holding", "holdings", "inc",
  "incorporated", "limited", "llc", "llp", "lp", "ltd", "plc", "pte", "pty",
};

/* Chinese names have no word breaks; these are long or distinctive enough to
 * drop from the end of a run of Han characters. Longer first where one ends
 * another, so that 股份有限公司 goes before 有限公司 can match inside it.
 * Only Simplified forms: the name is converted to Simplified first. A branch
 * (分公司) loses only 公司, which keeps it apart from its head office. */
static const char * const cjk_suffixes[] = {
  "股份有限公司",
  "有限责任公司",
  "股份公司",
  "有限公司",
  "总公司",
  "公司",
  "集团",
  "控股",
};

static gboolean
is_latin_suffix (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (latin_suffixes); i++)
    if (strcmp (word, latin_suffixes[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Returns the length of the suffix @word ends with, or 0. */
static gsize
cjk_suffix_length (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (cjk_suffixes); i++)
    {
      if (g_str_has_suffix (word, cjk_suffixes[i]))
        return strlen (cjk_suffixes[i]);
    }

  return 0;
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* Drops one suffix from the end of @words, never the last of the name. */
static gboolean
strip_suffix (GPtrArray *words)
{
  char *last = g_ptr_array_index (words, words->len - 1);
  gsize len;

  if (words->len > 1 && is_latin_suffix (last))
    {
      g_ptr_array_remove_index (words, words->len - 1);
      return TRUE;
    }

  len = cjk_suffix_length (last);
  if (len == 0)
    return FALSE;

  if (strlen (last) > len)
    last[strlen (last) - len] = '\0';
  else if (words->len > 1)
    g_ptr_array_remove_index (words, words->len - 1);
  else
    return FALSE;

  return TRUE;
}

/**
 * sales_normalize_company_name:
 * @name: (nullable): a company or person name as typed
 *
 * Folds what search folds (Traditional to Simplified Chinese with OpenCC,
 * full-width forms, case: sales_search_text_fold()), splits the name into
 * words at spaces and punctuation and where Han script meets another, drops
 * the legal-form suffixes that people write or leave out (Co., Ltd., Inc.…
 * as trailing words; 有限公司, 集团… at the end of Han words) repeatedly but
 * never down to nothing, and joins what is left without spaces.
 *
 * Returns: (transfer full) (nullable): the name's key, or %NULL when nothing
 *   is left
 */
char *
sales_normalize_company_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) word = NULL;
  g_autoptr(GString) key = NULL;
  gboolean word_is_han = FALSE;

  if (name == NULL)
    return NULL;

  folded = sales_search_text_fold (name);

  /* Words are the runs of letters and digits of one kind, Han or not. */
  words = g_ptr_array_new_with_free_func (g_free);
  word = g_string_new (NULL);
  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean in_word = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));
      gboolean boundary = !in_word ||
                          (word->len > 0 && !g_unichar_ismark (c) && is_han (c) != word_is_han);

      if (boundary && word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
      if (!in_word)
        continue;

      if (word->len == 0)
        word_is_han = is_han (c);
      g_string_append_unichar (word, c);
    }

  if (words->len == 0)
    return NULL;

  while (strip_suffix (words))
    ;

  key = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    g_string_append (key, g_ptr_array_index (words, i));

  return g_string_free (g_steal_pointer (&key), FALSE);
}
