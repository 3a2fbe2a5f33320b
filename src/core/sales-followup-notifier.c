/* sales-followup-notifier.c: a desktop notification when a follow-up falls due
 *
 * While the application runs, a planned follow-up whose due time arrives
 * raises one notification; several falling due at once raise one that counts
 * them. The notifier remembers the time up to which it has told the user
 * (the watermark) and each check reports what fell due after it, up to
 * the store's clock, so no follow-up is announced twice in a session. A
 * follow-up moved to a later time is a new appointment and is announced
 * again when that time comes. The first check, at start-up, reports every
 * follow-up that is due and still open.
 *
 * Checks run at start-up, when a timer set for the next due time fires,
 * and after every change to the follow-ups (one may have been planned for
 * a minute ago, or the next one moved). The timer is set for at most an
 * hour ahead, so a suspended machine or a changed clock is caught up with.
 *
 * Notifications go through GApplication, which needs no display and no
 * GTK; the default action is app.show-customer (one follow-up) or
 * app.show-follow-ups (several), which the application provides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-followup-notifier.h"

/* The longest the timer waits before looking again. */
#define MAX_WAIT_S (60 * 60)

/* How many customers a notification about several follow-ups names. */
#define MAX_NAMES 3

struct _SalesFollowupNotifier
{
  GObject       parent_instance;

  SalesStore   *store;
  /* Not owned: the application owns the notifier. */
  GApplication *application;
  gint64        owner_id;

  gint64        watermark;
  guint         timer;
  guint         probed : 1;
  guint         can_send : 1;
};

