/* sales-targets-window.c: the sales targets of a year, for the whole team and each rep
 *
 * The window holds the grid (sales-targets-grid.c), the year, which of the three targets it
 * shows, and the two ways of filling in many cells at once: spreading a yearly figure over
 * the months of one row, and copying last year's grid changed by a percentage. Every write
 * is one store action; the toast after it offers Undo, and so do Ctrl+Z and the menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-money.h"
#include "sales-read-only.h"
#include "sales-targets-window.h"
#include "sales-toast.h"
#include "sales-undo-toast.h"

/* As long as libadwaita keeps a toast by default. */
#define UNDO_TIMEOUT_S 5

struct _SalesTargetsWindow
{
  AdwWindow         parent_instance;

  SalesStore       *store;
  SalesTargetsGrid *grid;
  AdwToast         *toast;
  /* Whether the store's undo entry is the last write made here. */
  gboolean          can_undo;

  AdwToastOverlay  *toast_overlay;
  GtkSpinButton    *year_spin;
  GtkToggleButton  *amount_toggle;
  GtkToggleButton  *stretch_toggle;
  GtkToggleButton  *customers_toggle;
  GtkScrolledWindow *scroller;
};

G_DEFINE_FINAL_TYPE (SalesTargetsWindow, sales_targets_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (SalesTargetsWindow *self,
            AdwToast           *toast)
{
  /* Gone with the window's template while it is destroyed. */
  if (self->toast_overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_problem (SalesTargetsWindow *self,
              const char         *message)
{
  AdwToast *toast = sales_toast_new_text (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
set_can_undo (SalesTargetsWindow *self,
              gboolean            can_undo)
{
  self->can_undo = can_undo;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.undo", can_undo);
}

/* From the action (Ctrl+Z); the toast's Undo goes through on_toast_undone(). */
static void
undo (SalesTargetsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->can_undo)
    return;

  set_can_undo (self, FALSE);
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  if (!sales_store_undo (self->store, &error))
    show_problem (self, error->message);
  sales_targets_grid_reload (self->grid);
}

/* After the toast's Undo has undone the write (libadwaita takes the toast away). */
static void
on_toast_undone (SalesTargetsWindow *self)
{
  set_can_undo (self, FALSE);
  sales_targets_grid_reload (self->grid);
}

/* After each write: what it was, and Undo. */
static void
on_written (SalesTargetsWindow *self,
            const char         *message)
{
  AdwToast *toast = sales_undo_toast_new (GTK_WIDGET (self), self->store, message,
                                          UNDO_TIMEOUT_S);

  set_can_undo (self, TRUE);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undone), self,
                           G_CONNECT_SWAPPED);
  show_toast (self, toast);
}

static void
on_grid_written (SalesTargetsWindow *self)
{
  on_written (self, NULL);
}

static void
on_year_changed (SalesTargetsWindow *self)
{
  /* The template sets the year before the grid exists. */
  if (self->grid == NULL)
    return;
  sales_targets_grid_set_year (self->grid, gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
on_field_toggled (SalesTargetsWindow *self,
                  GtkToggleButton    *button)
{
  if (self->grid == NULL || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->stretch_toggle)
    sales_targets_grid_set_field (self->grid, SALES_TARGET_STRETCH);
  else if (button == self->customers_toggle)
    sales_targets_grid_set_field (self->grid, SALES_TARGET_NEW_CUSTOMERS);
  else
    sales_targets_grid_set_field (self->grid, SALES_TARGET_AMOUNT);
}

static const char *
field_name (SalesTargetField field)
{
  switch (field)
    {
    case SALES_TARGET_STRETCH:
      return _("stretch target");
    case SALES_TARGET_NEW_CUSTOMERS:
      return _("new customers target");
    case SALES_TARGET_AMOUNT:
    default:
      return _("base target");
    }
}

static gboolean
parse_total (SalesTargetField   field,
             const char        *text,
             gint64            *total,
             GError           **error)
{
  gint64 cents;

  if (field != SALES_TARGET_NEW_CUSTOMERS)
    return sales_money_parse (text, total, error);
  if (!sales_money_parse (text, &cents, NULL) || cents % 100 != 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is not a number of customers"), text);
      return FALSE;
    }
  *total = cents / 100;
  return TRUE;
}

/* Spreading a yearly target */

static void
on_spread_total_changed (AdwMessageDialog *dialog)
{
  SalesTargetsWindow *self = g_object_get_data (G_OBJECT (dialog), "window");
  GtkEditable *total_row = g_object_get_data (G_OBJECT (dialog), "total-row");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (dialog), "error-label");
  g_autoptr(GError) error = NULL;
  gint64 total;
  gboolean valid;

  valid = parse_total (sales_targets_grid_get_field (self->grid),
                       gtk_editable_get_text (total_row), &total, &error);
  gtk_label_set_label (error_label, valid ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), !valid);
  adw_message_dialog_set_response_enabled (dialog, "spread", valid);
}

static void
on_spread_response (SalesTargetsWindow *self,
                    const char         *response,
                    AdwMessageDialog   *dialog)
{
  GtkEditable *total_row = g_object_get_data (G_OBJECT (dialog), "total-row");
  GtkCheckButton *like = g_object_get_data (G_OBJECT (dialog), "like-last-year");
  gint64 owner_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "owner-id"));
  SalesTargetField field = sales_targets_grid_get_field (self->grid);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 total;

  if (!g_str_equal (response, "spread"))
    return;

  if (!parse_total (field, gtk_editable_get_text (total_row), &total, &error) ||
      !sales_store_spread_targets (self->store, owner_id,
                                   sales_targets_grid_get_year (self->grid), field, total,
                                   gtk_check_button_get_active (like), &error))
    {
      show_problem (self, error->message);
      return;
    }

  sales_targets_grid_reload (self->grid);
  /* TRANSLATORS: %s is what was spread, e.g. "base target" */
  message = g_strdup_printf (_("Spread the %s over the twelve months"), field_name (field));
  on_written (self, message);
}

