/* sales-team-page.c: the reps of the team and who "I am", in the preferences
 *
 * Reps are added and edited in SalesRepDialog. A rep who leaves is deactivated with the
 * switch of their row (Undo in a toast); deleting is for a rep entered by mistake, and a rep
 * who owns customers, deals or follow-ups cannot be deleted: the page says so and offers to
 * deactivate them instead. "I Am" is the current-rep-id setting, which the board's "My
 * Deals", the follow-ups and new records go by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-rep-dialog.h"
#include "sales-team-page.h"
#include "sales-read-only.h"
#include "sales-toast.h"
#include "sales-undo-toast.h"

/* As long as libadwaita keeps a toast by default. */
#define UNDO_TIMEOUT_S 5

struct _SalesTeamPage
{
  AdwPreferencesPage  parent_instance;

  SalesStore         *store;
  SalesSettings      *settings;
  GListModel         *reps;
  /* The rows of reps_group, rebuilt when the reps change. */
  GPtrArray          *rep_rows;
  /* The rep id of each item of me_row's model; 0 for "Not Set". */
  GArray             *me_ids;
  guint               rebuild_id;

  AdwComboRow        *me_row;
  AdwPreferencesGroup *reps_group;
};

G_DEFINE_FINAL_TYPE (SalesTeamPage, sales_team_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @message as a toast, with Undo when @undo; outside a window (in tests) as a message. */
static void
show_toast (SalesTeamPage *self,
            const char    *message,
            gboolean       undo)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  AdwToast *toast;

  if (window == NULL)
    {
      g_message ("%s", message);
      return;
    }

  if (undo)
    toast = sales_undo_toast_new (GTK_WIDGET (self), self->store, message, UNDO_TIMEOUT_S);
  else
    toast = sales_toast_new_text (message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
}

static SalesRep *
find_rep (SalesTeamPage *self,
          gint64         id)
{
  return sales_store_get_rep (self->store, id, NULL);
}

/* I am */

static void
on_me_selected (SalesTeamPage *self)
{
  guint selected = adw_combo_row_get_selected (self->me_row);

  g_assert (SALES_IS_TEAM_PAGE (self));

  if (self->me_ids != NULL && selected < self->me_ids->len)
    sales_settings_set_current_rep_id (self->settings,
                                       g_array_index (self->me_ids, gint64, selected));
}

/* Active reps, and the current one even when inactive, so that the row shows the truth. */
static void
rebuild_me (SalesTeamPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 current = sales_settings_get_current_rep_id (self->settings);
  guint selected = 0;
  gint64 none = 0;

  g_assert (SALES_IS_TEAM_PAGE (self));

  g_array_set_size (self->me_ids, 0);
  gtk_string_list_append (names, C_("current rep", "Not Set"));
  g_array_append_val (self->me_ids, none);

  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (self->reps, i);
      gint64 id = sales_record_get_id (SALES_RECORD (rep));

      if (!sales_rep_get_active (rep) && id != current)
        continue;
      if (id == current)
        selected = self->me_ids->len;
      gtk_string_list_append (names, sales_rep_get_name (rep));
      g_array_append_val (self->me_ids, id);
    }

  g_signal_handlers_block_by_func (self->me_row, on_me_selected, self);
  adw_combo_row_set_model (self->me_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->me_row, selected);
  g_signal_handlers_unblock_by_func (self->me_row, on_me_selected, self);
}

/* The setting changed, here or elsewhere: choose its rep, without replacing the model while
 * the combo row may be setting its selection. */
static void
on_current_rep_changed (SalesTeamPage *self)
{
  gint64 current = sales_settings_get_current_rep_id (self->settings);

  for (guint i = 0; i < self->me_ids->len; i++)
    {
      if (g_array_index (self->me_ids, gint64, i) == current)
        {
          if (adw_combo_row_get_selected (self->me_row) != i)
            {
              g_signal_handlers_block_by_func (self->me_row, on_me_selected, self);
              adw_combo_row_set_selected (self->me_row, i);
              g_signal_handlers_unblock_by_func (self->me_row, on_me_selected, self);
            }
          return;
        }
    }

  /* An inactive rep, who is only listed while they are the current one. */
  rebuild_me (self);
}

/* The reps */

static gint64
widget_rep_id (gpointer widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "rep-id"));
}

static void
set_active (SalesTeamPage *self,
            SalesRep      *rep,
            gboolean       active)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!sales_store_set_rep_active (self->store, rep, active, &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  message = g_strdup_printf (active ? _("“%s” is active again") : _("“%s” was deactivated"),
                             sales_rep_get_name (rep));
  show_toast (self, message, TRUE);
}

