/* sales-deal-card.c: one deal on the pipeline board
 *
 * A card is recycled by its column's list view: the factory binds it to whichever deal
 * scrolls into view and unbinds it again, so everything it shows is read from the bound
 * deal (and the customer, owner and stage it points at) and followed through notify
 * signals while it is bound. The card starts drags of its deal and opens its context
 * menu; the moves themselves are the board's actions ("board.*", with the deal's id), so
 * the mouse, the menu and the keyboard share one code path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sales-deal-card.h"
#include "sales-money.h"

struct _SalesDealCard
{
  GtkWidget           parent_instance;

  SalesStore         *store;
  SalesSettings      *settings;

  SalesDeal          *deal;
  SalesCustomer      *customer;
  SalesRep           *owner;
  SalesStage         *stage;
  /* Not owned: the list item owns the card while the card is its child. */
  GtkListItem        *list_item;

  GtkDragSource      *drag_source;
  graphene_point_t    drag_start;
  GtkWidget          *menu;
  char               *accessible_label;

  GtkWidget          *box;
  GtkLabel           *title_label;
  AdwAvatar          *owner_avatar;
  GtkLabel           *customer_label;
  GtkLabel           *amount_label;
  GtkLabel           *close_label;
  GtkLabel           *followup_label;
  GtkLabel           *rot_label;

  SalesFollowupState  followup;
  int                 rot_days;
  guint               close_past : 1;
};

G_DEFINE_FINAL_TYPE (SalesDealCard, sales_deal_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
deal_id (SalesDealCard *self)
{
  g_assert (self->deal != NULL);

  return sales_record_get_id (SALES_RECORD (self->deal));
}

/* Today in local time as YYYY-MM-DD, by the store's clock (which tests set). */
static char *
today_iso (SalesStore *store)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sales_store_now (store));
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* The short form of a YYYY-MM-DD date on a card, in the reader's language. */
static char *
format_close_date (const char *iso)
{
  int year, month, day;

  if (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (iso);

  /* TRANSLATORS: the expected close date on a deal card: %1$d is the year, %2$d the
   * month (1-12), %3$d the day. Reorder them as your language writes dates, e.g.
   * "%1$d年%2$d月%3$d日". */
  return g_strdup_printf (_("%1$d-%2$02d-%3$02d"), year, month, day);
}

static void
swap_object (gpointer  *field,
             gpointer   object,
             GCallback  on_notify,
             gpointer   self)
{
  if (*field == object)
    return;

  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (*field, self);
  g_set_object ((GObject **)field, object);
  if (object != NULL)
    g_signal_connect_swapped (object, "notify", on_notify, self);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  /* Setting the same text again still costs the label a new layout. */
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
update_followup (SalesDealCard *self)
{
  GtkWidget *badge = GTK_WIDGET (self->followup_label);
  static const char * const classes[] = { "none", "planned", "today", "overdue" };
  const char *text = NULL;
  g_autofree char *rot_text = NULL;

  g_assert (SALES_IS_DEAL_CARD (self));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (badge, classes[i]);

  if (self->deal == NULL)
    return;

  self->followup = sales_store_get_deal_followup (self->store, self->deal);
  self->rot_days = sales_store_get_deal_rot_days (self->store, self->deal);

  switch (self->followup)
    {
    case SALES_FOLLOWUP_OVERDUE:
      text = C_("follow-up badge", "Overdue");
      gtk_widget_add_css_class (badge, "overdue");
      break;

    case SALES_FOLLOWUP_DUE_TODAY:
      text = C_("follow-up badge", "Today");
      gtk_widget_add_css_class (badge, "today");
      break;

    case SALES_FOLLOWUP_PLANNED:
      text = C_("follow-up badge", "Planned");
      gtk_widget_add_css_class (badge, "planned");
      break;

    case SALES_FOLLOWUP_NONE:
    default:
      text = C_("follow-up badge", "No follow-up");
      gtk_widget_add_css_class (badge, "none");
      break;
    }

  set_label (self->followup_label, text);

  if (self->rot_days > 0)
    {
      rot_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Rotting for %d day", "Rotting for %d days",
                                               self->rot_days),
                                  self->rot_days);
      set_label (self->rot_label, rot_text);
      gtk_widget_add_css_class (GTK_WIDGET (self), "rotting");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "rotting");

  gtk_widget_set_visible (GTK_WIDGET (self->rot_label), self->rot_days > 0);
}

