/* sales-import.c: what to import from a file, and what came of it
 *
 * The header is the first row that is not blank; its columns are mapped to
 * fields from their names (sales_import_map_headers()) and each mapping can
 * be changed before the import. SalesStore runs the import
 * (sales-store-import.c) and fills in the summary and the rejected rows,
 * which can be saved as a CSV file to fix and import again: the file's own
 * columns, then the row number and the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "sales-enums.h"
#include "sales-import-private.h"

struct _SalesImport
{
  GObject             parent_instance;

  SalesImportReader  *reader;
  SalesImportKind     kind;
  SalesImportPolicy   policy;
  gboolean            create_stages;
  gboolean            create_reps;
  SalesImportWrite    write;

  guint               header_row;
  GStrv               headers;
  guint               n_headers;
  SalesImportField   *fields;

  SalesImportSummary  summary;
  GPtrArray          *rejected;
};

G_DEFINE_FINAL_TYPE (SalesImport, sales_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READER,
  PROP_KIND,
  PROP_POLICY,
  PROP_CREATE_STAGES,
  PROP_CREATE_REPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rejected_free (gpointer data)
{
  SalesImportRejected *rejected = data;

  g_free (rejected->reason);
  g_strfreev (rejected->cells);
  g_free (rejected);
}

static void
sales_import_finalize (GObject *object)
{
  SalesImport *self = SALES_IMPORT (object);

  g_clear_object (&self->reader);
  g_strfreev (self->headers);
  g_free (self->fields);
  g_ptr_array_unref (self->rejected);

  G_OBJECT_CLASS (sales_import_parent_class)->finalize (object);
}

static void
sales_import_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SalesImport *self = SALES_IMPORT (object);

  switch (prop_id)
    {
    case PROP_READER:
      g_value_set_object (value, self->reader);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_POLICY:
      g_value_set_enum (value, self->policy);
      break;

    case PROP_CREATE_STAGES:
      g_value_set_boolean (value, self->create_stages);
      break;

    case PROP_CREATE_REPS:
      g_value_set_boolean (value, self->create_reps);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_import_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SalesImport *self = SALES_IMPORT (object);

  switch (prop_id)
    {
    case PROP_READER:
      self->reader = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_POLICY:
      sales_import_set_policy (self, g_value_get_enum (value));
      break;

    case PROP_CREATE_STAGES:
      sales_import_set_create_stages (self, g_value_get_boolean (value));
      break;

    case PROP_CREATE_REPS:
      sales_import_set_create_reps (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_import_class_init (SalesImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sales_import_finalize;
  object_class->get_property = sales_import_get_property;
  object_class->set_property = sales_import_set_property;

  properties[PROP_READER] =
    g_param_spec_object ("reader", NULL, NULL, SALES_TYPE_IMPORT_READER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SALES_TYPE_IMPORT_KIND, SALES_IMPORT_CUSTOMERS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_POLICY] =
    g_param_spec_enum ("policy", NULL, NULL, SALES_TYPE_IMPORT_POLICY, SALES_IMPORT_SKIP,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Whether unknown stage names (and reps) become new stages (reps) or reject the row. */
  properties[PROP_CREATE_STAGES] =
    g_param_spec_boolean ("create-stages", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CREATE_REPS] =
    g_param_spec_boolean ("create-reps", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_import_init (SalesImport *self)
{
  self->rejected = g_ptr_array_new_with_free_func (rejected_free);
}

/**
 * sales_import_new:
 *
 * Returns: (transfer full): an import of @kind from the file @reader reads
 */
SalesImport *
sales_import_new (SalesImportReader *reader,
                  SalesImportKind    kind)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (reader), NULL);

  return g_object_new (SALES_TYPE_IMPORT, "reader", reader, "kind", kind, NULL);
}

SalesImportReader *
sales_import_get_reader (SalesImport *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), NULL);

  return self->reader;
}

SalesImportKind
sales_import_get_kind (SalesImport *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), SALES_IMPORT_CUSTOMERS);

  return self->kind;
}

