/* sales-customers-view.c: the Customers view: search, filters, the list and bulk actions
 *
 * The list is a SalesCustomerList, which sorts and filters in SQL and loads the customers
 * a screenful at a time; this view only says what to show. Its columns, and how their
 * headers sort, are in sales-customers-columns.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-customers-view-private.h"
#include "sales-export-job.h"
#include "sales-read-only.h"
#include "sales-toast.h"
#include "sales-undo-toast.h"

#define UNDO_TIMEOUT_S 8

G_DEFINE_FINAL_TYPE (SalesCustomersView, sales_customers_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Toasts */

static void
show_error (SalesCustomersView *self,
            const GError       *error)
{
  sales_toast_show_error (GTK_WIDGET (self), error);
}

/* After a bulk action: a toast names it, with Undo. */
static void
show_undo_toast (SalesCustomersView *self)
{
  sales_undo_toast_show (GTK_WIDGET (self), self->store, UNDO_TIMEOUT_S, &self->toast);
}

/* Counts and pages */

static void
update_count (SalesCustomersView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean filtered = sales_customer_list_is_filtered (self->list);
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer",
                                                        "%s customers", n),
                                           number);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (self->clear_button, filtered);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.clear-filters", filtered);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    n > 0 ? "list" : filtered ? "no-results" : "empty");
}

/* The selection and bulk actions */

static GArray *
selected_ids (SalesCustomersView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    {
      do
        {
          gint64 id = sales_customer_list_get_customer_id (self->list, position);

          if (id > 0)
            g_array_append_val (ids, id);
        }
      while (gtk_bitset_iter_next (&iter, &position));
    }

  return ids;
}

static void
on_selection_changed (SalesCustomersView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  guint64 n;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n = gtk_bitset_get_size (selected);
  number = g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s selected", "%s selected", n), number);
  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->bulk_bar, n > 0);
}

/* Runs a bulk action's result: an Undo toast, or the error. */
static void
finish_bulk (SalesCustomersView *self,
             gboolean            ok,
             GError             *error)
{
  if (!ok)
    {
      show_error (self, error);
      return;
    }

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  show_undo_toast (self);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SalesCustomersView *self = SALES_CUSTOMERS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sales_store_assign_customers (self->store, (const gint64 *)(gpointer)ids->data, ids->len,
                                     g_variant_get_int64 (param), &error);
  finish_bulk (self, ok, error);
}

static void
set_tier_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SalesCustomersView *self = SALES_CUSTOMERS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  int tier = g_variant_get_int32 (param);
  gboolean ok;

  if (tier < SALES_TIER_A || tier > SALES_TIER_C)
    return;

  ok = sales_store_set_customers_tier (self->store, (const gint64 *)(gpointer)ids->data,
                                       ids->len, tier, &error);
  finish_bulk (self, ok, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SalesCustomersView *self = SALES_CUSTOMERS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sales_store_delete_customers (self->store, (const gint64 *)(gpointer)ids->data, ids->len,
                                     &error);
  finish_bulk (self, ok, error);
}

static void refresh_choices (SalesCustomersView *self);

static void
on_tag_entry_activate (SalesCustomersView *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));
  gboolean ok;

  if (name == NULL || *name == '\0')
    return;

  ok = sales_store_add_tag (self->store, (const gint64 *)(gpointer)ids->data, ids->len, name,
                            NULL, &error);
  gtk_popover_popdown (self->tag_popover);
  if (ok)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
      refresh_choices (self);
    }
  finish_bulk (self, ok, error);
}

static void
on_activate (SalesCustomersView *self,
             guint               position)
{
  gint64 id = sales_customer_list_get_customer_id (self->list, position);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x", id);
}

/* Search and filters */

