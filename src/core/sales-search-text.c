/* sales-search-text.c: the one form in which customer text is indexed and queried
 *
 * Search is blind to how a person wrote something: Traditional or Simplified Chinese
 * (OpenCC's t2s turns both into Simplified), full-width or half-width forms (NFKC), case
 * (case folding), and how a phone number is punctuated (digits only, no +86). The index
 * and the query both go through these functions, so they meet in the same form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <opencc.h>
#include <stdlib.h>
#include <string.h>

#include "sales-search-text.h"
#include "sales-pinyin-table.h"

/* The unified Han characters of the Basic Multilingual Plane that t2s may change are found
 * once, by converting each of them alone (NFKC has already turned compatibility ideographs
 * and radicals into unified ones). Text made only of characters that t2s leaves alone is then
 * left alone without calling OpenCC, which converts about 5 MB/s: most text people type in
 * a Simplified Chinese business is already simplified, and the index of 100 000 customers
 * is built in seconds rather than half a minute. */
#define HAN_FIRST 0x3400
#define HAN_LAST  0x9FFF

typedef struct
{
  opencc_t  converter;   /* (opencc_t) -1 when t2s.json could not be opened */
  GMutex    lock;        /* OpenCC does not promise that a converter is thread-safe */
  guint8    changes[(HAN_LAST - HAN_FIRST + 1 + 7) / 8];
} Converter;

static void
mark_changing (Converter *conv)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char *converted;
  gunichar c = HAN_FIRST;

  for (gunichar u = HAN_FIRST; u <= HAN_LAST; u++)
    {
      /* One character a line, so that no phrase of the dictionary spans two of them. */
      g_string_append_unichar (all, u);
      g_string_append_c (all, '\n');
    }

  converted = opencc_convert_utf8 (conv->converter, all->str, all->len);
  lines = g_strsplit (converted, "\n", -1);
  opencc_convert_utf8_free (converted);

  for (guint i = 0; lines[i] != NULL && c <= HAN_LAST; i++, c++)
    {
      if (g_utf8_get_char (lines[i]) != c || g_utf8_strlen (lines[i], -1) != 1)
        conv->changes[(c - HAN_FIRST) / 8] |= 1 << ((c - HAN_FIRST) % 8);
    }
}

static Converter *
get_converter (void)
{
  static Converter *converter;

  if (g_once_init_enter (&converter))
    {
      Converter *conv = g_new0 (Converter, 1);

      g_mutex_init (&conv->lock);
      conv->converter = opencc_open (OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
      if (conv->converter == (opencc_t)-1)
        g_warning ("Cannot open OpenCC's %s (%s); search tells Traditional from Simplified "
                   "Chinese", OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP, opencc_error ());
      else
        mark_changing (conv);

      g_once_init_leave (&converter, conv);
    }

  return converter;
}

static gboolean
t2s_may_change (const Converter *conv,
                const char      *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < HAN_FIRST)
        continue;
      if (c > HAN_LAST)
        return c >= 0x20000;
      if (conv->changes[(c - HAN_FIRST) / 8] & (1 << ((c - HAN_FIRST) % 8)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;

  return TRUE;
}

/* Unified Han characters have no compatibility decomposition and no case: NFKC and case
 * folding leave them as they are. */
static gboolean
is_han (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
}

/* Whether @text is made of ASCII and unified Han characters alone, which NFKC and case
 * folding change as g_ascii_strdown() does: most of what a Chinese business types. Building
 * the index of 100 000 customers spent a third of its folding in g_utf8_normalize(). */
static gboolean
is_ascii_or_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar)*p >= 0x80 && !is_han (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * sales_search_text_fold:
 * @text: (nullable): text as a person typed it
 *
 * Returns: (transfer full): @text in Simplified Chinese, NFKC and case folded; "" for
 *   %NULL or text that is not UTF-8
 */
char *
sales_search_text_fold (const char *text)
{
  Converter *conv;
  g_autofree char *nfkc = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

  nfkc = is_ascii_or_han (text) ? g_ascii_strdown (text, -1)
                                : g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  conv = get_converter ();
  if (conv->converter != (opencc_t)-1 && t2s_may_change (conv, nfkc))
    {
      char *simplified;

      g_mutex_lock (&conv->lock);
      simplified = opencc_convert_utf8 (conv->converter, nfkc, strlen (nfkc));
      g_mutex_unlock (&conv->lock);
      if (simplified != NULL)
        {
          g_free (nfkc);
          nfkc = g_strdup (simplified);
          opencc_convert_utf8_free (simplified);
        }
    }

  if (is_ascii_or_han (nfkc))
    return g_ascii_strdown (nfkc, -1);
  return g_utf8_casefold (nfkc, -1);
}

/**
 * sales_search_text_is_phone:
 *
 * Returns: %TRUE when @text looks like (part of) a phone number: digits with only spaces,
 *   dashes, dots, parentheses or a leading plus around them
 */
gboolean
sales_search_text_is_phone (const char *text)
{
  gboolean digits = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) >= 0)
        digits = TRUE;
      else if (!g_unichar_isspace (c) && strchr ("+-().", (int)c) == NULL && c != 0xFF0B &&
               c != 0xFF0D)
        return FALSE;
    }

  return digits;
}

