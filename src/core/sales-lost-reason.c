/* sales-lost-reason.c: why a deal was lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-record-private.h"
#include "sales-lost-reason.h"

struct _SalesLostReason
{
  SalesRecord  parent_instance;

  char        *name;
  gboolean     active;
};

G_DEFINE_FINAL_TYPE (SalesLostReason, sales_lost_reason, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SalesColumn columns[] = {
  { "name" },
  { "active" },
};

static const SalesTable table = {
  SALES_RECORD_LOST_REASON, "lost_reason", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_lost_reason_validate (SalesRecord  *record,
                            GError      **error)
{
  SalesLostReason *self = SALES_LOST_REASON (record);

  if (sales_text_is_blank (self->name))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A lost reason needs a name"));
      return FALSE;
    }

  return TRUE;
}

static void
sales_lost_reason_finalize (GObject *object)
{
  SalesLostReason *self = (SalesLostReason *)object;

  g_free (self->name);

  G_OBJECT_CLASS (sales_lost_reason_parent_class)->finalize (object);
}

static void
sales_lost_reason_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SalesLostReason *self = SALES_LOST_REASON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_lost_reason_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SalesLostReason *self = SALES_LOST_REASON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      sales_lost_reason_set_name (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      sales_lost_reason_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_lost_reason_class_init (SalesLostReasonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_lost_reason_finalize;
  object_class->get_property = sales_lost_reason_get_property;
  object_class->set_property = sales_lost_reason_set_property;

  record_class->validate = sales_lost_reason_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Inactive reasons stay on old deals but are not offered for new ones. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_lost_reason_init (SalesLostReason *self)
{
  self->active = TRUE;
}

SalesLostReason *
sales_lost_reason_new (void)
{
  return g_object_new (SALES_TYPE_LOST_REASON, NULL);
}

/**
 * sales_lost_reason_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesLostReason *
sales_lost_reason_dup (SalesLostReason *self)
{
  g_return_val_if_fail (SALES_IS_LOST_REASON (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

const char *
sales_lost_reason_get_name (SalesLostReason *self)
{
  g_return_val_if_fail (SALES_IS_LOST_REASON (self), NULL);

  return self->name;
}

void
sales_lost_reason_set_name (SalesLostReason *self,
                           const char *name)
{
  g_return_if_fail (SALES_IS_LOST_REASON (self));

  sales_record_set_string (SALES_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

gboolean
sales_lost_reason_get_active (SalesLostReason *self)
{
  g_return_val_if_fail (SALES_IS_LOST_REASON (self), FALSE);

  return self->active;
}

void
sales_lost_reason_set_active (SalesLostReason *self,
                             gboolean active)
{
  g_return_if_fail (SALES_IS_LOST_REASON (self));

  sales_record_set_boolean (SALES_RECORD (self), &self->active, active, properties[PROP_ACTIVE]);
}