static GtkWidget *
add_extra (AdwMessageDialog *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_message_dialog_set_extra_child (dialog, box);
  return box;
}

static GtkWidget *
add_boxed_list (GtkWidget *box)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  return list;
}

/**
 * sales_targets_window_spread:
 *
 * Asks for a yearly figure for the row of the grid's cursor and how to share it, then sets
 * the twelve months of the shown target.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
sales_targets_window_spread (SalesTargetsWindow *self)
{
  SalesTargetField field;
  guint row;
  gint64 total = 0;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *total_row;
  GtkWidget *evenly;
  GtkWidget *like;
  GtkWidget *error_label;

  g_return_val_if_fail (SALES_IS_TARGETS_WINDOW (self), NULL);

  if (sales_targets_grid_is_editing (self->grid) && !sales_targets_grid_commit (self->grid))
    return NULL;

  field = sales_targets_grid_get_field (self->grid);
  sales_targets_grid_get_cursor (self->grid, &row, NULL);
  for (guint month = 0; month < 12; month++)
    total += sales_targets_grid_get_value (self->grid, row, month);

  /* TRANSLATORS: the first %s is a kind of target ("base target"), the second the whole team
   * or a rep, %d a year */
  body = g_strdup_printf (_("Sets the %s of %s for each month of %d from one figure for the "
                            "year."),
                          field_name (field), sales_targets_grid_get_row_name (self->grid, row),
                          sales_targets_grid_get_year (self->grid));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Spread a Yearly Target"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "spread", _("_Spread"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "spread",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "spread");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = add_extra (ADW_MESSAGE_DIALOG (dialog));
  list = add_boxed_list (box);
  total_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (total_row), _("Target for the Year"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (total_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Target for the Year"), -1);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (total_row), GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (total_row), TRUE);
  text = field == SALES_TARGET_NEW_CUSTOMERS ? g_strdup_printf ("%" G_GINT64_FORMAT, total)
                                             : sales_money_format_plain (total);
  gtk_editable_set_text (GTK_EDITABLE (total_row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), total_row);

  evenly = gtk_check_button_new_with_mnemonic (_("_Evenly, the remainder in December"));
  like = gtk_check_button_new_with_mnemonic (_("_Like last year’s won amounts, month by month"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (like), GTK_CHECK_BUTTON (evenly));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (evenly), TRUE);
  gtk_box_append (GTK_BOX (box), evenly);
  gtk_box_append (GTK_BOX (box), like);

  error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), error_label);

  g_object_set_data (G_OBJECT (dialog), "window", self);
  g_object_set_data (G_OBJECT (dialog), "total-row", total_row);
  g_object_set_data (G_OBJECT (dialog), "like-last-year", like);
  g_object_set_data (G_OBJECT (dialog), "error-label", error_label);
  g_object_set_data (G_OBJECT (dialog), "owner-id",
                     GSIZE_TO_POINTER ((gsize)sales_targets_grid_get_row_owner (self->grid, row)));
  g_signal_connect_swapped (total_row, "changed", G_CALLBACK (on_spread_total_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_spread_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Copying last year's targets */

static void
on_copy_response (SalesTargetsWindow *self,
                  const char         *response,
                  AdwMessageDialog   *dialog)
{
  GtkSpinButton *percent = g_object_get_data (G_OBJECT (dialog), "percent-spin");
  int year = sales_targets_grid_get_year (self->grid);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint copied;

  if (!g_str_equal (response, "copy"))
    return;

  gtk_spin_button_update (percent);
  if (!sales_store_copy_year_targets (self->store, year,
                                      gtk_spin_button_get_value_as_int (percent), &copied,
                                      &error))
    {
      show_problem (self, error->message);
      return;
    }
  if (copied == 0)
    {
      message = g_strdup_printf (_("%d has no targets to copy"), year - 1);
      show_problem (self, message);
      return;
    }

  sales_targets_grid_reload (self->grid);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copied %u target from %d",
                                          "Copied %u targets from %d", copied),
                             copied, year - 1);
  on_written (self, message);
}

