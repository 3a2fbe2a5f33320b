/* sales-targets-grid.c: a year of monthly targets as a grid, edited like a spreadsheet
 *
 * One row per owner (the whole team, then the reps), one column per month, and one of the
 * three targets (base, stretch, new customers) shown at a time. The rows' year totals and
 * the reps' sum of each month are shown beside and below, read-only.
 *
 * Each cell is a focusable widget (sales-grid-cell.c), so that the keyboard moves between
 * real widgets and a screen reader says which owner, month and value it is on. Typing on a cell starts editing
 * it in an entry put over it; Enter, Tab and the arrows write the value and move on, Escape
 * drops it. Each write is one store action, which the window offers to undo; the grid reads
 * the values back from the store after every write rather than keeping edits of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-grid-cell.h"
#include "sales-money.h"
#include "sales-targets-grid-private.h"

G_DEFINE_FINAL_TYPE (SalesTargetsGrid, sales_targets_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_YEAR,
  PROP_FIELD,
  N_PROPS
};

enum {
  WRITTEN,
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
row_clear (gpointer data)
{
  g_free (((SalesTargetsRow *)data)->name);
}

static char *
format_value (SalesTargetField field,
              gint64           value)
{
  if (sales_target_field_is_amount (field))
    return sales_money_format_plain (value);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Amounts as sales_money_parse() reads them; new customers as a whole number written the
 * same ways ("12", "１２"). Blank is 0: a cleared cell. */
gboolean
sales_targets_grid_parse_value (SalesTargetField   field,
             const char        *text,
             gint64            *value,
             GError           **error)
{
  gint64 cents;

  if (sales_text_is_blank (text))
    {
      *value = 0;
      return TRUE;
    }
  if (sales_target_field_is_amount (field))
    return sales_money_parse (text, value, error);

  if (!sales_money_parse (text, &cents, NULL) || cents % 100 != 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is not a number of customers"), text);
      return FALSE;
    }
  *value = cents / 100;
  return TRUE;
}

static char *
month_title (int year,
             guint month)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, (int)month + 1, 1, 0, 0, 0);

  /* TRANSLATORS: a month and its year in the targets grid, in g_date_time_format() form */
  return g_date_time_format (date, C_("month and year", "%B %Y"));
}

/* Values */

static void
update_cell (SalesTargetsGrid *self,
             guint             row,
             guint             month)
{
  GtkWidget *cell = g_ptr_array_index (self->cells, row * 12 + month);
  SalesTargetsRow *r = sales_targets_grid_row (self, row);
  gint64 value = sales_target_get_field (&r->months[month], self->field);
  g_autofree char *text = r->exists[month] ? format_value (self->field, value) : g_strdup ("");
  g_autofree char *when = month_title (self->year, month);
  g_autofree char *name = NULL;

  sales_grid_cell_set_text (SALES_GRID_CELL (cell), text);
  /* TRANSLATORS: how a screen reader names a cell of the targets grid: the owner (a rep or
   * the whole team), the month, and the value or "empty" */
  name = g_strdup_printf (C_("targets grid cell", "%s, %s: %s"), r->name, when,
                          r->exists[month] ? text : _("empty"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
update_values (SalesTargetsGrid *self)
{
  gint64 sums[13] = { 0 };

  for (guint row = 0; row < self->rows->len; row++)
    {
      SalesTargetsRow *r = sales_targets_grid_row (self, row);
      g_autofree char *total = NULL;
      gint64 year = 0;

      for (guint month = 0; month < 12; month++)
        {
          gint64 value = sales_target_get_field (&r->months[month], self->field);

          update_cell (self, row, month);
          year += value;
          if (r->owner_id != 0)
            sums[month] += value;
        }
      if (r->owner_id != 0)
        sums[12] += year;
      total = format_value (self->field, year);
      gtk_label_set_label (g_ptr_array_index (self->row_totals, row), total);
    }

  for (guint i = 0; i < 13; i++)
    {
      g_autofree char *text = format_value (self->field, sums[i]);

      gtk_label_set_label (g_ptr_array_index (self->sum_cells, i), text);
    }
}

void
sales_targets_grid_read_values (SalesTargetsGrid *self)
{
  for (guint row = 0; row < self->rows->len; row++)
    {
      SalesTargetsRow *r = sales_targets_grid_row (self, row);
      g_autoptr(GError) error = NULL;

      if (!sales_store_get_year_targets (self->store, r->owner_id, self->year, r->months,
                                         r->exists, &error))
        sales_targets_grid_emit_problem (self, error->message);
    }
  update_values (self);
}

void
sales_targets_grid_emit_written (SalesTargetsGrid *self)
{
  g_signal_emit (self, signals[WRITTEN], 0);
}

void
sales_targets_grid_emit_problem (SalesTargetsGrid *self,
                                 const char       *message)
{
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

/* Building */

static void
on_cell_focused (GtkEventControllerFocus *controller,
                 SalesTargetsGrid        *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "cell-index"));

  self->cursor_row = index / 12;
  self->cursor_month = index % 12;
}

static GtkWidget *
add_label (SalesTargetsGrid *self,
           const char       *text,
           const char       *css_class,
           int               column,
           int               row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == 0 ? PANGO_ELLIPSIZE_END
                                                          : PANGO_ELLIPSIZE_NONE);
  gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (GTK_GRID (self->grid), label, column, row, 1, 1);
  return label;
}

static void
clear_grid (SalesTargetsGrid *self)
{
  GtkWidget *child;

  if (self->editing)
    {
      self->editing = FALSE;
      gtk_grid_remove (GTK_GRID (self->grid), self->editor);
    }
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->row_totals, 0);
  g_ptr_array_set_size (self->sum_cells, 0);
}