static void
on_search_changed (SalesCustomersView *self)
{
  sales_customer_list_set_search (self->list,
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (SalesCustomersView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_selected (SalesCustomersView *self)
{
  guint tier, owner, industry, source, tag;

  if (self->updating_filters)
    return;

  tier = gtk_drop_down_get_selected (self->tier_filter);
  owner = gtk_drop_down_get_selected (self->owner_filter);
  industry = gtk_drop_down_get_selected (self->industry_filter);
  source = gtk_drop_down_get_selected (self->source_filter);
  tag = gtk_drop_down_get_selected (self->tag_filter);

  sales_customer_list_set_tier (self->list, tier == 0 || tier == GTK_INVALID_LIST_POSITION
                                            ? SALES_CUSTOMER_LIST_ANY_TIER : (int)tier - 1);
  sales_customer_list_set_owner_id (self->list,
                                    owner > 0 && owner <= self->owner_ids->len
                                    ? g_array_index (self->owner_ids, gint64, owner - 1) : 0);
  sales_customer_list_set_industry (self->list,
                                    industry > 0 && industry <= g_strv_length (self->industries)
                                    ? self->industries[industry - 1] : NULL);
  sales_customer_list_set_source (self->list,
                                  source > 0 && source <= g_strv_length (self->sources)
                                  ? self->sources[source - 1] : NULL);
  sales_customer_list_set_tag_id (self->list,
                                  tag > 0 && tag <= self->tag_ids->len
                                  ? g_array_index (self->tag_ids, gint64, tag - 1) : 0);
}

/* Replaces a drop-down's entries, keeping the one chosen when it is still there. */
static void
set_choices (GtkDropDown        *drop_down,
             const char         *any,
             const char * const *labels,
             const char         *keep)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, any);
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      gtk_string_list_append (model, labels[i]);
      if (keep != NULL && g_str_equal (keep, labels[i]))
        selected = i + 1;
    }

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, selected);
}

static const char *
selected_label (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  if (item == NULL || gtk_drop_down_get_selected (drop_down) == 0)
    return NULL;

  return gtk_string_object_get_string (item);
}

static void
refresh_choices (SalesCustomersView *self)
{
  g_autofree char *owner = g_strdup (selected_label (self->owner_filter));
  g_autofree char *industry = g_strdup (selected_label (self->industry_filter));
  g_autofree char *source = g_strdup (selected_label (self->source_filter));
  g_autofree char *tag = g_strdup (selected_label (self->tag_filter));
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) source_labels = g_ptr_array_new ();
  g_autoptr(GMenu) assign_menu = g_menu_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 pool = SALES_CUSTOMER_LIST_PUBLIC_POOL;

  self->updating_filters = TRUE;

  g_array_set_size (self->owner_ids, 0);
  g_array_append_val (self->owner_ids, pool);
  g_ptr_array_add (owners, g_strdup (_("Public pool")));
  g_menu_append (assign_menu, _("Public Pool"), "customers.assign(int64 0)");
  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (self->reps, i);
      gint64 id = sales_record_get_id (SALES_RECORD (rep));
      g_autofree char *detailed = g_strdup_printf ("customers.assign(int64 %" G_GINT64_FORMAT ")",
                                                   id);

      g_array_append_val (self->owner_ids, id);
      g_ptr_array_add (owners, g_strdup (sales_rep_get_name (rep)));
      g_menu_append (assign_menu, sales_rep_get_name (rep), detailed);
    }
  g_ptr_array_add (owners, NULL);
  set_choices (self->owner_filter, _("Any owner"), (const char * const *)owners->pdata, owner);
  gtk_menu_button_set_menu_model (self->assign_button, G_MENU_MODEL (assign_menu));

  g_strfreev (self->industries);
  self->industries = sales_customer_list_dup_industries (self->store);
  set_choices (self->industry_filter, _("Any industry"),
               (const char * const *)self->industries, industry);

  g_strfreev (self->sources);
  self->sources = sales_customer_list_dup_sources (self->store);
  for (guint i = 0; self->sources[i] != NULL; i++)
    g_ptr_array_add (source_labels, (gpointer)sales_customer_source_to_label (self->sources[i]));
  g_ptr_array_add (source_labels, NULL);
  set_choices (self->source_filter, _("Any source"),
               (const char * const *)source_labels->pdata, source);

  g_array_set_size (self->tag_ids, 0);
  tags = sales_store_list_tags (self->store, self->tag_ids, &error);
  if (tags == NULL)
    g_warning ("Cannot list the tags: %s", error->message);
  set_choices (self->tag_filter, _("Any tag"), (const char * const *)tags, tag);

  self->updating_filters = FALSE;
  on_filter_selected (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SalesCustomersView *self = SALES_CUSTOMERS_VIEW (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->tier_filter, 0);
  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->industry_filter, 0);
  gtk_drop_down_set_selected (self->source_filter, 0);
  gtk_drop_down_set_selected (self->tag_filter, 0);
  self->updating_filters = FALSE;

  /* The entry's own signal comes after its delay; the list clears at once. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  sales_customer_list_clear_filters (self->list);
}

static gboolean
focus_search_shortcut (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  /* Every view is in the window at once; only the one shown takes Ctrl+F. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  sales_customers_view_focus_search (SALES_CUSTOMERS_VIEW (widget));
  return TRUE;
}

/* GObject */