SalesImportPolicy
sales_import_get_policy (SalesImport *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), SALES_IMPORT_SKIP);

  return self->policy;
}

void
sales_import_set_policy (SalesImport       *self,
                         SalesImportPolicy  policy)
{
  g_return_if_fail (SALES_IS_IMPORT (self));
  g_return_if_fail (policy <= SALES_IMPORT_CREATE);

  if (self->policy == policy)
    return;

  self->policy = policy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

SalesImportWrite
sales_import_get_write (SalesImport *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), SALES_IMPORT_WRITE_AUTO);

  return self->write;
}

void
sales_import_set_write (SalesImport      *self,
                        SalesImportWrite  write)
{
  g_return_if_fail (SALES_IS_IMPORT (self));

  self->write = write;
}

gboolean
sales_import_get_create_stages (SalesImport *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), FALSE);

  return self->create_stages;
}

void
sales_import_set_create_stages (SalesImport *self,
                                gboolean     create)
{
  g_return_if_fail (SALES_IS_IMPORT (self));

  if (self->create_stages == !!create)
    return;

  self->create_stages = !!create;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATE_STAGES]);
}

gboolean
sales_import_get_create_reps (SalesImport *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), FALSE);

  return self->create_reps;
}

void
sales_import_set_create_reps (SalesImport *self,
                              gboolean     create)
{
  g_return_if_fail (SALES_IS_IMPORT (self));

  if (self->create_reps == !!create)
    return;

  self->create_reps = !!create;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATE_REPS]);
}

gboolean
sales_import_row_is_blank (const SalesImportRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      const char *p = row->cells[i];

      while (g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p != '\0')
        return FALSE;
    }

  return row->invalid_column < 0;
}

static gboolean
take_header (const SalesImportRow *row,
             gpointer              user_data,
             GError              **error)
{
  SalesImport *self = user_data;

  if (sales_import_row_is_blank (row))
    return TRUE;

  self->header_row = row->number;
  self->n_headers = row->n_cells;
  self->headers = g_new0 (char *, row->n_cells + 1);
  for (guint i = 0; i < row->n_cells; i++)
    self->headers[i] = g_strstrip (g_strdup (row->cells[i]));
  return FALSE;
}

/**
 * sales_import_read_header:
 *
 * Reads the header row and maps its columns from their names. A file with
 * no row that is not blank has no columns.
 *
 * Returns: %TRUE, or %FALSE with @error set when the file cannot be read
 */
gboolean
sales_import_read_header (SalesImport   *self,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->fields, g_free);
  self->n_headers = 0;
  self->header_row = 0;

  if (!sales_import_reader_read (self->reader, take_header, self, cancellable, error))
    return FALSE;

  self->fields = g_new0 (SalesImportField, MAX (self->n_headers, 1));
  if (self->headers != NULL)
    sales_import_map_headers (self->kind, (const char *const *)self->headers, self->n_headers,
                              self->fields);
  return TRUE;
}

/**
 * sales_import_get_headers:
 *
 * Returns: (transfer none) (nullable): the header's cells, after
 *   sales_import_read_header()
 */
const char * const *
sales_import_get_headers (SalesImport *self,
                          guint       *n_headers)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), NULL);

  if (n_headers != NULL)
    *n_headers = self->n_headers;
  return (const char * const *)self->headers;
}

SalesImportField
sales_import_get_field (SalesImport *self,
                        guint        column)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), SALES_IMPORT_FIELD_NONE);

  return column < self->n_headers ? self->fields[column] : SALES_IMPORT_FIELD_NONE;
}

/* A field goes to one column: setting it here takes it from any other. */
void
sales_import_set_field (SalesImport      *self,
                        guint             column,
                        SalesImportField  field)
{
  g_return_if_fail (SALES_IS_IMPORT (self));
  g_return_if_fail (column < self->n_headers);
  g_return_if_fail (field < SALES_IMPORT_N_FIELDS);

  if (field != SALES_IMPORT_FIELD_NONE)
    {
      for (guint i = 0; i < self->n_headers; i++)
        {
          if (self->fields[i] == field)
            self->fields[i] = SALES_IMPORT_FIELD_NONE;
        }
    }
  self->fields[column] = field;
}

