/* sales-board-column.c: the deals of one stage on the pipeline board
 *
 * The column is a header with the stage's figures over a list view of the stage's
 * SalesDealList. The list view creates cards only for the rows near the screen and
 * rebinds them as it scrolls, so a column of a hundred thousand deals costs what a column
 * of twenty does; nothing here walks the items of the list.
 *
 * The list view is a GtkGridView of one column rather than a GtkListView: before GTK 4.12
 * a GtkListView keeps 200 rows alive around what is on screen, whatever its height, which
 * for seven columns is more than a thousand cards to build, bind and lay out before the
 * first frame; the grid view keeps 30-odd. It is given a slice of the list that starts
 * with the rows a screen holds and grows as the column is scrolled towards its end, so the
 * first frame builds only the cards that can be seen. A won or lost column gets its model
 * only once it is expanded, so its hidden list builds nothing.
 *
 * Drops: the column is the drop target; it works out where among its cards the pointer
 * is (the card under the pointer, above or below its middle) and emits ::deal-dropped
 * with that list position. The board decides what the drop means.
 *
 * Won and lost columns are narrow drop zones until expanded, when they list the most
 * recently closed deals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-board-column.h"
#include "sales-deal-card.h"
#include "sales-money.h"
#include "sales-quick-create.h"

#define OPEN_WIDTH      280
#define COLLAPSED_WIDTH 150

/* Rows of the slice the list view starts with (more than a tall screen shows), and how
 * many more it gets whenever the column is scrolled to within half a screen of its end. */
#define SLICE_START 12
#define SLICE_STEP  24

struct _SalesBoardColumn
{
  GtkWidget        parent_instance;

  SalesStore      *store;
  SalesSettings   *settings;
  SalesStage      *stage;
  SalesDealFilter *filter;
  SalesDealList   *deals;
  GtkSliceListModel *slice;
  /* No cards yet: the window's first frame shows the columns without them. */
  gboolean           cards_held;
  guint            grow_source;
  gulong           top_handler;
  GdkFrameClock   *top_clock;

  /* Bound cards by deal, to find the card of a deal without touching the model. */
  GHashTable      *cards;
  /* A deal whose card takes the focus as soon as it is bound. */
  SalesDeal       *focus_deal;
  GtkWidget       *drop_marked;

  GtkWidget       *box;
  GtkLabel        *name_label;
  GtkLabel        *count_label;
  GtkLabel        *total_label;
  GtkLabel        *weighted_label;
  GtkMenuButton   *add_button;
  GtkToggleButton *expand_button;
  GtkWidget       *scroller;
  GtkGridView     *list_view;
  GtkLabel        *drop_hint;

  guint            expanded : 1;
};

G_DEFINE_FINAL_TYPE (SalesBoardColumn, sales_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_STAGE,
  PROP_FILTER,
  PROP_EXPANDED,
  PROP_CARDS_HELD,
  N_PROPS
};