/* Enter in the percentage copies, as in an entry that activates the default response
 * (GtkSpinButton only has an activate signal from GTK 4.14). */
static gboolean
on_percent_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkSpinButton         *percent)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter)
    return FALSE;

  gtk_spin_button_update (percent);
  gtk_widget_activate_action (GTK_WIDGET (percent), "default.activate", NULL);
  return TRUE;
}

/**
 * sales_targets_window_copy_last_year:
 *
 * Asks by how many percent last year's targets change, then sets the whole grid of the year
 * from them (sales_store_copy_year_targets()).
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
sales_targets_window_copy_last_year (SalesTargetsWindow *self)
{
  int year;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *percent;
  GtkWidget *unit;
  GtkEventController *keys;

  g_return_val_if_fail (SALES_IS_TARGETS_WINDOW (self), NULL);

  if (sales_targets_grid_is_editing (self->grid) && !sales_targets_grid_commit (self->grid))
    return NULL;

  year = sales_targets_grid_get_year (self->grid);
  body = g_strdup_printf (_("Sets every target of %d, for the whole team and each rep, to the "
                            "same month of %d changed by a percentage. Months without a "
                            "target in %d stay as they are."),
                          year, year - 1, year - 1);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Copy Targets from Last Year"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("C_opy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = add_extra (ADW_MESSAGE_DIALOG (dialog));
  list = add_boxed_list (box);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Change"));
  /* xgettext:no-c-format */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("For example 10 for 10 % more, "
                                                       "−5 for 5 % less"));
  percent = gtk_spin_button_new_with_range (-100, 1000, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (percent), 0);
  gtk_widget_set_valign (percent, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (percent), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change in percent"), -1);
  unit = gtk_label_new ("%");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), percent);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), percent);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  g_object_set_data (G_OBJECT (dialog), "percent-spin", percent);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_percent_key), percent);
  gtk_widget_add_controller (percent, keys);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Actions */

