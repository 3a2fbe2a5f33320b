/* sales-export-writer.c: rows of cells into a CSV file or an .xlsx workbook
 *
 * CSV is UTF-8 with a byte order mark, which is what makes Excel read it as
 * UTF-8 rather than in the system's code page (GBK on Chinese Windows); rows
 * end in CRLF as RFC 4180 and Excel have it. A field is quoted only when it
 * has to be (a comma, a quote, a line break, or spaces at an end), with
 * libcsv's csv_write(), which doubles the quotes inside.
 *
 * Numbers are written as plain numbers: amounts with a point and two decimals
 * and without thousands separators, whatever the locale, so that a
 * spreadsheet in any language reads them as numbers. Dates are ISO and times
 * are local, to the minute, as the user saw them in the app.
 *
 * Text that a spreadsheet could take for a formula (starting with "=", "+",
 * "-", "@", a tab or a carriage return) gets an apostrophe in front, in both
 * formats (sales_export_neutralize()). Numbers are not text: an amount is
 * written from an integer by this file, so "-12.50" can only ever be a
 * number, which no spreadsheet runs, and it stays a number. Amounts cannot be
 * negative in the schema today; "Outstanding" could only become so through
 * an over-payment, which the store refuses.
 *
 * The workbook is written in libxlsxwriter's constant_memory mode: each row
 * goes to a temporary file when the next one starts, so a million rows cost
 * no more memory than one. Text is stored inline in that mode.
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
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "sales-activity.h"
#include "sales-customer-list.h"
#include "sales-export-private.h"

/* The widths of columns are judged on the first rows only. */
#define WIDTH_SAMPLE_ROWS 1000
#define MIN_WIDTH 6
#define MAX_WIDTH 50

/* Excel keeps at most this many characters in a cell. */
#define XLSX_MAX_CHARS 32767

#define CSV_FLUSH_BYTES (256 * 1024)

struct _SalesExportSink
{
  SalesExportFormat        format;
  char                    *path;
  const SalesExportColumn *columns;
  guint                    n_columns;
  guint64                  rows;

  /* CSV */
  FILE                    *file;
  GString                 *buffer;

  /* xlsx */
  lxw_workbook            *workbook;
  lxw_worksheet           *sheet;
  lxw_format              *header_format;
  lxw_format              *amount_format;
  lxw_format              *date_format;
  lxw_format              *time_format;
  double                  *widths;
};