static void
add_row (SalesTargetsGrid *self,
         gint64            owner_id,
         const char       *name)
{
  SalesTargetsRow row = { owner_id, g_strdup (name) };

  g_array_append_val (self->rows, row);
}

/* The whole team, the active reps, and inactive reps who have targets in the year. */
static void
collect_owners (SalesTargetsGrid *self)
{
  g_array_set_size (self->rows, 0);
  add_row (self, 0, _("Whole Team"));

  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (self->reps, i);
      gint64 id = sales_record_get_id (SALES_RECORD (rep));
      SalesTarget months[12];
      gboolean exists[12] = { FALSE };
      gboolean any = FALSE;

      if (!sales_rep_get_active (rep))
        {
          sales_store_get_year_targets (self->store, id, self->year, months, exists, NULL);
          for (guint m = 0; m < 12; m++)
            any |= exists[m];
          if (!any)
            continue;
        }
      add_row (self, id, sales_rep_get_name (rep));
    }
}

static void
rebuild (SalesTargetsGrid *self)
{
  guint n;

  clear_grid (self);
  collect_owners (self);
  n = self->rows->len;

  add_label (self, "", "target-header", 0, 0);
  for (guint month = 0; month < 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (self->year, (int)month + 1, 1, 0, 0, 0);
      g_autofree char *title = g_date_time_format (date, "%b");

      add_label (self, title, "target-header", (int)month + 1, 0);
    }
  add_label (self, C_("targets grid", "Year"), "target-header", 13, 0);

  for (guint row = 0; row < n; row++)
    {
      SalesTargetsRow *r = sales_targets_grid_row (self, row);
      GtkWidget *owner = add_label (self, r->name, "target-owner", 0, (int)row + 1);

      if (r->owner_id == 0)
        gtk_widget_add_css_class (owner, "target-team");
      for (guint month = 0; month < 12; month++)
        {
          GtkWidget *cell = sales_grid_cell_new ();
          GtkEventController *focus = gtk_event_controller_focus_new ();

          gtk_grid_attach (GTK_GRID (self->grid), cell, (int)month + 1, (int)row + 1, 1, 1);
          g_object_set_data (G_OBJECT (cell), "cell-index", GUINT_TO_POINTER (row * 12 + month));
          g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focused), self);
          gtk_widget_add_controller (cell, focus);
          g_ptr_array_add (self->cells, cell);
        }
      g_ptr_array_add (self->row_totals, add_label (self, "", "target-total", 13, (int)row + 1));
    }

  add_label (self, _("Sum of Reps"), "target-owner", 0, (int)n + 1);
  for (guint i = 0; i < 13; i++)
    g_ptr_array_add (self->sum_cells, add_label (self, "", "target-total", (int)i + 1,
                                                 (int)n + 1));

  self->cursor_row = MIN (self->cursor_row, n - 1);
  sales_targets_grid_read_values (self);
}

