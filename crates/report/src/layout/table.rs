//! Tables whose rows flow over pages with the header repeated.

use crate::ReportError;

use super::{
    Artifact, CONTENT_BOTTOM, CONTENT_W, Doc, HEADER_FILL, Laid, MARGIN_L, MARGIN_T, Para, RULE,
    Rgb, Role, Style, Target, height_of, lay_out,
};

const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.5;
/// A row at most this tall moves to the next page whole instead of being
/// split.
const SMALL_ROW: f32 = 200.0;

/// A table cell: paragraphs, spanning one or more columns.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub paras: Vec<Para>,
    pub span: usize,
}

impl Cell {
    pub fn new(paras: Vec<Para>) -> Cell {
        Cell { paras, span: 1 }
    }

    pub fn text(text: impl Into<String>, style: Style) -> Cell {
        Cell::new(vec![Para::new(text, style)])
    }

    pub fn span(mut self, span: usize) -> Cell {
        self.span = span;
        self
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    pub fill: Option<Rgb>,
    /// Never split this row over two pages.
    pub keep_whole: bool,
    /// Keep this row on the page of the start of the next one.
    pub keep_with_next: bool,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            fill: None,
            keep_whole: false,
            keep_with_next: false,
        }
    }

    pub fn fill(mut self, fill: Rgb) -> Row {
        self.fill = Some(fill);
        self
    }

    pub fn keep_whole(mut self) -> Row {
        self.keep_whole = true;
        self
    }

    pub fn keep_with_next(mut self) -> Row {
        self.keep_with_next = true;
        self
    }
}

/// Column widths in points (they should add up to the content width) and
/// the header row repeated on every page the table covers.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub widths: Vec<f32>,
    pub header: Vec<Cell>,
}

/// A row laid out: per cell its x, width and lines still to draw.
struct LaidRow {
    cells: Vec<(f32, f32, Vec<Laid>)>,
    fill: Option<Rgb>,
    keep_whole: bool,
    keep_with_next: bool,
}

impl LaidRow {
    fn height(&self) -> f32 {
        self.cells
            .iter()
            .map(|(_, _, l)| height_of(l))
            .fold(0.0, f32::max)
            + 2.0 * PAD_Y
    }

    /// The least of this row worth starting on a page: its first lines.
    fn min_start(&self) -> f32 {
        let first: f32 = self
            .cells
            .iter()
            .map(|(_, _, l)| height_of(&l[..l.len().min(3)]))
            .fold(0.0, f32::max)
            + 2.0 * PAD_Y;
        if self.keep_whole {
            self.height()
        } else {
            first.min(self.height())
        }
    }
}

impl Doc {
    fn lay_out_row(
        &self,
        widths: &[f32],
        cells: &[Cell],
    ) -> Result<Vec<(f32, f32, Vec<Laid>)>, ReportError> {
        let mut x = MARGIN_L;
        let mut col = 0;
        let mut out = Vec::new();
        for cell in cells {
            let span = cell.span.max(1);
            let w: f32 = widths[col..(col + span).min(widths.len())].iter().sum();
            out.push((x, w, lay_out(&cell.paras, w - 2.0 * PAD_X)?));
            x += w;
            col += span;
        }
        Ok(out)
    }

    /// The header row: its cells are the `TH` elements `cells`, or, where
    /// the header is repeated on a new page, page furniture.
    fn table_header(&mut self, header: &[(f32, f32, Vec<Laid>)], cells: Option<&[usize]>) {
        let h = header
            .iter()
            .map(|(_, _, l)| height_of(l))
            .fold(0.0, f32::max)
            + 2.0 * PAD_Y;
        let top = self.y;
        self.artifact(|d| d.fill_rect(MARGIN_L, top, CONTENT_W, h, HEADER_FILL));
        let target = self.target_now();
        for (k, (x, w, lines)) in header.iter().enumerate() {
            self.retarget(match cells {
                Some(cells) => Target::Elem(cells[k]),
                None => Target::Artifact(Artifact::Layout),
            });
            let mut y = top + PAD_Y;
            for line in lines {
                self.draw_laid(x + PAD_X, w - 2.0 * PAD_X, y, line);
                y += line.height();
            }
        }
        self.retarget(target);
        self.y += h;
    }

    /// A row element (`TR`) of `table` with a `role` cell for each of
    /// `cells`.
    fn row_elements(&mut self, table: usize, cells: &[Cell], role: Role) -> Vec<usize> {
        let tr = self.element(table, Role::TR);
        cells
            .iter()
            .map(|cell| {
                let e = self.element(tr, role);
                let attrs = self.tags_mut().attrs(e);
                attrs.column_header = role == Role::TH;
                attrs.col_span = Some(cell.span);
                e
            })
            .collect()
    }

