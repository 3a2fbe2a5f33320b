/* sales-import-assistant.c: "Import…": the file, its first rows and the columns
 *
 * A window of pages in a GtkStack, with Back and Next in the header bar:
 * what the file holds and the file itself, a preview of its first rows with
 * the encoding found (and a menu to choose another) and any cell that is not
 * text in it, then one drop-down per column with the field it goes into.
 * The pages after those (names, duplicates, the run and its summary) are in
 * sales-import-assistant-run.c. Nothing is written before the last step;
 * the import itself is sales_store_import(), the path of the command line.
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

typedef struct
{
  guint  number;
  int    invalid_column;
  GStrv  cells;
} PreviewRow;

G_DEFINE_FINAL_TYPE (SalesImportAssistant, sales_import_assistant, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
preview_row_free (gpointer data)
{
  PreviewRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static SalesImportKind
chosen_kind (SalesImportAssistant *self)
{
  return gtk_check_button_get_active (self->deals_check) ? SALES_IMPORT_DEALS
                                                         : SALES_IMPORT_CUSTOMERS;
}

static gboolean
has_field (SalesImportAssistant *self,
           SalesImportField      field)
{
  guint n = 0;

  sales_import_get_headers (self->job, &n);
  for (guint i = 0; i < n; i++)
    {
      if (sales_import_get_field (self->job, i) == field)
        return TRUE;
    }

  return FALSE;
}

/* The names page is only there when a column holds stages or reps. */
static gboolean
needs_matching (SalesImportAssistant *self)
{
  return (sales_import_get_kind (self->job) == SALES_IMPORT_DEALS &&
          has_field (self, SALES_IMPORT_FIELD_STAGE)) ||
         has_field (self, SALES_IMPORT_FIELD_OWNER);
}

static gboolean
mapping_is_valid (SalesImportAssistant *self)
{
  g_autoptr(GError) error = NULL;

  if (self->job == NULL)
    return FALSE;

  if (sales_import_check_mapping (self->job, &error))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_error), FALSE);
      return TRUE;
    }

  gtk_label_set_text (self->mapping_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error), TRUE);
  return FALSE;
}

static void
update_buttons (SalesImportAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean first = g_str_equal (page, "file");
  gboolean busy = g_str_equal (page, "progress");
  gboolean last = g_str_equal (page, "summary");
  gboolean next = TRUE;
  const char *label = _("_Next");
  const char *subtitle = NULL;

  if (first)
    {
      next = self->path != NULL;
      subtitle = NULL;
    }
  else if (g_str_equal (page, "preview"))
    {
      next = self->job != NULL && sales_import_get_headers (self->job, NULL) != NULL;
      subtitle = _("Preview");
    }
  else if (g_str_equal (page, "mapping"))
    {
      next = mapping_is_valid (self);
      subtitle = _("Columns");
    }
  else if (g_str_equal (page, "matching"))
    {
      next = !self->scanning;
      subtitle = _("Stages and Sales Reps");
    }
  else if (g_str_equal (page, "policy"))
    {
      label = _("_Import");
      subtitle = _("Duplicates");
    }
  else if (last)
    {
      label = _("_Done");
      subtitle = _("Summary");
    }

  gtk_widget_set_visible (self->back_button, !first && !busy && !last);
  gtk_widget_set_visible (self->cancel_button, !busy && !last);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !busy && (!first || next));
  gtk_button_set_label (self->next_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", next && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", !first && !busy && !last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", first);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-rejected", last);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

void
sales_import_assistant_show_page (SalesImportAssistant *self,
                                  const char           *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  update_buttons (self);
}

/* The preview */

static gboolean
take_preview_row (const SalesImportRow  *row,
                  gpointer               user_data,
                  GError               **error)
{
  GPtrArray *rows = user_data;
  PreviewRow *copy = g_new0 (PreviewRow, 1);

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
      PreviewRow *row = g_ptr_array_index (self->preview, r);
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

  update_buttons (self);
}

static void
on_encoding_selected (SalesImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->updating || self->job == NULL || selected >= G_N_ELEMENTS (encodings))
    return;

  sales_import_reader_set_encoding (sales_import_get_reader (self->job), encodings[selected]);
  reread (self);
}

static void
on_sheet_selected (SalesImportAssistant *self)
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
      self->job = sales_import_new (reader, chosen_kind (self));
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

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (widget);
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

/* The columns */

