/* sales-duplicate-dialog.c: warns that a customer being saved may exist already
 *
 * Shown by whoever saves a customer when sales_duplicates_check() finds
 * matches: it lists them (name, owner, phone, why it matched) and asks what
 * to do. Like the lost dialog it only asks; the caller makes the one store
 * call. "Merge…" asks once more, naming the customer that is kept, because
 * a merge deletes a record (even if Undo brings it back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-duplicate-dialog.h"

struct _SalesDuplicateDialog
{
  AdwMessageDialog  parent_instance;

  SalesStore       *store;
  SalesCustomer    *draft;
  /* SalesDuplicateMatch, in the order of the rows */
  GArray           *matches;

  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (SalesDuplicateDialog, sales_duplicate_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DRAFT,
  PROP_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_owner (SalesStore    *store,
                SalesCustomer *customer)
{
  g_autoptr(SalesRep) rep = NULL;
  gint64 owner_id = sales_customer_get_owner_id (customer);

  if (owner_id == 0)
    return g_strdup (_("Public pool"));

  rep = sales_store_get_rep (store, owner_id, NULL);
  if (rep == NULL)
    return g_strdup (_("Public pool"));

  /* TRANSLATORS: %s is the name of the rep who owns a customer */
  return g_strdup_printf (_("Owner: %s"), sales_rep_get_name (rep));
}

static GtkWidget *
create_row (SalesDuplicateDialog      *self,
            const SalesDuplicateMatch *match)
{
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  const char *phone;
  GtkWidget *row;

  customer = sales_store_get_customer (self->store, match->customer_id, &error);
  if (customer == NULL)
    return NULL;

  g_ptr_array_add (parts, sales_duplicate_reason_describe (match->reasons));
  g_ptr_array_add (parts, describe_owner (self->store, customer));
  phone = sales_customer_get_phone (customer);
  if (!sales_text_is_blank (phone))
    g_ptr_array_add (parts, g_strdup (phone));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **)parts->pdata);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sales_customer_get_name (customer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "customer-id",
                          g_memdup2 (&match->customer_id, sizeof match->customer_id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sales_customer_get_name (customer),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  return row;
}

static gint64
row_customer_id (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "customer-id") : NULL;

  return id != NULL ? *id : 0;
}

static void
on_row_selected (SalesDuplicateDialog *self,
                 GtkListBoxRow        *row)
{
  gboolean chosen = row != NULL;

  g_assert (SALES_IS_DUPLICATE_DIALOG (self));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "open", chosen);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge", chosen);
}

static void
on_row_activated (SalesDuplicateDialog *self,
                  GtkListBoxRow        *row)
{
  g_assert (SALES_IS_DUPLICATE_DIALOG (self));

  gtk_list_box_select_row (self->list, row);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "open");
}

static void
sales_duplicate_dialog_constructed (GObject *object)
{
  SalesDuplicateDialog *self = (SalesDuplicateDialog *)object;
  g_autofree char *body = NULL;
  guint n_rows = 0;

  G_OBJECT_CLASS (sales_duplicate_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->draft != NULL);
  g_assert (self->matches != NULL);

  for (guint i = 0; i < self->matches->len; i++)
    {
      GtkWidget *row = create_row (self, &g_array_index (self->matches, SalesDuplicateMatch, i));

      /* Deleted since the check: nothing to open or merge. */
      if (row == NULL)
        continue;
      gtk_list_box_append (self->list, row);
      n_rows++;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” looks like a customer you already have. Open it "
                                       "instead, merge the two, or save a new customer anyway.",
                                       "“%s” looks like %u customers you already have. Open one "
                                       "of them instead, merge into it, or save a new customer "
                                       "anyway.",
                                       n_rows),
                          sales_customer_get_name (self->draft), n_rows);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
  on_row_selected (self, gtk_list_box_get_selected_row (self->list));
}

