/* sales-pipeline-preferences.c: the stages and lost reasons, in the preferences
 *
 * One expander row per stage, in board order (open stages, then won, then lost), with
 * its name, probability and rot days, buttons to move it and to delete it; one row per
 * lost reason. Every edit is one store call, so the board, which lists the same
 * canonical stage objects, reflows at once. Deleting a stage that holds deals first asks
 * which stage of the same kind takes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-deal-list.h"
#include "sales-pipeline-preferences.h"
#include "sales-read-only.h"

struct _SalesPipelinePreferences
{
  AdwPreferencesPage   parent_instance;

  SalesStore          *store;
  GListModel          *stages;
  GListModel          *reasons;

  /* Stages in board order, and the rows shown for them and for the reasons. */
  GPtrArray           *ordered;
  GPtrArray           *stage_rows;
  GPtrArray           *reason_rows;

  AdwPreferencesGroup *stages_group;
  AdwPreferencesGroup *reasons_group;
};

G_DEFINE_FINAL_TYPE (SalesPipelinePreferences, sales_pipeline_preferences,
                     ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (SalesPipelinePreferences *self,
            const GError             *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (escaped));
  else
    g_message ("%s", error->message);
}

static SalesStage *
find_stage (SalesPipelinePreferences *self,
            gint64                    id)
{
  for (guint i = 0; i < self->ordered->len; i++)
    {
      SalesStage *stage = g_ptr_array_index (self->ordered, i);

      if (sales_record_get_id (SALES_RECORD (stage)) == id)
        return stage;
    }

  return NULL;
}

static char *
describe_stage (SalesStage *stage)
{
  int rot_days = sales_stage_get_rot_days (stage);
  g_autofree char *rot = NULL;

  switch (sales_stage_get_kind (stage))
    {
    case SALES_STAGE_KIND_WON:
      return g_strdup (C_("stage kind", "Won"));

    case SALES_STAGE_KIND_LOST:
      return g_strdup (C_("stage kind", "Lost"));

    case SALES_STAGE_KIND_OPEN:
    default:
      if (rot_days > 0)
        rot = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "rots after %d day",
                                            "rots after %d days", rot_days),
                               rot_days);
      else
        rot = g_strdup (_("never rots"));

      /* TRANSLATORS: the subtitle of an open stage: its probability in percent, then
       * "rots after N days" or "never rots" */
      return g_strdup_printf (_("%d %% · %s"), sales_stage_get_probability (stage), rot);
    }
}

/* Edits */

static void
update_stage (SalesPipelinePreferences *self,
              gint64                    id,
              const char               *name,
              int                       probability,
              int                       rot_days)
{
  SalesStage *stage = find_stage (self, id);
  g_autoptr(SalesStage) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SALES_IS_PIPELINE_PREFERENCES (self));

  if (stage == NULL)
    return;

  draft = sales_stage_dup (stage);
  if (name != NULL)
    sales_stage_set_name (draft, name);
  if (probability >= 0)
    sales_stage_set_probability (draft, probability);
  if (rot_days >= 0)
    sales_stage_set_rot_days (draft, rot_days);

  if (sales_record_equal (SALES_RECORD (draft), SALES_RECORD (stage)))
    return;

  if (!sales_store_update (self->store, SALES_RECORD (draft), &error))
    show_error (self, error);
}

static gint64
row_stage_id (gpointer widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "stage-id"));
}

static void
on_name_applied (SalesPipelinePreferences *self,
                 AdwEntryRow              *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  update_stage (self, row_stage_id (row), name, -1, -1);
}

static void
on_probability_changed (SalesPipelinePreferences *self,
                        GtkSpinButton            *spin)
{
  update_stage (self, row_stage_id (spin), NULL, gtk_spin_button_get_value_as_int (spin), -1);
}

static void
on_rot_days_changed (SalesPipelinePreferences *self,
                     GtkSpinButton            *spin)
{
  update_stage (self, row_stage_id (spin), NULL, -1, gtk_spin_button_get_value_as_int (spin));
}

