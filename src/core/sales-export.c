/* sales-export.c: one table, or the rows a list shows, read with one statement into a file
 *
 * The exporter opens its own read-only connection, so that it can run in a
 * worker thread while the window goes on writing through the store; WAL lets
 * it read one consistent snapshot meanwhile (count and rows in one read
 * transaction). Rows are stepped through one prepared statement and written
 * as they come: nothing holds the table.
 *
 * A list's rows are given as their ids in the list's order, which the query
 * reads with json_each() so that the file has the rows in the order the user
 * saw. The board's filter is given as SQL instead, since a pipeline can hold
 * a million deals that no list model has ids of.
 *
 * The file is written under a hidden temporary name in the same folder and
 * renamed over the target only when complete: an error or a cancel leaves no
 * partial file, and an existing file stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sales-enums.h"
#include "sales-export-private.h"

/* How often progress is told and a cancel looked for. */
#define PROGRESS_ROWS 2048

#define BUSY_TIMEOUT_MS 5000

/* SQLite maps at most about 2 GiB (SQLITE_MAX_MMAP_SIZE) */
#define MMAP_BYTES 2147418112

struct _SalesExporter
{
  GObject           parent_instance;

  char             *db_path;
  SalesExportTable  table;

  char             *ids_json;
  gsize             n_ids;
  char             *filter_sql;
  char             *search_pattern;

  guint64           n_rows;
};

G_DEFINE_FINAL_TYPE (SalesExporter, sales_exporter, G_TYPE_OBJECT)

G_DEFINE_QUARK (sales-export-error-quark, sales_export_error)

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sales_exporter_finalize (GObject *object)
{
  SalesExporter *self = (SalesExporter *)object;

  g_free (self->db_path);
  g_free (self->ids_json);
  g_free (self->filter_sql);
  g_free (self->search_pattern);

  G_OBJECT_CLASS (sales_exporter_parent_class)->finalize (object);
}

static void
sales_exporter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalesExporter *self = SALES_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;

    case PROP_TABLE:
      g_value_set_enum (value, self->table);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_exporter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalesExporter *self = SALES_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;

    case PROP_TABLE:
      self->table = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_exporter_class_init (SalesExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sales_exporter_finalize;
  object_class->get_property = sales_exporter_get_property;
  object_class->set_property = sales_exporter_set_property;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE] =
    g_param_spec_enum ("table", NULL, NULL, SALES_TYPE_EXPORT_TABLE, SALES_EXPORT_CUSTOMERS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_exporter_init (SalesExporter *self)
{
}

/**
 * sales_exporter_new:
 * @db_path: the database file, read through a connection of the exporter's own
 * @table: what to export; all its rows unless sales_exporter_set_ids() or
 *   sales_exporter_set_deal_filter() say which
 */
SalesExporter *
sales_exporter_new (const char       *db_path,
                    SalesExportTable  table)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (table < SALES_EXPORT_N_TABLES, NULL);

  return g_object_new (SALES_TYPE_EXPORTER, "db-path", db_path, "table", table, NULL);
}

const char *
sales_exporter_get_db_path (SalesExporter *self)
{
  g_return_val_if_fail (SALES_IS_EXPORTER (self), NULL);

  return self->db_path;
}

SalesExportTable
sales_exporter_get_table (SalesExporter *self)
{
  g_return_val_if_fail (SALES_IS_EXPORTER (self), SALES_EXPORT_CUSTOMERS);

  return self->table;
}

/**
 * sales_exporter_set_ids:
 * @ids: (array length=n_ids): the ids of the rows to export, in the order of the file
 *
 * Exports only these rows (those still there when the export runs), as a list shows them.
 */
