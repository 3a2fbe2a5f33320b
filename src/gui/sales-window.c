/* sales-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-board.h"
#include "sales-customers-view.h"
#include "sales-dashboard.h"
#include "sales-followups-view.h"
#include "sales-customer-page.h"
#include "sales-toast.h"
#include "sales-welcome-page.h"
#include "sales-window.h"

#define PAGE_WELCOME "welcome"
#define PAGE_VIEWS   "views"
#define PAGE_ERROR   "error"

/* How often the progress bar reads how far the generator's thread got. */
#define PROGRESS_INTERVAL_MS 100

/* A spring this stiff settles within the frame that starts it: see sales_window_init(). */
#define INSTANT_SPRING_STIFFNESS 1e9

struct _SalesWindow
{
  AdwApplicationWindow  parent_instance;

  SalesSettings        *settings;
  SalesStore           *store;
  GCancellable         *cancellable;
  const char           *page;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *main_box;
  AdwBin               *customer_bin;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *page_stack;
  AdwViewStack         *view_stack;
  AdwBin               *pipeline_page;
  AdwBin               *customers_page;
  AdwBin               *follow_ups_page;
  AdwBin               *dashboard_page;
  SalesWelcomePage     *welcome_page;
  AdwStatusPage        *error_page;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;

  guint                 progress_source;
  /* Written by the sample data thread, read by the progress timeout. */
  int                   progress_permille;
  guint                 loading : 1;
};

G_DEFINE_FINAL_TYPE (SalesWindow, sales_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_PAGE,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The page is NULL until construction picks one. */
static gboolean
is_page (SalesWindow *self,
         const char  *page)
{
  return g_strcmp0 (self->page, page) == 0;
}

static void
update_switcher_bar (SalesWindow *self)
{
  gboolean narrow;

  g_assert (SALES_IS_WINDOW (self));

  /* The title hides the switcher when the window is narrow; the bar below takes
   * over then, but only where there are views to switch. */
  narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow && is_page (self, PAGE_VIEWS));
}

static void
update_actions (SalesWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean welcome = is_page (self, PAGE_WELCOME);
  gboolean can_choose = welcome && !self->loading && self->store != NULL;
  gboolean can_write = self->store != NULL &&
                       !sales_db_is_read_only (sales_store_get_db (self->store));

  g_assert (SALES_IS_WINDOW (self));

  gtk_widget_action_set_enabled (widget, "win.show-view", is_page (self, PAGE_VIEWS));
  gtk_widget_action_set_enabled (widget, "win.show-receivables", is_page (self, PAGE_VIEWS));
  gtk_widget_action_set_enabled (widget, "win.load-sample-data", can_choose && can_write);
  gtk_widget_action_set_enabled (widget, "win.start-empty", can_choose);
  gtk_widget_action_set_enabled (widget, "win.show-customer", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.new-customer", can_write);
}

static void
set_page (SalesWindow *self,
          const char  *page)
{
  gboolean views;

  g_assert (SALES_IS_WINDOW (self));
  g_assert (page != NULL);

  if (is_page (self, page))
    return;

  self->page = g_intern_string (page);
  views = g_str_equal (page, PAGE_VIEWS);

  gtk_stack_set_visible_child_name (self->page_stack, page);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, views);
  update_switcher_bar (self);
  update_actions (self);

  if (g_str_equal (page, PAGE_WELCOME))
    gtk_widget_grab_focus (GTK_WIDGET (self->welcome_page));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
on_visible_view_changed (SalesWindow *self)
{
  g_assert (SALES_IS_WINDOW (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_VIEW]);
}

static void
on_store_reset (SalesWindow *self)
{
  g_assert (SALES_IS_WINDOW (self));

  /* Data that arrives by other means (an import, say) ends the welcome. */
  if (is_page (self, PAGE_WELCOME) && !self->loading &&
      !sales_store_is_empty (self->store))
    set_page (self, PAGE_VIEWS);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  sales_window_set_visible_view (SALES_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* The customer page is made the first time a customer is opened, not at start-up. */
static SalesCustomerPage *
ensure_customer_page (SalesWindow *self)
{
  GtkWidget *page = adw_bin_get_child (self->customer_bin);

  g_assert (SALES_IS_WINDOW (self));

  if (page == NULL)
    {
      page = sales_customer_page_new (self->store, self->settings);
      g_signal_connect_object (page, "back", G_CALLBACK (sales_window_go_back), self,
                               G_CONNECT_SWAPPED);
      adw_bin_set_child (self->customer_bin, page);
    }

  return SALES_CUSTOMER_PAGE (page);
}

static void
on_leaflet_child_changed (SalesWindow *self)
{
  g_assert (SALES_IS_WINDOW (self));

  /* Back to where the customer was opened from: the view keeps its focus there. */
  if (adw_leaflet_get_visible_child (self->leaflet) == self->main_box)
    gtk_widget_child_focus (self->main_box, GTK_DIR_TAB_FORWARD);
}

static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SalesWindow *self = SALES_WINDOW (widget);

  sales_customer_page_show_customer (ensure_customer_page (self), g_variant_get_int64 (param));
  if (sales_customer_page_get_customer (ensure_customer_page (self)) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->customer_bin));
}

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesWindow *self = SALES_WINDOW (widget);

  sales_customer_page_show_new (ensure_customer_page (self));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->customer_bin));
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SalesWindow *self = SALES_WINDOW (widget);

  sales_settings_set_first_run_dismissed (self->settings, TRUE);
  set_page (self, PAGE_VIEWS);
}