static gboolean
needs_neutralizing (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/**
 * sales_export_neutralize:
 * @text: the text of a cell
 *
 * Returns: (transfer full): @text with an apostrophe in front when a
 *   spreadsheet could take it for a formula or a command, else a copy of @text
 */
char *
sales_export_neutralize (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (needs_neutralizing (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static gboolean
set_write_error (SalesExportSink  *sink,
                 int               saved_errno,
                 GError          **error)
{
  g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_WRITE,
               /* TRANSLATORS: the first %s is a file name, the second why it failed */
               _("Could not write “%s”: %s"), sink->path, g_strerror (saved_errno));
  return FALSE;
}

static const char *
label_for (SalesExportType  type,
           const char      *text)
{
  SalesActivityKind kind;

  if (type == SALES_EXPORT_SOURCE)
    return sales_customer_source_to_label (text);
  if (type == SALES_EXPORT_KIND && sales_activity_kind_from_string (text, &kind))
    return sales_activity_kind_get_label (kind);
  return text;
}

static gboolean
local_time (gint64     seconds,
            struct tm *tm)
{
  time_t t = (time_t)seconds;

  return localtime_r (&t, tm) != NULL;
}

/* CSV */

static void
csv_append_text (GString    *buffer,
                 const char *text,
                 gsize       length)
{
  gboolean quote = length > 0 && (text[0] == ' ' || text[length - 1] == ' ');
  gsize start;

  for (gsize i = 0; !quote && i < length; i++)
    quote = text[i] == ',' || text[i] == '"' || text[i] == '\n' || text[i] == '\r';

  if (!quote)
    {
      g_string_append_len (buffer, text, length);
      return;
    }

  /* csv_write() needs at most two quotes and every byte doubled. */
  start = buffer->len;
  g_string_set_size (buffer, start + 2 * length + 2);
  g_string_truncate (buffer, start + csv_write (buffer->str + start, 2 * length + 2,
                                                text, length));
}

/* printf() was a fifth of the time of writing a row: numbers are written digit by digit. */
static void
csv_append_unsigned (GString *buffer,
                     guint64  value,
                     guint    min_digits)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0 || n < min_digits);

  while (n > 0)
    g_string_append_c (buffer, digits[--n]);
}

static void
csv_append_int64 (GString *buffer,
                  gint64   value)
{
  if (value < 0)
    g_string_append_c (buffer, '-');
  csv_append_unsigned (buffer, value < 0 ? -(guint64)value : (guint64)value, 1);
}

static void
csv_append_cents (GString *buffer,
                  gint64   cents)
{
  guint64 magnitude = cents < 0 ? -(guint64)cents : (guint64)cents;

  if (cents < 0)
    g_string_append_c (buffer, '-');
  csv_append_unsigned (buffer, magnitude / 100, 1);
  g_string_append_c (buffer, '.');
  csv_append_unsigned (buffer, magnitude % 100, 2);
}

static void
csv_append_time (GString         *buffer,
                 const struct tm *tm)
{
  csv_append_unsigned (buffer, (guint64)(tm->tm_year + 1900), 4);
  g_string_append_c (buffer, '-');
  csv_append_unsigned (buffer, (guint64)(tm->tm_mon + 1), 2);
  g_string_append_c (buffer, '-');
  csv_append_unsigned (buffer, (guint64)tm->tm_mday, 2);
  g_string_append_c (buffer, ' ');
  csv_append_unsigned (buffer, (guint64)tm->tm_hour, 2);
  g_string_append_c (buffer, ':');
  csv_append_unsigned (buffer, (guint64)tm->tm_min, 2);
}

static void
csv_append_cell (SalesExportSink *sink,
                 sqlite3_stmt    *stmt,
                 guint            column)
{
  SalesExportType type = sink->columns[column].type;
  GString *buffer = sink->buffer;
  const char *text;
  struct tm tm;

  switch (type)
    {
    case SALES_EXPORT_ID:
    case SALES_EXPORT_INTEGER:
      csv_append_int64 (buffer, sqlite3_column_int64 (stmt, column));
      break;

    case SALES_EXPORT_CENTS:
      csv_append_cents (buffer, sqlite3_column_int64 (stmt, column));
      break;

    case SALES_EXPORT_DATE:
      /* The schema keeps these ISO dates (CHECK date(x) IS x): digits and dashes. */
      g_string_append (buffer, (const char *)sqlite3_column_text (stmt, column));
      break;

    case SALES_EXPORT_TIME:
      if (local_time (sqlite3_column_int64 (stmt, column), &tm))
        csv_append_time (buffer, &tm);
      break;

    case SALES_EXPORT_YES_NO:
      if (sqlite3_column_int (stmt, column))
        csv_append_text (buffer, C_("export cell", "Yes"), strlen (C_("export cell", "Yes")));
      break;

    case SALES_EXPORT_TEXT:
    case SALES_EXPORT_SOURCE:
    case SALES_EXPORT_KIND:
    default:
      text = label_for (type, (const char *)sqlite3_column_text (stmt, column));
      if (needs_neutralizing (text))
        {
          g_autofree char *safe = sales_export_neutralize (text);

          csv_append_text (buffer, safe, strlen (safe));
        }
      else
        {
          csv_append_text (buffer, text, strlen (text));
        }
      break;
    }
}

static gboolean
csv_flush (SalesExportSink  *sink,
           GError          **error)
{
  if (sink->buffer->len > 0 &&
      fwrite (sink->buffer->str, 1, sink->buffer->len, sink->file) != sink->buffer->len)
    return set_write_error (sink, errno, error);
  g_string_truncate (sink->buffer, 0);
  return TRUE;
}

SalesExportSink *
sales_export_sink_new_csv (const char  *path,
                           GError     **error)
{
  SalesExportSink *sink = g_new0 (SalesExportSink, 1);

  sink->format = SALES_EXPORT_FORMAT_CSV;
  sink->path = g_strdup (path);
  sink->file = g_fopen (path, "wb");
  if (sink->file == NULL)
    {
      set_write_error (sink, errno, error);
      sales_export_sink_free (sink);
      return NULL;
    }
  sink->buffer = g_string_sized_new (CSV_FLUSH_BYTES + 4096);
  g_string_append (sink->buffer, "\xEF\xBB\xBF");
  return sink;
}

/* xlsx */

static gboolean
set_xlsx_error (SalesExportSink  *sink,
                lxw_error         rc,
                GError          **error)
{
  if (rc == LXW_ERROR_CREATING_XLSX_FILE || rc == LXW_ERROR_CREATING_TMPFILE)
    return set_write_error (sink, errno != 0 ? errno : EIO, error);

  g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_WRITE,
               /* TRANSLATORS: the first %s is a file name, the second why it failed */
               _("Could not write “%s”: %s"), sink->path, lxw_strerror (rc));
  return FALSE;
}