G_DEFINE_FINAL_TYPE (SalesFollowupNotifier, sales_followup_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OWNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (SalesFollowupNotifier *self);

void
sales_followup_alert_clear (SalesFollowupAlert *alert)
{
  g_clear_pointer (&alert->title, g_free);
  g_clear_pointer (&alert->body, g_free);
  alert->n_due = 0;
  alert->activity_id = 0;
  alert->customer_id = 0;
}

/**
 * sales_followup_alert_to_notification:
 * @id: (out): the notification's id: one per follow-up, one for a group
 *
 * Returns: (transfer full): the desktop notification that tells of @alert
 */
GNotification *
sales_followup_alert_to_notification (const SalesFollowupAlert  *alert,
                                      char                     **id)
{
  GNotification *notification;

  g_return_val_if_fail (alert != NULL && alert->n_due > 0, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  notification = g_notification_new (alert->title);
  g_notification_set_body (notification, alert->body);
  g_notification_set_category (notification, "x-gnome.calendar");

  if (alert->n_due == 1)
    {
      *id = g_strdup_printf ("follow-up-%" G_GINT64_FORMAT, alert->activity_id);
      g_notification_set_default_action_and_target (notification, "app.show-customer", "x",
                                                    alert->customer_id);
    }
  else
    {
      *id = g_strdup ("follow-ups-due");
      g_notification_set_default_action (notification, "app.show-follow-ups");
    }

  return notification;
}

static gboolean
read_one (SalesFollowupNotifier  *self,
          gint64                  from,
          gint64                  to,
          SalesFollowupAlert     *alert,
          GError                **error)
{
  SalesDb *db = sales_store_get_db (self->store);
  SalesActivityKind kind = SALES_ACTIVITY_KIND_CALL;
  const char *note;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (db,
                           "SELECT a.id, a.customer_id, a.kind, a.note, c.name "
                           "FROM activity AS a INDEXED BY activity_due "
                           "JOIN customer AS c ON c.id = a.customer_id "
                           "WHERE a.done_at IS NULL AND a.due_at > ?1 AND a.due_at <= ?2 "
                           "AND (?3 = 0 OR a.owner_id = ?3) "
                           "ORDER BY a.due_at, a.id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, self->owner_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return sales_db_set_error (db, rc, error);
    }

  alert->activity_id = sqlite3_column_int64 (stmt, 0);
  alert->customer_id = sqlite3_column_int64 (stmt, 1);
  sales_activity_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind);
  note = (const char *)sqlite3_column_text (stmt, 3);

  /* TRANSLATORS: the title of a notification; %s is the customer's name */
  alert->title = g_strdup_printf (_("Follow-up due: %s"),
                                  (const char *)sqlite3_column_text (stmt, 4));
  if (note != NULL && *note != '\0')
    /* TRANSLATORS: a notification's text: the kind of follow-up ("Call"), then its note */
    alert->body = g_strdup_printf (C_("notification", "%s: %s"),
                                   sales_activity_kind_get_label (kind), note);
  else
    alert->body = g_strdup (sales_activity_kind_get_label (kind));
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
read_group (SalesFollowupNotifier  *self,
            gint64                  from,
            gint64                  to,
            SalesFollowupAlert     *alert,
            GError                **error)
{
  SalesDb *db = sales_store_get_db (self->store);
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = sales_db_prepare (db,
                           "SELECT c.name FROM activity AS a INDEXED BY activity_due "
                           "JOIN customer AS c ON c.id = a.customer_id "
                           "WHERE a.done_at IS NULL AND a.due_at > ?1 AND a.due_at <= ?2 "
                           "AND (?3 = 0 OR a.owner_id = ?3) "
                           "ORDER BY a.due_at, a.id LIMIT ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, self->owner_id);
  sqlite3_bind_int (stmt, 4, MAX_NAMES);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ > 0)
        /* TRANSLATORS: between the names of customers in a list */
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, (const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  if (alert->n_due > n)
    /* TRANSLATORS: after the first names of a list that goes on */
    g_string_append (names, C_("list", "…"));

  alert->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u follow-up is due",
                                               "%u follow-ups are due",
                                               alert->n_due),
                                  alert->n_due);
  alert->body = g_string_free (g_steal_pointer (&names), FALSE);

  return TRUE;
}

static gboolean
read_alert (SalesFollowupNotifier  *self,
            gint64                  from,
            gint64                  to,
            SalesFollowupAlert     *alert,
            GError                **error)
{
  SalesDb *db = sales_store_get_db (self->store);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (db,
                           "SELECT count (*) FROM activity INDEXED BY activity_due "
                           "WHERE done_at IS NULL AND due_at > ?1 AND due_at <= ?2 "
                           "AND (?3 = 0 OR owner_id = ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, self->owner_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    alert->n_due = (guint)MIN (sqlite3_column_int64 (stmt, 0), G_MAXUINT);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return sales_db_set_error (db, rc, error);

  if (alert->n_due == 0)
    return TRUE;

  if (alert->n_due == 1)
    return read_one (self, from, to, alert, error);

  return read_group (self, from, to, alert, error);
}

/**
 * sales_followup_notifier_check:
 * @alert: (out caller-allocates): what fell due since the last check
 *
 * Finds the planned follow-ups that fell due since the last check, up to
 * the store's clock, and forgets them: the next check reports only newer
 * ones. sales_followup_notifier_start() sends what this finds; tests call
 * it with the store's clock fixed.
 *
 * Returns: %TRUE when something fell due, with @alert filled in; clear it
 *   with sales_followup_alert_clear()
 */
gboolean
sales_followup_notifier_check (SalesFollowupNotifier *self,
                               SalesFollowupAlert    *alert)
{
  g_autoptr(GError) error = NULL;
  gint64 now;

  g_return_val_if_fail (SALES_IS_FOLLOWUP_NOTIFIER (self), FALSE);
  g_return_val_if_fail (alert != NULL, FALSE);

  memset (alert, 0, sizeof *alert);
  now = sales_store_now (self->store);
  if (now <= self->watermark)
    return FALSE;

  if (!read_alert (self, self->watermark, now, alert, &error))
    {
      g_warning ("Cannot read the follow-ups that are due: %s", error->message);
      sales_followup_alert_clear (alert);
      return FALSE;
    }

  self->watermark = now;
  return alert->n_due > 0;
}

/**
 * sales_application_has_notification_server:
 *
 * GIO sends notifications to whichever of these it finds, or through the
 * portal from a sandbox, and warns when there is none, as on a bare session
 * bus: then the notifiers keep quiet rather than warn at every reminder.
 *
 * Returns: whether @application's notifications have somewhere to go
 */
gboolean
sales_application_has_notification_server (GApplication *application)
{
  g_return_val_if_fail (G_IS_APPLICATION (application), FALSE);

  static const char * const methods[] = { "ListNames", "ListActivatableNames" };
  GDBusConnection *bus = g_application_get_dbus_connection (application);

  if (bus == NULL)
    return FALSE;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GVariantIter) names = NULL;
      const char *name;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", methods[i], NULL,
                                           G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 1000,
                                           NULL, NULL);
      if (reply == NULL)
        continue;

      g_variant_get (reply, "(as)", &names);
      while (g_variant_iter_next (names, "&s", &name))
        {
          if (g_str_equal (name, "org.gtk.Notifications") ||
              g_str_equal (name, "org.freedesktop.Notifications"))
            return TRUE;
        }
    }

  return FALSE;
}

static void
check_and_send (SalesFollowupNotifier *self)
{
  g_auto(SalesFollowupAlert) alert = { 0 };
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;

  g_assert (SALES_IS_FOLLOWUP_NOTIFIER (self));

  if (!sales_followup_notifier_check (self, &alert))
    return;

  /* A test's application is never registered and has nowhere to send to. */
  if (self->application == NULL || !g_application_get_is_registered (self->application) ||
      g_application_get_is_remote (self->application))
    return;

  if (!self->probed)
    {
      self->can_send = sales_application_has_notification_server (self->application);
      self->probed = TRUE;
    }
  if (!self->can_send)
    return;

  notification = sales_followup_alert_to_notification (&alert, &id);
  g_application_send_notification (self->application, id, notification);
}

/**
 * sales_followup_notifier_get_next_due:
 *
 * Returns: the earliest due time of a planned follow-up after the store's
 *   clock, or 0 when none is planned
 */
