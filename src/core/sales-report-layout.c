/* sales-report-layout.c: the pages' display lists, the cursor, and texts measured with Pango
 *
 * Texts are measured once, at 72 dpi with neither hinting nor rounded glyph positions, so that
 * a line has the same width in points on a PDF page, on a printer and in the print preview:
 * what is laid out is what is drawn, whatever the device.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sales-report-private.h"

const char *
report_tr (SalesReport *self,
           const char  *msgid)
{
  return sales_catalog_gettext (self->catalog, msgid);
}

const char *
report_ctr (SalesReport *self,
            const char  *context,
            const char  *msgid)
{
  return sales_catalog_pgettext (self->catalog, context, msgid);
}

static void
op_clear (gpointer data)
{
  ReportOp *op = data;

  g_clear_object (&op->layout);
  g_clear_pointer (&op->points, g_array_unref);
}

static const char *
font_family (SalesCatalog *catalog)
{
  const char *language = sales_catalog_get_language (catalog);

  /* Traditional characters have forms of their own in Taiwan and Hong Kong; the Simplified
   * font also carries the Latin letters of an English summary and the Chinese names in it. */
  if (g_str_has_prefix (language, "zh-tw") || g_str_has_prefix (language, "zh-hk") ||
      g_str_has_prefix (language, "zh-mo") || g_str_has_prefix (language, "zh-hant"))
    return "Noto Sans CJK TC";
  return "Noto Sans CJK SC";
}

void
report_layout_begin (SalesReport *self,
                     double       width,
                     double       height)
{
  cairo_font_options_t *options;
  const char *language;

  report_layout_end (self);

  self->catalog = sales_catalog_new (self->language);
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  /* The language picks the glyph forms of the characters Chinese and Japanese share. */
  language = sales_catalog_get_language (self->catalog);
  pango_context_set_language (self->pango, pango_language_from_string (language));

  self->page_width = width;
  self->page_height = height;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
}

void
report_layout_end (SalesReport *self)
{
  self->current = NULL;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->catalog, sales_catalog_free);
}

double
report_left (SalesReport *self)
{
  return SALES_REPORT_MARGIN;
}

double
report_right (SalesReport *self)
{
  return self->page_width - SALES_REPORT_MARGIN;
}

double
report_content_width (SalesReport *self)
{
  return self->page_width - 2 * SALES_REPORT_MARGIN;
}

double
report_bottom (SalesReport *self)
{
  return self->page_height - SALES_REPORT_MARGIN - REPORT_FOOTER_HEIGHT;
}

static GArray *
last_page (SalesReport *self)
{
  g_assert (self->current != NULL);

  return self->current;
}

void
report_select_page (SalesReport *self,
                    guint        index)
{
  g_assert (index < self->pages->len);

  self->current = g_ptr_array_index (self->pages, index);
}

static ReportOp *
add_op (SalesReport  *self,
        ReportOpKind  kind,
        guint32       rgb)
{
  GArray *ops = last_page (self);
  ReportOp op = { 0 };

  op.kind = kind;
  op.rgb = rgb;
  g_array_append_val (ops, op);
  return &g_array_index (ops, ReportOp, ops->len - 1);
}

void
report_new_page (SalesReport *self)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (ReportOp));

  g_array_set_clear_func (ops, op_clear);
  g_ptr_array_add (self->pages, ops);
  self->current = ops;
  self->y = SALES_REPORT_MARGIN;

  /* After the first page, a line says what the pages are part of. */
  if (self->pages->len > 1)
    {
      g_autofree char *month = report_month_name (self, &self->data->kpi->period, FALSE);
      g_autofree char *title = g_strdup_printf ("%s · %s",
                                                report_tr (self, N_("Monthly Sales Summary")),
                                                month);

      self->y += report_add_text (self, report_left (self), self->y, report_content_width (self),
                                  title, REPORT_SIZE_SMALL, TEXT_LEFT, REPORT_MUTED);
      self->y += 2;
      report_add_line (self, report_left (self), self->y, report_right (self), self->y, 0.5,
                       REPORT_RULE);
      self->y += 10;
    }
}

gboolean
report_ensure_space (SalesReport *self,
                     double       height)
{
  if (self->y + height <= report_bottom (self))
    return FALSE;
  report_new_page (self);
  return TRUE;
}