enum {
  DEAL_DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_closed (SalesBoardColumn *self)
{
  return sales_stage_is_closed (self->stage);
}

static void
update_header (SalesBoardColumn *self)
{
  const char *currency = sales_settings_get_currency (self->settings);
  guint n_deals = sales_deal_list_get_n_deals (self->deals);
  g_autofree char *count = g_strdup_printf ("%u", n_deals);
  g_autofree char *count_long = NULL;
  g_autofree char *total = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *weighted_text = NULL;
  g_autofree char *add_label = NULL;
  const char *name = sales_stage_get_name (self->stage);

  g_assert (SALES_IS_BOARD_COLUMN (self));

  gtk_label_set_label (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);

  gtk_label_set_label (self->count_label, count);
  count_long = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal", "%u deals", n_deals),
                                n_deals);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), count_long);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, count_long, -1);

  /* The totals of a large column are summed in a thread; until then they are not shown
   * rather than shown wrong. */
  if (sales_deal_list_get_totals_known (self->deals))
    {
      total = sales_money_format (sales_deal_list_get_total_cents (self->deals), currency);
      weighted = sales_money_format (sales_deal_list_get_weighted_cents (self->deals), currency);
    }
  else
    {
      total = g_strdup ("…");
      weighted = g_strdup ("…");
    }
  gtk_label_set_label (self->total_label, total);

  /* TRANSLATORS: under a column's total: the total times the stage's probability */
  weighted_text = g_strdup_printf (_("Weighted %s"), weighted);
  gtk_label_set_label (self->weighted_label, weighted_text);
  gtk_widget_set_visible (GTK_WIDGET (self->weighted_label), !is_closed (self));

  add_label = g_strdup_printf (_("Add a Deal to “%s”"), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count_long,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_expanded (SalesBoardColumn *self)
{
  gboolean closed = is_closed (self);
  gboolean show_list = !closed || self->expanded;

  g_assert (SALES_IS_BOARD_COLUMN (self));

  if (show_list && gtk_grid_view_get_model (self->list_view) == NULL)
    {
      g_autoptr(GtkNoSelection) selection = NULL;

      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
      gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }

  gtk_widget_set_size_request (GTK_WIDGET (self), show_list ? OPEN_WIDTH : COLLAPSED_WIDTH, -1);
  gtk_widget_set_visible (self->scroller, show_list);
  gtk_widget_set_visible (GTK_WIDGET (self->drop_hint), !show_list);
  gtk_widget_set_visible (GTK_WIDGET (self->expand_button), closed);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !closed);

  if (self->expanded)
    gtk_widget_add_css_class (GTK_WIDGET (self), "expanded");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "expanded");

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->expand_button),
                               self->expanded ? _("Hide Closed Deals") : _("Show Recent Deals"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expand_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->expanded ? _("Hide Closed Deals")
                                                 : _("Show Recent Deals"),
                                  -1);
}

static void
on_expand_toggled (SalesBoardColumn *self)
{
  g_assert (SALES_IS_BOARD_COLUMN (self));

  sales_board_column_set_expanded (self, gtk_toggle_button_get_active (self->expand_button));
}

static void
on_list_activate (SalesBoardColumn *self,
                  guint             position)
{
  gint64 id;

  g_assert (SALES_IS_BOARD_COLUMN (self));

  id = sales_deal_list_get_deal_id (self->deals, position);
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.open-deal", "x", id);
}

/* The slice */

static void
grow_slice (SalesBoardColumn *self,
            guint             size)
{
  if (size > gtk_slice_list_model_get_size (self->slice))
    gtk_slice_list_model_set_size (self->slice, size);
}

static gboolean
grow_slice_when_near_end (gpointer data)
{
  SalesBoardColumn *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  double page = gtk_adjustment_get_page_size (adjustment);
  double end = gtk_adjustment_get_value (adjustment) + page;

  self->grow_source = 0;

  if (self->cards_held)
    return G_SOURCE_REMOVE;

  if (page > 0 && end >= gtk_adjustment_get_upper (adjustment) - page / 2)
    grow_slice (self, gtk_slice_list_model_get_size (self->slice) + SLICE_STEP);

  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the list view is allocated, when its items must not. */
static void
on_scrolled (SalesBoardColumn *self)
{
  g_assert (SALES_IS_BOARD_COLUMN (self));

  if (self->grow_source == 0)
    self->grow_source = g_idle_add (grow_slice_when_near_end, self);
}

/* A list view keeps the cards on screen where they are when one is put above them. At the
 * top of a column that hides a card just dropped, undone or created there, so a column
 * scrolled to its top stays at its top. The view can only scroll to the new card once it
 * has laid it out, so this waits for the frame after the change. */
static void
forget_top_handler (SalesBoardColumn *self)
{
  if (self->top_clock != NULL)
    g_clear_signal_handler (&self->top_handler, self->top_clock);
  self->top_handler = 0;
  g_clear_weak_pointer (&self->top_clock);
}

static void
scroll_to_top (SalesBoardColumn *self,
               GdkFrameClock    *frame_clock)
{
  g_assert (SALES_IS_BOARD_COLUMN (self));

  g_clear_signal_handler (&self->top_handler, frame_clock);
  g_clear_weak_pointer (&self->top_clock);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->slice)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
on_items_changed (SalesBoardColumn *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));

  g_assert (SALES_IS_BOARD_COLUMN (self));

  if (position != 0 || added == 0 || gtk_adjustment_get_value (adjustment) >= 1 ||
      frame_clock == NULL || (self->top_handler != 0 && self->top_clock == frame_clock))
    return;

  forget_top_handler (self);
  self->top_handler = g_signal_connect_object (frame_clock, "after-paint",
                                               G_CALLBACK (scroll_to_top), self,
                                               G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->top_clock, frame_clock);
}