static void
on_active_switched (SalesTeamPage *self,
                    GParamSpec    *pspec,
                    GtkSwitch     *toggle)
{
  g_autoptr(SalesRep) rep = find_rep (self, widget_rep_id (toggle));

  if (rep != NULL && sales_rep_get_active (rep) != gtk_switch_get_active (toggle))
    set_active (self, rep, gtk_switch_get_active (toggle));
}

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip,
            const char *accessible_name,
            const char *action_name,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);

  return button;
}

static GtkWidget *
build_rep_row (SalesTeamPage *self,
               SalesRep      *rep)
{
  gint64 id = sales_record_get_id (SALES_RECORD (rep));
  const char *name = sales_rep_get_name (rep);
  const char *email = sales_rep_get_email (rep);
  g_autofree char *edit_name = g_strdup_printf (_("Edit %s"), name);
  g_autofree char *delete_name = g_strdup_printf (_("Delete %s"), name);
  g_autofree char *active_name = g_strdup_printf (_("%s Is Active"), name);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  if (!sales_rep_get_active (rep))
    subtitle = email != NULL ? g_strdup_printf (_("%s · Inactive"), email)
                             : g_strdup (_("Inactive"));
  else
    subtitle = g_strdup (email != NULL ? email : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "team.edit-rep");
  g_object_set_data (G_OBJECT (row), "rep-id", GSIZE_TO_POINTER ((gsize)id));
  if (!sales_rep_get_active (rep))
    gtk_widget_add_css_class (row, "dim-label");

  g_object_set_data (G_OBJECT (toggle), "rep-id", GSIZE_TO_POINTER ((gsize)id));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), sales_rep_get_active (rep));
  gtk_widget_set_tooltip_text (toggle, _("Active: offered as an owner of customers and deals"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  active_name, -1);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_active_switched), self,
                           G_CONNECT_SWAPPED);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("document-edit-symbolic", _("Edit Rep"), edit_name,
                                         "team.edit-rep", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("user-trash-symbolic", _("Delete Rep"), delete_name,
                                         "team.delete-rep", id));
  return row;
}

static void
rebuild_reps (SalesTeamPage *self)
{
  g_assert (SALES_IS_TEAM_PAGE (self));

  for (guint i = 0; i < self->rep_rows->len; i++)
    adw_preferences_group_remove (self->reps_group, g_ptr_array_index (self->rep_rows, i));
  g_ptr_array_set_size (self->rep_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (self->reps, i);
      GtkWidget *row = build_rep_row (self, rep);

      adw_preferences_group_add (self->reps_group, row);
      g_ptr_array_add (self->rep_rows, row);
    }

  rebuild_me (self);
}

static gboolean
rebuild_later_cb (gpointer user_data)
{
  SalesTeamPage *self = user_data;

  self->rebuild_id = 0;
  rebuild_reps (self);
  return G_SOURCE_REMOVE;
}

/* A rep changed: most often through a widget of their own row, such as its switch, which
 * must not be destroyed while it is still telling of the change. */
static void
rebuild_later (SalesTeamPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_later_cb, self);
}

/* Dialogs */

static void
on_rep_dialog_response (SalesTeamPage  *self,
                        const char     *response,
                        SalesRepDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save") && !sales_rep_dialog_save (dialog, &error))
    show_toast (self, error->message, FALSE);
}

static void
show_rep_dialog (SalesTeamPage *self,
                 SalesRep      *rep)
{
  GtkWidget *dialog = sales_rep_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            self->store, rep);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rep_dialog_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_refused_response (SalesTeamPage    *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  g_autoptr(SalesRep) rep = find_rep (self, widget_rep_id (dialog));

  if (rep != NULL && g_str_equal (response, "deactivate"))
    set_active (self, rep, FALSE);
}

/* "3 customers, 5 deals and 2 follow-ups", leaving out what is none. */
static char *
describe_records (const SalesRepRecords *records)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  if (records->customers > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d customer",
                                                          "%d customers", records->customers),
                                             (int)records->customers));
  if (records->deals > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deal", "%d deals",
                                                          records->deals),
                                             (int)records->deals));
  if (records->activities > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d follow-up",
                                                          "%d follow-ups", records->activities),
                                             (int)records->activities));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == parts->len ? _(" and ") : C_("list separator", ", "));
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (out, FALSE);
}