static void
load_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  SalesWindow *self = user_data;

  if (total > 0)
    g_atomic_int_set (&self->progress_permille, (int)(MIN (done, total) * 1000 / total));
}

static gboolean
update_progress (gpointer user_data)
{
  SalesWindow *self = user_data;

  g_assert (SALES_IS_WINDOW (self));

  sales_welcome_page_set_fraction (self->welcome_page,
                                   g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

/* The generator runs on its own connection in a worker thread, so the window keeps
 * drawing; the store is told to reload once the rows are committed. */
static void
load_sample_data_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GError) error = NULL;
  SalesDemoOptions options;
  SalesDemoResult result = { 0 };

  db = sales_db_open (path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sales_demo_options_init (&options);
  if (!sales_demo_generate (db, &options, load_progress, source_object, cancellable, &result,
                            &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_memdup2 (&result, sizeof result), g_free);
}

static void
load_sample_data_done (GObject      *object,
                       GAsyncResult *async_result,
                       gpointer      user_data)
{
  SalesWindow *self = SALES_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree SalesDemoResult *result = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);

  /* The rows are committed whatever became of the window, and other windows share the
   * store. */
  if (result != NULL)
    sales_store_reload (self->store);

  /* A window closed while loading has already let go of its widgets. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->loading = FALSE;
  sales_welcome_page_set_busy (self->welcome_page, FALSE);

  if (result == NULL)
    {
      update_actions (self);
      toast = sales_toast_new_text (error->message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      sales_window_add_toast (self, toast);
      return;
    }

  set_page (self, PAGE_VIEWS);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Sample data loaded: %u deal",
                                          "Sample data loaded: %u deals",
                                          (gulong)result->deals),
                             (guint)result->deals);
  sales_window_add_toast (self, adw_toast_new (message));
}

static void
load_sample_data_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SalesWindow *self = SALES_WINDOW (widget);
  g_autoptr(GTask) task = NULL;

  if (self->loading || self->store == NULL)
    return;

  self->loading = TRUE;
  g_atomic_int_set (&self->progress_permille, 0);
  sales_welcome_page_set_fraction (self->welcome_page, 0.0);
  sales_welcome_page_set_busy (self->welcome_page, TRUE);
  update_actions (self);
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);

  task = g_task_new (self, self->cancellable, load_sample_data_done, NULL);
  g_task_set_source_tag (task, load_sample_data_action);
  g_task_set_task_data (task, g_strdup (sales_db_get_path (sales_store_get_db (self->store))),
                        g_free);
  g_task_run_in_thread (task, load_sample_data_thread);
}

static void
restore_window_state (SalesWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized = FALSE;

  g_assert (SALES_IS_WINDOW (self));

  sales_settings_get_window_state (self->settings, &width, &height, &maximized);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
sales_window_close_request (GtkWindow *window)
{
  SalesWindow *self = SALES_WINDOW (window);
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (window, &width, &height);
  sales_settings_set_window_state (self->settings, width, height,
                                   gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (sales_window_parent_class)->close_request (window);
}

/* The first frame, at start-up, shows the window and the board's columns; the
 * cards, whose first one costs the most, come in the frame after it. */
static void
release_cards (SalesWindow   *self,
               GdkFrameClock *frame_clock)
{
  g_assert (SALES_IS_WINDOW (self));

  g_signal_handlers_disconnect_by_func (frame_clock, release_cards, self);
  sales_board_set_cards_held (SALES_BOARD (adw_bin_get_child (self->pipeline_page)), FALSE);
}

static void
release_cards_after_first_frame (SalesWindow *self)
{
  g_assert (SALES_IS_WINDOW (self));

  g_signal_handlers_disconnect_by_func (self, release_cards_after_first_frame, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (release_cards), self, G_CONNECT_SWAPPED);
}

/* The Customers and Follow-ups views read their lists when first shown, not at
 * start-up: on 20 000 customers building the first took 190–290 ms before the
 * window's first frame, the second 12–19 ms. */
static void
ensure_customers_view (SalesWindow *self)
{
  g_assert (SALES_IS_WINDOW (self));

  if (adw_bin_get_child (self->customers_page) == NULL)
    adw_bin_set_child (self->customers_page,
                       sales_customers_view_new (self->store, self->settings));
}

static void
ensure_followups_view (SalesWindow *self)
{
  g_assert (SALES_IS_WINDOW (self));

  if (adw_bin_get_child (self->follow_ups_page) == NULL)
    adw_bin_set_child (self->follow_ups_page,
                       sales_followups_view_new (self->store, self->settings));
}

/* The dashboard's figures are computed in a thread once it is shown; building it before
 * would cost the window's first frame its widgets for nothing. */
static void
ensure_dashboard (SalesWindow *self)
{
  g_assert (SALES_IS_WINDOW (self));

  if (adw_bin_get_child (self->dashboard_page) == NULL)
    adw_bin_set_child (self->dashboard_page, sales_dashboard_new (self->store, self->settings));
}

/* From the dashboard's funnel: the board, with the owner filter on @owner_id (0: everyone),
 * at the column of the stage. */
static void
show_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SalesWindow *self = SALES_WINDOW (widget);
  gint64 stage_id = 0;
  gint64 owner_id = 0;
  GtkWidget *board = adw_bin_get_child (self->pipeline_page);

  g_variant_get (param, "(xx)", &stage_id, &owner_id);
  if (board == NULL)
    return;

  sales_window_set_visible_view (self, "pipeline");
  sales_board_show_stage (SALES_BOARD (board), stage_id, owner_id);
}

/* From a notification about several customers' instalments: the Receivables list. */
static void
show_receivables_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SalesWindow *self = SALES_WINDOW (widget);

  ensure_followups_view (self);
  sales_followups_view_set_mode (SALES_FOLLOWUPS_VIEW (adw_bin_get_child (self->follow_ups_page)),
                                 "receivables");
  sales_window_set_visible_view (self, "follow-ups");
  sales_window_go_back (self);
}