static void
update_accessible (SalesDealCard *self)
{
  g_autofree char *amount = NULL;
  const char *description = NULL;

  g_assert (SALES_IS_DEAL_CARD (self));

  g_clear_pointer (&self->accessible_label, g_free);
  if (self->deal == NULL)
    return;

  amount = sales_money_format (sales_deal_get_amount_cents (self->deal),
                               sales_settings_get_currency (self->settings));

  /* TRANSLATORS: what a screen reader says for a deal card: the deal's title, its
   * customer, its amount and the name of its stage */
  self->accessible_label = g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s"),
                                            sales_deal_get_title (self->deal),
                                            gtk_label_get_label (self->customer_label),
                                            amount,
                                            self->stage != NULL
                                              ? sales_stage_get_name (self->stage) : "");

  description = gtk_label_get_label (self->followup_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->rot_days > 0
                                    ? gtk_label_get_label (self->rot_label) : description,
                                  -1);
}

static void on_related_notify (SalesDealCard *self);

static void
update_related (SalesDealCard *self)
{
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(SalesRep) owner = NULL;
  g_autoptr(SalesStage) stage = NULL;

  g_assert (SALES_IS_DEAL_CARD (self));

  if (self->deal != NULL)
    {
      gint64 customer_id = sales_deal_get_customer_id (self->deal);
      gint64 owner_id = sales_deal_get_owner_id (self->deal);

      /* A row deleted meanwhile leaves the field empty rather than the card broken. */
      if (customer_id > 0)
        customer = sales_store_get_customer (self->store, customer_id, NULL);
      if (owner_id > 0)
        owner = sales_store_get_rep (self->store, owner_id, NULL);
      stage = sales_store_get_stage (self->store, sales_deal_get_stage_id (self->deal), NULL);
    }

  swap_object ((gpointer *)&self->customer, customer, G_CALLBACK (on_related_notify), self);
  swap_object ((gpointer *)&self->owner, owner, G_CALLBACK (on_related_notify), self);
  swap_object ((gpointer *)&self->stage, stage, G_CALLBACK (on_related_notify), self);
}

/* What the deal, its customer, owner and stage say. */
static void
update_text (SalesDealCard *self)
{
  g_autofree char *amount = NULL;
  g_autofree char *close_text = NULL;
  const char *owner = self->owner != NULL ? sales_rep_get_name (self->owner) : NULL;
  const char *close;

  g_assert (SALES_IS_DEAL_CARD (self));

  set_label (self->title_label, sales_deal_get_title (self->deal));
  set_label (self->customer_label,
             self->customer != NULL ? sales_customer_get_name (self->customer) : "");

  amount = sales_money_format (sales_deal_get_amount_cents (self->deal),
                               sales_settings_get_currency (self->settings));
  set_label (self->amount_label, amount);

  /* The avatar lays its initials out again on every new text. Cards carry no tooltips:
   * setting one costs a card more than the rest of its binding together. */
  if (g_strcmp0 (adw_avatar_get_text (self->owner_avatar), owner) != 0)
    adw_avatar_set_text (self->owner_avatar, owner);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_avatar), owner != NULL);

  close = sales_deal_get_expected_close (self->deal);
  if (!sales_text_is_blank (close))
    close_text = format_close_date (close);
  set_label (self->close_label, close_text != NULL ? close_text : "");
}

