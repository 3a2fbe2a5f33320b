/* sales-board.c: the pipeline board, one column of cards per stage
 *
 * The board lays out a column per open stage in pipeline order, then the won and the
 * lost stages as narrow drop zones, in a row that scrolls sideways. Above it sit the
 * filters; they edit one SalesDealFilter that every column's list shares, so a search
 * re-runs each column's query and the totals follow it.
 *
 * What moves cards — drops, the context menu, the shortcuts — is in
 * sales-board-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-board-private.h"
#include "sales-read-only.h"
#include "sales-undo-toast.h"

/* How stale the cards' time-dependent badges may get while the board is hidden. */
#define REFRESH_INTERVAL_S (10 * 60)

G_DEFINE_FINAL_TYPE (SalesBoard, sales_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CARDS_HELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the close-range drop-down. */
static const struct {
  SalesCloseRange  range;
  const char      *label;
} close_ranges[] = {
  { SALES_CLOSE_RANGE_ANY, N_("Any Close Date") },
  { SALES_CLOSE_RANGE_THIS_MONTH, N_("Closing This Month") },
  { SALES_CLOSE_RANGE_THIS_QUARTER, N_("Closing This Quarter") },
  { SALES_CLOSE_RANGE_OVERDUE, N_("Past Close Date") },
};

/* Filters */

static void
on_search_changed (SalesBoard *self)
{
  g_assert (SALES_IS_BOARD (self));

  sales_deal_filter_set_search (self->filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_owner_selected (SalesBoard *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);

  g_assert (SALES_IS_BOARD (self));

  if (self->owner_ids != NULL && selected < self->owner_ids->len)
    sales_deal_filter_set_owner_id (self->filter,
                                    g_array_index (self->owner_ids, gint64, selected));
}

/* A column is shown when the stage filter keeps its stage. */
static void
update_column_visibility (SalesBoard *self)
{
  gint64 stage_id = sales_deal_filter_get_stage_id (self->filter);

  for (guint i = 0; i < self->columns->len; i++)
    {
      SalesBoardColumn *column = g_ptr_array_index (self->columns, i);
      gint64 id = sales_record_get_id (SALES_RECORD (sales_board_column_get_stage (column)));

      gtk_widget_set_visible (GTK_WIDGET (column), stage_id == 0 || stage_id == id);
    }
}

static void
on_stage_selected (SalesBoard *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_dropdown);

  g_assert (SALES_IS_BOARD (self));

  if (self->stage_ids != NULL && selected < self->stage_ids->len)
    sales_deal_filter_set_stage_id (self->filter,
                                    g_array_index (self->stage_ids, gint64, selected));
  update_column_visibility (self);
}

static void
on_close_selected (SalesBoard *self)
{
  guint selected = gtk_drop_down_get_selected (self->close_dropdown);

  g_assert (SALES_IS_BOARD (self));

  if (selected < G_N_ELEMENTS (close_ranges))
    sales_deal_filter_set_close_range (self->filter, close_ranges[selected].range);
}

static void
rebuild_owner_choices (SalesBoard *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 current_rep = sales_settings_get_current_rep_id (self->settings);
  gint64 owner = sales_deal_filter_get_owner_id (self->filter);
  guint selected = 0;
  gint64 id = 0;

  g_assert (SALES_IS_BOARD (self));

  g_array_set_size (self->owner_ids, 0);

  gtk_string_list_append (names, _("Everyone’s Deals"));
  g_array_append_val (self->owner_ids, id);

  if (current_rep > 0)
    {
      gtk_string_list_append (names, _("My Deals"));
      g_array_append_val (self->owner_ids, current_rep);
    }

  /* The rep list is the small table of the sales team, all loaded. */
  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (self->reps, i);

      id = sales_record_get_id (SALES_RECORD (rep));
      if (id == current_rep)
        continue;
      gtk_string_list_append (names, sales_rep_get_name (rep));
      g_array_append_val (self->owner_ids, id);
    }

  for (guint i = 0; i < self->owner_ids->len; i++)
    {
      if (g_array_index (self->owner_ids, gint64, i) == owner)
        selected = i;
    }

  g_signal_handlers_block_by_func (self->owner_dropdown, on_owner_selected, self);
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->owner_dropdown, on_owner_selected, self);

  /* A rep who left takes the filter on them with them. */
  on_owner_selected (self);
}

