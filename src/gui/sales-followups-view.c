/* sales-followups-view.c: the Follow-ups view: what is due, by day, with Done and Reschedule
 *
 * Four sections (Overdue, Today, This week, Later), each a SalesFollowupList,
 * are shown in one GtkListView, so that the keyboard moves through all of
 * them and only the rows on screen are built: a flattening model lists, for
 * each section, its header (the section's list itself, present while the
 * section has rows) and then its rows. The floor, GTK 4.8, has no section
 * headers in list views.
 *
 * Chasing payments is follow-up work too: a bar at the top counts the
 * instalments due soon and overdue (SalesCollectionBar), and the view's
 * Receivables toggle swaps the list for SalesReceivablesView, built when
 * first shown. The choice of rep applies to both.
 *
 * Done and Reschedule are actions of the view with the follow-up's id as
 * target, so that the row's buttons, the keyboard shortcut on the selected
 * row and the tests all go the same way; each is one undoable store action,
 * confirmed by a toast with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-collection-bar.h"
#include "sales-followup-ics.h"
#include "sales-followup-row.h"
#include "sales-followups-view.h"
#include "sales-receivables-view.h"
#include "sales-export-job.h"
#include "sales-read-only.h"
#include "sales-toast.h"
#include "sales-undo-toast.h"

#define N_GROUPS (SALES_FOLLOWUP_GROUP_LATER + 1)

/* In the owner filter: the current rep of the settings, whoever that is. */
#define OWNER_MINE G_GINT64_CONSTANT (-1)

#define UNDO_TIMEOUT_S 8

#define MODE_FOLLOW_UPS  "follow-ups"
#define MODE_RECEIVABLES "receivables"

struct _SalesFollowupsView
{
  AdwBin                parent_instance;

  SalesStore           *store;
  SalesSettings        *settings;
  SalesFollowupList    *lists[N_GROUPS];
  GListStore           *headers[N_GROUPS];
  GtkSingleSelection   *selection;
  GListModel           *reps;

  /* gint64, parallel to the owner drop-down's strings: 0 for all, OWNER_MINE, rep ids */
  GArray               *owner_choices;
  gint64                owner_choice;
  AdwToast             *toast;
  GtkNativeDialog      *chooser;
  guint                 day_timer;
  guint                 rebuilding_owners : 1;
  /* MODE_FOLLOW_UPS or MODE_RECEIVABLES, interned */
  const char           *mode;
  /* Not owned: their bins hold them. */
  SalesCollectionBar   *bar;
  SalesReceivablesView *receivables;

  GtkDropDown          *owner_dropdown;
  GtkLabel             *summary_label;
  AdwBin               *bar_bin;
  GtkStack             *mode_stack;
  GtkStack             *stack;
  GtkListView          *list_view;
  AdwBin               *receivables_bin;
};

G_DEFINE_FINAL_TYPE (SalesFollowupsView, sales_followups_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ensure_built (SalesFollowupsView *self);

static void
show_error (SalesFollowupsView *self,
            const GError       *error)
{
  sales_toast_show_error (GTK_WIDGET (self), error);
}

/* After a change the store can undo: a toast names it, with Undo. */
static void
show_undo_toast (SalesFollowupsView *self)
{
  g_assert (SALES_IS_FOLLOWUPS_VIEW (self));

  sales_undo_toast_show (GTK_WIDGET (self), self->store, UNDO_TIMEOUT_S, &self->toast);
}

gint64
sales_followups_view_get_owner_id (SalesFollowupsView *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUPS_VIEW (self), 0);

  if (self->owner_choice == OWNER_MINE)
    return MAX (sales_settings_get_current_rep_id (self->settings), 0);

  return self->owner_choice;
}