/* What changes data: off for a file opened read-only. */
static const char * const edit_actions[] = {
  "customers.assign",
  "customers.delete",
  "customers.set-tier",
  NULL,
};

static void
sales_customers_view_constructed (GObject *object)
{
  SalesCustomersView *self = (SalesCustomersView *)object;
  g_autoptr(GtkStringList) tiers = NULL;
  GtkEventController *shortcuts;

  G_OBJECT_CLASS (sales_customers_view_parent_class)->constructed (object);

  g_assert (SALES_IS_STORE (self->store));
  g_assert (SALES_IS_SETTINGS (self->settings));

  self->list = sales_customer_list_new (self->store);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  sales_customers_view_add_columns (self);

  g_signal_connect_object (self->list, "notify::n-items", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::filtered", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  tiers = gtk_string_list_new ((const char * const[]) { _("Any tier"), C_("tier", "A"),
                                                        C_("tier", "B"), C_("tier", "C"),
                                                        NULL });
  gtk_drop_down_set_model (self->tier_filter, G_LIST_MODEL (tiers));

  self->reps = sales_store_list_reps (self->store);
  g_signal_connect_object (self->reps, "items-changed", G_CALLBACK (refresh_choices), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (refresh_choices), self,
                           G_CONNECT_SWAPPED);
  refresh_choices (self);

  g_signal_connect_swapped (self->tier_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);
  g_signal_connect_swapped (self->owner_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);
  g_signal_connect_swapped (self->industry_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);
  g_signal_connect_swapped (self->source_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);
  g_signal_connect_swapped (self->tag_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Control>f"),
                                                          gtk_callback_action_new (
                                                            focus_search_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_count (self);
  on_selection_changed (self);

  sales_read_only_disable_actions (GTK_WIDGET (self), self->store, edit_actions);
}

static void
sales_customers_view_dispose (GObject *object)
{
  SalesCustomersView *self = (SalesCustomersView *)object;

  sales_undo_toast_forget (GTK_WIDGET (self), &self->toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_CUSTOMERS_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->reps);

  G_OBJECT_CLASS (sales_customers_view_parent_class)->dispose (object);
}

static void
sales_customers_view_finalize (GObject *object)
{
  SalesCustomersView *self = (SalesCustomersView *)object;

  g_array_unref (self->owner_ids);
  g_array_unref (self->tag_ids);
  g_strfreev (self->industries);
  g_strfreev (self->sources);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sales_customers_view_parent_class)->finalize (object);
}

static void
sales_customers_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SalesCustomersView *self = SALES_CUSTOMERS_VIEW (object);

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
sales_customers_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SalesCustomersView *self = SALES_CUSTOMERS_VIEW (object);

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
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SalesCustomersView *self = SALES_CUSTOMERS_VIEW (widget);
  g_autoptr(SalesExporter) exporter = sales_exporter_new_for_customers (self->list);
  g_autoptr(SalesExportJob) job = sales_export_job_new (exporter, widget);

  sales_export_job_choose (job);
}

static void
sales_customers_view_class_init (SalesCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_customers_view_constructed;
  object_class->dispose = sales_customers_view_dispose;
  object_class->finalize = sales_customers_view_finalize;
  object_class->get_property = sales_customers_view_get_property;
  object_class->set_property = sales_customers_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, box);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, tier_filter);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, industry_filter);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, source_filter);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, bulk_bar);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, assign_button);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, tag_button);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, tag_popover);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomersView, tag_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_activate);

  gtk_widget_class_install_action (widget_class, "customers.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "customers.assign", "x", assign_action);
  gtk_widget_class_install_action (widget_class, "customers.set-tier", "i", set_tier_action);
  gtk_widget_class_install_action (widget_class, "customers.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "customers.export", NULL, export_action);
}

static void
sales_customers_view_init (SalesCustomersView *self)
{
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->probe_column = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_customers_view_new (SalesStore    *store,
                          SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_CUSTOMERS_VIEW,
                       "store", store,
                       "settings", settings,
                       NULL);
}

/**
 * sales_customers_view_get_list:
 *
 * Returns: (transfer none): the list the view shows
 */
SalesCustomerList *
sales_customers_view_get_list (SalesCustomersView *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMERS_VIEW (self), NULL);

  return self->list;
}

/**
 * sales_customers_view_get_selection:
 *
 * Returns: (transfer none): the selection over the list
 */
GtkSelectionModel *
sales_customers_view_get_selection (SalesCustomersView *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMERS_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

void
sales_customers_view_focus_search (SalesCustomersView *self)
{
  g_return_if_fail (SALES_IS_CUSTOMERS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