static void
setup_label (GtkListItemFactory *factory,
             GtkListItem        *list_item,
             gpointer            ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 5);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkListItemFactory *factory,
            GtkListItem        *list_item,
            gpointer            user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (item));
}

/* The button shows the choice ellipsized so that the filters fit a narrow window; the
 * list shows it whole. */
static void
set_up_drop_down (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (button_factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (TRUE));
  g_signal_connect (button_factory, "bind", G_CALLBACK (bind_label), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (FALSE));
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_label), NULL);

  gtk_drop_down_set_factory (drop_down, button_factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
}

/* Columns */

static void
on_deal_dropped (SalesBoard       *self,
                 SalesDeal        *deal,
                 guint             position,
                 SalesBoardColumn *column)
{
  g_assert (SALES_IS_BOARD (self));

  sales_board_drop_deal (self, deal, column, position);
}

static void
on_column_expanded (SalesBoard       *self,
                    GParamSpec       *pspec,
                    SalesBoardColumn *column)
{
  gint64 id = sales_record_get_id (SALES_RECORD (sales_board_column_get_stage (column)));

  g_assert (SALES_IS_BOARD (self));

  if (sales_board_column_get_expanded (column))
    g_hash_table_add (self->expanded_stages, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded_stages, &id);
}

static void
add_column (SalesBoard *self,
            SalesStage *stage)
{
  SalesBoardColumn *column;
  gint64 id = sales_record_get_id (SALES_RECORD (stage));

  column = g_object_new (SALES_TYPE_BOARD_COLUMN,
                         "store", self->store,
                         "settings", self->settings,
                         "stage", stage,
                         "filter", self->filter,
                         "cards-held", self->cards_held,
                         NULL);
  sales_board_column_set_expanded (column, g_hash_table_contains (self->expanded_stages, &id));
  g_signal_connect_object (column, "deal-dropped", G_CALLBACK (on_deal_dropped), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (column, "notify::expanded", G_CALLBACK (on_column_expanded), self,
                           G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (self->columns_box), GTK_WIDGET (column));
  g_ptr_array_add (self->columns, column);
}

/* The stage drop-down lists the columns in board order; a stage that was deleted takes
 * the filter on it with it. */
static void
rebuild_stage_choices (SalesBoard *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 stage_id = sales_deal_filter_get_stage_id (self->filter);
  guint selected = 0;
  gint64 id = 0;

  g_array_set_size (self->stage_ids, 0);
  gtk_string_list_append (names, _("All Stages"));
  g_array_append_val (self->stage_ids, id);

  for (guint i = 0; i < self->columns->len; i++)
    {
      SalesStage *stage = sales_board_column_get_stage (g_ptr_array_index (self->columns, i));

      id = sales_record_get_id (SALES_RECORD (stage));
      if (id == stage_id)
        selected = self->stage_ids->len;
      gtk_string_list_append (names, sales_stage_get_name (stage));
      g_array_append_val (self->stage_ids, id);
    }

  g_signal_handlers_block_by_func (self->stage_dropdown, on_stage_selected, self);
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->stage_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->stage_dropdown, on_stage_selected, self);

  on_stage_selected (self);
}

/* Open stages in pipeline order, then the won stages, then the lost ones, wherever the
 * preferences put them among the others. */
static void
rebuild_columns (SalesBoard *self)
{
  static const SalesStageKind order[] = {
    SALES_STAGE_KIND_OPEN, SALES_STAGE_KIND_WON, SALES_STAGE_KIND_LOST,
  };
  GtkWidget *child;

  g_assert (SALES_IS_BOARD (self));

  while ((child = gtk_widget_get_first_child (self->columns_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->columns_box), child);
  g_ptr_array_set_size (self->columns, 0);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (self->stages); i++)
        {
          g_autoptr(SalesStage) stage = g_list_model_get_item (self->stages, i);

          if (sales_stage_get_kind (stage) == order[k])
            add_column (self, stage);
        }
    }

  rebuild_stage_choices (self);
}

