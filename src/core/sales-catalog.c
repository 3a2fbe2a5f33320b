/* sales-catalog.c: the translations of one language, read from its compiled catalogue
 *
 * gettext translates into the one language of the process; a summary printed in Chinese from
 * an English desktop (or the other way round) needs another. The compiled catalogue (.mo) is a
 * sorted table of original strings and their translations, so this reads it whole and looks a
 * string up by bisection. Plural forms are not needed by what uses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-catalog.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _SalesCatalog
{
  char     *language;   /* NULL: gettext's */
  char     *pango_language;
  GBytes   *mo;         /* NULL: no catalogue, the strings stay as they are */
  gboolean  swapped;
  guint32   n_strings;
  guint32   originals;  /* offsets of the tables of (length, offset) pairs */
  guint32   translations;
};

static guint32
read_u32 (const SalesCatalog *self,
          gsize               offset)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->mo, &size);
  guint32 value;

  if (offset + 4 > size)
    return 0;
  memcpy (&value, data + offset, 4);
  return self->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string of entry @index of the table at @table, or NULL when the file is damaged. */
static const char *
entry_string (const SalesCatalog *self,
              guint32             table,
              guint32             index,
              guint32            *length)
{
  gsize size;
  const char *data = g_bytes_get_data (self->mo, &size);
  guint32 len = read_u32 (self, table + (gsize)index * 8);
  guint32 offset = read_u32 (self, table + (gsize)index * 8 + 4);

  if ((gsize)offset + len >= size || data[offset + len] != '\0')
    return NULL;
  *length = len;
  return data + offset;
}

static gboolean
load (SalesCatalog *self,
      const char   *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint32 magic;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 28)
    return FALSE;

  self->mo = g_bytes_new_take (g_steal_pointer (&contents), length);
  memcpy (&magic, g_bytes_get_data (self->mo, NULL), 4);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    {
      g_clear_pointer (&self->mo, g_bytes_unref);
      return FALSE;
    }
  self->swapped = magic == MO_MAGIC_SWAPPED;
  self->n_strings = read_u32 (self, 8);
  self->originals = read_u32 (self, 12);
  self->translations = read_u32 (self, 16);
  return TRUE;
}

static char *
pango_language_for (const char *language)
{
  g_autofree char *lower = g_ascii_strdown (language, -1);
  char *dot = strchr (lower, '.');

  if (dot != NULL)
    *dot = '\0';
  g_strdelimit (lower, "_@", '-');
  return g_steal_pointer (&lower);
}

/* The first language gettext would use for the user interface: the one with a catalogue. */
static const char *
interface_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "zh") || g_str_has_prefix (names[i], "en") ||
          g_str_equal (names[i], "C"))
        return names[i];
    }
  return "en";
}

SalesCatalog *
sales_catalog_new (const char *language)
{
  SalesCatalog *self = g_new0 (SalesCatalog, 1);

  if (language == NULL)
    {
      const char *ui = interface_language ();

      self->pango_language = pango_language_for (g_str_equal (ui, "C") ? "en" : ui);
      return self;
    }

  self->language = g_strdup (language);
  self->pango_language = pango_language_for (language);
  if (!g_str_equal (language, "en"))
    {
      const char *localedir = g_getenv ("SALES_DESK_LOCALEDIR");
      g_autofree char *path = g_build_filename (localedir != NULL ? localedir : LOCALEDIR,
                                                language, "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);

      load (self, path);
    }
  return self;
}

void
sales_catalog_free (SalesCatalog *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_free (self->pango_language);
  g_clear_pointer (&self->mo, g_bytes_unref);
  g_free (self);
}

const char *
sales_catalog_get_language (SalesCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->pango_language;
}

/* Bisection over the originals, which msgfmt writes in byte order. */
static const char *
lookup (SalesCatalog *self,
        const char   *key,
        gsize         key_length)
{
  guint32 lo = 0;
  guint32 hi = self->n_strings;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      guint32 length = 0;
      const char *original = entry_string (self, self->originals, mid, &length);
      int order;

      if (original == NULL)
        return NULL;
      order = memcmp (key, original, MIN (key_length, length));
      if (order == 0)
        order = key_length < length ? -1 : key_length > length;
      if (order == 0)
        {
          const char *translation = entry_string (self, self->translations, mid, &length);

          return translation != NULL && length > 0 ? translation : NULL;
        }
      if (order < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

const char *
sales_catalog_pgettext (SalesCatalog *self,
                        const char   *context,
                        const char   *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self->language == NULL)
    return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                           : g_dgettext (GETTEXT_PACKAGE, msgid);
  if (self->mo == NULL)
    return msgid;

  key = context != NULL ? g_strconcat (context, "\004", msgid, NULL) : g_strdup (msgid);
  translation = lookup (self, key, strlen (key));
  return translation != NULL ? translation : msgid;
}

const char *
sales_catalog_gettext (SalesCatalog *self,
                       const char   *msgid)
{
  return sales_catalog_pgettext (self, NULL, msgid);
}
