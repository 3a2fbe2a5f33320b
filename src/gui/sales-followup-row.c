/* sales-followup-row.c: one line of the Follow-ups view: a section header or a follow-up
 *
 * The view's list holds both section headers (the section's list itself
 * stands for its header) and follow-ups, and a list view recycles its rows
 * between them, so one widget shows either. A follow-up's row follows its
 * customer's name, its deal's title and its own note as they change; its
 * buttons name the follow-up or customer as their action target, and the
 * view's actions do the work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-followup-row.h"

struct _SalesFollowupRow
{
  GtkWidget          parent_instance;

  SalesStore        *store;
  SalesActivity     *activity;
  SalesCustomer     *customer;
  SalesDeal         *deal;
  SalesFollowupList *list;

  GtkBox            *header_box;
  GtkLabel          *header_title;
  GtkLabel          *header_count;
  GtkBox            *content_box;
  GtkImage          *kind_icon;
  GtkLabel          *title_label;
  GtkLabel          *note_label;
  GtkLabel          *due_label;
  GtkLabel          *owner_label;
  GtkButton         *done_button;
  GtkMenuButton     *reschedule_button;
  GtkButton         *open_button;
  GtkPopover        *reschedule_popover;
  GtkButton         *tomorrow_button;
  GtkButton         *next_week_button;
  GtkCalendar       *calendar;
};

G_DEFINE_FINAL_TYPE (SalesFollowupRow, sales_followup_row, GTK_TYPE_WIDGET)

/**
 * sales_followup_kind_icon_name:
 *
 * Returns: the symbolic icon that stands for @kind
 */
const char *
sales_followup_kind_icon_name (SalesActivityKind kind)
{
  static const char * const icons[] = {
    "call-start-symbolic",
    "find-location-symbolic",
    "system-users-symbolic",
    "mail-unread-symbolic",
    "chat-message-new-symbolic",
    "document-edit-symbolic",
    "emblem-system-symbolic",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (icons) == SALES_ACTIVITY_KIND_SERVICE + 1);
  g_return_val_if_fail (kind <= SALES_ACTIVITY_KIND_SERVICE, NULL);

  return icons[kind];
}

static void
update_header (SalesFollowupRow *self)
{
  g_autofree char *count = NULL;
  g_autofree char *spoken = NULL;
  guint n;

  g_assert (SALES_IS_FOLLOWUP_ROW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  count = g_strdup_printf ("%u", n);
  gtk_label_set_label (self->header_count, count);
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up", "%u follow-ups", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->header_count),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
update_activity (SalesFollowupRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *description = NULL;
  g_autoptr(SalesRep) rep = NULL;
  SalesActivity *activity = self->activity;
  SalesActivityKind kind = sales_activity_get_kind (activity);
  const char *note = sales_activity_get_note (activity);
  const char *customer = self->customer != NULL ? sales_customer_get_name (self->customer) : "";
  gboolean overdue = FALSE;

  g_assert (SALES_IS_FOLLOWUP_ROW (self));

  gtk_image_set_from_icon_name (self->kind_icon, sales_followup_kind_icon_name (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sales_activity_kind_get_label (kind), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_icon), sales_activity_kind_get_label (kind));

  if (self->deal != NULL)
    /* TRANSLATORS: a follow-up's customer, then the deal it is about */
    title = g_strdup_printf (C_("follow-up title", "%s · %s"), customer,
                             sales_deal_get_title (self->deal));
  else
    title = g_strdup (customer);
  gtk_label_set_label (self->title_label, title);

  /* One line: a completed plan's note may have more. */
  if (note != NULL && *note != '\0')
    {
      g_autofree char *first = g_strndup (note, strcspn (note, "\n"));

      gtk_label_set_label (self->note_label, first);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_label), note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');

  due = sales_followup_format_due (sales_activity_get_due_at (activity),
                                   sales_store_now (self->store), &overdue);
  gtk_label_set_label (self->due_label, due);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");

  if (sales_activity_get_owner_id (activity) > 0)
    rep = sales_store_get_rep (self->store, sales_activity_get_owner_id (activity), NULL);
  gtk_label_set_label (self->owner_label,
                       rep != NULL ? sales_rep_get_name (rep) : C_("owner", "Unassigned"));

  /* TRANSLATORS: what a screen reader says of a follow-up: its kind, the customer and
   * when it is due, such as "Call, Huawei, today 14:00" */
  description = g_strdup_printf (C_("follow-up accessible", "%s, %s, %s"),
                                 sales_activity_kind_get_label (kind), title, due);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

void
sales_followup_row_clear (SalesFollowupRow *self)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_ROW (self));

  if (self->activity != NULL)
    g_signal_handlers_disconnect_by_data (self->activity, self);
  if (self->customer != NULL)
    g_signal_handlers_disconnect_by_data (self->customer, self);
  if (self->deal != NULL)
    g_signal_handlers_disconnect_by_data (self->deal, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);

  g_clear_object (&self->activity);
  g_clear_object (&self->customer);
  g_clear_object (&self->deal);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  gtk_popover_popdown (self->reschedule_popover);
}

void
sales_followup_row_set_header (SalesFollowupRow  *self,
                               SalesFollowupList *list)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_ROW (self));
  g_return_if_fail (SALES_IS_FOLLOWUP_LIST (list));

  sales_followup_row_clear (self);
  self->list = g_object_ref (list);

  gtk_widget_set_visible (GTK_WIDGET (self->content_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->header_box), TRUE);
  gtk_label_set_label (self->header_title,
                       sales_followup_group_get_title (sales_followup_list_get_group (list)));

  if (sales_followup_list_get_group (list) == SALES_FOLLOWUP_GROUP_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (self->header_box), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->header_box), "overdue");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (self->header_title), -1);

  g_signal_connect_object (list, "notify::n-items", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
  update_header (self);
}

