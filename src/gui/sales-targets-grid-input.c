/* sales-targets-grid-input.c: the keys, clicks and clipboard of the targets grid
 *
 * Keys go to the focused cell and bubble up to the grid, which moves the cursor (arrows,
 * Home, End, Tab, Enter), starts editing (typing, F2, BackSpace), clears (Delete), copies
 * and pastes (Ctrl+C, Ctrl+V). While editing, the editor's own controller sees the keys
 * first: Enter, Tab and Up/Down write and move on, Escape drops the edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-targets-grid-private.h"

static void
move_cursor (SalesTargetsGrid *self,
             int               rows,
             int               months)
{
  int row = (int)self->cursor_row + rows;
  int month = (int)self->cursor_month + months;

  self->cursor_row = CLAMP (row, 0, (int)self->rows->len - 1);
  self->cursor_month = CLAMP (month, 0, 11);
  sales_targets_grid_focus_cursor (self);
}

/* Tab goes along the row and on to the next one; past the last cell it leaves the grid. */
static gboolean
tab (SalesTargetsGrid *self,
     gboolean          backwards)
{
  guint index = self->cursor_row * 12 + self->cursor_month;

  if ((backwards && index == 0) || (!backwards && index + 1 >= self->cells->len))
    return FALSE;
  index = backwards ? index - 1 : index + 1;
  self->cursor_row = index / 12;
  self->cursor_month = index % 12;
  sales_targets_grid_focus_cursor (self);
  return TRUE;
}

static gboolean
on_editor_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               SalesTargetsGrid      *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      sales_targets_grid_stop_editing (self, TRUE);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (sales_targets_grid_commit (self))
        move_cursor (self, 1, 0);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (sales_targets_grid_commit (self))
        tab (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (sales_targets_grid_commit (self))
        move_cursor (self, keyval == GDK_KEY_Up ? -1 : 1, 0);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Clicking elsewhere keeps what was typed, or drops it when it is not a value. A window
 * closed meanwhile drops it too: nothing is written while it goes away. */
static void
on_editor_left (SalesTargetsGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!self->editing)
    return;
  /* The window lost the keyboard to another one, but the editor keeps its focus in it. */
  if (focus != NULL && (focus == self->editor || gtk_widget_is_ancestor (focus, self->editor)))
    return;
  if (focus == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !sales_targets_grid_commit (self))
    sales_targets_grid_stop_editing (self, FALSE);
}

/* Clipboard */

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SalesTargetsGrid) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sales_targets_grid_emit_problem (self, error->message);
      return;
    }
  if (!sales_targets_grid_paste_text (self, text, &error))
    sales_targets_grid_emit_problem (self, error->message);
}

static void
copy_row (SalesTargetsGrid *self)
{
  g_autofree char *text = sales_targets_grid_copy_row_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* Keys on a cell */

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SalesTargetsGrid      *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (self->editing)
    return FALSE;

  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_v || keyval == GDK_KEY_V))
    {
      gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                     on_clipboard_text, g_object_ref (self));
      return TRUE;
    }
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_c || keyval == GDK_KEY_C))
    {
      copy_row (self);
      return TRUE;
    }
  if (mods != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_cursor (self, 0, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_cursor (self, 0, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_cursor (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      move_cursor (self, 1, 0);
      return TRUE;
    case GDK_KEY_Home:
      move_cursor (self, 0, -12);
      return TRUE;
    case GDK_KEY_End:
      move_cursor (self, 0, 12);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      return tab (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0);
    case GDK_KEY_F2:
      sales_targets_grid_start_editing (self, NULL);
      return TRUE;
    case GDK_KEY_BackSpace:
      sales_targets_grid_start_editing (self, "");
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      {
        g_autoptr(GError) error = NULL;

        if (!sales_targets_grid_write_value (self, self->cursor_row, self->cursor_month, 0, &error))
          sales_targets_grid_emit_problem (self, error->message);
      }
      return TRUE;
    default:
      break;
    }

  if (c != 0 && g_unichar_isprint (c) && !g_unichar_isspace (c))
    {
      char text[8] = { 0 };

      g_unichar_to_utf8 (c, text);
      sales_targets_grid_start_editing (self, text);
      return TRUE;
    }
  return FALSE;
}

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            SalesTargetsGrid *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && picked != GTK_WIDGET (self) &&
         g_object_get_data (G_OBJECT (picked), "cell-index") == NULL)
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || picked == GTK_WIDGET (self))
    return;

  if (self->editing && !sales_targets_grid_commit (self))
    return;
  gtk_widget_grab_focus (picked);
  if (n_press == 2)
    sales_targets_grid_start_editing (self, NULL);
}