/* Editing */

void
sales_targets_grid_focus_cursor (SalesTargetsGrid *self)
{
  gtk_widget_grab_focus (g_ptr_array_index (self->cells, self->cursor_row * 12 +
                                            self->cursor_month));
}

void
sales_targets_grid_stop_editing (SalesTargetsGrid *self,
              gboolean          refocus)
{
  GtkWidget *cell;

  if (!self->editing)
    return;

  self->editing = FALSE;
  cell = g_ptr_array_index (self->cells, self->cursor_row * 12 + self->cursor_month);
  gtk_widget_set_visible (cell, TRUE);
  gtk_grid_remove (GTK_GRID (self->grid), self->editor);
  if (refocus)
    sales_targets_grid_focus_cursor (self);
}

gboolean
sales_targets_grid_write_value (SalesTargetsGrid  *self,
             guint              row,
             guint              month,
             gint64             value,
             GError           **error)
{
  SalesTargetsRow *r = sales_targets_grid_row (self, row);
  SalesTargetCell cell = { r->owner_id, self->year, (int)month + 1, r->months[month] };

  if (r->exists[month] && sales_target_get_field (&cell.target, self->field) == value)
    return TRUE;
  sales_target_set_field (&cell.target, self->field, value);
  if (!sales_store_set_target_cells (self->store, &cell, 1, error))
    return FALSE;

  sales_targets_grid_read_values (self);
  sales_targets_grid_emit_written (self);
  return TRUE;
}

/**
 * sales_targets_grid_commit:
 *
 * Writes what the editor holds into the cursor's cell and stops editing. A value that does
 * not read as an amount (or a number of customers) is refused: the editor stays, and
 * ::problem says why.
 *
 * Returns: %TRUE when editing stopped
 */
gboolean
sales_targets_grid_commit (SalesTargetsGrid *self)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), FALSE);

  if (!self->editing)
    return TRUE;

  if (!sales_targets_grid_parse_value (self->field, gtk_editable_get_text (GTK_EDITABLE (self->editor)), &value,
                    &error) ||
      !sales_targets_grid_write_value (self, self->cursor_row, self->cursor_month, value, &error))
    {
      gtk_widget_add_css_class (self->editor, "error");
      sales_targets_grid_emit_problem (self, error->message);
      return FALSE;
    }

  sales_targets_grid_stop_editing (self, TRUE);
  return TRUE;
}

/**
 * sales_targets_grid_start_editing:
 * @text: (nullable): what to start with, such as the key typed; %NULL for the cell's value
 */
void
sales_targets_grid_start_editing (SalesTargetsGrid *self,
                                  const char       *text)
{
  GtkWidget *cell;
  g_autofree char *current = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  SalesTargetsRow *r;

  g_return_if_fail (SALES_IS_TARGETS_GRID (self));

  /* A file opened read-only shows its targets; the cells do not open for typing. */
  if (self->editing || sales_db_is_read_only (sales_store_get_db (self->store)))
    return;

  r = sales_targets_grid_row (self, self->cursor_row);
  cell = g_ptr_array_index (self->cells, self->cursor_row * 12 + self->cursor_month);
  if (text == NULL)
    current = r->exists[self->cursor_month]
              ? format_value (self->field,
                              sales_target_get_field (&r->months[self->cursor_month],
                                                      self->field))
              : g_strdup ("");

  self->editing = TRUE;
  gtk_widget_remove_css_class (self->editor, "error");
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text != NULL ? text : current);
  when = month_title (self->year, self->cursor_month);
  /* TRANSLATORS: how a screen reader names the entry of a cell being edited: the owner (a
   * rep or the whole team) and the month */
  name = g_strdup_printf (C_("targets grid editor", "%s, %s"), r->name, when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  gtk_grid_attach (GTK_GRID (self->grid), self->editor, (int)self->cursor_month + 1,
                   (int)self->cursor_row + 1, 1, 1);
  gtk_widget_set_visible (cell, FALSE);
  gtk_widget_grab_focus (self->editor);
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
}