gint64
sales_followup_notifier_get_next_due (SalesFollowupNotifier *self)
{
  g_autoptr(GError) error = NULL;
  SalesDb *db;
  sqlite3_stmt *stmt;
  gint64 next = 0;
  int rc;

  g_return_val_if_fail (SALES_IS_FOLLOWUP_NOTIFIER (self), 0);

  db = sales_store_get_db (self->store);
  stmt = sales_db_prepare (db,
                           "SELECT coalesce (min (due_at), 0) FROM activity "
                           "INDEXED BY activity_due "
                           "WHERE done_at IS NULL AND due_at > ?1 AND (?2 = 0 OR owner_id = ?2)",
                           &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the next due follow-up: %s", error->message);
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, sales_store_now (self->store));
  sqlite3_bind_int64 (stmt, 2, self->owner_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      sales_db_set_error (db, rc, &error);
      g_warning ("Cannot read the next due follow-up: %s", error->message);
      return 0;
    }

  return next;
}

static gboolean
on_timer (gpointer user_data)
{
  SalesFollowupNotifier *self = user_data;

  self->timer = 0;
  check_and_send (self);
  schedule (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (SalesFollowupNotifier *self)
{
  gint64 next, wait;

  g_assert (SALES_IS_FOLLOWUP_NOTIFIER (self));

  g_clear_handle_id (&self->timer, g_source_remove);

  next = sales_followup_notifier_get_next_due (self);
  /* A second late rather than early: the timer's seconds are rounded. */
  wait = next > 0 ? next - sales_store_now (self->store) + 1 : MAX_WAIT_S;
  wait = CLAMP (wait, 1, MAX_WAIT_S);

  self->timer = g_timeout_add_seconds ((guint)wait, on_timer, self);
}

static void
on_store_changed (SalesFollowupNotifier *self,
                  SalesRecordKind        kind,
                  gint64                 id,
                  SalesChange            change,
                  SalesStore            *store)
{
  if (kind != SALES_RECORD_ACTIVITY || self->timer == 0)
    return;

  check_and_send (self);
  schedule (self);
}

static void
on_store_reset (SalesFollowupNotifier *self)
{
  if (self->timer == 0)
    return;

  check_and_send (self);
  schedule (self);
}

static void
sales_followup_notifier_dispose (GObject *object)
{
  SalesFollowupNotifier *self = (SalesFollowupNotifier *)object;

  g_clear_handle_id (&self->timer, g_source_remove);

  G_OBJECT_CLASS (sales_followup_notifier_parent_class)->dispose (object);
}

static void
sales_followup_notifier_finalize (GObject *object)
{
  SalesFollowupNotifier *self = (SalesFollowupNotifier *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_followup_notifier_parent_class)->finalize (object);
}

static void
sales_followup_notifier_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SalesFollowupNotifier *self = SALES_FOLLOWUP_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_followup_notifier_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SalesFollowupNotifier *self = SALES_FOLLOWUP_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_OWNER_ID:
      sales_followup_notifier_set_owner_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_followup_notifier_class_init (SalesFollowupNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sales_followup_notifier_dispose;
  object_class->finalize = sales_followup_notifier_finalize;
  object_class->get_property = sales_followup_notifier_get_property;
  object_class->set_property = sales_followup_notifier_set_property;

  /* The rep whose follow-ups are announced; 0 for everyone's. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_followup_notifier_init (SalesFollowupNotifier *self)
{
  self->watermark = G_MININT64;
}

/**
 * sales_followup_notifier_new:
 * @application: (nullable): where notifications go; not referenced, the
 *   application is expected to own the notifier
 *
 * Returns: (transfer full): a notifier that does nothing until
 *   sales_followup_notifier_start()
 */
SalesFollowupNotifier *
sales_followup_notifier_new (SalesStore   *store,
                             GApplication *application)
{
  SalesFollowupNotifier *self;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);

  self = g_object_new (SALES_TYPE_FOLLOWUP_NOTIFIER, NULL);
  self->store = g_object_ref (store);
  self->application = application;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (on_store_reset), self,
                           G_CONNECT_SWAPPED);

  return self;
}

gint64
sales_followup_notifier_get_owner_id (SalesFollowupNotifier *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUP_NOTIFIER (self), 0);

  return self->owner_id;
}

/**
 * sales_followup_notifier_set_owner_id:
 * @owner_id: the rep whose follow-ups to announce, or 0 for everyone's
 */
void
sales_followup_notifier_set_owner_id (SalesFollowupNotifier *self,
                                      gint64                 owner_id)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_NOTIFIER (self));
  g_return_if_fail (owner_id >= 0);

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  if (self->timer != 0)
    schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/**
 * sales_followup_notifier_start:
 *
 * Announces what is due now, then keeps announcing follow-ups as they
 * fall due, until the notifier is disposed.
 */
void
sales_followup_notifier_start (SalesFollowupNotifier *self)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_NOTIFIER (self));

  check_and_send (self);
  schedule (self);
}
