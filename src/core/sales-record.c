/* sales-record.c: the base of the model objects, one row of a table
 *
 * Each subclass describes its table once (SalesTable: the columns, in the
 * order of its properties); reading a row, binding one for INSERT/UPDATE,
 * copying and comparing are then written here, once, in terms of GObject
 * properties. SalesStore owns the rules (timestamps, stage moves); a record
 * only knows its values and what makes them valid on their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-record-private.h"

typedef struct
{
  gint64 id;
} SalesRecordPrivate;

typedef struct
{
  const SalesTable  *table;
  GParamSpec       **pspecs;
  char              *sql[SALES_RECORD_N_SQL];
} RecordClassInfo;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SalesRecord, sales_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const RecordClassInfo *
get_info (SalesRecordClass *klass)
{
  const RecordClassInfo *info = klass->info;

  g_assert (info != NULL);

  return info;
}

static void
sales_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SalesRecord *self = SALES_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, sales_record_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
sales_record_real_validate (SalesRecord  *self,
                            GError      **error)
{
  return TRUE;
}

static void
sales_record_class_init (SalesRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sales_record_get_property;

  klass->validate = sales_record_real_validate;

  /**
   * SalesRecord:id:
   *
   * The row id; 0 for a draft that was never saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_record_init (SalesRecord *self)
{
}

/**
 * sales_record_class_set_table:
 * @table: (transfer none): lives as long as the program
 *
 * Called from the class_init of a subclass, after its properties are
 * installed: there must be one property per column.
 */
void
sales_record_class_set_table (SalesRecordClass *klass,
                              const SalesTable *table)
{
  RecordClassInfo *info;
  g_autoptr(GString) select = g_string_new ("SELECT id");
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) assignments = g_string_new (NULL);

  g_return_if_fail (SALES_IS_RECORD_CLASS (klass));
  g_return_if_fail (table != NULL && table->n_columns > 0);

  info = g_new0 (RecordClassInfo, 1);
  info->table = table;
  info->pspecs = g_new0 (GParamSpec *, table->n_columns);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const SalesColumn *column = &table->columns[i];
      g_autofree char *property = g_strdelimit (g_strdup (column->name), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);

      g_assert (pspec != NULL);
      g_assert (!G_TYPE_IS_ENUM (pspec->value_type) || column->enum_strings != NULL);
      info->pspecs[i] = pspec;

      g_string_append_printf (select, ", %s", column->name);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", column->name);
      g_string_append_printf (params, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append_printf (assignments, "%s%s = ?%u", i > 0 ? ", " : "", column->name, i + 1);
    }

  g_string_append_printf (select, " FROM %s", table->name);
  info->sql[SALES_RECORD_SQL_SELECT] = g_strdup (select->str);
  info->sql[SALES_RECORD_SQL_SELECT_BY_ID] = g_strdup_printf ("%s WHERE id = ?1", select->str);
  info->sql[SALES_RECORD_SQL_INSERT] = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                                        table->name, names->str, params->str);
  info->sql[SALES_RECORD_SQL_UPDATE] = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?%u",
                                                        table->name, assignments->str,
                                                        table->n_columns + 1);
  info->sql[SALES_RECORD_SQL_DELETE] = g_strdup_printf ("DELETE FROM %s WHERE id = ?1",
                                                        table->name);

  /* Class structures live as long as the program; so does this. */
  klass->info = info;
}

const SalesTable *
sales_record_class_get_table (SalesRecordClass *klass)
{
  g_return_val_if_fail (SALES_IS_RECORD_CLASS (klass), NULL);

  return get_info (klass)->table;
}

const char *
sales_record_class_get_sql (SalesRecordClass *klass,
                            SalesRecordSql    which)
{
  g_return_val_if_fail (SALES_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (which < SALES_RECORD_N_SQL, NULL);

  return get_info (klass)->sql[which];
}

const char *
sales_record_get_table_name (SalesRecord *self)
{
  g_return_val_if_fail (SALES_IS_RECORD (self), NULL);

  return get_info (SALES_RECORD_GET_CLASS (self))->table->name;
}

const char *
sales_record_get_sql (SalesRecord    *self,
                      SalesRecordSql  which)
{
  g_return_val_if_fail (SALES_IS_RECORD (self), NULL);

  return sales_record_class_get_sql (SALES_RECORD_GET_CLASS (self), which);
}

gint64
sales_record_get_id (SalesRecord *self)
{
  SalesRecordPrivate *priv = sales_record_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_RECORD (self), 0);

  return priv->id;
}

