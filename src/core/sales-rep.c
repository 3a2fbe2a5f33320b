/* sales-rep.c: a sales rep, who owns customers, deals and follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-record-private.h"
#include "sales-rep.h"

struct _SalesRep
{
  SalesRecord  parent_instance;

  char        *name;
  char        *email;
  gboolean     active;
};

G_DEFINE_FINAL_TYPE (SalesRep, sales_rep, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SalesColumn columns[] = {
  { "name" },
  { "email", SALES_COLUMN_NULLABLE },
  { "active" },
};

static const SalesTable table = {
  SALES_RECORD_REP, "rep", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_rep_validate (SalesRecord  *record,
                    GError      **error)
{
  SalesRep *self = SALES_REP (record);

  if (sales_text_is_blank (self->name))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A rep needs a name"));
      return FALSE;
    }

  return sales_check_email (self->email, error);
}

static void
sales_rep_finalize (GObject *object)
{
  SalesRep *self = (SalesRep *)object;

  g_free (self->name);
  g_free (self->email);

  G_OBJECT_CLASS (sales_rep_parent_class)->finalize (object);
}

static void
sales_rep_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SalesRep *self = SALES_REP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_rep_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SalesRep *self = SALES_REP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      sales_rep_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      sales_rep_set_email (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      sales_rep_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_rep_class_init (SalesRepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_rep_finalize;
  object_class->get_property = sales_rep_get_property;
  object_class->set_property = sales_rep_set_property;

  record_class->validate = sales_rep_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Inactive reps keep their history but get no new work. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_rep_init (SalesRep *self)
{
  self->active = TRUE;
}

SalesRep *
sales_rep_new (void)
{
  return g_object_new (SALES_TYPE_REP, NULL);
}

/**
 * sales_rep_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesRep *
sales_rep_dup (SalesRep *self)
{
  g_return_val_if_fail (SALES_IS_REP (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

const char *
sales_rep_get_name (SalesRep *self)
{
  g_return_val_if_fail (SALES_IS_REP (self), NULL);

  return self->name;
}

void
sales_rep_set_name (SalesRep *self,
                   const char *name)
{
  g_return_if_fail (SALES_IS_REP (self));

  sales_record_set_string (SALES_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

const char *
sales_rep_get_email (SalesRep *self)
{
  g_return_val_if_fail (SALES_IS_REP (self), NULL);

  return self->email;
}

void
sales_rep_set_email (SalesRep *self,
                    const char *email)
{
  g_return_if_fail (SALES_IS_REP (self));

  sales_record_set_string (SALES_RECORD (self), &self->email, email, properties[PROP_EMAIL]);
}

gboolean
sales_rep_get_active (SalesRep *self)
{
  g_return_val_if_fail (SALES_IS_REP (self), FALSE);

  return self->active;
}

void
sales_rep_set_active (SalesRep *self,
                     gboolean active)
{
  g_return_if_fail (SALES_IS_REP (self));

  sales_record_set_boolean (SALES_RECORD (self), &self->active, active, properties[PROP_ACTIVE]);
}