SalesExportSink *
sales_export_sink_new_xlsx (const char  *path,
                            const char  *sheet_name,
                            GError     **error)
{
  SalesExportSink *sink = g_new0 (SalesExportSink, 1);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };

  sink->format = SALES_EXPORT_FORMAT_XLSX;
  sink->path = g_strdup (path);
  sink->workbook = workbook_new_opt (path, &options);
  if (sink->workbook == NULL)
    {
      set_write_error (sink, errno != 0 ? errno : ENOMEM, error);
      sales_export_sink_free (sink);
      return NULL;
    }
  sink->sheet = workbook_add_worksheet (sink->workbook, sheet_name);

  sink->header_format = workbook_add_format (sink->workbook);
  format_set_bold (sink->header_format);
  sink->amount_format = workbook_add_format (sink->workbook);
  format_set_num_format (sink->amount_format, "#,##0.00");
  sink->date_format = workbook_add_format (sink->workbook);
  format_set_num_format (sink->date_format, "yyyy-mm-dd");
  sink->time_format = workbook_add_format (sink->workbook);
  format_set_num_format (sink->time_format, "yyyy-mm-dd hh:mm");
  return sink;
}

/* Roughly how many character widths @text takes: wide (Chinese) characters two. */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0' && width < MAX_WIDTH; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        break;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
note_width (SalesExportSink *sink,
            guint            column,
            double           width)
{
  sink->widths[column] = MAX (sink->widths[column], width);
}

static lxw_error
xlsx_write_text (SalesExportSink *sink,
                 guint            column,
                 const char      *text)
{
  lxw_row_t row = (lxw_row_t)sink->rows;
  g_autofree char *safe = NULL;

  if (text == NULL || text[0] == '\0')
    return LXW_NO_ERROR;

  if (needs_neutralizing (text))
    text = safe = sales_export_neutralize (text);

  /* A cell holds no more; what is longer is cut at a character. */
  if (g_utf8_strlen (text, XLSX_MAX_CHARS + 1) > XLSX_MAX_CHARS)
    {
      char *cut = g_utf8_substring (text, 0, XLSX_MAX_CHARS);

      g_free (safe);
      text = safe = cut;
    }

  if (sink->rows <= WIDTH_SAMPLE_ROWS)
    note_width (sink, column, text_width (text));
  return worksheet_write_string (sink->sheet, row, (lxw_col_t)column, text, NULL);
}

static lxw_error
xlsx_write_cell (SalesExportSink *sink,
                 sqlite3_stmt    *stmt,
                 guint            column)
{
  SalesExportType type = sink->columns[column].type;
  lxw_row_t row = (lxw_row_t)sink->rows;
  lxw_col_t col = (lxw_col_t)column;
  lxw_datetime when = { 0 };
  struct tm tm;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return LXW_NO_ERROR;

  switch (type)
    {
    case SALES_EXPORT_ID:
    case SALES_EXPORT_INTEGER:
      return worksheet_write_number (sink->sheet, row, col,
                                     (double)sqlite3_column_int64 (stmt, column), NULL);

    case SALES_EXPORT_CENTS:
      return worksheet_write_number (sink->sheet, row, col,
                                     (double)sqlite3_column_int64 (stmt, column) / 100.0,
                                     sink->amount_format);

    case SALES_EXPORT_DATE:
      if (sscanf ((const char *)sqlite3_column_text (stmt, column), "%4d-%2d-%2d",
                  &when.year, &when.month, &when.day) != 3)
        return xlsx_write_text (sink, column, (const char *)sqlite3_column_text (stmt, column));
      return worksheet_write_datetime (sink->sheet, row, col, &when, sink->date_format);

    case SALES_EXPORT_TIME:
      if (!local_time (sqlite3_column_int64 (stmt, column), &tm))
        return LXW_NO_ERROR;
      when.year = tm.tm_year + 1900;
      when.month = tm.tm_mon + 1;
      when.day = tm.tm_mday;
      when.hour = tm.tm_hour;
      when.min = tm.tm_min;
      return worksheet_write_datetime (sink->sheet, row, col, &when, sink->time_format);

    case SALES_EXPORT_YES_NO:
      if (!sqlite3_column_int (stmt, column))
        return LXW_NO_ERROR;
      return xlsx_write_text (sink, column, C_("export cell", "Yes"));

    case SALES_EXPORT_TEXT:
    case SALES_EXPORT_SOURCE:
    case SALES_EXPORT_KIND:
    default:
      return xlsx_write_text (sink, column,
                              label_for (type, (const char *)sqlite3_column_text (stmt, column)));
    }
}