static void
update_stage_row (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  SalesStage     *stage)
{
  g_autofree char *subtitle = describe_stage (stage);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sales_stage_get_name (stage));
  adw_expander_row_set_subtitle (row, subtitle);
}

static GtkWidget *
spin_row (SalesPipelinePreferences *self,
          gint64                    stage_id,
          const char               *title,
          const char               *subtitle,
          int                       max,
          int                       value,
          GCallback                 on_changed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (spin), "stage-id", GSIZE_TO_POINTER ((gsize)stage_id));
  g_signal_connect_object (spin, "value-changed", on_changed, self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

  return row;
}

static GtkWidget *
action_button (const char *icon_name,
               const char *label,
               const char *action,
               GVariant   *target,
               gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  return button;
}

static GtkWidget *
create_stage_row (SalesPipelinePreferences *self,
                  SalesStage               *stage,
                  guint                     index)
{
  gint64 id = sales_record_get_id (SALES_RECORD (stage));
  gboolean open = !sales_stage_is_closed (stage);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *buttons = adw_action_row_new ();
  SalesStage *next = index + 1 < self->ordered->len
                     ? g_ptr_array_index (self->ordered, index + 1) : NULL;

  update_stage_row (ADW_EXPANDER_ROW (row), NULL, stage);
  g_signal_connect_object (stage, "notify", G_CALLBACK (update_stage_row), row,
                           G_CONNECT_SWAPPED);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), sales_stage_get_name (stage));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  g_object_set_data (G_OBJECT (name_row), "stage-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (name_row, "apply", G_CALLBACK (on_name_applied), self,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

  if (open)
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                spin_row (self, id, _("Probability (%)"),
                                          _("How likely a deal in this stage is to be won"),
                                          100, sales_stage_get_probability (stage),
                                          G_CALLBACK (on_probability_changed)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                spin_row (self, id, _("Rotting After (Days)"),
                                          _("A deal left this long without a move or a "
                                            "follow-up is marked; 0 for never"),
                                          3650, sales_stage_get_rot_days (stage),
                                          G_CALLBACK (on_rot_days_changed)));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (buttons), _("Order"));
  /* Open stages move among themselves; won and lost stages keep their place at the end. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (buttons),
                             action_button ("go-up-symbolic", _("Move Stage Up"),
                                            "pipeline.move-stage",
                                            g_variant_new ("(xi)", id, -1),
                                            open && index > 0));
  adw_action_row_add_suffix (ADW_ACTION_ROW (buttons),
                             action_button ("go-down-symbolic", _("Move Stage Down"),
                                            "pipeline.move-stage",
                                            g_variant_new ("(xi)", id, 1),
                                            open && next != NULL && !sales_stage_is_closed (next)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (buttons),
                             action_button ("user-trash-symbolic", _("Delete Stage"),
                                            "pipeline.delete-stage", g_variant_new_int64 (id),
                                            TRUE));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), buttons);

  return row;
}

static void
rebuild_stages (SalesPipelinePreferences *self)
{
  static const SalesStageKind order[] = {
    SALES_STAGE_KIND_OPEN, SALES_STAGE_KIND_WON, SALES_STAGE_KIND_LOST,
  };

  g_assert (SALES_IS_PIPELINE_PREFERENCES (self));

  for (guint i = 0; i < self->stage_rows->len; i++)
    adw_preferences_group_remove (self->stages_group, g_ptr_array_index (self->stage_rows, i));
  g_ptr_array_set_size (self->stage_rows, 0);
  g_ptr_array_set_size (self->ordered, 0);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (self->stages); i++)
        {
          g_autoptr(SalesStage) stage = g_list_model_get_item (self->stages, i);

          if (sales_stage_get_kind (stage) == order[k])
            g_ptr_array_add (self->ordered, g_steal_pointer (&stage));
        }
    }

  for (guint i = 0; i < self->ordered->len; i++)
    {
      GtkWidget *row = create_stage_row (self, g_ptr_array_index (self->ordered, i), i);

      adw_preferences_group_add (self->stages_group, row);
      g_ptr_array_add (self->stage_rows, row);
    }
}

/* Lost reasons */