void
sales_exporter_set_ids (SalesExporter *self,
                        const gint64  *ids,
                        gsize          n_ids)
{
  GString *json;

  g_return_if_fail (SALES_IS_EXPORTER (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  json = g_string_sized_new (n_ids * 8 + 2);
  g_string_append_c (json, '[');
  for (gsize i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  g_free (self->ids_json);
  self->ids_json = g_string_free (json, FALSE);
  self->n_ids = n_ids;
}

/**
 * sales_exporter_set_deal_filter:
 * @filter: the board's filter
 * @now: the clock its close ranges are judged by, Unix seconds
 *
 * Exports the deals @filter keeps, as it is now; only for %SALES_EXPORT_DEALS.
 */
void
sales_exporter_set_deal_filter (SalesExporter   *self,
                                SalesDealFilter *filter,
                                gint64           now)
{
  g_return_if_fail (SALES_IS_EXPORTER (self));
  g_return_if_fail (SALES_IS_DEAL_FILTER (filter));
  g_return_if_fail (self->table == SALES_EXPORT_DEALS);

  g_free (self->filter_sql);
  g_free (self->search_pattern);
  /* The filter speaks of `deal AS d`; the export's alias is x. */
  self->filter_sql = sales_deal_filter_to_sql (filter, now);
  self->search_pattern = sales_deal_filter_get_like_pattern (filter);
}

/**
 * sales_exporter_get_n_rows:
 *
 * Returns: how many rows the last run wrote
 */
guint64
sales_exporter_get_n_rows (SalesExporter *self)
{
  g_return_val_if_fail (SALES_IS_EXPORTER (self), 0);

  return self->n_rows;
}

/**
 * sales_export_format_for_path:
 *
 * Tells the format from the file name's extension: .csv or .xlsx, in any case.
 */
gboolean
sales_export_format_for_path (const char         *path,
                              SalesExportFormat  *format,
                              GError            **error)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && g_ascii_strcasecmp (dot, ".csv") == 0)
    *format = SALES_EXPORT_FORMAT_CSV;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".xlsx") == 0)
    *format = SALES_EXPORT_FORMAT_XLSX;
  else
    {
      g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_FORMAT,
                   /* TRANSLATORS: %s is a file name */
                   _("Cannot tell the format of “%s”: the name must end in .csv or .xlsx"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_database_error (sqlite3  *handle,
                    GError  **error)
{
  g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_DATABASE,
               /* TRANSLATORS: %s says what went wrong, from SQLite (in English) */
               _("Could not read the database: %s"), sqlite3_errmsg (handle));
  return FALSE;
}

static sqlite3 *
open_database (const char  *path,
               GError     **error)
{
  sqlite3 *handle = NULL;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_DATABASE,
                   /* TRANSLATORS: %s is a file name */
                   _("There is no database at %s"), path);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      if (handle != NULL)
        set_database_error (handle, error);
      else
        g_set_error_literal (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_DATABASE,
                             sqlite3_errstr (rc));
      sqlite3_close (handle);
      return NULL;
    }
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
  /* The rows of a deal's customer, stage and owner are looked up all over the file. Read
   * through a memory map, a page in the cache costs no system call: this halved the CPU time
   * of the query on a million deals (3.6 s to 1.5 s). A read error of a mapped page would end
   * the process instead of failing the export, which is the price of it. */
  sqlite3_exec (handle, "PRAGMA mmap_size = " G_STRINGIFY (MMAP_BYTES), NULL, NULL, NULL);
  sqlite3_exec (handle, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
  return handle;
}

static char *
build_query (SalesExporter *self,
             gboolean       count)
{
  const SalesExportTableInfo *info = sales_export_table_info (self->table);
  const char *with = info->with != NULL ? info->with : "";
  const char *filter = self->filter_sql != NULL ? self->filter_sql : "";

  if (count)
    return g_strdup_printf ("SELECT count(*) FROM %s AS d WHERE 1%s", info->counted, filter);

  if (self->ids_json != NULL)
    return g_strdup_printf ("%sSELECT %s FROM json_each (@ids) AS j "
                            "JOIN %s AS x ON x.id = j.value %s ORDER BY j.key",
                            with, info->select, info->table, info->joins);

  /* The deal filter speaks of `deal AS d`: the deal is d here too, under a second name. */
  if (self->filter_sql != NULL)
    return g_strdup_printf ("%sSELECT %s FROM deal AS d, %s AS x %s WHERE x.id = d.id%s "
                            "ORDER BY d.id",
                            with, info->select, info->table, info->joins, filter);

  return g_strdup_printf ("%sSELECT %s FROM %s AS x %s ORDER BY x.id",
                          with, info->select, info->table, info->joins);
}

static void
bind_parameters (SalesExporter *self,
                 sqlite3_stmt  *stmt)
{
  int index;

  /* The instalments' WITH clause counts payments received on or before ?1. */
  if (self->table == SALES_EXPORT_INSTALMENTS)
    sqlite3_bind_text (stmt, 1, "9999-12-31", -1, SQLITE_STATIC);

  index = sqlite3_bind_parameter_index (stmt, "@ids");
  if (index > 0)
    sqlite3_bind_text (stmt, index, self->ids_json, -1, SQLITE_STATIC);

  index = sqlite3_bind_parameter_index (stmt, "@search");
  if (index > 0)
    sqlite3_bind_text (stmt, index, self->search_pattern, -1, SQLITE_STATIC);
}