/* What depends on the time as well: a passed close date, the follow-up badge, rotting. */
static void
update_state (SalesDealCard *self)
{
  g_autofree char *today = NULL;
  const char *close;
  gboolean open;

  g_assert (SALES_IS_DEAL_CARD (self));

  if (self->deal == NULL)
    return;

  close = sales_deal_get_expected_close (self->deal);
  open = self->stage == NULL || !sales_stage_is_closed (self->stage);
  today = today_iso (self->store);
  /* ISO dates compare as strings. A closed deal is past its expected close by design. */
  self->close_past = open && !sales_text_is_blank (close) && strcmp (close, today) < 0;

  if (self->close_past)
    gtk_widget_add_css_class (GTK_WIDGET (self->close_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->close_label), "error");

  /* A closed deal has nothing left to follow up or to rot. */
  gtk_widget_set_visible (GTK_WIDGET (self->followup_label), open);
  if (open)
    update_followup (self);
  else
    {
      self->followup = SALES_FOLLOWUP_NONE;
      self->rot_days = 0;
      gtk_widget_set_visible (GTK_WIDGET (self->rot_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "rotting");
    }

  update_accessible (self);
}

static void
update_labels (SalesDealCard *self)
{
  g_assert (SALES_IS_DEAL_CARD (self));

  if (self->deal == NULL)
    return;

  update_text (self);
  update_state (self);
}

static void
on_related_notify (SalesDealCard *self)
{
  g_assert (SALES_IS_DEAL_CARD (self));

  update_labels (self);
}

static void
on_deal_notify (SalesDealCard *self)
{
  g_assert (SALES_IS_DEAL_CARD (self));

  update_related (self);
  update_labels (self);
}

static void
on_activity_changed (SalesDealCard *self)
{
  g_assert (SALES_IS_DEAL_CARD (self));

  /* A follow-up logged or planned anywhere may be this deal's; the query is indexed and
   * only bound cards run it. */
  update_state (self);
}

/* Dragging */

static GdkContentProvider *
on_drag_prepare (SalesDealCard *self,
                 double         x,
                 double         y)
{
  g_assert (SALES_IS_DEAL_CARD (self));

  if (self->deal == NULL)
    return NULL;

  self->drag_start = GRAPHENE_POINT_INIT (x, y);
  return gdk_content_provider_new_typed (SALES_TYPE_DEAL, self->deal);
}

static void
on_drag_begin (SalesDealCard *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  g_assert (SALES_IS_DEAL_CARD (self));

  /* The card hangs from the pointer where it was picked up. */
  gtk_drag_source_set_icon (source, paintable, (int)self->drag_start.x, (int)self->drag_start.y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end (SalesDealCard *self)
{
  g_assert (SALES_IS_DEAL_CARD (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

/* The context menu */

static GMenuItem *
deal_item (const char *label,
           const char *action,
           gint64      id)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  return item;
}

static GMenuModel *
build_menu (SalesDealCard *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open_section = g_menu_new ();
  g_autoptr(GMenu) move_section = g_menu_new ();
  g_autoptr(GMenu) stages_menu = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_autoptr(GListModel) stages = NULL;
  gint64 id = deal_id (self);
  gint64 current = sales_deal_get_stage_id (self->deal);
  SalesStageKind kind = self->stage != NULL ? sales_stage_get_kind (self->stage)
                                            : SALES_STAGE_KIND_OPEN;
  GMenuItem *item;

  g_assert (SALES_IS_DEAL_CARD (self));

  item = deal_item (_("_Open"), "board.open-deal", id);
  g_menu_append_item (open_section, item);
  g_object_unref (item);
  item = deal_item (_("Log _Follow-up…"), "board.log-followup", id);
  g_menu_append_item (open_section, item);
  g_object_unref (item);
  item = deal_item (_("Open _Customer"), "win.show-customer",
                    sales_deal_get_customer_id (self->deal));
  g_menu_append_item (open_section, item);
  g_object_unref (item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open_section));

  /* The stage list is a handful of rows, all loaded. */
  stages = sales_store_list_stages (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SalesStage) stage = g_list_model_get_item (stages, i);
      gint64 stage_id = sales_record_get_id (SALES_RECORD (stage));

      if (sales_stage_is_closed (stage) || stage_id == current)
        continue;

      item = g_menu_item_new (sales_stage_get_name (stage), NULL);
      g_menu_item_set_action_and_target_value (item, "board.move-deal-to",
                                               g_variant_new ("(xx)", id, stage_id));
      g_menu_append_item (stages_menu, item);
      g_object_unref (item);
    }
  g_menu_append_submenu (move_section, _("_Move To"), G_MENU_MODEL (stages_menu));

  if (kind != SALES_STAGE_KIND_WON)
    {
      item = deal_item (_("Mark _Won…"), "board.mark-won", id);
      g_menu_append_item (move_section, item);
      g_object_unref (item);
    }
  if (kind != SALES_STAGE_KIND_LOST)
    {
      item = deal_item (_("Mark _Lost…"), "board.mark-lost", id);
      g_menu_append_item (move_section, item);
      g_object_unref (item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move_section));

  item = deal_item (_("_Delete"), "board.delete-deal", id);
  g_menu_append_item (delete_section, item);
  g_object_unref (item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
on_menu_closed (SalesDealCard *self)
{
  g_assert (SALES_IS_DEAL_CARD (self));

  /* A menu opened from the keyboard gives the focus back to its card. */
  if (self->deal != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/**
 * sales_deal_card_popup_menu:
 * @x: where to point, in the card's coordinates; a negative value points at the card
 */
void
sales_deal_card_popup_menu (SalesDealCard *self,
                            double         x,
                            double         y)
{
  g_autoptr(GMenuModel) model = NULL;

  g_return_if_fail (SALES_IS_DEAL_CARD (self));

  if (self->deal == NULL)
    return;

  model = build_menu (self);
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), x >= 0);
      g_signal_connect_object (self->menu, "closed", G_CALLBACK (on_menu_closed), self,
                               G_CONNECT_SWAPPED);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);

  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                                 &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), NULL);

  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_right_click (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                SalesDealCard   *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  sales_deal_card_popup_menu (self, x, y);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               SalesDealCard       *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  sales_deal_card_popup_menu (self, x, y);
}

/* Card actions: the keyboard's way to the board's actions */

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  sales_deal_card_popup_menu (SALES_DEAL_CARD (widget), -1, -1);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesDealCard *self = SALES_DEAL_CARD (widget);
  gboolean stage = g_str_equal (action_name, "card.move-previous") ||
                   g_str_equal (action_name, "card.move-next");
  int step = g_str_equal (action_name, "card.move-previous") ||
             g_str_equal (action_name, "card.move-up") ? -1 : 1;

  if (self->deal == NULL)
    return;

  gtk_widget_activate_action (widget, stage ? "board.move-deal-by" : "board.reorder-deal",
                              "(xi)", deal_id (self), step);
}

static void
sales_deal_card_dispose (GObject *object)
{
  SalesDealCard *self = (SalesDealCard *)object;

  sales_deal_card_set_deal (self, NULL);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_DEAL_CARD);

  G_OBJECT_CLASS (sales_deal_card_parent_class)->dispose (object);
}

static void
sales_deal_card_finalize (GObject *object)
{
  SalesDealCard *self = (SalesDealCard *)object;

  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sales_deal_card_parent_class)->finalize (object);
}