static gboolean
has_field (SalesImport      *self,
           SalesImportField  field)
{
  for (guint i = 0; i < self->n_headers; i++)
    {
      if (self->fields[i] == field)
        return TRUE;
    }

  return FALSE;
}

/**
 * sales_import_check_mapping:
 *
 * Returns: %TRUE when some column gives what every row needs (the customer's
 *   name; for deals also the title), or %FALSE with @error set
 */
gboolean
sales_import_check_mapping (SalesImport  *self,
                            GError      **error)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), FALSE);

  if (self->headers == NULL)
    {
      g_set_error_literal (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_MAPPING,
                           _("The file has no rows"));
      return FALSE;
    }

  if (self->kind == SALES_IMPORT_DEALS && !has_field (self, SALES_IMPORT_FIELD_DEAL_TITLE))
    {
      g_set_error_literal (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_MAPPING,
                           _("No column holds the title of the deal (such as “商机名称” or "
                             "“Title”)"));
      return FALSE;
    }

  if (!has_field (self, SALES_IMPORT_FIELD_CUSTOMER_NAME))
    {
      g_set_error_literal (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_MAPPING,
                           _("No column holds the name of the customer (such as “客户名称” or "
                             "“Customer”)"));
      return FALSE;
    }

  return TRUE;
}

/* For sales-store-import.c */

guint
sales_import_get_header_row (SalesImport *self)
{
  return self->header_row;
}

const SalesImportField *
sales_import_get_fields (SalesImport *self)
{
  return self->fields;
}

SalesImportSummary *
sales_import_begin_run (SalesImport *self)
{
  memset (&self->summary, 0, sizeof self->summary);
  g_ptr_array_set_size (self->rejected, 0);
  return &self->summary;
}

void
sales_import_reject (SalesImport          *self,
                     const SalesImportRow *row,
                     char                 *reason)
{
  SalesImportRejected *rejected = g_new0 (SalesImportRejected, 1);

  rejected->number = row->number;
  rejected->reason = reason;
  rejected->cells = g_strdupv (row->cells);
  g_ptr_array_add (self->rejected, rejected);
  self->summary.rejected++;
}

const SalesImportSummary *
sales_import_get_summary (SalesImport *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), NULL);

  return &self->summary;
}

/**
 * sales_import_get_rejected:
 *
 * Returns: (transfer none) (element-type SalesImportRejected): the rows not
 *   imported, in file order
 */
GPtrArray *
sales_import_get_rejected (SalesImport *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT (self), NULL);

  return self->rejected;
}

/* A macro, so that the compiler checks each format against its argument. */
#define APPEND_COUNT(text, count, format)                              \
  G_STMT_START {                                                       \
    if ((count) > 0)                                                   \
      {                                                                \
        if ((text)->len > 0)                                           \
          g_string_append (text, C_("list separator", ", "));          \
        g_string_append_printf (text, format, (unsigned long long)(count)); \
      }                                                                \
  } G_STMT_END

/**
 * sales_import_describe_summary:
 *
 * Returns: (transfer full): one line, such as "3 customers created, 1 merged,
 *   2 rows rejected"
 */
