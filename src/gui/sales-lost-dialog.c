/* sales-lost-dialog.c: asks why a deal was lost before it is marked lost
 *
 * A lost deal needs a reason (the win/loss analysis counts them), so dropping a card on
 * Lost or choosing "Mark Lost…" asks for one; a note is optional. The dialog only asks:
 * whoever opened it reads the answer on the "lost" response and makes the one store
 * call. Cancelling writes nothing, so the card never left its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-lost-dialog.h"

struct _SalesLostDialog
{
  AdwMessageDialog  parent_instance;

  SalesStore       *store;
  SalesDeal        *deal;
  /* The reason of each choice after the first, "Choose…", which stands for none. */
  GArray           *reason_ids;

  AdwComboRow      *reason_row;
  AdwEntryRow      *note_row;
};

G_DEFINE_FINAL_TYPE (SalesLostDialog, sales_lost_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_reason_selected (SalesLostDialog *self)
{
  g_assert (SALES_IS_LOST_DIALOG (self));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "lost",
                                           sales_lost_dialog_get_reason_id (self) > 0);
}

static void
sales_lost_dialog_constructed (GObject *object)
{
  SalesLostDialog *self = (SalesLostDialog *)object;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) reasons = NULL;
  g_autofree char *body = NULL;
  gint64 none = 0;

  G_OBJECT_CLASS (sales_lost_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->deal != NULL);

  /* TRANSLATORS: %s is the title of a deal */
  body = g_strdup_printf (_("“%s” will be closed as lost. Choose why, so that the losses can "
                            "be analysed."),
                          sales_deal_get_title (self->deal));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  gtk_string_list_append (names, _("Choose…"));
  g_array_append_val (self->reason_ids, none);

  /* A handful of rows, all loaded; retired reasons are not offered for new losses. */
  reasons = sales_store_list_lost_reasons (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (reasons); i++)
    {
      g_autoptr(SalesLostReason) reason = g_list_model_get_item (reasons, i);
      gint64 id = sales_record_get_id (SALES_RECORD (reason));

      if (!sales_lost_reason_get_active (reason))
        continue;
      gtk_string_list_append (names, sales_lost_reason_get_name (reason));
      g_array_append_val (self->reason_ids, id);
    }

  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->reason_row, 0);
  on_reason_selected (self);
}

static void
sales_lost_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_LOST_DIALOG);

  G_OBJECT_CLASS (sales_lost_dialog_parent_class)->dispose (object);
}

static void
sales_lost_dialog_finalize (GObject *object)
{
  SalesLostDialog *self = (SalesLostDialog *)object;

  g_clear_pointer (&self->reason_ids, g_array_unref);
  g_clear_object (&self->deal);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_lost_dialog_parent_class)->finalize (object);
}

static void
sales_lost_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SalesLostDialog *self = SALES_LOST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_lost_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SalesLostDialog *self = SALES_LOST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_lost_dialog_class_init (SalesLostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_lost_dialog_constructed;
  object_class->dispose = sales_lost_dialog_dispose;
  object_class->finalize = sales_lost_dialog_finalize;
  object_class->get_property = sales_lost_dialog_get_property;
  object_class->set_property = sales_lost_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         SALES_TYPE_DEAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-lost-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesLostDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SalesLostDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_selected);
}

static void
sales_lost_dialog_init (SalesLostDialog *self)
{
  self->reason_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_lost_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 */
GtkWidget *
sales_lost_dialog_new (GtkWindow  *parent,
                       SalesStore *store,
                       SalesDeal  *deal)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_DEAL (deal), NULL);

  return g_object_new (SALES_TYPE_LOST_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "store", store,
                       "deal", deal,
                       NULL);
}

SalesDeal *
sales_lost_dialog_get_deal (SalesLostDialog *self)
{
  g_return_val_if_fail (SALES_IS_LOST_DIALOG (self), NULL);

  return self->deal;
}

/**
 * sales_lost_dialog_get_reason_id:
 *
 * Returns: the chosen lost reason, or 0 while none is chosen
 */
gint64
sales_lost_dialog_get_reason_id (SalesLostDialog *self)
{
  guint selected;

  g_return_val_if_fail (SALES_IS_LOST_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->reason_row);
  if (selected >= self->reason_ids->len)
    return 0;

  return g_array_index (self->reason_ids, gint64, selected);
}

/**
 * sales_lost_dialog_set_reason_id:
 *
 * Chooses the reason @reason_id, as picking it from the list does.
 *
 * Returns: %FALSE when the dialog does not offer that reason
 */
gboolean
sales_lost_dialog_set_reason_id (SalesLostDialog *self,
                                 gint64           reason_id)
{
  g_return_val_if_fail (SALES_IS_LOST_DIALOG (self), FALSE);

  for (guint i = 0; i < self->reason_ids->len; i++)
    {
      if (g_array_index (self->reason_ids, gint64, i) == reason_id)
        {
          adw_combo_row_set_selected (self->reason_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sales_lost_dialog_get_note:
 *
 * Returns: the note typed, or %NULL when it is blank
 */
const char *
sales_lost_dialog_get_note (SalesLostDialog *self)
{
  const char *note;

  g_return_val_if_fail (SALES_IS_LOST_DIALOG (self), NULL);

  note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  return sales_text_is_blank (note) ? NULL : note;
}

void
sales_lost_dialog_set_note (SalesLostDialog *self,
                            const char      *note)
{
  g_return_if_fail (SALES_IS_LOST_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}