static void
spread_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sales_targets_window_spread (SALES_TARGETS_WINDOW (widget));
}

static void
copy_last_year_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  sales_targets_window_copy_last_year (SALES_TARGETS_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  undo (SALES_TARGETS_WINDOW (widget));
}

/* What changes data: off for a file opened read-only (Undo never has anything to undo). */
static const char * const edit_actions[] = {
  "targets.spread",
  "targets.copy-last-year",
  NULL,
};

static void
sales_targets_window_constructed (GObject *object)
{
  SalesTargetsWindow *self = (SalesTargetsWindow *)object;

  G_OBJECT_CLASS (sales_targets_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->grid = SALES_TARGETS_GRID (sales_targets_grid_new (self->store));
  gtk_widget_set_halign (GTK_WIDGET (self->grid), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->grid), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sales Targets"), -1);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->grid));
  g_signal_connect_object (self->grid, "written", G_CALLBACK (on_grid_written), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "problem", G_CALLBACK (show_problem), self,
                           G_CONNECT_SWAPPED);

  gtk_spin_button_set_value (self->year_spin, sales_targets_grid_get_year (self->grid));
  set_can_undo (self, FALSE);
  sales_read_only_disable_actions (GTK_WIDGET (self), self->store, edit_actions);
  /* The window opens on the whole team's January, ready for typing. */
  sales_targets_grid_set_cursor (self->grid, 0, 0);
}

static void
sales_targets_window_dispose (GObject *object)
{
  SalesTargetsWindow *self = (SalesTargetsWindow *)object;

  g_clear_weak_pointer (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_TARGETS_WINDOW);

  G_OBJECT_CLASS (sales_targets_window_parent_class)->dispose (object);
}

static void
sales_targets_window_finalize (GObject *object)
{
  SalesTargetsWindow *self = (SalesTargetsWindow *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_targets_window_parent_class)->finalize (object);
}

static void
sales_targets_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SalesTargetsWindow *self = SALES_TARGETS_WINDOW (object);

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
sales_targets_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SalesTargetsWindow *self = SALES_TARGETS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_targets_window_class_init (SalesTargetsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_targets_window_constructed;
  object_class->dispose = sales_targets_window_dispose;
  object_class->finalize = sales_targets_window_finalize;
  object_class->get_property = sales_targets_window_get_property;
  object_class->set_property = sales_targets_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-targets-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesTargetsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesTargetsWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesTargetsWindow, amount_toggle);
  gtk_widget_class_bind_template_child (widget_class, SalesTargetsWindow, stretch_toggle);
  gtk_widget_class_bind_template_child (widget_class, SalesTargetsWindow, customers_toggle);
  gtk_widget_class_bind_template_child (widget_class, SalesTargetsWindow, scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_toggled);

  gtk_widget_class_install_action (widget_class, "targets.spread", NULL, spread_action);
  gtk_widget_class_install_action (widget_class, "targets.copy-last-year", NULL,
                                   copy_last_year_action);
  gtk_widget_class_install_action (widget_class, "targets.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "targets.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sales_targets_window_init (SalesTargetsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_targets_window_new:
 * @parent: (nullable): the window it belongs to
 */
GtkWidget *
sales_targets_window_new (GtkWindow  *parent,
                          SalesStore *store)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return g_object_new (SALES_TYPE_TARGETS_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * sales_targets_window_get_grid:
 *
 * Returns: (transfer none): the grid
 */
SalesTargetsGrid *
sales_targets_window_get_grid (SalesTargetsWindow *self)
{
  g_return_val_if_fail (SALES_IS_TARGETS_WINDOW (self), NULL);

  return self->grid;
}

void
sales_targets_window_set_year (SalesTargetsWindow *self,
                               int                 year)
{
  g_return_if_fail (SALES_IS_TARGETS_WINDOW (self));

  gtk_spin_button_set_value (self->year_spin, year);
}