static void
update_state (SalesFollowupsView *self)
{
  g_autofree char *summary = NULL;
  guint total = 0;
  guint overdue;

  g_assert (SALES_IS_FOLLOWUPS_VIEW (self));

  for (guint i = 0; i < N_GROUPS; i++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lists[i]));
      gboolean shown = g_list_model_get_n_items (G_LIST_MODEL (self->headers[i])) > 0;

      total += n;
      if (n > 0 && !shown)
        g_list_store_append (self->headers[i], self->lists[i]);
      else if (n == 0 && shown)
        g_list_store_remove_all (self->headers[i]);
    }

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");

  overdue = g_list_model_get_n_items (G_LIST_MODEL (self->lists[SALES_FOLLOWUP_GROUP_OVERDUE]));
  if (overdue > 0)
    /* TRANSLATORS: above the follow-ups list: all planned, then the overdue among them */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned, %u overdue",
                                            "%u planned, %u overdue", total),
                               total, overdue);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned follow-up",
                                            "%u planned follow-ups", total),
                               total);
  gtk_label_set_label (self->summary_label, summary);
}

static void
apply_owner (SalesFollowupsView *self)
{
  gint64 owner_id = sales_followups_view_get_owner_id (self);
  GtkAdjustment *vadjustment;

  g_assert (SALES_IS_FOLLOWUPS_VIEW (self));

  for (guint i = 0; i < N_GROUPS; i++)
    sales_followup_list_set_owner_id (self->lists[i], owner_id);
  sales_collection_bar_set_owner_id (self->bar, owner_id);
  if (self->receivables != NULL)
    sales_receivables_set_owner_id (sales_receivables_view_get_list (self->receivables),
                                    owner_id);
  update_state (self);

  /* Another rep's list starts at its top, headers included. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
rebuild_owners (SalesFollowupsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 current_rep = sales_settings_get_current_rep_id (self->settings);
  guint selected = 0;

  g_assert (SALES_IS_FOLLOWUPS_VIEW (self));

  g_array_set_size (self->owner_choices, 0);

  gtk_string_list_append (names, C_("owner filter", "All"));
  g_array_append_val (self->owner_choices, (gint64) { 0 });

  if (current_rep > 0)
    {
      gtk_string_list_append (names, _("My Follow-ups"));
      g_array_append_val (self->owner_choices, (gint64) { OWNER_MINE });
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (self->reps, i);
      gint64 id = sales_record_get_id (SALES_RECORD (rep));

      gtk_string_list_append (names, sales_rep_get_name (rep));
      g_array_append_val (self->owner_choices, id);
    }

  for (guint i = 0; i < self->owner_choices->len; i++)
    {
      if (g_array_index (self->owner_choices, gint64, i) == self->owner_choice)
        selected = i;
    }

  self->rebuilding_owners = TRUE;
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
  self->rebuilding_owners = FALSE;

  self->owner_choice = g_array_index (self->owner_choices, gint64, selected);
  apply_owner (self);
}

static void
on_owner_selected (SalesFollowupsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);

  if (self->rebuilding_owners || selected >= self->owner_choices->len)
    return;

  self->owner_choice = g_array_index (self->owner_choices, gint64, selected);
  apply_owner (self);
}

/**
 * sales_followups_view_set_owner_id:
 * @owner_id: a rep's id, or 0 for everyone's follow-ups
 */
void
sales_followups_view_set_owner_id (SalesFollowupsView *self,
                                   gint64              owner_id)
{
  g_return_if_fail (SALES_IS_FOLLOWUPS_VIEW (self));
  g_return_if_fail (owner_id >= 0);

  ensure_built (self);
  self->owner_choice = owner_id;
  rebuild_owners (self);
}

static gboolean
on_day_timer (gpointer user_data);

/* The sections change at midnight, and every row's relative due time with them. */
static void
schedule_day_timer (SalesFollowupsView *self)
{
  gint64 now = sales_store_now (self->store);
  gint64 wait = sales_followup_next_day_start (now) - now + 1;

  g_clear_handle_id (&self->day_timer, g_source_remove);
  self->day_timer = g_timeout_add_seconds ((guint)CLAMP (wait, 1, 24 * 60 * 60), on_day_timer,
                                           self);
}

static gboolean
on_day_timer (gpointer user_data)
{
  SalesFollowupsView *self = user_data;

  self->day_timer = 0;
  for (guint i = 0; i < N_GROUPS; i++)
    sales_followup_list_refresh (self->lists[i]);
  sales_receivables_refresh (sales_collection_bar_get_list (self->bar));
  if (self->receivables != NULL)
    sales_receivables_refresh (sales_receivables_view_get_list (self->receivables));
  update_state (self);
  schedule_day_timer (self);

  return G_SOURCE_REMOVE;
}

/* Follow-ups or receivables */

const char *
sales_followups_view_get_mode (SalesFollowupsView *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUPS_VIEW (self), NULL);

  return self->mode;
}