static void
sales_duplicate_dialog_dispose (GObject *object)
{
  SalesDuplicateDialog *self = (SalesDuplicateDialog *)object;

  /* The rows go after the responses: selecting none must not reach them. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);

  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_DUPLICATE_DIALOG);

  G_OBJECT_CLASS (sales_duplicate_dialog_parent_class)->dispose (object);
}

static void
sales_duplicate_dialog_finalize (GObject *object)
{
  SalesDuplicateDialog *self = (SalesDuplicateDialog *)object;

  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_object (&self->draft);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_duplicate_dialog_parent_class)->finalize (object);
}

static void
sales_duplicate_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SalesDuplicateDialog *self = SALES_DUPLICATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;

    case PROP_MATCHES:
      g_value_set_boxed (value, self->matches);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_duplicate_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SalesDuplicateDialog *self = SALES_DUPLICATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DRAFT:
      self->draft = g_value_dup_object (value);
      break;

    case PROP_MATCHES:
      {
        GArray *matches = g_value_get_boxed (value);

        /* A copy: the caller's array is theirs to change. */
        self->matches = g_array_sized_new (FALSE, FALSE, sizeof (SalesDuplicateMatch),
                                           matches != NULL ? matches->len : 0);
        if (matches != NULL)
          g_array_append_vals (self->matches, matches->data, matches->len);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_duplicate_dialog_class_init (SalesDuplicateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_duplicate_dialog_constructed;
  object_class->dispose = sales_duplicate_dialog_dispose;
  object_class->finalize = sales_duplicate_dialog_finalize;
  object_class->get_property = sales_duplicate_dialog_get_property;
  object_class->set_property = sales_duplicate_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         SALES_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* (element-type SalesDuplicateMatch) */
  properties[PROP_MATCHES] =
    g_param_spec_boxed ("matches", NULL, NULL,
                        G_TYPE_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-duplicate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesDuplicateDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
sales_duplicate_dialog_init (SalesDuplicateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_duplicate_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @draft: the customer being saved; only its name is shown
 * @matches: (element-type SalesDuplicateMatch): from sales_duplicates_check()
 */
GtkWidget *
sales_duplicate_dialog_new (GtkWindow     *parent,
                            SalesStore    *store,
                            SalesCustomer *draft,
                            GArray        *matches)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_CUSTOMER (draft), NULL);
  g_return_val_if_fail (matches != NULL, NULL);

  return g_object_new (SALES_TYPE_DUPLICATE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "store", store,
                       "draft", draft,
                       "matches", matches,
                       NULL);
}

/**
 * sales_duplicate_dialog_get_selected:
 *
 * Returns: the id of the existing customer selected in the list, or 0
 */
gint64
sales_duplicate_dialog_get_selected (SalesDuplicateDialog *self)
{
  g_return_val_if_fail (SALES_IS_DUPLICATE_DIALOG (self), 0);

  return row_customer_id (gtk_list_box_get_selected_row (self->list));
}

void
sales_duplicate_dialog_set_selected (SalesDuplicateDialog *self,
                                     gint64                customer_id)
{
  g_return_if_fail (SALES_IS_DUPLICATE_DIALOG (self));

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        return;

      if (row_customer_id (row) == customer_id)
        {
          gtk_list_box_select_row (self->list, row);
          return;
        }
    }
}

/* Running the dialog */

typedef struct
{
  SalesDuplicateChoice choice;
  gint64               customer_id;
} Answer;

static void
answer (GTask                *task,
        SalesDuplicateChoice  choice,
        gint64                customer_id)
{
  Answer *result = g_new (Answer, 1);

  result->choice = choice;
  result->customer_id = customer_id;
  g_task_return_pointer (task, result, g_free);
}

static void
on_merge_confirmed (AdwMessageDialog *confirm,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  gint64 *id = g_object_get_data (G_OBJECT (confirm), "customer-id");

  if (g_str_equal (response, "merge"))
    answer (task, SALES_DUPLICATE_CHOICE_MERGE, *id);
  else
    answer (task, SALES_DUPLICATE_CHOICE_CANCEL, 0);
}

static void
confirm_merge (SalesDuplicateDialog *self,
               GTask                *task,
               gint64                customer_id)
{
  g_autoptr(SalesCustomer) kept = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *confirm;

  kept = sales_store_get_customer (self->store, customer_id, NULL);
  if (kept == NULL)
    {
      answer (task, SALES_DUPLICATE_CHOICE_CANCEL, 0);
      g_object_unref (task);
      return;
    }

  /* TRANSLATORS: %s is the name of the customer that is kept */
  confirm = adw_message_dialog_new (parent, NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (confirm), _("Merge Into “%s”?"),
                                     sales_customer_get_name (kept));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (confirm),
                                  _("“%s” is kept. What it lacks is taken from “%s”, whose "
                                    "contacts, deals and follow-ups move to it; then “%s” is "
                                    "deleted. You can undo this."),
                                  sales_customer_get_name (kept),
                                  sales_customer_get_name (self->draft),
                                  sales_customer_get_name (self->draft));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (confirm), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  g_object_set_data_full (G_OBJECT (confirm), "customer-id",
                          g_memdup2 (&customer_id, sizeof customer_id), g_free);
  g_signal_connect (confirm, "response", G_CALLBACK (on_merge_confirmed), task);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
on_response (SalesDuplicateDialog *self,
             const char           *response,
             gpointer              user_data)
{
  GTask *task = user_data;
  gint64 id = sales_duplicate_dialog_get_selected (self);

  g_signal_handlers_disconnect_by_func (self, on_response, user_data);

  if (g_str_equal (response, "merge") && id > 0)
    {
      confirm_merge (self, task, id);
      return;
    }

  if (g_str_equal (response, "open") && id > 0)
    answer (task, SALES_DUPLICATE_CHOICE_OPEN, id);
  else if (g_str_equal (response, "save"))
    answer (task, SALES_DUPLICATE_CHOICE_SAVE_ANYWAY, 0);
  else
    answer (task, SALES_DUPLICATE_CHOICE_CANCEL, 0);
  g_object_unref (task);
}

/**
 * sales_duplicate_dialog_run_async:
 * @parent: (nullable): the window the dialog belongs to
 * @matches: (element-type SalesDuplicateMatch): from sales_duplicates_check(); not empty
 *
 * Presents the dialog; @callback gets the answer through
 * sales_duplicate_dialog_run_finish() once the user has chosen (Merge… asks
 * to confirm first; declining that counts as Cancel).
 */
void
sales_duplicate_dialog_run_async (GtkWindow           *parent,
                                  SalesStore          *store,
                                  SalesCustomer       *draft,
                                  GArray              *matches,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GtkWidget *dialog;
  GTask *task;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (SALES_IS_STORE (store));
  g_return_if_fail (SALES_IS_CUSTOMER (draft));
  g_return_if_fail (matches != NULL);

  dialog = sales_duplicate_dialog_new (parent, store, draft, matches);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_task_data (task, g_object_ref (dialog), g_object_unref);
  g_task_set_source_tag (task, sales_duplicate_dialog_run_async);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sales_duplicate_dialog_run_finish:
 * @customer_id: (out) (optional): the existing customer chosen for Open and
 *   Merge; 0 otherwise
 *
 * Returns: what the user chose
 */
SalesDuplicateChoice
sales_duplicate_dialog_run_finish (GAsyncResult *result,
                                   gint64       *customer_id)
{
  g_autofree Answer *reply = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), SALES_DUPLICATE_CHOICE_CANCEL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sales_duplicate_dialog_run_async, SALES_DUPLICATE_CHOICE_CANCEL);

  reply = g_task_propagate_pointer (G_TASK (result), NULL);
  if (customer_id != NULL)
    *customer_id = reply != NULL ? reply->customer_id : 0;

  return reply != NULL ? reply->choice : SALES_DUPLICATE_CHOICE_CANCEL;
}