static void
sales_window_constructed (GObject *object)
{
  SalesWindow *self = (SalesWindow *)object;
  GtkWidget *board;

  G_OBJECT_CLASS (sales_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);

  restore_window_state (self);

  if (self->store == NULL)
    {
      set_page (self, PAGE_ERROR);
      return;
    }

  g_signal_connect_object (self->store, "reset", G_CALLBACK (on_store_reset), self,
                           G_CONNECT_SWAPPED);

  board = g_object_new (SALES_TYPE_BOARD,
                        "store", self->store,
                        "settings", self->settings,
                        "cards-held", TRUE,
                        NULL);
  adw_bin_set_child (self->pipeline_page, board);
  g_signal_connect_object (self->customers_page, "map", G_CALLBACK (ensure_customers_view), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "realize", G_CALLBACK (release_cards_after_first_frame), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_object (self->follow_ups_page, "map", G_CALLBACK (ensure_followups_view), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard_page, "map", G_CALLBACK (ensure_dashboard), self,
                           G_CONNECT_SWAPPED);

  /* An indexed existence check, so that a large database opens as fast as an empty one. */
  if (sales_store_is_empty (self->store) &&
      !sales_settings_get_first_run_dismissed (self->settings))
    set_page (self, PAGE_WELCOME);
  else
    set_page (self, PAGE_VIEWS);
}

static void
sales_window_dispose (GObject *object)
{
  SalesWindow *self = (SalesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_WINDOW);

  G_OBJECT_CLASS (sales_window_parent_class)->dispose (object);
}

static void
sales_window_finalize (GObject *object)
{
  SalesWindow *self = (SalesWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sales_window_parent_class)->finalize (object);
}

static void
sales_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SalesWindow *self = SALES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;

    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, sales_window_get_visible_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SalesWindow *self = SALES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_VIEW:
      sales_window_set_visible_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_window_class_init (SalesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sales_window_constructed;
  object_class->dispose = sales_window_dispose;
  object_class->finalize = sales_window_finalize;
  object_class->get_property = sales_window_get_property;
  object_class->set_property = sales_window_set_property;

  window_class->close_request = sales_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* NULL when the database could not be opened; the window then shows why. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SALES_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sales-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, customer_bin);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, pipeline_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, customers_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, follow_ups_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, SalesWindow, banner_button);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_child_changed);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-receivables", NULL,
                                   show_receivables_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL,
                                   load_sample_data_action);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_action);
  /* Opens the page of a customer (by id) from anywhere: the list, the board, search. */
  gtk_widget_class_install_action (widget_class, "win.show-customer", "x", show_customer_action);
  gtk_widget_class_install_action (widget_class, "win.new-customer", NULL, new_customer_action);
  gtk_widget_class_install_action (widget_class, "win.show-stage", "(xx)", show_stage_action);
}