/**
 * sales_followups_view_set_mode:
 * @mode: "follow-ups" for the planned follow-ups, "receivables" for the
 *   instalments to collect
 */
void
sales_followups_view_set_mode (SalesFollowupsView *self,
                               const char         *mode)
{
  g_return_if_fail (SALES_IS_FOLLOWUPS_VIEW (self));
  g_return_if_fail (g_strcmp0 (mode, MODE_FOLLOW_UPS) == 0 ||
                    g_strcmp0 (mode, MODE_RECEIVABLES) == 0);

  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  self->mode = g_intern_string (mode);
  if (g_str_equal (mode, MODE_RECEIVABLES) && self->receivables == NULL)
    {
      ensure_built (self);
      self->receivables = SALES_RECEIVABLES_VIEW (sales_receivables_view_new (self->store,
                                                                              self->settings));
      sales_receivables_set_owner_id (sales_receivables_view_get_list (self->receivables),
                                      sales_followups_view_get_owner_id (self));
      adw_bin_set_child (self->receivables_bin, GTK_WIDGET (self->receivables));
    }

  gtk_stack_set_visible_child_name (self->mode_stack, mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/**
 * sales_followups_view_get_receivables:
 *
 * Returns: (transfer none) (nullable): the Receivables list, once it was shown
 */
SalesReceivablesView *
sales_followups_view_get_receivables (SalesFollowupsView *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUPS_VIEW (self), NULL);

  return self->receivables;
}

/**
 * sales_followups_view_get_collection_bar:
 *
 * Returns: (transfer none): the bar that counts the instalments to collect
 */
SalesCollectionBar *
sales_followups_view_get_collection_bar (SalesFollowupsView *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUPS_VIEW (self), NULL);

  ensure_built (self);
  return self->bar;
}

static void
show_receivables_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  sales_followups_view_set_mode (SALES_FOLLOWUPS_VIEW (widget), MODE_RECEIVABLES);
}

static SalesActivity *
find_activity (SalesFollowupsView *self,
               gint64              id)
{
  g_autoptr(GError) error = NULL;
  SalesActivity *activity = sales_store_get_activity (self->store, id, &error);

  if (activity == NULL)
    show_error (self, error);

  return activity;
}

static void
complete (SalesFollowupsView *self,
          SalesActivity      *activity)
{
  g_autoptr(GError) error = NULL;

  if (!sales_store_complete_followup (self->store, activity, NULL, &error))
    show_error (self, error);
  else
    show_undo_toast (self);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesFollowupsView *self = SALES_FOLLOWUPS_VIEW (widget);
  g_autoptr(SalesActivity) activity = find_activity (self, g_variant_get_int64 (param));

  if (activity != NULL)
    complete (self, activity);
}

/* Ctrl+D on the selected row; the selection stays at its place, on the row that
 * moved up into it, so that a run of follow-ups is done key after key. */
static void
done_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SalesFollowupsView *self = SALES_FOLLOWUPS_VIEW (widget);
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GObject) item = NULL;
  g_autoptr(GObject) next = NULL;

  item = gtk_single_selection_get_selected_item (self->selection) != NULL
         ? g_object_ref (gtk_single_selection_get_selected_item (self->selection))
         : NULL;
  if (!SALES_IS_ACTIVITY (item))
    return;

  complete (self, SALES_ACTIVITY (item));

  next = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (next != NULL && !SALES_IS_ACTIVITY (next))
    {
      g_clear_object (&next);
      next = g_list_model_get_item (G_LIST_MODEL (self->selection), ++position);
    }
  if (next != NULL)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
reschedule_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SalesFollowupsView *self = SALES_FOLLOWUPS_VIEW (widget);
  g_autoptr(SalesActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, due_at;

  g_variant_get (param, "(xx)", &id, &due_at);
  activity = find_activity (self, id);
  if (activity == NULL)
    return;

  if (!sales_store_reschedule_followup (self->store, activity, due_at, &error))
    show_error (self, error);
  else
    show_undo_toast (self);
}