static SalesLostReason *
find_reason (SalesPipelinePreferences *self,
             gint64                    id)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->reasons); i++)
    {
      g_autoptr(SalesLostReason) reason = g_list_model_get_item (self->reasons, i);

      if (sales_record_get_id (SALES_RECORD (reason)) == id)
        return reason;
    }

  return NULL;
}

static void
update_reason (SalesPipelinePreferences *self,
               gint64                    id,
               const char               *name,
               int                       active)
{
  SalesLostReason *reason = find_reason (self, id);
  g_autoptr(SalesLostReason) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (reason == NULL)
    return;

  draft = sales_lost_reason_dup (reason);
  if (name != NULL)
    sales_lost_reason_set_name (draft, name);
  if (active >= 0)
    sales_lost_reason_set_active (draft, active);

  if (!sales_record_equal (SALES_RECORD (draft), SALES_RECORD (reason)) &&
      !sales_store_update (self->store, SALES_RECORD (draft), &error))
    show_error (self, error);
}

static void
on_reason_applied (SalesPipelinePreferences *self,
                   AdwEntryRow              *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  update_reason (self, row_stage_id (row), name, -1);
}

static void
on_reason_active (SalesPipelinePreferences *self,
                  GParamSpec               *pspec,
                  GtkSwitch                *toggle)
{
  update_reason (self, row_stage_id (toggle), NULL, gtk_switch_get_active (toggle));
}

static void
rebuild_reasons (SalesPipelinePreferences *self)
{
  g_assert (SALES_IS_PIPELINE_PREFERENCES (self));

  for (guint i = 0; i < self->reason_rows->len; i++)
    adw_preferences_group_remove (self->reasons_group, g_ptr_array_index (self->reason_rows, i));
  g_ptr_array_set_size (self->reason_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (self->reasons); i++)
    {
      g_autoptr(SalesLostReason) reason = g_list_model_get_item (self->reasons, i);
      gint64 id = sales_record_get_id (SALES_RECORD (reason));
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      /* The stage-id data key holds the reason's id here; the helper only reads it. */
      g_object_set_data (G_OBJECT (row), "stage-id", GSIZE_TO_POINTER ((gsize)id));
      g_object_set_data (G_OBJECT (toggle), "stage-id", GSIZE_TO_POINTER ((gsize)id));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reason"));
      gtk_editable_set_text (GTK_EDITABLE (row), sales_lost_reason_get_name (reason));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_reason_applied), self,
                               G_CONNECT_SWAPPED);

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), sales_lost_reason_get_active (reason));
      gtk_widget_set_tooltip_text (toggle, _("Offered when a deal is lost"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Offered when a deal is lost"), -1);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_reason_active), self,
                               G_CONNECT_SWAPPED);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), toggle);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                                action_button ("user-trash-symbolic", _("Delete Lost Reason"),
                                               "pipeline.delete-reason",
                                               g_variant_new_int64 (id), TRUE));

      adw_preferences_group_add (self->reasons_group, row);
      g_ptr_array_add (self->reason_rows, row);
    }
}

/* Actions */

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SalesPipelinePreferences *self = SALES_PIPELINE_PREFERENCES (widget);
  g_autoptr(SalesStage) draft = sales_stage_new ();
  g_autoptr(SalesStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  guint open = 0;

  sales_stage_set_name (draft, _("New Stage"));
  sales_stage_set_kind (draft, SALES_STAGE_KIND_OPEN);
  sales_stage_set_probability (draft, 50);

  for (guint i = 0; i < self->ordered->len; i++)
    {
      if (!sales_stage_is_closed (g_ptr_array_index (self->ordered, i)))
        open++;
    }

  /* New stages are created last; this one belongs after the other open stages. */
  stage = sales_store_create (self->store, SALES_RECORD (draft), &error);
  if (stage == NULL || !sales_store_reorder_stage (self->store, stage, open, &error))
    show_error (self, error);
}