/* The frame of style.css (window.bordered-frame) copies the normal theme's; high contrast
 * keeps its own. */
static void
update_frame_style (SalesWindow     *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *style_manager)
{
  if (adw_style_manager_get_high_contrast (style_manager))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "bordered-frame");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "bordered-frame");
}

static void
sales_window_init (SalesWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwSpringParams *instant;

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The customer page replaces the views at once instead of sliding in over them: a slide
   * draws the views and the page together for a dozen frames, which without a GPU (software
   * GL, a remote X display) costs more than the page itself and keeps the page half hidden
   * for as long. Swiping back still works; the page follows the finger. */
  instant = adw_spring_params_new (1.0, 1.0, INSTANT_SPRING_STIFFNESS);
  adw_leaflet_set_child_transition_params (self->leaflet, instant);
  adw_spring_params_unref (instant);

  update_frame_style (self, NULL, style_manager);
  g_signal_connect_object (style_manager, "notify::high-contrast",
                           G_CALLBACK (update_frame_style), self, G_CONNECT_SWAPPED);
}

/**
 * sales_window_new:
 * @application: (nullable): the application, or %NULL in tests
 * @settings: the settings the window reads and remembers its size in
 * @store: (nullable): the open database, or %NULL when it could not be opened, in which
 *   case the caller explains why with sales_window_show_error()
 */
SalesWindow *
sales_window_new (GtkApplication *application,
                  SalesSettings  *settings,
                  SalesStore     *store)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (!store || SALES_IS_STORE (store), NULL);

  return g_object_new (SALES_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "store", store,
                       NULL);
}

SalesSettings *
sales_window_get_settings (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  return self->settings;
}

SalesStore *
sales_window_get_store (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * sales_window_get_page:
 *
 * Returns: what the window shows: "welcome" (the first run of an empty database),
 *   "views" (the four views) or "error" (the database could not be opened)
 */
const char *
sales_window_get_page (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  return self->page;
}

/**
 * sales_window_get_visible_view:
 *
 * Returns: the name of the view on top: "pipeline", "customers", "follow-ups" or
 *   "dashboard"
 */
const char *
sales_window_get_visible_view (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
sales_window_set_visible_view (SalesWindow *self,
                               const char  *name)
{
  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
sales_window_show_error (SalesWindow  *self,
                         const GError *error)
{
  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->error_page, error->message);
  set_page (self, PAGE_ERROR);
}

/**
 * sales_window_show_banner:
 * @title: what the user should know as long as it is true
 * @button_label: (nullable): the label of a button, with a mnemonic
 * @action_name: (nullable): what the button does
 *
 * Shows a line under the header bar, such as that the file is read-only; it stays until
 * sales_window_hide_banner() or another banner replaces it.
 */
void
sales_window_show_banner (SalesWindow *self,
                          const char  *title,
                          const char  *button_label,
                          const char  *action_name)
{
  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  gtk_label_set_label (self->banner_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->banner_button, button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), action_name);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
sales_window_hide_banner (SalesWindow *self)
{
  g_return_if_fail (SALES_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

/* Returns: (nullable): what the banner says, or %NULL when there is none. */
const char *
sales_window_get_banner (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

void
sales_window_add_toast (SalesWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (SALES_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sales_window_go_back:
 *
 * Leaves the customer page for the view it was opened from, as Back does.
 */
void
sales_window_go_back (SalesWindow *self)
{
  g_return_if_fail (SALES_IS_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->main_box);
}

/**
 * sales_window_get_customer_page:
 *
 * Returns: (transfer none) (nullable): the customer page when it is shown, else %NULL
 */
GtkWidget *
sales_window_get_customer_page (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  if (adw_leaflet_get_visible_child (self->leaflet) != GTK_WIDGET (self->customer_bin))
    return NULL;

  return adw_bin_get_child (self->customer_bin);
}

/**
 * sales_window_get_dashboard:
 *
 * Returns: (nullable) (transfer none): the Dashboard view, or NULL until it was first shown
 */
GtkWidget *
sales_window_get_dashboard (SalesWindow *self)
{
  g_return_val_if_fail (SALES_IS_WINDOW (self), NULL);

  return adw_bin_get_child (self->dashboard_page);
}