static guint
offered_index (SalesImportAssistant *self,
               SalesImportField      field)
{
  for (guint i = 0; i < self->offered->len; i++)
    {
      if (g_array_index (self->offered, SalesImportField, i) == field)
        return i;
    }

  return 0;
}

static void
sync_mapping (SalesImportAssistant *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_combo_row_set_selected (g_ptr_array_index (self->mapping_rows, i),
                                offered_index (self, sales_import_get_field (self->job, i)));
  self->updating = FALSE;
  update_buttons (self);
}

static void
on_mapping_selected (AdwComboRow          *row,
                     GParamSpec           *pspec,
                     SalesImportAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= self->offered->len)
    return;

  /* A field goes to one column: another column that had it shows "Do not import". */
  sales_import_set_field (self->job, column, g_array_index (self->offered, SalesImportField,
                                                            selected));
  sync_mapping (self);
}

/* The first cell under the header in @column, to show what the column holds. */
static const char *
sample (SalesImportAssistant *self,
        guint                 column)
{
  gboolean past_header = FALSE;

  for (guint r = 0; r < self->preview->len; r++)
    {
      PreviewRow *row = g_ptr_array_index (self->preview, r);

      if (!past_header)
        {
          past_header = g_strv_length (row->cells) > 0;
          continue;
        }
      if (column < g_strv_length (row->cells) && *row->cells[column] != '\0')
        return row->cells[column];
    }

  return NULL;
}

static void
fill_mapping (SalesImportAssistant *self)
{
  SalesImportKind kind = sales_import_get_kind (self->job);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const char * const *headers;
  guint n = 0;

  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);

  g_array_set_size (self->offered, 0);
  for (SalesImportField field = SALES_IMPORT_FIELD_NONE; field < SALES_IMPORT_N_FIELDS; field++)
    {
      if (field == SALES_IMPORT_FIELD_NONE || sales_import_field_applies (kind, field))
        {
          g_array_append_val (self->offered, field);
          gtk_string_list_append (model, sales_import_field_describe (field));
        }
    }

  headers = sales_import_get_headers (self->job, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *title = NULL;
      const char *example = sample (self, i);

      /* The titles and subtitles of rows are markup in libadwaita 1.2. */
      if (*headers[i] != '\0')
        title = g_markup_escape_text (headers[i], -1);
      else
        title = g_strdup_printf (_("Column %u"), i + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (example != NULL)
        {
          g_autofree char *line = g_strdelimit (g_strdup (example), "\r\n\t", ' ');
          g_autofree char *escaped = g_markup_escape_text (line, -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_mapping_selected), self,
                               0);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }

  sync_mapping (self);
}

/* Navigation */

static gboolean
close_in_idle (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "file"))
    {
      if (self->job != NULL && sales_import_get_kind (self->job) == chosen_kind (self))
        sales_import_assistant_show_page (self, "preview");
      else if (self->path != NULL)
        sales_import_assistant_open_path (self, self->path);
    }
  else if (g_str_equal (page, "preview"))
    {
      fill_mapping (self);
      sales_import_assistant_show_page (self, "mapping");
    }
  else if (g_str_equal (page, "mapping"))
    {
      if (needs_matching (self))
        {
          sales_import_assistant_show_page (self, "matching");
          sales_import_assistant_scan_names (self);
        }
      else
        {
          sales_import_assistant_show_page (self, "policy");
        }
    }
  else if (g_str_equal (page, "matching"))
    {
      sales_import_assistant_show_page (self, "policy");
    }
  else if (g_str_equal (page, "policy"))
    {
      SalesImportPolicy policy = SALES_IMPORT_SKIP;

      if (gtk_check_button_get_active (self->merge_check))
        policy = SALES_IMPORT_MERGE;
      else if (gtk_check_button_get_active (self->create_check))
        policy = SALES_IMPORT_CREATE;
      sales_import_set_policy (self->job, policy);
      sales_import_set_create_stages (self->job, gtk_switch_get_active (self->stages_switch));
      sales_import_set_create_reps (self->job, gtk_switch_get_active (self->reps_switch));
      sales_import_assistant_run (self);
    }
  else if (g_str_equal (page, "summary"))
    {
      /* Not from inside the button's own activation: closing there when an assistive
       * technology pressed it crashed GTK 4.8's AT-SPI bridge once in the tests. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_in_idle, g_object_ref (self),
                       g_object_unref);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "preview"))
    sales_import_assistant_show_page (self, "file");
  else if (g_str_equal (page, "mapping"))
    sales_import_assistant_show_page (self, "preview");
  else if (g_str_equal (page, "matching"))
    sales_import_assistant_show_page (self, "mapping");
  else if (g_str_equal (page, "policy"))
    sales_import_assistant_show_page (self, needs_matching (self) ? "matching" : "mapping");
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sales_import_assistant_cancel (SALES_IMPORT_ASSISTANT (widget));
}

static void
save_rejected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  sales_import_assistant_save_rejected (SALES_IMPORT_ASSISTANT (widget));
}

/* Closing while the import runs cancels it; the window goes once it has stopped. */
static gboolean
sales_import_assistant_close_request (GtkWindow *window)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (window);

  if (self->running)
    {
      self->close_after_run = TRUE;
      sales_import_assistant_cancel (self);
      return TRUE;
    }

  if (self->imported)
    {
      self->imported = FALSE;
      sales_import_assistant_post_undo_toast (self);
    }

  return GTK_WINDOW_CLASS (sales_import_assistant_parent_class)->close_request (window);
}