void
sales_record_set_id (SalesRecord *self,
                     gint64       id)
{
  SalesRecordPrivate *priv = sales_record_get_instance_private (self);

  g_return_if_fail (SALES_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

SalesRecordKind
sales_record_get_kind (SalesRecord *self)
{
  g_return_val_if_fail (SALES_IS_RECORD (self), 0);

  return get_info (SALES_RECORD_GET_CLASS (self))->table->kind;
}

/**
 * sales_record_dup:
 *
 * Copies every value, the id included, into a new object that is not known
 * to the store: the draft to edit and hand to sales_store_update().
 *
 * Returns: (transfer full) (type SalesRecord): the copy
 */
gpointer
sales_record_dup (SalesRecord *self)
{
  const RecordClassInfo *info;
  SalesRecord *copy;

  g_return_val_if_fail (SALES_IS_RECORD (self), NULL);

  info = get_info (SALES_RECORD_GET_CLASS (self));
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  sales_record_set_id (copy, sales_record_get_id (self));

  for (guint i = 0; i < info->table->n_columns; i++)
    {
      GParamSpec *pspec = info->pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &value);
      g_object_set_property (G_OBJECT (copy), pspec->name, &value);
    }

  return copy;
}

/**
 * sales_record_equal:
 *
 * Returns: %TRUE when @a and @b are of the same kind and hold the same id and values
 */
gboolean
sales_record_equal (SalesRecord *a,
                    SalesRecord *b)
{
  const RecordClassInfo *info;

  g_return_val_if_fail (SALES_IS_RECORD (a), FALSE);
  g_return_val_if_fail (SALES_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) ||
      sales_record_get_id (a) != sales_record_get_id (b))
    return FALSE;

  info = get_info (SALES_RECORD_GET_CLASS (a));

  for (guint i = 0; i < info->table->n_columns; i++)
    {
      GParamSpec *pspec = info->pspecs[i];
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (G_OBJECT (a), pspec->name, &va);
      g_object_get_property (G_OBJECT (b), pspec->name, &vb);
      if (g_param_values_cmp (pspec, &va, &vb) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
sales_record_validate (SalesRecord  *self,
                       GError      **error)
{
  g_return_val_if_fail (SALES_IS_RECORD (self), FALSE);

  return SALES_RECORD_GET_CLASS (self)->validate (self, error);
}

int
sales_enum_from_string (const char * const *strings,
                        const char         *text)
{
  g_return_val_if_fail (strings != NULL, -1);

  for (int i = 0; text != NULL && strings[i] != NULL; i++)
    if (g_str_equal (strings[i], text))
      return i;

  return -1;
}

void
sales_record_load (SalesRecord  *self,
                   sqlite3_stmt *stmt)
{
  const RecordClassInfo *info;

  g_return_if_fail (SALES_IS_RECORD (self));
  g_return_if_fail (stmt != NULL);

  info = get_info (SALES_RECORD_GET_CLASS (self));

  /* Listeners see the new row as a whole, never half of it. */
  g_object_freeze_notify (G_OBJECT (self));

  sales_record_set_id (self, sqlite3_column_int64 (stmt, 0));

  for (guint i = 0; i < info->table->n_columns; i++)
    {
      const SalesColumn *column = &info->table->columns[i];
      GParamSpec *pspec = info->pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      int col = (int)i + 1;

      g_value_init (&value, pspec->value_type);

      switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
        {
        case G_TYPE_STRING:
          g_value_set_string (&value, (const char *)sqlite3_column_text (stmt, col));
          break;

        case G_TYPE_INT64:
          g_value_set_int64 (&value, sqlite3_column_int64 (stmt, col));
          break;

        case G_TYPE_INT:
          g_value_set_int (&value, sqlite3_column_int (stmt, col));
          break;

        case G_TYPE_BOOLEAN:
          g_value_set_boolean (&value, sqlite3_column_int (stmt, col) != 0);
          break;

        case G_TYPE_ENUM:
          {
            const char *text = (const char *)sqlite3_column_text (stmt, col);
            int v = sales_enum_from_string (column->enum_strings, text);

            /* The CHECK constraints make this unreachable short of a damaged file. */
            if (v < 0)
              {
                g_warning ("Unknown value “%s” in %s.%s", text ? text : "NULL",
                           info->table->name, column->name);
                v = 0;
              }
            g_value_set_enum (&value, v);
          }
          break;

        default:
          g_assert_not_reached ();
        }

      g_object_set_property (G_OBJECT (self), pspec->name, &value);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Users type leading and trailing blanks, full-width ones too (U+3000). */
static char *
strip_text (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

void
sales_record_bind (SalesRecord  *self,
                   sqlite3_stmt *stmt)
{
  const RecordClassInfo *info;

  g_return_if_fail (SALES_IS_RECORD (self));
  g_return_if_fail (stmt != NULL);

  info = get_info (SALES_RECORD_GET_CLASS (self));

  for (guint i = 0; i < info->table->n_columns; i++)
    {
      const SalesColumn *column = &info->table->columns[i];
      GParamSpec *pspec = info->pspecs[i];
      gboolean nullable = (column->flags & SALES_COLUMN_NULLABLE) != 0;
      g_auto(GValue) value = G_VALUE_INIT;
      int param = (int)i + 1;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &value);

      switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
        {
        case G_TYPE_STRING:
          {
            const char *text = g_value_get_string (&value);
            char *stripped = text != NULL ? strip_text (text) : NULL;

            if (stripped == NULL || (nullable && *stripped == '\0'))
              {
                g_free (stripped);
                sqlite3_bind_null (stmt, param);
              }
            else
              sqlite3_bind_text (stmt, param, stripped, -1, g_free);
          }
          break;

        case G_TYPE_INT64:
          if (nullable && g_value_get_int64 (&value) == 0)
            sqlite3_bind_null (stmt, param);
          else
            sqlite3_bind_int64 (stmt, param, g_value_get_int64 (&value));
          break;

        case G_TYPE_INT:
          if (nullable && g_value_get_int (&value) == 0)
            sqlite3_bind_null (stmt, param);
          else
            sqlite3_bind_int (stmt, param, g_value_get_int (&value));
          break;

        case G_TYPE_BOOLEAN:
          sqlite3_bind_int (stmt, param, g_value_get_boolean (&value) ? 1 : 0);
          break;

        case G_TYPE_ENUM:
          sqlite3_bind_text (stmt, param, column->enum_strings[g_value_get_enum (&value)], -1,
                             SQLITE_STATIC);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

void
sales_record_set_string (SalesRecord  *self,
                         char        **field,
                         const char   *value,
                         GParamSpec   *pspec)
{
  g_assert (SALES_IS_RECORD (self));

  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
}

void
sales_record_set_int64 (SalesRecord *self,
                        gint64      *field,
                        gint64       value,
                        GParamSpec  *pspec)
{
  g_assert (SALES_IS_RECORD (self));

  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
}

void
sales_record_set_int (SalesRecord *self,
                      int         *field,
                      int          value,
                      GParamSpec  *pspec)
{
  g_assert (SALES_IS_RECORD (self));

  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
}

void
sales_record_set_boolean (SalesRecord *self,
                          gboolean    *field,
                          gboolean     value,
                          GParamSpec  *pspec)
{
  g_assert (SALES_IS_RECORD (self));

  value = !!value;
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
}

/**
 * sales_text_is_blank:
 *
 * Returns: %TRUE when @text is %NULL, empty or only white space
 */
gboolean
sales_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Only catches what is clearly not an address (a phone number in the wrong
 * field, a missing @); real validation is the mail server's job. */
gboolean
sales_check_email (const char  *email,
                   GError     **error)
{
  const char *at;

  if (sales_text_is_blank (email))
    return TRUE;

  at = strchr (email, '@');
  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is not a valid email address"), email);
      return FALSE;
    }

  return TRUE;
}

/**
 * sales_iso_date_is_valid:
 *
 * Returns: %TRUE when @text is a real calendar date written as YYYY-MM-DD
 */
gboolean
sales_iso_date_is_valid (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";
  guint year, month, day;

  if (text == NULL || strlen (text) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        return FALSE;
    }

  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);

  return g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}