/**
 * sales_search_text_phone:
 * @text: (nullable): a phone number or a part of one
 *
 * Keeps the digits (full-width ones too) and drops a +86 or 0086 country prefix that has
 * more digits after it, and the 86 of a 13-digit mobile number: "+86 138-0013-8000",
 * "0086 13800138000" and "138 0013 8000" all give "13800138000".
 *
 * Returns: (transfer full): the digits, possibly ""
 */
char *
sales_search_text_phone (const char *text)
{
  GString *digits = g_string_new (NULL);
  gboolean plus = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = g_unichar_digit_value (c);

      if (value >= 0)
        g_string_append_c (digits, (char)('0' + value));
      else if ((c == '+' || c == 0xFF0B) && digits->len == 0)
        plus = TRUE;
    }

  if (plus && digits->len > 2 && g_str_has_prefix (digits->str, "86"))
    g_string_erase (digits, 0, 2);
  else if (digits->len > 4 && g_str_has_prefix (digits->str, "0086"))
    g_string_erase (digits, 0, 4);
  else if (digits->len == 13 && g_str_has_prefix (digits->str, "861"))
    g_string_erase (digits, 0, 2);

  return g_string_free (digits, FALSE);
}

static int
compare_code_point (const void *key,
                    const void *entry)
{
  guint32 c = *(const guint32 *)key;
  guint32 e = *(const guint32 *)entry >> 8;

  return c < e ? -1 : c > e;
}

/**
 * sales_search_text_initial:
 *
 * Returns: the lower-case initial of the first Mandarin reading of @c (张 gives 'z'), or 0
 *   for a character without one
 */
char
sales_search_text_initial (gunichar c)
{
  const guint32 *entry;
  guint32 key = c;

  if (c < 0x3000)
    return 0;

  entry = bsearch (&key, sales_pinyin_initials, SALES_PINYIN_N_INITIALS, sizeof (guint32),
                   compare_code_point);
  return entry != NULL ? (char)(*entry & 0xff) : 0;
}

/* Appends the initials of the Han characters of @folded, skipping everything else:
 * "深圳ABC科技" gives "szkj", so that a name is found by the initials of its Chinese part. */
void
sales_search_text_add_initials (GString    *out,
                                const char *folded)
{
  g_return_if_fail (out != NULL);

  for (const char *p = folded != NULL ? folded : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      char initial = sales_search_text_initial (g_utf8_get_char (p));

      if (initial != 0)
        g_string_append_c (out, initial);
    }
}

/* The characters that SQLite's unicode61 tokenizer keeps in a token (categories L*, N*
 * and Co); the others separate words. */
gboolean
sales_search_text_is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum ((char)c);
  /* The Han characters of Unicode 3.0, letters in every table SQLite and GLib know */
  if (c >= 0x4E00 && c <= 0x9FA5)
    return TRUE;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * sales_search_text_grams:
 * @body: folded text
 *
 * Lists every distinct character and pair of adjacent characters within the words of @body
 * ("华为 ab" gives "华 为 华为 a b ab"), separated by spaces: the text of the
 * index that answers one- and two-character queries. The same @body always gives the same
 * text, which removing a customer from that index depends on.
 *
 * Returns: (transfer full): the grams
 */
char *
sales_search_text_grams (const char *body)
{
  gsize length = body != NULL ? strlen (body) : 0;
  /* At most two grams a character, and a character is at least a byte */
  g_autofree guint64 *grams = g_new (guint64, 2 * length + 1);
  guint n_grams = 0;
  g_autofree guint64 *seen = NULL;
  guint size = 16, shift = 60;
  GString *out;
  gunichar prev = 0;

  /* A gram is one code point (below 2^21) or two, packed as (first + 1) << 21 | second;
   * never 0, which marks a free slot of seen. */
  for (const char *p = body != NULL ? body : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint64 gram;

      if (!sales_search_text_is_word_char (c))
        {
          prev = 0;
          continue;
        }

      grams[n_grams++] = c;
      if (prev != 0)
        {
          gram = ((guint64)prev + 1) << 21 | c;
          grams[n_grams++] = gram;
        }
      prev = c;
    }

  /* The first of equal grams is kept, by an open-addressing set at most half full: this
   * runs for every customer when an index of 100 000 is built, where sorting took longer
   * than everything else. The order depends on @body alone. */
  while (size < n_grams * 2)
    {
      size *= 2;
      shift--;
    }
  seen = g_new0 (guint64, size);

  out = g_string_sized_new (n_grams * 4);
  for (guint i = 0; i < n_grams; i++)
    {
      guint64 gram = grams[i];
      guint slot = (guint)((gram * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> shift);

      while (seen[slot] != 0 && seen[slot] != gram)
        slot = (slot + 1) & (size - 1);
      if (seen[slot] == gram)
        continue;
      seen[slot] = gram;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (gram >> 21)
        g_string_append_unichar (out, (gunichar)((gram >> 21) - 1));
      g_string_append_unichar (out, (gunichar)(gram & 0x1fffff));
    }

  return g_string_free (out, FALSE);
}
