/* sales-stage.c: a column of the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-enums.h"
#include "sales-record-private.h"
#include "sales-stage.h"

struct _SalesStage
{
  SalesRecord     parent_instance;

  char           *name;
  int             position;
  int             probability;
  SalesStageKind  kind;
  int             rot_days;
};

G_DEFINE_FINAL_TYPE (SalesStage, sales_stage, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_POSITION,
  PROP_PROBABILITY,
  PROP_KIND,
  PROP_ROT_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_strings[] = { "open", "won", "lost", NULL };

static const SalesColumn columns[] = {
  { "name" },
  { "position" },
  { "probability" },
  { "kind", SALES_COLUMN_PLAIN, kind_strings },
  { "rot_days", SALES_COLUMN_NULLABLE },
};

static const SalesTable table = {
  SALES_RECORD_STAGE, "stage", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_stage_validate (SalesRecord  *record,
                      GError      **error)
{
  SalesStage *self = SALES_STAGE (record);

  if (sales_text_is_blank (self->name))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A stage needs a name"));
      return FALSE;
    }

  if (self->probability < 0 || self->probability > 100)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("The probability must be between 0 and 100"));
      return FALSE;
    }

  if (self->rot_days < 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("The days before a deal goes stale cannot be negative"));
      return FALSE;
    }

  return TRUE;
}

static void
sales_stage_finalize (GObject *object)
{
  SalesStage *self = (SalesStage *)object;

  g_free (self->name);

  G_OBJECT_CLASS (sales_stage_parent_class)->finalize (object);
}

static void
sales_stage_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SalesStage *self = SALES_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_PROBABILITY:
      g_value_set_int (value, self->probability);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ROT_DAYS:
      g_value_set_int (value, self->rot_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_stage_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SalesStage *self = SALES_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      sales_stage_set_name (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      sales_stage_set_position (self, g_value_get_int (value));
      break;

    case PROP_PROBABILITY:
      sales_stage_set_probability (self, g_value_get_int (value));
      break;

    case PROP_KIND:
      sales_stage_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_ROT_DAYS:
      sales_stage_set_rot_days (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_stage_class_init (SalesStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_stage_finalize;
  object_class->get_property = sales_stage_get_property;
  object_class->set_property = sales_stage_set_property;

  record_class->validate = sales_stage_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Stages are shown in ascending position. */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Percent; the range is checked by validation so that a wrong value gives
   * a message rather than a warning. */
  properties[PROP_PROBABILITY] =
    g_param_spec_int ("probability", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SALES_TYPE_STAGE_KIND, SALES_STAGE_KIND_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Days without a stage change after which a deal counts as stale; 0 = never. */
  properties[PROP_ROT_DAYS] =
    g_param_spec_int ("rot-days", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_stage_init (SalesStage *self)
{
}

SalesStage *
sales_stage_new (void)
{
  return g_object_new (SALES_TYPE_STAGE, NULL);
}

/**
 * sales_stage_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesStage *
sales_stage_dup (SalesStage *self)
{
  g_return_val_if_fail (SALES_IS_STAGE (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

const char *
sales_stage_get_name (SalesStage *self)
{
  g_return_val_if_fail (SALES_IS_STAGE (self), NULL);

  return self->name;
}

void
sales_stage_set_name (SalesStage *self,
                      const char *name)
{
  g_return_if_fail (SALES_IS_STAGE (self));

  sales_record_set_string (SALES_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

int
sales_stage_get_position (SalesStage *self)
{
  g_return_val_if_fail (SALES_IS_STAGE (self), 0);

  return self->position;
}

void
sales_stage_set_position (SalesStage *self,
                          int         position)
{
  g_return_if_fail (SALES_IS_STAGE (self));

  sales_record_set_int (SALES_RECORD (self), &self->position, position,
                        properties[PROP_POSITION]);
}

int
sales_stage_get_probability (SalesStage *self)
{
  g_return_val_if_fail (SALES_IS_STAGE (self), 0);

  return self->probability;
}

void
sales_stage_set_probability (SalesStage *self,
                             int         probability)
{
  g_return_if_fail (SALES_IS_STAGE (self));

  sales_record_set_int (SALES_RECORD (self), &self->probability, probability,
                        properties[PROP_PROBABILITY]);
}

SalesStageKind
sales_stage_get_kind (SalesStage *self)
{
  g_return_val_if_fail (SALES_IS_STAGE (self), SALES_STAGE_KIND_OPEN);

  return self->kind;
}

void
sales_stage_set_kind (SalesStage     *self,
                      SalesStageKind  kind)
{
  g_return_if_fail (SALES_IS_STAGE (self));
  g_return_if_fail (kind <= SALES_STAGE_KIND_LOST);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

int
sales_stage_get_rot_days (SalesStage *self)
{
  g_return_val_if_fail (SALES_IS_STAGE (self), 0);

  return self->rot_days;
}

void
sales_stage_set_rot_days (SalesStage *self,
                          int         rot_days)
{
  g_return_if_fail (SALES_IS_STAGE (self));

  sales_record_set_int (SALES_RECORD (self), &self->rot_days, rot_days,
                        properties[PROP_ROT_DAYS]);
}

/**
 * sales_stage_is_closed:
 *
 * Returns: %TRUE for a won or lost stage, where a deal has a closed_at
 */
gboolean
sales_stage_is_closed (SalesStage *self)
{
  g_return_val_if_fail (SALES_IS_STAGE (self), FALSE);

  return self->kind != SALES_STAGE_KIND_OPEN;
}

/**
 * sales_stage_kind_to_string:
 *
 * Returns: the text stored in stage.kind: "open", "won" or "lost"
 */
const char *
sales_stage_kind_to_string (SalesStageKind kind)
{
  g_return_val_if_fail (kind <= SALES_STAGE_KIND_LOST, NULL);

  return kind_strings[kind];
}

gboolean
sales_stage_kind_from_string (const char     *text,
                              SalesStageKind *kind)
{
  int v = sales_enum_from_string (kind_strings, text);

  if (v < 0)
    return FALSE;

  if (kind != NULL)
    *kind = v;
  return TRUE;
}