static void
sales_deal_card_constructed (GObject *object)
{
  SalesDealCard *self = (SalesDealCard *)object;

  G_OBJECT_CLASS (sales_deal_card_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  /* A card of a file opened read-only cannot be moved: no drag that would end in a
   * refusal. */
  if (sales_db_is_read_only (sales_store_get_db (self->store)))
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drag_source),
                                                GTK_PHASE_NONE);

  g_signal_connect_object (self->store, "changed::activity", G_CALLBACK (on_activity_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (on_activity_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::currency", G_CALLBACK (on_related_notify),
                           self, G_CONNECT_SWAPPED);
}

static void
sales_deal_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalesDealCard *self = SALES_DEAL_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SalesDealCard *self = SALES_DEAL_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DEAL:
      sales_deal_card_set_deal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_card_class_init (SalesDealCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_deal_card_constructed;
  object_class->dispose = sales_deal_card_dispose;
  object_class->finalize = sales_deal_card_finalize;
  object_class->get_property = sales_deal_card_get_property;
  object_class->set_property = sales_deal_card_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         SALES_TYPE_DEAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "dealcard");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-deal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesDealCard, box);
  gtk_widget_class_bind_template_child (widget_class, SalesDealCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDealCard, owner_avatar);
  gtk_widget_class_bind_template_child (widget_class, SalesDealCard, customer_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDealCard, amount_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDealCard, close_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDealCard, followup_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDealCard, rot_label);

  gtk_widget_class_install_action (widget_class, "card.show-menu", NULL, show_menu_action);
  gtk_widget_class_install_action (widget_class, "card.move-previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "card.move-next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "card.move-up", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "card.move-down", NULL, step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "card.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "card.move-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "card.move-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "card.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "card.move-down", NULL);
}