/* The list view's factory */

static void
setup_card (SalesBoardColumn *self,
            GtkListItem      *list_item)
{
  g_assert (SALES_IS_BOARD_COLUMN (self));

  gtk_list_item_set_child (list_item, sales_deal_card_new (self->store, self->settings));
  /* The card takes the focus itself; a focused row would not see its shortcuts. */
  gtk_list_item_set_activatable (list_item, TRUE);
}

static gboolean
grab_card_focus (gpointer data)
{
  GtkWidget *card = data;

  if (gtk_widget_get_mapped (card))
    gtk_widget_grab_focus (card);

  return G_SOURCE_REMOVE;
}

static void
bind_card (SalesBoardColumn *self,
           GtkListItem      *list_item)
{
  SalesDealCard *card = SALES_DEAL_CARD (gtk_list_item_get_child (list_item));
  SalesDeal *deal = gtk_list_item_get_item (list_item);

  g_assert (SALES_IS_BOARD_COLUMN (self));

  sales_deal_card_set_list_item (card, list_item);
  sales_deal_card_set_deal (card, deal);
  g_hash_table_insert (self->cards, deal, card);

  if (deal != NULL && deal == self->focus_deal)
    {
      g_clear_object (&self->focus_deal);
      /* Bound during layout: the focus moves once the row is allocated. */
      g_idle_add_full (G_PRIORITY_DEFAULT, grab_card_focus, g_object_ref (card), g_object_unref);
    }
}

static void
unbind_card (SalesBoardColumn *self,
             GtkListItem      *list_item)
{
  SalesDealCard *card = SALES_DEAL_CARD (gtk_list_item_get_child (list_item));
  SalesDeal *deal = sales_deal_card_get_deal (card);

  g_assert (SALES_IS_BOARD_COLUMN (self));

  if (deal != NULL && g_hash_table_lookup (self->cards, deal) == card)
    g_hash_table_remove (self->cards, deal);
  if (GTK_WIDGET (card) == self->drop_marked)
    self->drop_marked = NULL;

  sales_deal_card_set_deal (card, NULL);
  sales_deal_card_set_list_item (card, NULL);
}

/* Dropping */

static SalesDealCard *
card_at (SalesBoardColumn *self,
         double            x,
         double            y)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkWidget *picked;

  picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
  while (picked != NULL && picked != list && gtk_widget_get_parent (picked) != list)
    picked = gtk_widget_get_parent (picked);

  if (picked == NULL || picked == list)
    return NULL;

  /* @picked is a row of the list view; its child is the card. */
  picked = gtk_widget_get_first_child (picked);
  return SALES_IS_DEAL_CARD (picked) ? SALES_DEAL_CARD (picked) : NULL;
}

static void
clear_drop_mark (SalesBoardColumn *self)
{
  if (self->drop_marked == NULL)
    return;

  gtk_widget_remove_css_class (self->drop_marked, "drop-above");
  gtk_widget_remove_css_class (self->drop_marked, "drop-below");
  self->drop_marked = NULL;
}