PangoLayout *
report_make_layout (SalesReport     *self,
                    const char      *text,
                    double           size,
                    ReportTextFlags  flags,
                    double           width)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, font_family (self->catalog));
  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, (flags & TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                               : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  if (flags & (TEXT_WRAP | TEXT_WRAP_WORDS))
    {
      pango_layout_set_wrap (layout, (flags & TEXT_WRAP) ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
    }
  else
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
    }
  if (flags & TEXT_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  else if (flags & TEXT_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
report_text_height (SalesReport     *self,
                    const char      *text,
                    double           size,
                    ReportTextFlags  flags,
                    double           width)
{
  g_autoptr(PangoLayout) layout = report_make_layout (self, text, size, flags, width);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

double
report_add_text (SalesReport     *self,
                 double           x,
                 double           y,
                 double           width,
                 const char      *text,
                 double           size,
                 ReportTextFlags  flags,
                 guint32          rgb)
{
  PangoLayout *layout = report_make_layout (self, text, size, flags, width);
  PangoRectangle logical;
  ReportOp *op;
  int height;

  pango_layout_get_size (layout, NULL, &height);
  pango_layout_get_extents (layout, NULL, &logical);
  op = add_op (self, OP_TEXT, rgb);
  op->layout = layout;
  op->dx = (double)logical.x / PANGO_SCALE;
  op->dy = (double)logical.y / PANGO_SCALE;
  op->x = x + op->dx;
  op->y = y + op->dy;
  op->width = (double)logical.width / PANGO_SCALE;
  op->height = (double)logical.height / PANGO_SCALE;
  return (double)height / PANGO_SCALE;
}

void
report_add_rect (SalesReport *self,
                 double       x,
                 double       y,
                 double       width,
                 double       height,
                 guint32      rgb)
{
  ReportOp *op = add_op (self, OP_RECT, rgb);

  op->x = x;
  op->y = y;
  op->width = width;
  op->height = height;
}

void
report_add_line (SalesReport *self,
                 double       x1,
                 double       y1,
                 double       x2,
                 double       y2,
                 double       line_width,
                 guint32      rgb)
{
  GArray *points = g_array_sized_new (FALSE, FALSE, sizeof (double), 4);
  double xy[] = { x1, y1, x2, y2 };
  ReportOp *op;

  g_array_append_vals (points, xy, 4);
  report_add_polyline (self, points, line_width, rgb);
  op = &g_array_index (last_page (self), ReportOp, last_page (self)->len - 1);
  op->kind = OP_LINE;
  /* Butt caps end where the line does: a rule across the page fills it to the margins. */
  if (y1 == y2)
    {
      op->x = MIN (x1, x2);
      op->width = fabs (x2 - x1);
    }
  else if (x1 == x2)
    {
      op->y = MIN (y1, y2);
      op->height = fabs (y2 - y1);
    }
}

void
report_add_polyline (SalesReport *self,
                     GArray      *points,
                     double       line_width,
                     guint32      rgb)
{
  ReportOp *op = add_op (self, OP_POLYLINE, rgb);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_assert (points->len >= 4 && points->len % 2 == 0);

  for (guint i = 0; i < points->len; i += 2)
    {
      double x = g_array_index (points, double, i);
      double y = g_array_index (points, double, i + 1);

      x0 = MIN (x0, x);
      x1 = MAX (x1, x);
      y0 = MIN (y0, y);
      y1 = MAX (y1, y);
    }
  /* Butt caps and round joins stay within half the line's width of the points. */
  op->x = x0 - line_width / 2;
  op->y = y0 - line_width / 2;
  op->width = x1 - x0 + line_width;
  op->height = y1 - y0 + line_width;
  op->line_width = line_width;
  op->points = points;
}

static void
set_source (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
report_draw_ops (GArray  *ops,
                 cairo_t *cr)
{
  for (guint i = 0; i < ops->len; i++)
    {
      const ReportOp *op = &g_array_index (ops, ReportOp, i);

      cairo_save (cr);
      set_source (cr, op->rgb);
      switch (op->kind)
        {
        case OP_TEXT:
          cairo_move_to (cr, op->x - op->dx, op->y - op->dy);
          pango_cairo_show_layout (cr, op->layout);
          break;

        case OP_RECT:
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_fill (cr);
          break;

        case OP_LINE:
        case OP_POLYLINE:
          cairo_set_line_width (cr, op->line_width);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_move_to (cr, g_array_index (op->points, double, 0),
                         g_array_index (op->points, double, 1));
          for (guint k = 2; k < op->points->len; k += 2)
            cairo_line_to (cr, g_array_index (op->points, double, k),
                           g_array_index (op->points, double, k + 1));
          cairo_stroke (cr);
          break;

        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
    }
}