static void
sales_import_assistant_dispose (GObject *object)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_IMPORT_ASSISTANT);

  G_OBJECT_CLASS (sales_import_assistant_parent_class)->dispose (object);
}

static void
sales_import_assistant_finalize (GObject *object)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->run_cancellable);
  g_free (self->path);
  g_ptr_array_unref (self->preview);
  g_ptr_array_unref (self->mapping_rows);
  g_array_unref (self->offered);

  G_OBJECT_CLASS (sales_import_assistant_parent_class)->finalize (object);
}

static void
sales_import_assistant_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_import_assistant_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, SalesImportAssistant, name)

static void
sales_import_assistant_class_init (SalesImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sales_import_assistant_dispose;
  object_class->finalize = sales_import_assistant_finalize;
  object_class->get_property = sales_import_assistant_get_property;
  object_class->set_property = sales_import_assistant_set_property;
  window_class->close_request = sales_import_assistant_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SALES_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-import-assistant.ui");
  BIND (toast_overlay);
  BIND (window_title);
  BIND (cancel_button);
  BIND (back_button);
  BIND (next_button);
  BIND (stack);
  BIND (customers_check);
  BIND (deals_check);
  BIND (file_error);
  BIND (file_row);
  BIND (encoding_row);
  BIND (sheet_row);
  BIND (invalid_label);
  BIND (preview_grid);
  BIND (mapping_group);
  BIND (mapping_error);
  BIND (matching_label);
  BIND (stages_group);
  BIND (stages_row);
  BIND (stages_switch);
  BIND (reps_group);
  BIND (reps_row);
  BIND (reps_switch);
  BIND (skip_check);
  BIND (merge_check);
  BIND (create_check);
  BIND (policy_message);
  BIND (progress_page);
  BIND (progress_bar);
  BIND (counts_group);
  BIND (imported_label);
  BIND (merged_label);
  BIND (skipped_label);
  BIND (rejected_label);
  BIND (rejected_group);
  BIND (rejected_list);
  gtk_widget_class_bind_template_callback (widget_class, on_encoding_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_selected);

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL,
                                   choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.save-rejected", NULL,
                                   save_rejected_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "import.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "import.next",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose-file", NULL);
}

static void
sales_import_assistant_init (SalesImportAssistant *self)
{
  self->preview = g_ptr_array_new_with_free_func (preview_row_free);
  self->mapping_rows = g_ptr_array_new ();
  self->offered = g_array_new (FALSE, FALSE, sizeof (SalesImportField));
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->next_button));
  update_buttons (self);
}

/**
 * sales_import_assistant_new:
 * @parent: (nullable): the main window, where the Undo toast goes
 *
 * Returns: (transfer floating): the assistant, to present
 */
GtkWidget *
sales_import_assistant_new (GtkWindow  *parent,
                            SalesStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return g_object_new (SALES_TYPE_IMPORT_ASSISTANT, "store", store, "transient-for", parent,
                       NULL);
}

const char *
sales_import_assistant_get_page (SalesImportAssistant *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_ASSISTANT (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sales_import_assistant_get_import:
 *
 * Returns: (transfer none) (nullable): the import set up so far
 */
SalesImport *
sales_import_assistant_get_import (SalesImportAssistant *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_ASSISTANT (self), NULL);

  return self->job;
}