/* GObject */

static void
sales_targets_grid_constructed (GObject *object)
{
  SalesTargetsGrid *self = (SalesTargetsGrid *)object;

  G_OBJECT_CLASS (sales_targets_grid_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->reps = sales_store_list_reps (self->store);
  g_signal_connect_object (self->reps, "items-changed", G_CALLBACK (sales_targets_grid_reload),
                           self, G_CONNECT_SWAPPED);
  /* A rep renamed or deactivated stays in the list, but not as the grid showed them. */
  g_signal_connect_object (self->store, "changed::rep", G_CALLBACK (sales_targets_grid_reload),
                           self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
sales_targets_grid_dispose (GObject *object)
{
  SalesTargetsGrid *self = (SalesTargetsGrid *)object;

  if (self->grid != NULL)
    {
      clear_grid (self);
      g_clear_pointer (&self->grid, gtk_widget_unparent);
    }
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (sales_targets_grid_parent_class)->dispose (object);
}

static void
sales_targets_grid_finalize (GObject *object)
{
  SalesTargetsGrid *self = (SalesTargetsGrid *)object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->row_totals, g_ptr_array_unref);
  g_clear_pointer (&self->sum_cells, g_ptr_array_unref);
  g_clear_object (&self->reps);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_targets_grid_parent_class)->finalize (object);
}

static void
sales_targets_grid_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SalesTargetsGrid *self = SALES_TARGETS_GRID (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_FIELD:
      g_value_set_uint (value, self->field);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_targets_grid_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SalesTargetsGrid *self = SALES_TARGETS_GRID (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_YEAR:
      sales_targets_grid_set_year (self, g_value_get_int (value));
      break;

    case PROP_FIELD:
      sales_targets_grid_set_field (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_targets_grid_class_init (SalesTargetsGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_targets_grid_constructed;
  object_class->dispose = sales_targets_grid_dispose;
  object_class->finalize = sales_targets_grid_finalize;
  object_class->get_property = sales_targets_grid_get_property;
  object_class->set_property = sales_targets_grid_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      1970, 9999, 2026,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A SalesTargetField: which of the three targets the cells show. */
  properties[PROP_FIELD] =
    g_param_spec_uint ("field", NULL, NULL,
                       SALES_TARGET_AMOUNT, SALES_TARGET_NEW_CUSTOMERS, SALES_TARGET_AMOUNT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesTargetsGrid::written:
   *
   * A value was written to the store, as one action that sales_store_undo() takes back.
   */
  signals[WRITTEN] =
    g_signal_new ("written",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SalesTargetsGrid::problem:
   * @message: what went wrong, translated, for the person who typed or pasted
   */
  signals[PROBLEM] =
    g_signal_new ("problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "targetsgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
sales_targets_grid_init (SalesTargetsGrid *self)
{
  GDateTime *now = g_date_time_new_now_local ();

  self->year = g_date_time_get_year (now);
  g_date_time_unref (now);
  self->rows = g_array_new (FALSE, TRUE, sizeof (SalesTargetsRow));
  g_array_set_clear_func (self->rows, row_clear);
  self->cells = g_ptr_array_new ();
  self->row_totals = g_ptr_array_new ();
  self->sum_cells = g_ptr_array_new ();

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 0);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  self->editor = g_object_ref_sink (gtk_entry_new ());
  /* As narrow as the cell it covers, so that the column keeps its width. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 1);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->editor), 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->editor), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (self->editor, "target-editor");
  sales_targets_grid_init_input (self);
}

GtkWidget *
sales_targets_grid_new (SalesStore *store)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return g_object_new (SALES_TYPE_TARGETS_GRID,
                       "store", store,
                       NULL);
}

int
sales_targets_grid_get_year (SalesTargetsGrid *self)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), 0);

  return self->year;
}

void
sales_targets_grid_set_year (SalesTargetsGrid *self,
                             int               year)
{
  g_return_if_fail (SALES_IS_TARGETS_GRID (self));

  if (self->year == year)
    return;

  self->year = year;
  /* Inactive reps come and go with the targets they had that year. */
  if (self->store != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

SalesTargetField
sales_targets_grid_get_field (SalesTargetsGrid *self)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), SALES_TARGET_AMOUNT);

  return self->field;
}

void
sales_targets_grid_set_field (SalesTargetsGrid *self,
                              SalesTargetField  field)
{
  g_return_if_fail (SALES_IS_TARGETS_GRID (self));
  g_return_if_fail (field <= SALES_TARGET_NEW_CUSTOMERS);

  if (self->field == field)
    return;

  sales_targets_grid_stop_editing (self, FALSE);
  self->field = field;
  if (self->store != NULL)
    update_values (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

/**
 * sales_targets_grid_reload:
 *
 * Reads the owners and their targets again, e.g. after an Undo.
 */
void
sales_targets_grid_reload (SalesTargetsGrid *self)
{
  gboolean had_focus;

  g_return_if_fail (SALES_IS_TARGETS_GRID (self));

  had_focus = gtk_widget_is_focus (g_ptr_array_index (self->cells, self->cursor_row * 12 +
                                                       self->cursor_month));
  rebuild (self);
  if (had_focus)
    sales_targets_grid_focus_cursor (self);
}

guint
sales_targets_grid_get_n_rows (SalesTargetsGrid *self)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), 0);

  return self->rows->len;
}

gint64
sales_targets_grid_get_row_owner (SalesTargetsGrid *self,
                                  guint             row)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return sales_targets_grid_row (self, row)->owner_id;
}

const char *
sales_targets_grid_get_row_name (SalesTargetsGrid *self,
                                 guint             row)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return sales_targets_grid_row (self, row)->name;
}

/* The value of the shown target in cents or customers, 0 where there is no target. */
gint64
sales_targets_grid_get_value (SalesTargetsGrid *self,
                              guint             row,
                              guint             month)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), 0);
  g_return_val_if_fail (row < self->rows->len && month < 12, 0);

  return sales_target_get_field (&sales_targets_grid_row (self, row)->months[month], self->field);
}