/* The customer page is the window's; until it has one this does nothing. */
static void
open_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gtk_widget_activate_action (widget, "win.show-customer", "x", g_variant_get_int64 (param));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesFollowupsView *self = SALES_FOLLOWUPS_VIEW (widget);

  sales_undo_toast_undo (widget, self->store, &self->toast);
}

static void
on_row_activated (SalesFollowupsView *self,
                  guint               position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (SALES_IS_ACTIVITY (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "followups.open-customer", "x",
                                sales_activity_get_customer_id (SALES_ACTIVITY (item)));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SalesFollowupsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (!sales_followup_ics_export_finish (SALES_STORE (source), result, &n, &error))
    {
      show_error (self, error);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Exported %u follow-up to the calendar file",
                                          "Exported %u follow-ups to the calendar file", n),
                             n);
  sales_toast_add (GTK_WIDGET (self), adw_toast_new (message));
}

static void
on_export_response (SalesFollowupsView   *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  g_assert (SALES_IS_FOLLOWUPS_VIEW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    sales_followup_ics_export_async (self->store, sales_followups_view_get_owner_id (self), file,
                                     NULL, on_exported, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SalesFollowupsView *self = SALES_FOLLOWUPS_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Follow-ups to Calendar"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the suggested name of an exported calendar file; keep .ics */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("follow-ups.ics"));

  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self,
                           G_CONNECT_SWAPPED);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* The list shown, follow-ups or receivables, as a spreadsheet */
static void
export_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SalesFollowupsView *self = SALES_FOLLOWUPS_VIEW (widget);
  g_autoptr(SalesExporter) exporter = NULL;
  g_autoptr(SalesExportJob) job = NULL;

  if (g_str_equal (self->mode, MODE_RECEIVABLES) && self->receivables != NULL)
    exporter = sales_exporter_new_for_receivables (
      sales_receivables_view_get_list (self->receivables));
  else
    exporter = sales_exporter_new_for_followups (self->lists, N_GROUPS);
  job = sales_export_job_new (exporter, widget);
  sales_export_job_choose (job);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SalesFollowupsView       *self)
{
  gtk_list_item_set_child (list_item, sales_followup_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SalesFollowupsView       *self)
{
  SalesFollowupRow *row = SALES_FOLLOWUP_ROW (gtk_list_item_get_child (list_item));
  gpointer item = gtk_list_item_get_item (list_item);
  gboolean header = SALES_IS_FOLLOWUP_LIST (item);

  if (header)
    sales_followup_row_set_header (row, item);
  else
    sales_followup_row_set_activity (row, self->store, item);

  gtk_list_item_set_selectable (list_item, !header);
  gtk_list_item_set_activatable (list_item, !header);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            SalesFollowupsView       *self)
{
  sales_followup_row_clear (SALES_FOLLOWUP_ROW (gtk_list_item_get_child (list_item)));
}

static void
sales_followups_view_map (GtkWidget *widget)
{
  ensure_built (SALES_FOLLOWUPS_VIEW (widget));

  GTK_WIDGET_CLASS (sales_followups_view_parent_class)->map (widget);
}

static void
sales_followups_view_dispose (GObject *object)
{
  SalesFollowupsView *self = (SalesFollowupsView *)object;

  g_clear_handle_id (&self->day_timer, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  sales_undo_toast_forget (GTK_WIDGET (self), &self->toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_FOLLOWUPS_VIEW);

  g_clear_object (&self->selection);
  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_clear_object (&self->lists[i]);
      g_clear_object (&self->headers[i]);
    }
  g_clear_object (&self->reps);

  G_OBJECT_CLASS (sales_followups_view_parent_class)->dispose (object);
}

static void
sales_followups_view_finalize (GObject *object)
{
  SalesFollowupsView *self = (SalesFollowupsView *)object;

  g_array_unref (self->owner_choices);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sales_followups_view_parent_class)->finalize (object);
}

static void
sales_followups_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SalesFollowupsView *self = SALES_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_followups_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SalesFollowupsView *self = SALES_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      sales_followups_view_set_mode (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_followups_view_class_init (SalesFollowupsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_followups_view_dispose;
  object_class->finalize = sales_followups_view_finalize;
  object_class->get_property = sales_followups_view_get_property;
  object_class->set_property = sales_followups_view_set_property;

  /* What the view lists: "follow-ups" or "receivables". */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL,
                         MODE_FOLLOW_UPS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = sales_followups_view_map;

  gtk_widget_class_set_css_name (widget_class, "followupsview");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-followups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupsView, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupsView, bar_bin);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupsView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupsView, receivables_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "followups.done", "x", done_action);
  gtk_widget_class_install_action (widget_class, "followups.done-selected", NULL,
                                   done_selected_action);
  gtk_widget_class_install_action (widget_class, "followups.reschedule", "(xx)",
                                   reschedule_action);
  gtk_widget_class_install_action (widget_class, "followups.open-customer", "x",
                                   open_customer_action);
  gtk_widget_class_install_action (widget_class, "followups.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "followups.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "followups.export-list", NULL,
                                   export_list_action);
  gtk_widget_class_install_action (widget_class, "followups.show-receivables", NULL,
                                   show_receivables_action);
  gtk_widget_class_install_property_action (widget_class, "followups.mode", "mode");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "followups.done-selected", NULL);
}