static gboolean
count_rows (SalesExporter  *self,
            sqlite3        *handle,
            guint64        *total,
            GError        **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (self->ids_json != NULL)
    {
      *total = self->n_ids;
      return TRUE;
    }

  sql = build_query (self, TRUE);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_database_error (handle, error);
  bind_parameters (self, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return set_database_error (handle, error);
    }
  *total = (guint64)sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static char *
make_temporary (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *temporary = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  int fd;

  /* 0666 so that the umask decides, as for any file the user saves. */
  fd = g_mkstemp_full (temporary, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_WRITE,
                   /* TRANSLATORS: the first %s is a file name, the second why it failed */
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      g_free (temporary);
      return NULL;
    }
  close (fd);
  return temporary;
}

static gboolean
write_rows (SalesExporter        *self,
            sqlite3              *handle,
            SalesExportSink      *sink,
            guint64               total,
            SalesExportProgress   progress,
            gpointer              user_data,
            GCancellable         *cancellable,
            GError              **error)
{
  const SalesExportTableInfo *info = sales_export_table_info (self->table);
  g_autofree char *sql = build_query (self, FALSE);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_database_error (handle, error);
  bind_parameters (self, stmt);

  if (!sales_export_sink_header (sink, info->columns, info->n_columns, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = sales_export_sink_row (sink, stmt, error);
      self->n_rows++;
      if (ok && self->n_rows % PROGRESS_ROWS == 0)
        {
          if (progress != NULL)
            progress (self->n_rows, MAX (total, self->n_rows), user_data);
          ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
        }
    }
  if (ok && rc != SQLITE_DONE)
    ok = set_database_error (handle, error);
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * sales_exporter_run:
 * @path: the file to write; replaced only when the export succeeds
 * @format: CSV or .xlsx
 * @progress: (nullable) (scope call): told how many rows are written
 * @cancellable: (nullable): stops the export, leaving no file
 *
 * Writes the rows to @path. May run in any thread; one run at a time.
 *
 * Returns: whether @path was written
 */
gboolean
sales_exporter_run (SalesExporter        *self,
                    const char           *path,
                    SalesExportFormat     format,
                    SalesExportProgress   progress,
                    gpointer              user_data,
                    GCancellable         *cancellable,
                    GError              **error)
{
  g_autoptr(SalesExportSink) sink = NULL;
  g_autofree char *temporary = NULL;
  sqlite3 *handle;
  guint64 total = 0;
  gboolean ok;

  g_return_val_if_fail (SALES_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->n_rows = 0;

  handle = open_database (self->db_path, error);
  if (handle == NULL)
    return FALSE;

  temporary = make_temporary (path, error);
  ok = temporary != NULL;

  /* One read transaction: the count and the rows see the same data. */
  if (ok && sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    ok = set_database_error (handle, error);
  if (ok)
    ok = count_rows (self, handle, &total, error);
  if (ok && format == SALES_EXPORT_FORMAT_XLSX && total > SALES_EXPORT_XLSX_MAX_ROWS)
    {
      g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_TOO_MANY,
                   _("A worksheet holds at most %d rows; export to CSV instead"),
                   SALES_EXPORT_XLSX_MAX_ROWS);
      ok = FALSE;
    }
  if (ok)
    {
      if (format == SALES_EXPORT_FORMAT_CSV)
        sink = sales_export_sink_new_csv (temporary, error);
      else
        sink = sales_export_sink_new_xlsx (temporary, sales_export_table_get_label (self->table),
                                           error);
      ok = sink != NULL;
    }
  if (ok)
    ok = write_rows (self, handle, sink, total, progress, user_data, cancellable, error);
  if (ok)
    ok = sales_export_sink_finish (sink, error);

  sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (handle);

  if (ok && g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_clear_pointer (&sink, sales_export_sink_free);
      if (temporary != NULL)
        g_unlink (temporary);
      self->n_rows = 0;
      return FALSE;
    }

  if (progress != NULL)
    progress (self->n_rows, self->n_rows, user_data);
  return TRUE;
}
