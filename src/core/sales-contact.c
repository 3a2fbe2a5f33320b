/* sales-contact.c: a person at a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-record-private.h"
#include "sales-contact.h"

struct _SalesContact
{
  SalesRecord  parent_instance;

  gint64       customer_id;
  char        *name;
  char        *title;
  char        *phone;
  char        *email;
  char        *wechat;
  gboolean     is_primary;
};

G_DEFINE_FINAL_TYPE (SalesContact, sales_contact, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_WECHAT,
  PROP_IS_PRIMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SalesColumn columns[] = {
  { "customer_id" },
  { "name" },
  { "title", SALES_COLUMN_NULLABLE },
  { "phone", SALES_COLUMN_NULLABLE },
  { "email", SALES_COLUMN_NULLABLE },
  { "wechat", SALES_COLUMN_NULLABLE },
  { "is_primary" },
};

static const SalesTable table = {
  SALES_RECORD_CONTACT, "contact", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_contact_validate (SalesRecord  *record,
                        GError      **error)
{
  SalesContact *self = SALES_CONTACT (record);

  if (self->customer_id <= 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A contact needs a customer"));
      return FALSE;
    }

  if (sales_text_is_blank (self->name))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A contact needs a name"));
      return FALSE;
    }

  return sales_check_email (self->email, error);
}

static void
sales_contact_finalize (GObject *object)
{
  SalesContact *self = (SalesContact *)object;

  g_free (self->name);
  g_free (self->title);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->wechat);

  G_OBJECT_CLASS (sales_contact_parent_class)->finalize (object);
}

static void
sales_contact_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SalesContact *self = SALES_CONTACT (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_WECHAT:
      g_value_set_string (value, self->wechat);
      break;

    case PROP_IS_PRIMARY:
      g_value_set_boolean (value, self->is_primary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_contact_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SalesContact *self = SALES_CONTACT (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      sales_contact_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      sales_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      sales_contact_set_title (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      sales_contact_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      sales_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_WECHAT:
      sales_contact_set_wechat (self, g_value_get_string (value));
      break;

    case PROP_IS_PRIMARY:
      sales_contact_set_is_primary (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_contact_class_init (SalesContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_contact_finalize;
  object_class->get_property = sales_contact_get_property;
  object_class->set_property = sales_contact_set_property;

  record_class->validate = sales_contact_validate;

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WECHAT] =
    g_param_spec_string ("wechat", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* At most one contact of a customer is primary; the store clears the others. */
  properties[PROP_IS_PRIMARY] =
    g_param_spec_boolean ("is-primary", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_contact_init (SalesContact *self)
{
}

SalesContact *
sales_contact_new (void)
{
  return g_object_new (SALES_TYPE_CONTACT, NULL);
}

/**
 * sales_contact_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesContact *
sales_contact_dup (SalesContact *self)
{
  g_return_val_if_fail (SALES_IS_CONTACT (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

gint64
sales_contact_get_customer_id (SalesContact *self)
{
  g_return_val_if_fail (SALES_IS_CONTACT (self), 0);

  return self->customer_id;
}

void
sales_contact_set_customer_id (SalesContact *self,
                              gint64 customer_id)
{
  g_return_if_fail (SALES_IS_CONTACT (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->customer_id, customer_id,
                          properties[PROP_CUSTOMER_ID]);
}

const char *
sales_contact_get_name (SalesContact *self)
{
  g_return_val_if_fail (SALES_IS_CONTACT (self), NULL);

  return self->name;
}

void
sales_contact_set_name (SalesContact *self,
                       const char *name)
{
  g_return_if_fail (SALES_IS_CONTACT (self));

  sales_record_set_string (SALES_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

const char *
sales_contact_get_title (SalesContact *self)
{
  g_return_val_if_fail (SALES_IS_CONTACT (self), NULL);

  return self->title;
}

void
sales_contact_set_title (SalesContact *self,
                        const char *title)
{
  g_return_if_fail (SALES_IS_CONTACT (self));

  sales_record_set_string (SALES_RECORD (self), &self->title, title, properties[PROP_TITLE]);
}

const char *
sales_contact_get_phone (SalesContact *self)
{
  g_return_val_if_fail (SALES_IS_CONTACT (self), NULL);

  return self->phone;
}

void
sales_contact_set_phone (SalesContact *self,
                        const char *phone)
{
  g_return_if_fail (SALES_IS_CONTACT (self));

  sales_record_set_string (SALES_RECORD (self), &self->phone, phone, properties[PROP_PHONE]);
}

const char *
sales_contact_get_email (SalesContact *self)
{
  g_return_val_if_fail (SALES_IS_CONTACT (self), NULL);

  return self->email;
}

void
sales_contact_set_email (SalesContact *self,
                        const char *email)
{
  g_return_if_fail (SALES_IS_CONTACT (self));

  sales_record_set_string (SALES_RECORD (self), &self->email, email, properties[PROP_EMAIL]);
}

const char *
sales_contact_get_wechat (SalesContact *self)
{
  g_return_val_if_fail (SALES_IS_CONTACT (self), NULL);

  return self->wechat;
}

void
sales_contact_set_wechat (SalesContact *self,
                         const char *wechat)
{
  g_return_if_fail (SALES_IS_CONTACT (self));

  sales_record_set_string (SALES_RECORD (self), &self->wechat, wechat, properties[PROP_WECHAT]);
}

gboolean
sales_contact_get_is_primary (SalesContact *self)
{
  g_return_val_if_fail (SALES_IS_CONTACT (self), FALSE);

  return self->is_primary;
}

void
sales_contact_set_is_primary (SalesContact *self,
                             gboolean is_primary)
{
  g_return_if_fail (SALES_IS_CONTACT (self));

  sales_record_set_boolean (SALES_RECORD (self), &self->is_primary, is_primary,
                            properties[PROP_IS_PRIMARY]);
}