static void
sales_deal_card_init (SalesDealCard *self)
{
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->followup = SALES_FOLLOWUP_NONE;

  self->drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_MOVE);
  /* The drag outlives the card when the drop moves the card's row away and the list view
   * lets go of the row widget. */
  g_signal_connect_object (self->drag_source, "prepare", G_CALLBACK (on_drag_prepare), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag_source, "drag-begin", G_CALLBACK (on_drag_begin), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag_source, "drag-end", G_CALLBACK (on_drag_end), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_source));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

GtkWidget *
sales_deal_card_new (SalesStore    *store,
                     SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_DEAL_CARD,
                       "store", store,
                       "settings", settings,
                       NULL);
}

SalesDeal *
sales_deal_card_get_deal (SalesDealCard *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_CARD (self), NULL);

  return self->deal;
}

void
sales_deal_card_set_deal (SalesDealCard *self,
                          SalesDeal     *deal)
{
  g_return_if_fail (SALES_IS_DEAL_CARD (self));
  g_return_if_fail (!deal || SALES_IS_DEAL (deal));

  if (self->deal == deal)
    return;

  swap_object ((gpointer *)&self->deal, deal, G_CALLBACK (on_deal_notify), self);
  /* Recycled for another deal while its old one is being dragged. */
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
  update_related (self);
  update_labels (self);

  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEAL]);
}

/**
 * sales_deal_card_set_list_item:
 * @list_item: (nullable): the row the card is bound to, to tell its position
 */
void
sales_deal_card_set_list_item (SalesDealCard *self,
                               GtkListItem   *list_item)
{
  g_return_if_fail (SALES_IS_DEAL_CARD (self));

  self->list_item = list_item;
}

/**
 * sales_deal_card_get_position:
 *
 * Returns: the card's position in its column's list, or %GTK_INVALID_LIST_POSITION
 */
guint
sales_deal_card_get_position (SalesDealCard *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_CARD (self), GTK_INVALID_LIST_POSITION);

  if (self->list_item == NULL)
    return GTK_INVALID_LIST_POSITION;

  return gtk_list_item_get_position (self->list_item);
}

GtkDragSource *
sales_deal_card_get_drag_source (SalesDealCard *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_CARD (self), NULL);

  return self->drag_source;
}

SalesFollowupState
sales_deal_card_get_followup (SalesDealCard *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_CARD (self), SALES_FOLLOWUP_NONE);

  return self->followup;
}

/**
 * sales_deal_card_get_rot_days:
 *
 * Returns: how many days the deal has been rotting in its stage; 0 when it is fresh
 */
int
sales_deal_card_get_rot_days (SalesDealCard *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_CARD (self), 0);

  return self->rot_days;
}

/**
 * sales_deal_card_get_close_past:
 *
 * Returns: %TRUE when the deal is open and its expected close date lies before today
 */
gboolean
sales_deal_card_get_close_past (SalesDealCard *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_CARD (self), FALSE);

  return self->close_past;
}

/**
 * sales_deal_card_dup_accessible_label:
 *
 * Returns: (transfer full) (nullable): what a screen reader says for the card
 */
char *
sales_deal_card_dup_accessible_label (SalesDealCard *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_CARD (self), NULL);

  return g_strdup (self->accessible_label);
}

/**
 * sales_deal_card_refresh:
 *
 * Reads the follow-up and rotting state again, which depend on the time of day.
 */
void
sales_deal_card_refresh (SalesDealCard *self)
{
  g_return_if_fail (SALES_IS_DEAL_CARD (self));

  update_state (self);
}