void
sales_followup_row_set_activity (SalesFollowupRow *self,
                                 SalesStore       *store,
                                 SalesActivity    *activity)
{
  gint64 deal_id;

  g_return_if_fail (SALES_IS_FOLLOWUP_ROW (self));
  g_return_if_fail (SALES_IS_STORE (store));
  g_return_if_fail (SALES_IS_ACTIVITY (activity));

  sales_followup_row_clear (self);
  self->store = g_object_ref (store);
  self->activity = g_object_ref (activity);
  self->customer = sales_store_get_customer (store, sales_activity_get_customer_id (activity),
                                             NULL);
  deal_id = sales_activity_get_deal_id (activity);
  if (deal_id > 0)
    self->deal = sales_store_get_deal (store, deal_id, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->header_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->content_box), TRUE);

  /* Named only with a target: the view's actions take one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->done_button), "x",
                                    sales_record_get_id (SALES_RECORD (activity)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->done_button), "followups.done");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "x",
                                    sales_activity_get_customer_id (activity));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "followups.open-customer");

  g_signal_connect_object (activity, "notify", G_CALLBACK (update_activity), self,
                           G_CONNECT_SWAPPED);
  if (self->customer != NULL)
    g_signal_connect_object (self->customer, "notify::name", G_CALLBACK (update_activity), self,
                             G_CONNECT_SWAPPED);
  if (self->deal != NULL)
    g_signal_connect_object (self->deal, "notify::title", G_CALLBACK (update_activity), self,
                             G_CONNECT_SWAPPED);
  update_activity (self);
}

/**
 * sales_followup_row_get_activity:
 *
 * Returns: (nullable) (transfer none): the follow-up shown, or %NULL on a header
 */
SalesActivity *
sales_followup_row_get_activity (SalesFollowupRow *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUP_ROW (self), NULL);

  return self->activity;
}

/* @day at the time of day the follow-up is due now: moving a 14:00 call to
 * tomorrow keeps it at 14:00. */
static gint64
day_at_due_time (SalesFollowupRow *self,
                 GDateTime        *day)
{
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) moved = NULL;

  g_assert (SALES_IS_FOLLOWUP_ROW (self));

  due = g_date_time_new_from_unix_local (sales_activity_get_due_at (self->activity));
  moved = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day),
                                 g_date_time_get_hour (due), g_date_time_get_minute (due), 0);
  return g_date_time_to_unix (moved);
}

static void
reschedule_to (SalesFollowupRow *self,
               GDateTime        *day)
{
  g_assert (SALES_IS_FOLLOWUP_ROW (self));

  if (self->activity == NULL)
    return;

  gtk_popover_popdown (self->reschedule_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "followups.reschedule", "(xx)",
                              sales_record_get_id (SALES_RECORD (self->activity)),
                              day_at_due_time (self, day));
}

static GDateTime *
today_plus (SalesFollowupRow *self,
            int               days)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sales_store_now (self->store));

  return g_date_time_add_days (now, days);
}

static void
on_tomorrow_clicked (SalesFollowupRow *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->store == NULL)
    return;

  day = today_plus (self, 1);
  reschedule_to (self, day);
}

static void
on_next_week_clicked (SalesFollowupRow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) day = NULL;

  if (self->store == NULL)
    return;

  /* Next Monday: the week starts on Monday, as in the view's sections. */
  now = g_date_time_new_from_unix_local (sales_store_now (self->store));
  day = today_plus (self, 8 - g_date_time_get_day_of_week (now));
  reschedule_to (self, day);
}

static void
on_calendar_confirmed (SalesFollowupRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  reschedule_to (self, day);
}

static void
on_reschedule_shown (SalesFollowupRow *self)
{
  g_autoptr(GDateTime) due = NULL;

  if (self->activity == NULL)
    return;

  due = g_date_time_new_from_unix_local (sales_activity_get_due_at (self->activity));
  gtk_calendar_select_day (self->calendar, due);
}

static void
sales_followup_row_dispose (GObject *object)
{
  SalesFollowupRow *self = (SalesFollowupRow *)object;

  sales_followup_row_clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_FOLLOWUP_ROW);

  G_OBJECT_CLASS (sales_followup_row_parent_class)->dispose (object);
}

static void
sales_followup_row_class_init (SalesFollowupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_followup_row_dispose;

  gtk_widget_class_set_css_name (widget_class, "followuprow");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-followup-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, header_box);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, header_title);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, header_count);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, content_box);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, reschedule_button);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, reschedule_popover);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, tomorrow_button);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, next_week_button);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_tomorrow_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_week_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_confirmed);
  gtk_widget_class_bind_template_callback (widget_class, on_reschedule_shown);
}

static void
sales_followup_row_init (SalesFollowupRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
sales_followup_row_new (void)
{
  return g_object_new (SALES_TYPE_FOLLOWUP_ROW, NULL);
}