    fn header_height(header: &[(f32, f32, Vec<Laid>)]) -> f32 {
        header
            .iter()
            .map(|(_, _, l)| height_of(l))
            .fold(0.0, f32::max)
            + 2.0 * PAD_Y
    }

    /// A table whose rows flow over pages. A row that does not fit is moved
    /// to the next page when it is small, and split between lines when it
    /// is large; the header is repeated on every new page (as page
    /// furniture: the structure has it once, as the `TH` cells).
    pub fn table(&mut self, table: &Table, rows: Vec<Row>) -> Result<(), ReportError> {
        let target = self.target_now();
        let element = self.element(self.container(), Role::Table);
        let r = self.table_rows(element, table, rows);
        self.retarget(target);
        r
    }

    fn table_rows(
        &mut self,
        element: usize,
        table: &Table,
        rows: Vec<Row>,
    ) -> Result<(), ReportError> {
        let header = self.lay_out_row(&table.widths, &table.header)?;
        let header_h = Self::header_height(&header);
        let mut laid = Vec::with_capacity(rows.len());
        for row in &rows {
            laid.push(LaidRow {
                cells: self.lay_out_row(&table.widths, &row.cells)?,
                fill: row.fill,
                keep_whole: row.keep_whole,
                keep_with_next: row.keep_with_next,
            });
        }
        let first = laid.first().map_or(0.0, LaidRow::min_start);
        let first_next = match laid.first() {
            Some(r) if r.keep_with_next => laid.get(1).map_or(0.0, LaidRow::min_start),
            _ => 0.0,
        };
        self.ensure(header_h + first + first_next)?;
        let th = self.row_elements(element, &table.header, Role::TH);
        self.table_header(&header, Some(&th));
        let fresh_page_room = CONTENT_BOTTOM - MARGIN_T - 30.0 - header_h;
        for i in 0..laid.len() {
            let next_min = if laid[i].keep_with_next {
                laid.get(i + 1).map_or(0.0, LaidRow::min_start)
            } else {
                0.0
            };
            let row = &laid[i];
            let full = row.height();
            let fits = full + next_min <= self.remaining();
            if !fits {
                let whole = row.keep_whole || full <= SMALL_ROW.min(fresh_page_room);
                let start_here = row.min_start() + next_min.min(full) <= self.remaining();
                if whole || !start_here || row.keep_with_next {
                    self.new_page()?;
                    self.table_header(&header, None);
                }
            }
            let td = self.row_elements(element, &rows[i].cells, Role::TD);
            let row = &mut laid[i];
            // Draw the row in chunks, one per page.
            let mut force = false;
            loop {
                let room = self.remaining() - 2.0 * PAD_Y;
                let mut chunk: Vec<(f32, f32, Vec<Laid>)> = Vec::new();
                let mut rest_left = false;
                let mut drawn = 0;
                for (x, w, lines) in row.cells.iter_mut() {
                    let mut used = 0.0;
                    let mut n = 0;
                    while n < lines.len() && used + lines[n].height() <= room {
                        used += lines[n].height();
                        n += 1;
                    }
                    // On a fresh page a line always goes, so that even a
                    // line taller than the page cannot stall the flow.
                    if n == 0 && force && !lines.is_empty() {
                        n = 1;
                    }
                    drawn += n;
                    let rest = lines.split_off(n);
                    chunk.push((*x, *w, std::mem::replace(lines, rest)));
                    rest_left |= !lines.is_empty();
                }
                if drawn > 0 || !rest_left {
                    let h = chunk
                        .iter()
                        .map(|(_, _, l)| height_of(l))
                        .fold(0.0, f32::max)
                        + 2.0 * PAD_Y;
                    let top = self.y;
                    if let Some(fill) = row.fill {
                        self.artifact(|d| d.fill_rect(MARGIN_L, top, CONTENT_W, h, fill));
                    }
                    for (k, (x, w, lines)) in chunk.iter().enumerate() {
                        self.retarget(Target::Elem(td[k]));
                        let mut y = top + PAD_Y;
                        for line in lines {
                            self.draw_laid(x + PAD_X, w - 2.0 * PAD_X, y, line);
                            y += line.height();
                        }
                    }
                    self.y += h;
                    let y = self.y;
                    self.artifact(|d| d.hline(MARGIN_L, MARGIN_L + CONTENT_W, y, 0.4, RULE));
                }
                if !rest_left {
                    break;
                }
                force = drawn == 0;
                self.new_page()?;
                self.table_header(&header, None);
            }
        }
        Ok(())
    }
}