/* Width in characters of the columns whose width does not depend on the text. */
static double
fixed_width (SalesExportType type)
{
  switch (type)
    {
    case SALES_EXPORT_ID:
    case SALES_EXPORT_INTEGER:
      return 8;
    case SALES_EXPORT_CENTS:
      return 14;
    case SALES_EXPORT_DATE:
      return 11;
    case SALES_EXPORT_TIME:
      return 17;
    case SALES_EXPORT_TEXT:
    case SALES_EXPORT_YES_NO:
    case SALES_EXPORT_SOURCE:
    case SALES_EXPORT_KIND:
    default:
      return 0;
    }
}

/* Sink */

gboolean
sales_export_sink_header (SalesExportSink          *sink,
                          const SalesExportColumn  *columns,
                          guint                     n_columns,
                          GError                  **error)
{
  sink->columns = columns;
  sink->n_columns = n_columns;

  if (sink->format == SALES_EXPORT_FORMAT_CSV)
    {
      for (guint i = 0; i < n_columns; i++)
        {
          const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "export column", columns[i].title);

          if (i > 0)
            g_string_append_c (sink->buffer, ',');
          csv_append_text (sink->buffer, title, strlen (title));
        }
      g_string_append (sink->buffer, "\r\n");
      return TRUE;
    }

  sink->widths = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "export column", columns[i].title);
      lxw_error rc;

      note_width (sink, i, MAX (text_width (title) + 2, fixed_width (columns[i].type)));
      rc = worksheet_write_string (sink->sheet, 0, (lxw_col_t)i, title, sink->header_format);
      if (rc != LXW_NO_ERROR)
        return set_xlsx_error (sink, rc, error);
    }
  worksheet_freeze_panes (sink->sheet, 1, 0);
  return TRUE;
}

gboolean
sales_export_sink_row (SalesExportSink  *sink,
                       sqlite3_stmt     *stmt,
                       GError          **error)
{
  sink->rows++;

  if (sink->format == SALES_EXPORT_FORMAT_CSV)
    {
      for (guint i = 0; i < sink->n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (sink->buffer, ',');
          if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
            csv_append_cell (sink, stmt, i);
        }
      g_string_append (sink->buffer, "\r\n");
      return sink->buffer->len < CSV_FLUSH_BYTES || csv_flush (sink, error);
    }

  for (guint i = 0; i < sink->n_columns; i++)
    {
      lxw_error rc = xlsx_write_cell (sink, stmt, i);

      if (rc != LXW_NO_ERROR)
        return set_xlsx_error (sink, rc, error);
    }
  return TRUE;
}

gboolean
sales_export_sink_finish (SalesExportSink  *sink,
                          GError          **error)
{
  lxw_workbook *workbook;
  lxw_error rc;

  if (sink->format == SALES_EXPORT_FORMAT_CSV)
    {
      FILE *file;

      if (!csv_flush (sink, error))
        return FALSE;
      file = g_steal_pointer (&sink->file);
      if (fflush (file) != 0 || fsync (fileno (file)) != 0)
        {
          int saved_errno = errno;

          fclose (file);
          return set_write_error (sink, saved_errno, error);
        }
      if (fclose (file) != 0)
        return set_write_error (sink, errno, error);
      return TRUE;
    }

  for (guint i = 0; i < sink->n_columns; i++)
    worksheet_set_column (sink->sheet, (lxw_col_t)i, (lxw_col_t)i,
                          CLAMP (sink->widths[i] + 1, MIN_WIDTH, MAX_WIDTH), NULL);
  worksheet_autofilter (sink->sheet, 0, 0, (lxw_row_t)sink->rows,
                        (lxw_col_t)(sink->n_columns - 1));

  workbook = g_steal_pointer (&sink->workbook);
  errno = 0;
  rc = workbook_close (workbook);
  if (rc != LXW_NO_ERROR)
    return set_xlsx_error (sink, rc, error);
  return TRUE;
}

void
sales_export_sink_free (SalesExportSink *sink)
{
  if (sink == NULL)
    return;

  if (sink->file != NULL)
    fclose (sink->file);
  if (sink->buffer != NULL)
    g_string_free (sink->buffer, TRUE);
  if (sink->workbook != NULL)
    lxw_workbook_free (sink->workbook);
  g_free (sink->widths);
  g_free (sink->path);
  g_free (sink);
}