void
sales_targets_grid_init_input (SalesTargetsGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *editor_keys = gtk_event_controller_key_new ();
  GtkEventController *editor_focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (editor_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (editor_keys, "key-pressed", G_CALLBACK (on_editor_key), self);
  gtk_widget_add_controller (self->editor, editor_keys);
  g_signal_connect_swapped (editor_focus, "leave", G_CALLBACK (on_editor_left), self);
  gtk_widget_add_controller (self->editor, editor_focus);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * sales_targets_grid_paste_text:
 * @text: rows of tab-separated values, as a spreadsheet copies them
 *
 * Writes @text into the grid from the cursor on: its first line into the cursor's row from
 * the cursor's month, each next line into the next row. Values past December or past the
 * last row are left out (a copied row often ends with its total); an empty value leaves its
 * cell as it is. All the cells are written in one action, or none when any value does not
 * read.
 */
gboolean
sales_targets_grid_paste_text (SalesTargetsGrid  *self,
                               const char        *text,
                               GError           **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (SalesTargetCell));
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->editing && !sales_targets_grid_commit (self))
    return TRUE;

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  /* A spreadsheet ends what it copies with a newline. */
  while (n_lines > 0 && sales_text_is_blank (lines[n_lines - 1]))
    n_lines--;

  for (guint i = 0; i < n_lines && self->cursor_row + i < self->rows->len; i++)
    {
      g_auto(GStrv) values = g_strsplit (g_strchomp (lines[i]), "\t", -1);
      SalesTargetsRow *r = sales_targets_grid_row (self, self->cursor_row + i);

      for (guint j = 0; values[j] != NULL && self->cursor_month + j < 12; j++)
        {
          guint month = self->cursor_month + j;
          SalesTargetCell cell = { r->owner_id, self->year, (int)month + 1, r->months[month] };
          g_autoptr(GError) local_error = NULL;
          gint64 value;

          if (sales_text_is_blank (values[j]))
            continue;
          if (!sales_targets_grid_parse_value (self->field, values[j], &value, &local_error))
            {
              g_autofree char *shown = g_strstrip (g_strdup (values[j]));

              /* TRANSLATORS: the first %s is a pasted value, the second why it is refused */
              g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Nothing was pasted: “%s” does not read as a value. %s"), shown,
                           local_error->message);
              return FALSE;
            }
          sales_target_set_field (&cell.target, self->field, value);
          g_array_append_val (cells, cell);
        }
    }

  if (cells->len == 0)
    return TRUE;
  if (!sales_store_set_target_cells (self->store, (SalesTargetCell *)cells->data, cells->len,
                                     error))
    return FALSE;

  sales_targets_grid_read_values (self);
  sales_targets_grid_emit_written (self);
  return TRUE;
}

/**
 * sales_targets_grid_copy_row_text:
 *
 * Returns: (transfer full): the twelve values of the cursor's row, tab-separated and without
 *   grouping, as a spreadsheet reads them in any language
 */
char *
sales_targets_grid_copy_row_text (SalesTargetsGrid *self)
{
  GString *out = g_string_new (NULL);
  SalesTargetsRow *r;

  g_return_val_if_fail (SALES_IS_TARGETS_GRID (self), NULL);

  r = sales_targets_grid_row (self, self->cursor_row);
  for (guint month = 0; month < 12; month++)
    {
      gint64 value = sales_target_get_field (&r->months[month], self->field);

      if (month > 0)
        g_string_append_c (out, '\t');
      if (!sales_target_field_is_amount (self->field))
        g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
      else if (value % 100 == 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, value / 100);
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT ".%02d", value / 100, (int)(value % 100));
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