static void
sales_followups_view_init (SalesFollowupsView *self)
{
  self->owner_choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->mode = g_intern_static_string (MODE_FOLLOW_UPS);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The lists are read the first time the view is shown: a window that opens
 * on the board does not wait for them. */
static void
ensure_built (SalesFollowupsView *self)
{
  g_autoptr(GListStore) sections = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkFlattenListModel *flat;

  g_assert (SALES_IS_FOLLOWUPS_VIEW (self));

  if (self->selection != NULL)
    return;

  sections = g_list_store_new (G_TYPE_LIST_MODEL);
  factory = gtk_signal_list_item_factory_new ();

  self->bar = SALES_COLLECTION_BAR (sales_collection_bar_new (self->store, self->settings));
  adw_bin_set_child (self->bar_bin, GTK_WIDGET (self->bar));

  for (guint i = 0; i < N_GROUPS; i++)
    {
      self->lists[i] = sales_followup_list_new (self->store, i,
                                                sales_followups_view_get_owner_id (self));
      self->headers[i] = g_list_store_new (SALES_TYPE_FOLLOWUP_LIST);
      g_list_store_append (sections, self->headers[i]);
      g_list_store_append (sections, self->lists[i]);
      g_signal_connect_object (self->lists[i], "notify::n-items", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
    }

  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (flat));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->reps = sales_store_list_reps (self->store);
  g_signal_connect_object (self->reps, "items-changed", G_CALLBACK (rebuild_owners), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::current-rep-id", G_CALLBACK (rebuild_owners),
                           self, G_CONNECT_SWAPPED);

  /* The headers go in before the list view sees the model: inserted above the first row of
   * a list on screen, they would be scrolled out of sight to keep that row in place. */
  rebuild_owners (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  schedule_day_timer (self);
}

/* What changes data: off for a file opened read-only. */
static const char * const edit_actions[] = {
  "followups.done",
  "followups.done-selected",
  "followups.reschedule",
  "followups.undo",
  NULL,
};

/**
 * sales_followups_view_new:
 * @settings: the settings, for the current rep ("My Follow-ups")
 */
GtkWidget *
sales_followups_view_new (SalesStore    *store,
                          SalesSettings *settings)
{
  SalesFollowupsView *self;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  self = g_object_new (SALES_TYPE_FOLLOWUPS_VIEW, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  sales_read_only_disable_actions (GTK_WIDGET (self), store, edit_actions);
  /* A rep's own copy opens on their own follow-ups. */
  self->owner_choice = sales_settings_get_current_rep_id (settings) > 0 ? OWNER_MINE : 0;

  return GTK_WIDGET (self);
}

/**
 * sales_followups_view_get_list:
 *
 * Returns: (transfer none): the rows of one section
 */
SalesFollowupList *
sales_followups_view_get_list (SalesFollowupsView *self,
                               SalesFollowupGroup  group)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUPS_VIEW (self), NULL);
  g_return_val_if_fail (group < N_GROUPS, NULL);

  ensure_built (self);
  return self->lists[group];
}
