/* sales-rep-dialog.c: adds a rep to the team or edits one
 *
 * The dialog checks what it is given as it is typed, with the store's own checks (a name,
 * a valid address, no other rep of the same name), and only enables Save when they pass; so
 * Save rarely fails, and when it does (another window added the same name meanwhile) the
 * caller shows why. The caller calls sales_rep_dialog_save() on the "save" response.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-rep-dialog.h"

struct _SalesRepDialog
{
  AdwMessageDialog  parent_instance;

  SalesStore       *store;
  SalesRep         *rep;

  AdwEntryRow      *name_row;
  AdwEntryRow      *email_row;
  AdwActionRow     *active_row;
  GtkSwitch        *active_switch;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (SalesRepDialog, sales_rep_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * sales_rep_dialog_get_draft:
 *
 * Returns: (transfer full): the rep as the fields say, with the edited rep's id (0 for a
 *   new one)
 */
SalesRep *
sales_rep_dialog_get_draft (SalesRepDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  SalesRep *draft;

  g_return_val_if_fail (SALES_IS_REP_DIALOG (self), NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  draft = self->rep != NULL ? sales_rep_dup (self->rep) : sales_rep_new ();
  sales_rep_set_name (draft, name);
  sales_rep_set_email (draft, *email != '\0' ? email : NULL);
  sales_rep_set_active (draft, gtk_switch_get_active (self->active_switch));

  return draft;
}

static void
show_problem (SalesRepDialog *self,
              GtkWidget      *row,
              const char     *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
}

static void
on_changed (SalesRepDialog *self)
{
  g_autoptr(SalesRep) draft = sales_rep_dialog_get_draft (self);
  g_autoptr(GError) error = NULL;
  const char *name = sales_rep_get_name (draft);
  const char *email = sales_rep_get_email (draft);
  gboolean valid = FALSE;

  g_assert (SALES_IS_REP_DIALOG (self));

  /* An empty name is only pointed out once something else was typed: a new dialog opens
   * with nothing to complain about. */
  if (sales_text_is_blank (name))
    show_problem (self, email != NULL ? GTK_WIDGET (self->name_row) : NULL,
                  email != NULL ? _("A rep needs a name") : NULL);
  else if (!sales_record_validate (SALES_RECORD (draft), &error))
    show_problem (self, GTK_WIDGET (self->email_row), error->message);
  else if (!sales_store_check_rep (self->store, draft, &error))
    show_problem (self, GTK_WIDGET (self->name_row), error->message);
  else
    {
      show_problem (self, NULL, NULL);
      valid = TRUE;
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", valid);
}

/**
 * sales_rep_dialog_save:
 *
 * Creates the rep, or writes the edits over the edited one, in one transaction.
 */
gboolean
sales_rep_dialog_save (SalesRepDialog  *self,
                       GError         **error)
{
  g_autoptr(SalesRep) draft = NULL;
  g_autoptr(SalesRep) created = NULL;

  g_return_val_if_fail (SALES_IS_REP_DIALOG (self), FALSE);

  draft = sales_rep_dialog_get_draft (self);
  if (self->rep != NULL)
    return sales_store_update (self->store, SALES_RECORD (draft), error);

  created = sales_store_create (self->store, SALES_RECORD (draft), error);
  return created != NULL;
}

static void
sales_rep_dialog_constructed (GObject *object)
{
  SalesRepDialog *self = (SalesRepDialog *)object;

  G_OBJECT_CLASS (sales_rep_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  if (self->rep != NULL)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Rep"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), sales_rep_get_name (self->rep));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                             sales_rep_get_email (self->rep) != NULL
                             ? sales_rep_get_email (self->rep) : "");
      gtk_switch_set_active (self->active_switch, sales_rep_get_active (self->rep));
    }
  else
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("New Rep"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Add"));
      /* A new rep is active; deactivating is for someone who leaves. */
      gtk_widget_set_visible (GTK_WIDGET (self->active_row), FALSE);
    }
  on_changed (self);
}

static void
sales_rep_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_REP_DIALOG);

  G_OBJECT_CLASS (sales_rep_dialog_parent_class)->dispose (object);
}

static void
sales_rep_dialog_finalize (GObject *object)
{
  SalesRepDialog *self = (SalesRepDialog *)object;

  g_clear_object (&self->rep);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_rep_dialog_parent_class)->finalize (object);
}

static void
sales_rep_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SalesRepDialog *self = SALES_REP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REP:
      g_value_set_object (value, self->rep);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_rep_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SalesRepDialog *self = SALES_REP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_REP:
      self->rep = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_rep_dialog_class_init (SalesRepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_rep_dialog_constructed;
  object_class->dispose = sales_rep_dialog_dispose;
  object_class->finalize = sales_rep_dialog_finalize;
  object_class->get_property = sales_rep_dialog_get_property;
  object_class->set_property = sales_rep_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* NULL for a new rep. */
  properties[PROP_REP] =
    g_param_spec_object ("rep", NULL, NULL,
                         SALES_TYPE_REP,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-rep-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesRepDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SalesRepDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, SalesRepDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, SalesRepDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, SalesRepDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
sales_rep_dialog_init (SalesRepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_rep_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @rep: (nullable): the rep to edit, or %NULL to add one
 */
GtkWidget *
sales_rep_dialog_new (GtkWindow  *parent,
                      SalesStore *store,
                      SalesRep   *rep)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (!rep || SALES_IS_REP (rep), NULL);

  return g_object_new (SALES_TYPE_REP_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "store", store,
                       "rep", rep,
                       NULL);
}

/**
 * sales_rep_dialog_get_rep:
 *
 * Returns: (transfer none) (nullable): the rep being edited, %NULL when adding one
 */
SalesRep *
sales_rep_dialog_get_rep (SalesRepDialog *self)
{
  g_return_val_if_fail (SALES_IS_REP_DIALOG (self), NULL);

  return self->rep;
}
