/* sales-import-assistant-file.c: "Import…": opening the file and its preview
 *
 * The first pages of the assistant: the file chosen (or given), checked to be a
 * spreadsheet, read with the encoding found or chosen and from the sheet chosen, and its
 * first rows shown with any cell that is not text named under them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-import-assistant-private.h"

/* Rows of the file in the preview, the header among them. */
#define PREVIEW_ROWS 12

/* Cells of the invalid rows named under the preview. */
#define MAX_INVALID_LISTED 5

/* Bytes looked at to tell a spreadsheet from another kind of file. */
#define SNIFF_BYTES 4096

/* The encodings the menu offers, in its order. */
static const SalesImportEncoding encodings[] = {
  SALES_IMPORT_ENCODING_AUTO,
  SALES_IMPORT_ENCODING_UTF8,
  SALES_IMPORT_ENCODING_GB18030,
  SALES_IMPORT_ENCODING_UTF16,
};

/* The preview */

static gboolean
take_preview_row (const SalesImportRow  *row,
                  gpointer               user_data,
                  GError               **error)
{
  GPtrArray *rows = user_data;
  SalesImportPreviewRow *copy = g_new0 (SalesImportPreviewRow, 1);

  copy->number = row->number;
  copy->invalid_column = row->invalid_column;
  copy->cells = g_new0 (char *, row->n_cells + 1);
  for (guint i = 0; i < row->n_cells; i++)
    copy->cells[i] = g_strdup (row->cells[i]);
  g_ptr_array_add (rows, copy);

  return rows->len < PREVIEW_ROWS;
}

static GtkWidget *
preview_cell (const char *text,
              gboolean    header,
              gboolean    invalid)
{
  g_autofree char *line = g_strdup (text);
  GtkWidget *label;

  /* One line a cell: a quoted line break shows as a space. */
  g_strdelimit (line, "\r\n\t", ' ');
  label = gtk_label_new (invalid ? "⚠" : line);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (invalid)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_tooltip_text (label, _("Not text in this encoding"));
    }
  else if (*line != '\0')
    gtk_widget_set_tooltip_text (label, text);

  return label;
}

static const char *
describe_encoding (SalesImportAssistant *self)
{
  SalesImportReader *reader = sales_import_get_reader (self->job);
  SalesImportEncoding encoding = sales_import_reader_get_encoding (reader);

  if (encoding == SALES_IMPORT_ENCODING_AUTO)
    encoding = sales_import_reader_get_detected_encoding (reader);
  return sales_import_encoding_describe (encoding);
}

static void
fill_preview (SalesImportAssistant *self)
{
  g_autoptr(GString) invalid = g_string_new (NULL);
  guint header_row = 0;
  guint n_invalid = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (guint r = 0; r < self->preview->len; r++)
    {
      SalesImportPreviewRow *row = g_ptr_array_index (self->preview, r);
      g_autofree char *number = g_strdup_printf ("%u", row->number);
      GtkWidget *label = gtk_label_new (number);
      gboolean header;

      /* The header is the first row that is not blank, as sales_import_read_header() has
       * it: a row with a cell that is not text is not blank. */
      if (header_row == 0 && row->invalid_column >= 0)
        header_row = row->number;
      for (guint c = 0; header_row == 0 && row->cells[c] != NULL; c++)
        {
          if (*row->cells[c] != '\0')
            header_row = row->number;
        }
      header = row->number == header_row;

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (self->preview_grid, label, 0, (int)r, 1, 1);
      for (guint c = 0; row->cells[c] != NULL; c++)
        gtk_grid_attach (self->preview_grid,
                         preview_cell (row->cells[c], header, (int)c == row->invalid_column),
                         (int)c + 1, (int)r, 1, 1);

      if (row->invalid_column >= 0 && n_invalid++ < MAX_INVALID_LISTED)
        {
          if (invalid->len > 0)
            g_string_append_c (invalid, '\n');
          /* TRANSLATORS: "Row 3, column 2 is not Chinese (GB18030, GBK) text" */
          g_string_append_printf (invalid, _("Row %u, column %d is not %s text"), row->number,
                                  row->invalid_column + 1, describe_encoding (self));
        }
    }

  if (n_invalid > 0)
    g_string_append_printf (invalid, "\n%s",
                            _("Choose the encoding the file was saved in; rows that are "
                              "still not text are rejected and listed at the end."));
  gtk_label_set_text (self->invalid_label, invalid->str);
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_label), n_invalid > 0);
}

static gboolean
read_file (SalesImportAssistant  *self,
           GError               **error)
{
  g_ptr_array_set_size (self->preview, 0);

  return sales_import_reader_read (sales_import_get_reader (self->job), take_preview_row,
                                   self->preview, NULL, error) &&
         sales_import_read_header (self->job, NULL, error);
}

static void
fill_encodings (SalesImportAssistant *self)
{
  SalesImportReader *reader = sales_import_get_reader (self->job);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *found = NULL;

  /* TRANSLATORS: %s is the encoding found, such as "UTF-8" or "Chinese (GB18030, GBK)" */
  found = g_strdup_printf (_("Found in the file: %s"), sales_import_encoding_describe (
                                 sales_import_reader_get_detected_encoding (reader)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), found);
  gtk_string_list_append (model, C_("encoding", "Automatic"));
  for (guint i = 1; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (model, sales_import_encoding_describe (encodings[i]));

  self->updating = TRUE;
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->encoding_row, 0);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row),
                          sales_import_reader_get_format (reader) == SALES_IMPORT_FORMAT_TEXT);
}