static void
move_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SalesPipelinePreferences *self = SALES_PIPELINE_PREFERENCES (widget);
  g_autoptr(GError) error = NULL;
  SalesStage *stage;
  gint64 id;
  int step;

  g_variant_get (param, "(xi)", &id, &step);
  stage = find_stage (self, id);
  if (stage == NULL)
    return;

  for (guint i = 0; i < self->ordered->len; i++)
    {
      if (g_ptr_array_index (self->ordered, i) == (gpointer)stage)
        {
          if ((int)i + step < 0)
            return;
          if (!sales_store_reorder_stage (self->store, stage, (int)i + step, &error))
            show_error (self, error);
          return;
        }
    }
}

static void
on_delete_stage_response (SalesPipelinePreferences *self,
                          const char               *response,
                          AdwMessageDialog         *dialog)
{
  g_autoptr(GError) error = NULL;
  SalesStage *stage = find_stage (self, row_stage_id (dialog));
  GtkDropDown *targets = g_object_get_data (G_OBJECT (dialog), "targets");
  GArray *target_ids = g_object_get_data (G_OBJECT (dialog), "target-ids");
  guint selected;
  gboolean done;

  if (!g_str_equal (response, "delete") || stage == NULL)
    return;

  selected = targets != NULL ? gtk_drop_down_get_selected (targets) : GTK_INVALID_LIST_POSITION;
  if (target_ids != NULL && selected < target_ids->len)
    done = sales_store_delete_stage_moving_deals (self->store, stage,
                                                  g_array_index (target_ids, gint64, selected),
                                                  &error);
  else
    done = sales_store_delete (self->store, SALES_RECORD (stage), &error);

  if (!done)
    show_error (self, error);
}

static void
delete_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesPipelinePreferences *self = SALES_PIPELINE_PREFERENCES (widget);
  SalesStage *stage = find_stage (self, g_variant_get_int64 (param));
  g_autoptr(SalesDealList) deals = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n_deals;

  if (stage == NULL)
    return;

  /* The count comes from the same query-backed list the board uses, here not limited to
   * the recent deals of a closed stage. */
  deals = sales_deal_list_new (self->store, stage, NULL);
  if (sales_stage_is_closed (stage))
    sales_deal_list_set_limit (deals, 0);
  n_deals = sales_deal_list_get_n_deals (deals);

  for (guint i = 0; i < self->ordered->len; i++)
    {
      SalesStage *other = g_ptr_array_index (self->ordered, i);
      gint64 id = sales_record_get_id (SALES_RECORD (other));

      if (other == stage || sales_stage_get_kind (other) != sales_stage_get_kind (stage))
        continue;
      gtk_string_list_append (names, sales_stage_get_name (other));
      g_array_append_val (target_ids, id);
    }

  heading = g_strdup_printf (_("Delete “%s”?"), sales_stage_get_name (stage));
  if (n_deals > 0 && target_ids->len > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "It holds %u deal. Choose the stage to move it to.",
                                         "It holds %u deals. Choose the stage to move them to.",
                                         n_deals),
                            n_deals);
  else if (n_deals > 0)
    body = g_strdup (_("It holds deals, and there is no other stage of its kind to move them "
                       "to. Add one first."));
  else
    body = g_strdup (_("The stage holds no deals."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "delete",
                                           n_deals == 0 || target_ids->len > 0);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "stage-id",
                     GSIZE_TO_POINTER ((gsize)sales_record_get_id (SALES_RECORD (stage))));

  /* A stage deals passed through stays in their history, so the target takes it over
   * even when no deal sits in the stage now. */
  if (target_ids->len > 0)
    {
      GtkWidget *targets = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (targets), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Move deals to"), -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), targets);
      g_object_set_data (G_OBJECT (dialog), "targets", targets);
      g_object_set_data_full (G_OBJECT (dialog), "target-ids", g_steal_pointer (&target_ids),
                              (GDestroyNotify)g_array_unref);
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_stage_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_reason_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SalesPipelinePreferences *self = SALES_PIPELINE_PREFERENCES (widget);
  g_autoptr(SalesLostReason) draft = sales_lost_reason_new ();
  g_autoptr(SalesLostReason) reason = NULL;
  g_autoptr(GError) error = NULL;

  sales_lost_reason_set_name (draft, _("New reason"));
  sales_lost_reason_set_active (draft, TRUE);

  reason = sales_store_create (self->store, SALES_RECORD (draft), &error);
  if (reason == NULL)
    show_error (self, error);
}