char *
sales_import_describe_summary (SalesImport *self)
{
  const SalesImportSummary *s;
  GString *text;

  g_return_val_if_fail (SALES_IS_IMPORT (self), NULL);

  s = &self->summary;
  text = g_string_new (NULL);
  APPEND_COUNT (text, s->customers_created,
                g_dngettext (GETTEXT_PACKAGE, "%llu customer created",
                             "%llu customers created", s->customers_created));
  APPEND_COUNT (text, s->customers_merged,
                g_dngettext (GETTEXT_PACKAGE, "%llu customer merged",
                             "%llu customers merged", s->customers_merged));
  APPEND_COUNT (text, s->customers_skipped,
                g_dngettext (GETTEXT_PACKAGE, "%llu duplicate customer skipped",
                             "%llu duplicate customers skipped", s->customers_skipped));
  APPEND_COUNT (text, s->contacts_created,
                g_dngettext (GETTEXT_PACKAGE, "%llu contact added",
                             "%llu contacts added", s->contacts_created));
  APPEND_COUNT (text, s->deals_created,
                g_dngettext (GETTEXT_PACKAGE, "%llu deal created",
                             "%llu deals created", s->deals_created));
  APPEND_COUNT (text, s->deals_merged,
                g_dngettext (GETTEXT_PACKAGE, "%llu deal updated",
                             "%llu deals updated", s->deals_merged));
  APPEND_COUNT (text, s->deals_skipped,
                g_dngettext (GETTEXT_PACKAGE, "%llu duplicate deal skipped",
                             "%llu duplicate deals skipped", s->deals_skipped));
  APPEND_COUNT (text, s->followups_created,
                g_dngettext (GETTEXT_PACKAGE, "%llu follow-up added",
                             "%llu follow-ups added", s->followups_created));
  APPEND_COUNT (text, s->stages_created,
                g_dngettext (GETTEXT_PACKAGE, "%llu stage created",
                             "%llu stages created", s->stages_created));
  APPEND_COUNT (text, s->reps_created,
                g_dngettext (GETTEXT_PACKAGE, "%llu sales rep created",
                             "%llu sales reps created", s->reps_created));
  APPEND_COUNT (text, s->rejected,
                g_dngettext (GETTEXT_PACKAGE, "%llu row rejected",
                             "%llu rows rejected", s->rejected));

  if (text->len == 0)
    g_string_append (text, _("Nothing was imported"));

  return g_string_free (text, FALSE);
}

static gboolean
write_row (FILE        *file,
           const char **cells,
           guint        n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if ((i > 0 && fputc (',', file) == EOF) ||
          csv_fwrite (file, cells[i], strlen (cells[i])) != 0)
        return FALSE;
    }

  return fputs ("\r\n", file) != EOF;
}

/**
 * sales_import_save_rejected:
 *
 * Writes the rejected rows to @path as CSV in UTF-8 with a BOM (which Excel
 * needs to see Chinese): the header, then each row with its number and
 * reason after its own cells.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
sales_import_save_rejected (SalesImport  *self,
                            const char   *path,
                            GError      **error)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  guint width = self->n_headers;
  FILE *file;
  gboolean ok;

  g_return_val_if_fail (SALES_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < self->rejected->len; i++)
    {
      SalesImportRejected *rejected = g_ptr_array_index (self->rejected, i);

      width = MAX (width, g_strv_length (rejected->cells));
    }

  file = g_fopen (path, "wb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  ok = fputs ("\xEF\xBB\xBF", file) != EOF;

  for (guint i = 0; i < width; i++)
    g_ptr_array_add (row, g_strdup (i < self->n_headers ? self->headers[i] : ""));
  g_ptr_array_add (row, g_strdup (C_("rejected rows", "Row")));
  g_ptr_array_add (row, g_strdup (C_("rejected rows", "Reason")));
  ok = ok && write_row (file, (const char **)row->pdata, row->len);

  for (guint i = 0; ok && i < self->rejected->len; i++)
    {
      SalesImportRejected *rejected = g_ptr_array_index (self->rejected, i);
      guint n = g_strv_length (rejected->cells);

      g_ptr_array_set_size (row, 0);
      for (guint j = 0; j < width; j++)
        g_ptr_array_add (row, g_strdup (j < n ? rejected->cells[j] : ""));
      g_ptr_array_add (row, g_strdup_printf ("%u", rejected->number));
      g_ptr_array_add (row, g_strdup (rejected->reason));
      ok = write_row (file, (const char **)row->pdata, row->len);
    }

  if (fclose (file) != 0)
    ok = FALSE;

  if (!ok)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("Could not write “%s”"), path);
      return FALSE;
    }

  return TRUE;
}

gboolean
sales_import_policy_parse (const char        *name,
                           SalesImportPolicy *policy)
{
  static const char * const names[] = { "skip", "merge", "create" };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i]) == 0)
        {
          *policy = (SalesImportPolicy)i;
          return TRUE;
        }
    }

  return FALSE;
}