static void
refuse_delete (SalesTeamPage         *self,
               SalesRep              *rep,
               const SalesRepRecords *records)
{
  g_autofree char *owned = describe_records (records);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s is the name of a rep */
  heading = g_strdup_printf (_("“%s” Cannot Be Deleted"), sales_rep_get_name (rep));
  if (sales_rep_get_active (rep))
    /* TRANSLATORS: the first %s is a rep's name, the second what they own, such as
     * "3 customers and 2 deals" */
    body = g_strdup_printf (_("%s owns %s, which would be left without an owner. Deactivate "
                              "the rep instead: they keep their records and are no longer "
                              "offered as an owner."),
                            sales_rep_get_name (rep), owned);
  else
    body = g_strdup_printf (_("%s owns %s, which would be left without an owner. The rep is "
                              "already inactive and keeps them."),
                            sales_rep_get_name (rep), owned);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body);
  g_object_set_data (G_OBJECT (dialog), "rep-id",
                     GSIZE_TO_POINTER ((gsize)sales_record_get_id (SALES_RECORD (rep))));
  if (sales_rep_get_active (rep))
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "deactivate", _("_Deactivate"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "deactivate",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "deactivate");
    }
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_refused_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
add_rep_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  show_rep_dialog (SALES_TEAM_PAGE (widget), NULL);
}

static void
edit_rep_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SalesTeamPage *self = SALES_TEAM_PAGE (widget);
  g_autoptr(SalesRep) rep = find_rep (self, g_variant_get_int64 (param));

  if (rep != NULL)
    show_rep_dialog (self, rep);
}

static void
delete_rep_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SalesTeamPage *self = SALES_TEAM_PAGE (widget);
  g_autoptr(SalesRep) rep = find_rep (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  SalesRepRecords records;

  if (rep == NULL)
    return;

  if (!sales_store_count_rep_records (self->store, g_variant_get_int64 (param), &records,
                                      &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  if (records.customers + records.deals + records.activities > 0)
    {
      refuse_delete (self, rep, &records);
      return;
    }

  name = g_strdup (sales_rep_get_name (rep));
  if (!sales_store_delete_rep (self->store, rep, &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  message = g_strdup_printf (_("“%s” was deleted"), name);
  show_toast (self, message, TRUE);
}

/* What changes data: off for a file opened read-only. */
static const char * const edit_actions[] = {
  "team.add-rep",
  "team.delete-rep",
  "team.edit-rep",
  NULL,
};

static void
sales_team_page_constructed (GObject *object)
{
  SalesTeamPage *self = (SalesTeamPage *)object;

  G_OBJECT_CLASS (sales_team_page_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  self->reps = sales_store_list_reps (self->store);
  g_signal_connect_object (self->reps, "items-changed", G_CALLBACK (rebuild_later), self,
                           G_CONNECT_SWAPPED);
  /* A rep renamed or deactivated stays in the list, but not as their row shows them. */
  g_signal_connect_object (self->store, "changed::rep", G_CALLBACK (rebuild_later), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::current-rep-id",
                           G_CALLBACK (on_current_rep_changed), self, G_CONNECT_SWAPPED);
  rebuild_reps (self);

  sales_read_only_disable_actions (GTK_WIDGET (self), self->store, edit_actions);
}

static void
sales_team_page_dispose (GObject *object)
{
  SalesTeamPage *self = (SalesTeamPage *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->rep_rows != NULL)
    g_ptr_array_set_size (self->rep_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_TEAM_PAGE);

  G_OBJECT_CLASS (sales_team_page_parent_class)->dispose (object);
}

static void
sales_team_page_finalize (GObject *object)
{
  SalesTeamPage *self = (SalesTeamPage *)object;

  g_clear_pointer (&self->rep_rows, g_ptr_array_unref);
  g_clear_pointer (&self->me_ids, g_array_unref);
  g_clear_object (&self->reps);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_team_page_parent_class)->finalize (object);
}

static void
sales_team_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalesTeamPage *self = SALES_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_team_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SalesTeamPage *self = SALES_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_team_page_class_init (SalesTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_team_page_constructed;
  object_class->dispose = sales_team_page_dispose;
  object_class->finalize = sales_team_page_finalize;
  object_class->get_property = sales_team_page_get_property;
  object_class->set_property = sales_team_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesTeamPage, me_row);
  gtk_widget_class_bind_template_child (widget_class, SalesTeamPage, reps_group);
  gtk_widget_class_bind_template_callback (widget_class, on_me_selected);

  gtk_widget_class_install_action (widget_class, "team.add-rep", NULL, add_rep_action);
  gtk_widget_class_install_action (widget_class, "team.edit-rep", "x", edit_rep_action);
  gtk_widget_class_install_action (widget_class, "team.delete-rep", "x", delete_rep_action);
}

static void
sales_team_page_init (SalesTeamPage *self)
{
  self->rep_rows = g_ptr_array_new ();
  self->me_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_team_page_new (SalesStore    *store,
                     SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_TEAM_PAGE,
                       "store", store,
                       "settings", settings,
                       NULL);
}