static void
delete_reason_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SalesPipelinePreferences *self = SALES_PIPELINE_PREFERENCES (widget);
  SalesLostReason *reason = find_reason (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;

  if (reason != NULL && !sales_store_delete (self->store, SALES_RECORD (reason), &error))
    show_error (self, error);
}

/* What changes data: off for a file opened read-only. */
static const char * const edit_actions[] = {
  "pipeline.add-reason",
  "pipeline.add-stage",
  "pipeline.delete-reason",
  "pipeline.delete-stage",
  "pipeline.move-stage",
  NULL,
};

static void
sales_pipeline_preferences_constructed (GObject *object)
{
  SalesPipelinePreferences *self = (SalesPipelinePreferences *)object;

  G_OBJECT_CLASS (sales_pipeline_preferences_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->stages = sales_store_list_stages (self->store);
  self->reasons = sales_store_list_lost_reasons (self->store);

  g_signal_connect_object (self->stages, "items-changed", G_CALLBACK (rebuild_stages), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reasons, "items-changed", G_CALLBACK (rebuild_reasons), self,
                           G_CONNECT_SWAPPED);

  rebuild_stages (self);
  rebuild_reasons (self);

  sales_read_only_disable_actions (GTK_WIDGET (self), self->store, edit_actions);
}

static void
sales_pipeline_preferences_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_PIPELINE_PREFERENCES);

  G_OBJECT_CLASS (sales_pipeline_preferences_parent_class)->dispose (object);
}

static void
sales_pipeline_preferences_finalize (GObject *object)
{
  SalesPipelinePreferences *self = (SalesPipelinePreferences *)object;

  g_clear_pointer (&self->ordered, g_ptr_array_unref);
  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reason_rows, g_ptr_array_unref);
  g_clear_object (&self->stages);
  g_clear_object (&self->reasons);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_pipeline_preferences_parent_class)->finalize (object);
}

static void
sales_pipeline_preferences_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SalesPipelinePreferences *self = SALES_PIPELINE_PREFERENCES (object);

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
sales_pipeline_preferences_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  SalesPipelinePreferences *self = SALES_PIPELINE_PREFERENCES (object);

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
sales_pipeline_preferences_class_init (SalesPipelinePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_pipeline_preferences_constructed;
  object_class->dispose = sales_pipeline_preferences_dispose;
  object_class->finalize = sales_pipeline_preferences_finalize;
  object_class->get_property = sales_pipeline_preferences_get_property;
  object_class->set_property = sales_pipeline_preferences_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-pipeline-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesPipelinePreferences, stages_group);
  gtk_widget_class_bind_template_child (widget_class, SalesPipelinePreferences, reasons_group);

  gtk_widget_class_install_action (widget_class, "pipeline.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "pipeline.move-stage", "(xi)",
                                   move_stage_action);
  gtk_widget_class_install_action (widget_class, "pipeline.delete-stage", "x",
                                   delete_stage_action);
  gtk_widget_class_install_action (widget_class, "pipeline.add-reason", NULL, add_reason_action);
  gtk_widget_class_install_action (widget_class, "pipeline.delete-reason", "x",
                                   delete_reason_action);
}

static void
sales_pipeline_preferences_init (SalesPipelinePreferences *self)
{
  self->ordered = g_ptr_array_new_with_free_func (g_object_unref);
  self->stage_rows = g_ptr_array_new ();
  self->reason_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_pipeline_preferences_new (SalesStore *store)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return g_object_new (SALES_TYPE_PIPELINE_PREFERENCES,
                       "store", store,
                       NULL);
}