/**
 * sales_targets_grid_get_cell:
 *
 * Returns: (transfer none): the SalesGridCell of a cell
 */
GtkWidget *
sales_targets_grid_get_cell (SalesTargetsGrid *self,
                             guint             row,
                             guint             month)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), NULL);
  g_return_val_if_fail (row < self->rows->len && month < 12, NULL);

  return g_ptr_array_index (self->cells, row * 12 + month);
}

void
sales_targets_grid_get_cursor (SalesTargetsGrid *self,
                               guint            *row,
                               guint            *month)
{
  g_return_if_fail (SALES_IS_TARGETS_GRID (self));

  if (row != NULL)
    *row = self->cursor_row;
  if (month != NULL)
    *month = self->cursor_month;
}

void
sales_targets_grid_set_cursor (SalesTargetsGrid *self,
                               guint             row,
                               guint             month)
{
  g_return_if_fail (SALES_IS_TARGETS_GRID (self));
  g_return_if_fail (row < self->rows->len && month < 12);

  if (self->editing && !sales_targets_grid_commit (self))
    return;
  self->cursor_row = row;
  self->cursor_month = month;
  sales_targets_grid_focus_cursor (self);
}

gboolean
sales_targets_grid_is_editing (SalesTargetsGrid *self)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), FALSE);

  return self->editing;
}

/**
 * sales_targets_grid_get_editor:
 *
 * Returns: (transfer none): the entry cells are edited in, parented only while editing
 */
GtkEditable *
sales_targets_grid_get_editor (SalesTargetsGrid *self)
{
  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), NULL);

  return GTK_EDITABLE (self->editor);
}
