/* sales-pool-watcher.c: applies the public pool's rules at start-up and every day
 *
 * The rules live in the settings and are handed to the store as they change
 * (the store assigns new customers and limits claims by them). The watcher
 * applies them once when started and then whenever the local day has
 * changed, checked every few minutes so that a computer that slept past
 * midnight catches up soon after waking. When customers return to the pool
 * it emits ::applied, which the application shows as a toast.
 *
 * The rules run on a worker thread (sales_store_apply_pool_rules_async()):
 * on a large database the first application of a day writes for a second or
 * more, which the window must not wait for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-pool.h"
#include "sales-pool-watcher.h"

#define CHECK_SECONDS (10 * 60)

struct _SalesPoolWatcher
{
  GObject        parent_instance;

  SalesStore    *store;
  SalesSettings *settings;
  GCancellable  *cancellable;
  guint          timeout;
  /* The local day of the last application, as a GDate Julian day; 0: never. */
  guint32        applied_day;
  /* The local day of the application under way; 0: none is. */
  guint32        running_day;
};

G_DEFINE_FINAL_TYPE (SalesPoolWatcher, sales_pool_watcher, G_TYPE_OBJECT)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sync_rules (SalesPoolWatcher *self)
{
  SalesPoolRules rules;

  g_assert (SALES_IS_POOL_WATCHER (self));

  sales_settings_get_pool_rules (self->settings, &rules);
  sales_store_set_pool_rules (self->store, &rules);
}

static guint32
local_day (gint64 now)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (now);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)g_date_time_get_day_of_month (time),
                  (GDateMonth)g_date_time_get_month (time),
                  (GDateYear)g_date_time_get_year (time));

  return g_date_get_julian (&date);
}

static void
applied (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  g_autoptr(SalesPoolWatcher) self = user_data;
  g_autoptr(GError) error = NULL;
  SalesPoolResult result = { 0 };
  guint32 day = self->running_day;

  self->running_day = 0;
  if (!sales_store_apply_pool_rules_finish (SALES_STORE (object), async_result, &result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Cannot apply the public pool's rules: %s", error->message);
      return;
    }

  self->applied_day = day;
  if (result.returned > 0 || result.warned > 0)
    g_signal_emit (self, signals[APPLIED], 0, result.returned, result.warned);
}

static gboolean
check_day (gpointer user_data)
{
  SalesPoolWatcher *self = user_data;
  guint32 today = local_day (sales_store_now (self->store));

  if (self->running_day == 0 && today != self->applied_day)
    {
      self->running_day = today;
      sales_store_apply_pool_rules_async (self->store, self->cancellable, applied,
                                          g_object_ref (self));
    }

  return G_SOURCE_CONTINUE;
}

static void
sales_pool_watcher_dispose (GObject *object)
{
  SalesPoolWatcher *self = (SalesPoolWatcher *)object;

  sales_pool_watcher_stop (self);

  G_OBJECT_CLASS (sales_pool_watcher_parent_class)->dispose (object);
}

static void
sales_pool_watcher_finalize (GObject *object)
{
  SalesPoolWatcher *self = (SalesPoolWatcher *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sales_pool_watcher_parent_class)->finalize (object);
}

static void
sales_pool_watcher_class_init (SalesPoolWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sales_pool_watcher_dispose;
  object_class->finalize = sales_pool_watcher_finalize;

  /**
   * SalesPoolWatcher::applied:
   * @returned: customers that went back to the public pool
   * @warned: owners warned that a customer will go back soon
   *
   * Emitted after each application of the rules that changed something.
   */
  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
sales_pool_watcher_init (SalesPoolWatcher *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * sales_pool_watcher_stop:
 *
 * No more runs start, and a run that has not started writing yet stops (one that has
 * finishes, holding the store until then), so that the file can be let go.
 */
void
sales_pool_watcher_stop (SalesPoolWatcher *self)
{
  g_return_if_fail (SALES_IS_POOL_WATCHER (self));

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_cancellable_cancel (self->cancellable);
}

/**
 * sales_pool_watcher_new:
 *
 * Hands the rules of @settings to @store now and whenever they change.
 */
SalesPoolWatcher *
sales_pool_watcher_new (SalesStore    *store,
                        SalesSettings *settings)
{
  SalesPoolWatcher *self;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  self = g_object_new (SALES_TYPE_POOL_WATCHER, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);

  sync_rules (self);
  g_signal_connect_object (settings, "pool-rules-changed", G_CALLBACK (sync_rules), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/* Applies the rules now, then once a day while the application runs. */
void
sales_pool_watcher_start (SalesPoolWatcher *self)
{
  g_return_if_fail (SALES_IS_POOL_WATCHER (self));

  if (self->timeout != 0)
    return;

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  check_day (self);
  self->timeout = g_timeout_add_seconds (CHECK_SECONDS, check_day, self);
}