static void
fill_sheets (SalesImportAssistant *self)
{
  SalesImportReader *reader = sales_import_get_reader (self->job);
  g_auto(GStrv) sheets = NULL;
  g_autoptr(GtkStringList) model = NULL;

  if (sales_import_reader_get_format (reader) == SALES_IMPORT_FORMAT_XLSX)
    sheets = sales_import_reader_list_sheets (reader, NULL);

  model = gtk_string_list_new ((const char * const *)sheets);
  self->updating = TRUE;
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->sheet_row, 0);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), sheets != NULL && sheets[1] != NULL);
}

/* Reads the file again after its encoding or sheet changed. */
static void
reread (SalesImportAssistant *self)
{
  g_autoptr(GError) error = NULL;

  if (!read_file (self, &error))
    {
      gtk_label_set_text (self->invalid_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->invalid_label), TRUE);
      g_ptr_array_set_size (self->preview, 0);
    }
  else
    {
      fill_preview (self);
    }

  sales_import_assistant_update_buttons (self);
}

void
sales_import_assistant_on_encoding_selected (SalesImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->updating || self->job == NULL || selected >= G_N_ELEMENTS (encodings))
    return;

  sales_import_reader_set_encoding (sales_import_get_reader (self->job), encodings[selected]);
  reread (self);
}

void
sales_import_assistant_on_sheet_selected (SalesImportAssistant *self)
{
  GObject *item = adw_combo_row_get_selected_item (self->sheet_row);

  if (self->updating || self->job == NULL || item == NULL)
    return;

  sales_import_reader_set_sheet (sales_import_get_reader (self->job),
                                 gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  reread (self);
}

/* Opening the file */

/* What GLib or the reader cannot say: a file that is no spreadsheet at all. */
static gboolean
check_kind_of_file (const char  *path,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 head[SNIFF_BYTES];
  gsize n = 0;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL,
                                &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("“%s” could not be read: %s"), name, local_error->message);
      return FALSE;
    }

  if (n == 0)
    {
      g_set_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_FORMAT,
                   _("“%s” is empty: there are no rows to import"), name);
      return FALSE;
    }

  if (n >= 4 && memcmp (head, "\xD0\xCF\x11\xE0", 4) == 0)
    {
      g_set_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_FORMAT,
                   _("“%s” is an Excel 97–2003 workbook (.xls), which cannot be read. Open "
                     "it in Excel or WPS and save it as an Excel workbook (.xlsx) or CSV."),
                   name);
      return FALSE;
    }

  /* A zip is read as a workbook; UTF-16 text has a BOM; other text has no NUL. */
  if ((n >= 4 && memcmp (head, "PK\x03\x04", 4) == 0) ||
      (n >= 2 && (memcmp (head, "\xFF\xFE", 2) == 0 || memcmp (head, "\xFE\xFF", 2) == 0)) ||
      memchr (head, '\0', n) == NULL)
    return TRUE;

  g_set_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_FORMAT,
               _("“%s” is not a spreadsheet. Choose an Excel workbook (.xlsx) or a CSV or "
                 "TSV file."), name);
  return FALSE;
}

static void
show_file_error (SalesImportAssistant *self,
                 const char           *message)
{
  gtk_label_set_text (self->file_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), TRUE);
  sales_import_assistant_show_page (self, "file");
}

/**
 * sales_import_assistant_open_path:
 *
 * Reads the first rows of @path as the kind chosen and shows them; on an
 * error, says what is wrong on the first page.
 *
 * Returns: whether the preview is shown
 */
gboolean
sales_import_assistant_open_path (SalesImportAssistant *self,
                                  const char           *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImportReader) reader = NULL;
  g_autofree char *name = NULL;
  g_autofree char *owned_path = NULL;
  const char *format;

  g_return_val_if_fail (SALES_IS_IMPORT_ASSISTANT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  owned_path = g_strdup (path);
  g_free (self->path);
  self->path = g_steal_pointer (&owned_path);
  g_clear_object (&self->job);
  g_ptr_array_set_size (self->preview, 0);
  name = g_filename_display_basename (path);

  if (!check_kind_of_file (path, name, &error))
    {
      show_file_error (self, error->message);
      return FALSE;
    }

  reader = sales_import_reader_new_for_path (path, &error);
  if (reader != NULL)
    {
      self->job = sales_import_new (reader, sales_import_assistant_chosen_kind (self));
      if (!read_file (self, &error))
        g_clear_object (&self->job);
    }

  if (self->job == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_FORMAT))
        message = g_strdup_printf (_("“%s” is not a spreadsheet that can be read: %s"), name,
                                   error->message);
      else
        message = g_strdup_printf (_("“%s” could not be read: %s"), name, error->message);
      show_file_error (self, message);
      return FALSE;
    }

  if (sales_import_get_headers (self->job, NULL) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is empty: there are no rows to "
                                                    "import"), name);

      g_clear_object (&self->job);
      show_file_error (self, message);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->file_error), FALSE);
  format = sales_import_reader_get_format (reader) == SALES_IMPORT_FORMAT_XLSX
           ? _("Excel workbook") : _("Text with values separated by commas or tabs");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, format);
  fill_encodings (self);
  fill_sheets (self);
  fill_preview (self);
  sales_import_assistant_show_page (self, "preview");
  return TRUE;
}

static void
on_chooser_response (SalesImportAssistant *self,
                     int                   response,
                     GtkNativeDialog      *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_file_error (self, _("Only files on this computer can be imported"));
      return;
    }

  sales_import_assistant_open_path (self, path);
}

void
sales_import_assistant_choose_file (SalesImportAssistant *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .csv, .tsv, .txt)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}