static void
sales_board_map (GtkWidget *widget)
{
  SalesBoard *self = SALES_BOARD (widget);
  gint64 now = sales_store_now (self->store);

  GTK_WIDGET_CLASS (sales_board_parent_class)->map (widget);

  /* Rotting and "due today" change with the time, not only with the data; a board shown
   * again after a while reads them again, not on every switch of views. */
  if (now - self->refreshed_at < REFRESH_INTERVAL_S)
    return;

  self->refreshed_at = now;
  for (guint i = 0; i < self->columns->len; i++)
    sales_board_column_refresh_cards (g_ptr_array_index (self->columns, i));
}

/* What changes data: off for a file opened read-only. */
static const char * const edit_actions[] = {
  "board.delete-deal",
  "board.log-followup",
  "board.mark-lost",
  "board.mark-won",
  "board.move-deal-by",
  "board.move-deal-to",
  "board.reorder-deal",
  "board.undo",
  "board.redo",
  NULL,
};

static void
sales_board_constructed (GObject *object)
{
  SalesBoard *self = (SalesBoard *)object;
  g_autoptr(GtkStringList) ranges = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sales_board_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  self->stages = sales_store_list_stages (self->store);
  g_signal_connect_object (self->stages, "items-changed", G_CALLBACK (rebuild_columns), self,
                           G_CONNECT_SWAPPED);

  self->reps = sales_store_list_reps (self->store);
  g_signal_connect_object (self->reps, "items-changed", G_CALLBACK (rebuild_owner_choices), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::current-rep-id",
                           G_CALLBACK (rebuild_owner_choices), self, G_CONNECT_SWAPPED);

  set_up_drop_down (self->owner_dropdown);
  set_up_drop_down (self->stage_dropdown);
  set_up_drop_down (self->close_dropdown);

  for (guint i = 0; i < G_N_ELEMENTS (close_ranges); i++)
    gtk_string_list_append (ranges, _(close_ranges[i].label));
  gtk_drop_down_set_model (self->close_dropdown, G_LIST_MODEL (ranges));

  rebuild_owner_choices (self);
  rebuild_columns (self);
  self->refreshed_at = sales_store_now (self->store);

  sales_read_only_disable_actions (GTK_WIDGET (self), self->store, edit_actions);
}

static void
sales_board_dispose (GObject *object)
{
  SalesBoard *self = (SalesBoard *)object;

  sales_undo_toast_forget (GTK_WIDGET (self), &self->toast);
  if (self->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dialog, self);
      gtk_window_destroy (self->dialog);
      g_clear_object (&self->dialog);
    }

  if (self->columns != NULL)
    g_ptr_array_set_size (self->columns, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_BOARD);

  G_OBJECT_CLASS (sales_board_parent_class)->dispose (object);
}

static void
sales_board_finalize (GObject *object)
{
  SalesBoard *self = (SalesBoard *)object;

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->expanded_stages, g_hash_table_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->stage_ids, g_array_unref);
  g_clear_object (&self->stages);
  g_clear_object (&self->reps);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_board_parent_class)->finalize (object);
}

static void
sales_board_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SalesBoard *self = SALES_BOARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CARDS_HELD:
      g_value_set_boolean (value, self->cards_held);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_board_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SalesBoard *self = SALES_BOARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CARDS_HELD:
      sales_board_set_cards_held (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_board_class_init (SalesBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_board_constructed;
  object_class->dispose = sales_board_dispose;
  object_class->finalize = sales_board_finalize;
  object_class->get_property = sales_board_get_property;
  object_class->set_property = sales_board_set_property;

  widget_class->map = sales_board_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Set at construction, so that no card is built before the first frame. */
  properties[PROP_CARDS_HELD] =
    g_param_spec_boolean ("cards-held", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "board");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sales-board.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesBoard, box);
  gtk_widget_class_bind_template_child (widget_class, SalesBoard, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SalesBoard, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SalesBoard, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesBoard, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesBoard, close_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesBoard, scroller);
  gtk_widget_class_bind_template_child (widget_class, SalesBoard, columns_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_close_selected);

  sales_board_class_add_actions (widget_class);
}

static void
sales_board_init (SalesBoard *self)
{
  self->filter = sales_deal_filter_new ();
  self->columns = g_ptr_array_new ();
  self->expanded_stages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_board_new (SalesStore    *store,
                 SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_BOARD,
                       "store", store,
                       "settings", settings,
                       NULL);
}

SalesStore *
sales_board_get_store (SalesBoard *self)
{
  g_return_val_if_fail (SALES_IS_BOARD (self), NULL);

  return self->store;
}