/* Which card of the list the pointer is over, and whether over its lower half. */
static SalesDealCard *
locate (SalesBoardColumn *self,
        double            x,
        double            y,
        gboolean         *below)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  graphene_point_t point;
  graphene_rect_t bounds;
  SalesDealCard *card;

  *below = FALSE;

  if (!gtk_widget_get_visible (self->scroller) ||
      !gtk_widget_compute_point (GTK_WIDGET (self), list, &GRAPHENE_POINT_INIT (x, y), &point))
    return NULL;

  /* Between the cards and the column's edges the pointer still means the card at its
   * height, so the horizontal position is taken from the middle of the list. */
  card = card_at (self, gtk_widget_get_width (list) / 2.0, point.y);
  if (card == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (card), list, &bounds))
    return NULL;

  *below = point.y > bounds.origin.y + bounds.size.height / 2;
  return card;
}

/**
 * sales_board_column_get_drop_position:
 * @x: the pointer, in the column's coordinates
 *
 * Returns: the position in the column's list a card dropped at (@x, @y) should take:
 *   before the card under the pointer when over its upper half, after it when over its
 *   lower half; 0 above the list and the number of items below the last card
 */
guint
sales_board_column_get_drop_position (SalesBoardColumn *self,
                                      double            x,
                                      double            y)
{
  graphene_point_t point;
  SalesDealCard *card;
  gboolean below;
  guint position;
  guint n_items;

  g_return_val_if_fail (SALES_IS_BOARD_COLUMN (self), 0);

  /* The cards shown: below the last of them is after it, not the end of the stage. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->slice));
  if (!gtk_widget_get_visible (self->scroller) || n_items == 0)
    return 0;

  if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->list_view),
                                &GRAPHENE_POINT_INIT (x, y), &point) &&
      point.y < 0)
    return 0;

  card = locate (self, x, y, &below);
  if (card == NULL)
    return n_items;

  position = sales_deal_card_get_position (card);
  if (position == GTK_INVALID_LIST_POSITION)
    return n_items;

  return MIN (position + (below ? 1 : 0), n_items);
}

static GdkDragAction
on_drop_motion (SalesBoardColumn *self,
                double            x,
                double            y)
{
  SalesDealCard *card;
  gboolean below;

  g_assert (SALES_IS_BOARD_COLUMN (self));

  card = locate (self, x, y, &below);
  if (card == NULL || GTK_WIDGET (card) != self->drop_marked ||
      gtk_widget_has_css_class (GTK_WIDGET (card), below ? "drop-above" : "drop-below"))
    {
      clear_drop_mark (self);
      if (card != NULL)
        {
          self->drop_marked = GTK_WIDGET (card);
          gtk_widget_add_css_class (self->drop_marked, below ? "drop-below" : "drop-above");
        }
    }

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (SalesBoardColumn *self)
{
  g_assert (SALES_IS_BOARD_COLUMN (self));

  clear_drop_mark (self);
}

static gboolean
on_drop (SalesBoardColumn *self,
         const GValue     *value,
         double            x,
         double            y)
{
  SalesDeal *deal;
  guint position;

  g_assert (SALES_IS_BOARD_COLUMN (self));

  clear_drop_mark (self);

  if (!G_VALUE_HOLDS (value, SALES_TYPE_DEAL) || (deal = g_value_get_object (value)) == NULL)
    return FALSE;

  position = sales_board_column_get_drop_position (self, x, y);
  g_signal_emit (self, signals[DEAL_DROPPED], 0, deal, position);
  return TRUE;
}

static void
sales_board_column_constructed (GObject *object)
{
  SalesBoardColumn *self = (SalesBoardColumn *)object;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkDropTarget *drop_target;
  GtkAdjustment *adjustment;
  GtkWidget *quick_create;

  G_OBJECT_CLASS (sales_board_column_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);
  g_assert (self->stage != NULL);

  self->deals = sales_deal_list_new (self->store, self->stage, self->filter);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->deals)), 0,
                                          self->cards_held ? 0 : SLICE_START);
  g_signal_connect_object (self->slice, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deals, "notify::n-deals", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deals, "notify::total-cents", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deals, "notify::totals-known", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage, "notify", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::currency", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_card), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_card), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_card), self, G_CONNECT_SWAPPED);
  gtk_grid_view_set_factory (self->list_view, factory);

  drop_target = gtk_drop_target_new (SALES_TYPE_DEAL, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drop_target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect_swapped (drop_target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect_swapped (drop_target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect_swapped (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  switch (sales_stage_get_kind (self->stage))
    {
    case SALES_STAGE_KIND_WON:
      gtk_widget_add_css_class (GTK_WIDGET (self), "won");
      gtk_label_set_label (self->drop_hint, _("Drop a deal here to mark it won"));
      break;

    case SALES_STAGE_KIND_LOST:
      gtk_widget_add_css_class (GTK_WIDGET (self), "lost");
      gtk_label_set_label (self->drop_hint, _("Drop a deal here to mark it lost"));
      break;

    case SALES_STAGE_KIND_OPEN:
    default:
      quick_create = sales_quick_create_new (self->store, self->settings, self->stage);
      g_signal_connect_object (quick_create, "created", G_CALLBACK (sales_board_column_focus_deal),
                               self, G_CONNECT_SWAPPED);
      gtk_menu_button_set_popover (self->add_button, quick_create);
      break;
    }

  update_header (self);
  update_expanded (self);
}

static void
sales_board_column_dispose (GObject *object)
{
  SalesBoardColumn *self = (SalesBoardColumn *)object;

  g_clear_handle_id (&self->grow_source, g_source_remove);
  forget_top_handler (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_BOARD_COLUMN);

  G_OBJECT_CLASS (sales_board_column_parent_class)->dispose (object);
}

static void
sales_board_column_finalize (GObject *object)
{
  SalesBoardColumn *self = (SalesBoardColumn *)object;

  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_object (&self->focus_deal);
  g_clear_object (&self->slice);
  g_clear_object (&self->deals);
  g_clear_object (&self->filter);
  g_clear_object (&self->stage);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_board_column_parent_class)->finalize (object);
}

static void
sales_board_column_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SalesBoardColumn *self = SALES_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;

    case PROP_CARDS_HELD:
      g_value_set_boolean (value, self->cards_held);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_board_column_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SalesBoardColumn *self = SALES_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_STAGE:
      self->stage = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;

    case PROP_EXPANDED:
      sales_board_column_set_expanded (self, g_value_get_boolean (value));
      break;

    case PROP_CARDS_HELD:
      sales_board_column_set_cards_held (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_board_column_class_init (SalesBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_board_column_constructed;
  object_class->dispose = sales_board_column_dispose;
  object_class->finalize = sales_board_column_finalize;
  object_class->get_property = sales_board_column_get_property;
  object_class->set_property = sales_board_column_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         SALES_TYPE_STAGE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         SALES_TYPE_DEAL_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Won and lost columns only: whether the recent closed deals are listed. */
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Set at construction, so that no card is built before the first frame. */
  properties[PROP_CARDS_HELD] =
    g_param_spec_boolean ("cards-held", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesBoardColumn::deal-dropped:
   * @deal: the deal dropped on the column
   * @position: where in the column's list it was dropped
   */
  signals[DEAL_DROPPED] =
    g_signal_new ("deal-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SALES_TYPE_DEAL, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, box);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, total_label);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, weighted_label);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, add_button);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, expand_button);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, SalesBoardColumn, drop_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_expand_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
sales_board_column_init (SalesBoardColumn *self)
{
  self->cards = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

SalesBoardColumn *
sales_board_column_new (SalesStore      *store,
                        SalesSettings   *settings,
                        SalesStage      *stage,
                        SalesDealFilter *filter)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SALES_IS_STAGE (stage), NULL);
  g_return_val_if_fail (!filter || SALES_IS_DEAL_FILTER (filter), NULL);

  return g_object_new (SALES_TYPE_BOARD_COLUMN,
                       "store", store,
                       "settings", settings,
                       "stage", stage,
                       "filter", filter,
                       NULL);
}

SalesStage *
sales_board_column_get_stage (SalesBoardColumn *self)
{
  g_return_val_if_fail (SALES_IS_BOARD_COLUMN (self), NULL);

  return self->stage;
}

SalesDealList *
sales_board_column_get_deals (SalesBoardColumn *self)
{
  g_return_val_if_fail (SALES_IS_BOARD_COLUMN (self), NULL);

  return self->deals;
}

/**
 * sales_board_column_get_list_view:
 *
 * Returns: (transfer none): the view of the column's cards, a one-column #GtkGridView
 */
GtkGridView *
sales_board_column_get_list_view (SalesBoardColumn *self)
{
  g_return_val_if_fail (SALES_IS_BOARD_COLUMN (self), NULL);

  return self->list_view;
}

gboolean
sales_board_column_get_expanded (SalesBoardColumn *self)
{
  g_return_val_if_fail (SALES_IS_BOARD_COLUMN (self), FALSE);

  return self->expanded;
}

void
sales_board_column_set_expanded (SalesBoardColumn *self,
                                 gboolean          expanded)
{
  g_return_if_fail (SALES_IS_BOARD_COLUMN (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;

  self->expanded = expanded;
  gtk_toggle_button_set_active (self->expand_button, expanded);
  update_expanded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

/**
 * sales_board_column_get_card:
 *
 * Returns: (transfer none) (nullable): the card bound to @deal, if it is on screen
 */
GtkWidget *
sales_board_column_get_card (SalesBoardColumn *self,
                             SalesDeal        *deal)
{
  g_return_val_if_fail (SALES_IS_BOARD_COLUMN (self), NULL);
  g_return_val_if_fail (SALES_IS_DEAL (deal), NULL);

  return g_hash_table_lookup (self->cards, deal);
}

/**
 * sales_board_column_focus_deal:
 *
 * Scrolls to @deal's card and gives it the keyboard focus, now if the card is on screen,
 * or as soon as the list view binds it.
 */
void
sales_board_column_focus_deal (SalesBoardColumn *self,
                               SalesDeal        *deal)
{
  GtkWidget *card;
  guint position;

  g_return_if_fail (SALES_IS_BOARD_COLUMN (self));
  g_return_if_fail (SALES_IS_DEAL (deal));

  if (!sales_deal_list_find (self->deals, sales_record_get_id (SALES_RECORD (deal)), &position))
    return;

  card = g_hash_table_lookup (self->cards, deal);
  if (card != NULL && gtk_widget_get_mapped (card))
    {
      g_clear_object (&self->focus_deal);
      gtk_widget_grab_focus (card);
      gtk_widget_activate_action (card, "listitem.scroll-to", NULL);
      return;
    }

  g_set_object (&self->focus_deal, deal);
  grow_slice (self, position + SLICE_START);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * sales_board_column_set_cards_held:
 * @held: %TRUE to show no cards until called again with %FALSE
 *
 * At start-up the window's first frame comes sooner without the cards, whose
 * first one costs the most (fonts, shaders); the board shows them in the
 * frame after it.
 */
void
sales_board_column_set_cards_held (SalesBoardColumn *self,
                                   gboolean          held)
{
  g_return_if_fail (SALES_IS_BOARD_COLUMN (self));

  held = !!held;
  if (self->cards_held == held)
    return;

  self->cards_held = held;
  /* During construction: the slice starts at the right size. */
  if (self->slice == NULL)
    return;

  if (held)
    gtk_slice_list_model_set_size (self->slice, 0);
  else
    grow_slice (self, SLICE_START);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARDS_HELD]);
}

/**
 * sales_board_column_refresh_cards:
 *
 * Has the cards on screen read their time-dependent state again.
 */
void
sales_board_column_refresh_cards (SalesBoardColumn *self)
{
  GHashTableIter iter;
  gpointer card;

  g_return_if_fail (SALES_IS_BOARD_COLUMN (self));

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    sales_deal_card_refresh (card);
}
