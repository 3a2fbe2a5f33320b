/* sales-import-assistant.c: "Import…": the pages, the columns and the navigation
 *
 * A window of pages in a GtkStack, with Back and Next in the header bar:
 * what the file holds and the file itself, a preview of its first rows with
 * the encoding found (and a menu to choose another) and any cell that is not
 * text in it, then one drop-down per column with the field it goes into.
 * Opening the file and its preview are in sales-import-assistant-file.c; the
 * pages after the columns (names, duplicates, the run and its summary) are in
 * sales-import-assistant-run.c. Nothing is written before the last step;
 * the import itself is sales_store_import(), the path of the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-import-assistant-private.h"

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
  SalesImportPreviewRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

SalesImportKind
sales_import_assistant_chosen_kind (SalesImportAssistant *self)
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

void
sales_import_assistant_update_buttons (SalesImportAssistant *self)
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
  sales_import_assistant_update_buttons (self);
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
  sales_import_assistant_update_buttons (self);
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
      SalesImportPreviewRow *row = g_ptr_array_index (self->preview, r);

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

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  sales_import_assistant_choose_file (SALES_IMPORT_ASSISTANT (widget));
}

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
      if (self->job != NULL &&
          sales_import_get_kind (self->job) == sales_import_assistant_chosen_kind (self))
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
  gtk_widget_class_bind_template_callback (widget_class,
                                           sales_import_assistant_on_encoding_selected);
  gtk_widget_class_bind_template_callback (widget_class,
                                           sales_import_assistant_on_sheet_selected);

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
  sales_import_assistant_update_buttons (self);
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