/**
 * sales_board_get_filter:
 *
 * Returns: (transfer none): the filter the board's columns share
 */
SalesDealFilter *
sales_board_get_filter (SalesBoard *self)
{
  g_return_val_if_fail (SALES_IS_BOARD (self), NULL);

  return self->filter;
}

guint
sales_board_get_n_columns (SalesBoard *self)
{
  g_return_val_if_fail (SALES_IS_BOARD (self), 0);

  return self->columns->len;
}

/**
 * sales_board_get_column:
 *
 * Returns: (transfer none) (nullable): the column at @index, left to right
 */
SalesBoardColumn *
sales_board_get_column (SalesBoard *self,
                        guint       index)
{
  g_return_val_if_fail (SALES_IS_BOARD (self), NULL);

  if (index >= self->columns->len)
    return NULL;

  return g_ptr_array_index (self->columns, index);
}

/**
 * sales_board_get_column_for_stage:
 *
 * Returns: (transfer none) (nullable): the column of the stage @stage_id
 */
SalesBoardColumn *
sales_board_get_column_for_stage (SalesBoard *self,
                                  gint64      stage_id)
{
  g_return_val_if_fail (SALES_IS_BOARD (self), NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      SalesBoardColumn *column = g_ptr_array_index (self->columns, i);

      if (sales_record_get_id (SALES_RECORD (sales_board_column_get_stage (column))) == stage_id)
        return column;
    }

  return NULL;
}

/**
 * sales_board_get_toast:
 *
 * Returns: (transfer none) (nullable): the toast of the last undoable change, while it
 *   is shown
 */
AdwToast *
sales_board_get_toast (SalesBoard *self)
{
  g_return_val_if_fail (SALES_IS_BOARD (self), NULL);

  return self->toast;
}

/**
 * sales_board_get_dialog:
 *
 * Returns: (transfer none) (nullable): the dialog the board is waiting on (the lost
 *   reason, the won amount), if any
 */
GtkWindow *
sales_board_get_dialog (SalesBoard *self)
{
  g_return_val_if_fail (SALES_IS_BOARD (self), NULL);

  return self->dialog;
}

/**
 * sales_board_set_cards_held:
 * @held: %TRUE to show the columns without their cards until called again
 *   with %FALSE
 *
 * The window holds the cards back for its first frame at start-up, where the
 * first card costs the most: loading its fonts and building the shaders of its
 * shadow took 60–80 ms of a large database's start-up here, and each further
 * card about 3 ms. The columns, their headers and totals show at once.
 */
void
sales_board_set_cards_held (SalesBoard *self,
                            gboolean    held)
{
  g_return_if_fail (SALES_IS_BOARD (self));

  held = !!held;
  if (self->cards_held == held)
    return;

  self->cards_held = held;
  for (guint i = 0; i < self->columns->len; i++)
    sales_board_column_set_cards_held (g_ptr_array_index (self->columns, i), held);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARDS_HELD]);
}

/**
 * sales_board_show_stage:
 * @owner_id: the rep whose deals to show, or 0 for everyone's
 *
 * Shows the deals of one rep in one stage alone (through the owner and stage filters, as if
 * chosen in their drop-downs), with the keyboard's focus in that column: where the
 * dashboard's funnel sends a click on a stage. "All Stages" brings the others back.
 */
void
sales_board_show_stage (SalesBoard *self,
                        gint64      stage_id,
                        gint64      owner_id)
{
  SalesBoardColumn *column;

  g_return_if_fail (SALES_IS_BOARD (self));

  for (guint i = 0; i < self->owner_ids->len; i++)
    {
      if (g_array_index (self->owner_ids, gint64, i) == owner_id)
        {
          gtk_drop_down_set_selected (self->owner_dropdown, i);
          break;
        }
    }

  for (guint i = 0; i < self->stage_ids->len; i++)
    {
      if (g_array_index (self->stage_ids, gint64, i) == stage_id)
        {
          gtk_drop_down_set_selected (self->stage_dropdown, i);
          break;
        }
    }

  column = sales_board_get_column_for_stage (self, stage_id);
  if (column != NULL)
    gtk_widget_child_focus (GTK_WIDGET (column), GTK_DIR_TAB_FORWARD);
}
