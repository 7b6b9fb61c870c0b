//! A small layout layer over printpdf: A4 portrait pages, text wrapped by
//! the font's glyph advances, tables whose rows flow over pages with the
//! header repeated, a running title on continuation pages, and a footer
//! with "pagina x van y" on every page.
//!
//! Coordinates are points from the top-left corner of the page; they are
//! turned into PDF coordinates (from the bottom-left) only when drawn.

use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};

use chrono::NaiveDate;

use super::ReportError;
use super::font::{self, FONTS, Unprintable, Weight};

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
const MM: f32 = 72.0 / 25.4;
pub(crate) const MARGIN_L: f32 = 20.0 * MM;
pub(crate) const MARGIN_R: f32 = 18.0 * MM;
const MARGIN_T: f32 = 16.0 * MM;
/// Content ends here; the footer lives below.
const CONTENT_BOTTOM: f32 = PAGE_H - 22.0 * MM;
pub(crate) const CONTENT_W: f32 = PAGE_W - MARGIN_L - MARGIN_R;
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.5;
/// A row at most this tall moves to the next page whole instead of being
/// split.
const SMALL_ROW: f32 = 200.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    fn color(self) -> Color {
        Color::Rgb(printpdf::Rgb::new(
            f32::from(self.0) / 255.0,
            f32::from(self.1) / 255.0,
            f32::from(self.2) / 255.0,
            None,
        ))
    }
}

pub(crate) const INK: Rgb = Rgb(0x1b, 0x1f, 0x24);
pub(crate) const MUTED: Rgb = Rgb(0x55, 0x5d, 0x66);
pub(crate) const RULE: Rgb = Rgb(0xbf, 0xc5, 0xcc);
pub(crate) const HEADER_FILL: Rgb = Rgb(0xe3, 0xe8, 0xee);
pub(crate) const GROUP_FILL: Rgb = Rgb(0xf2, 0xf4, 0xf7);
pub(crate) const ACCENT: Rgb = Rgb(0x1f, 0x4e, 0x79);
pub(crate) const GOOD: Rgb = Rgb(0x2e, 0x7d, 0x32);
pub(crate) const BAD: Rgb = Rgb(0xb7, 0x1c, 0x1c);
pub(crate) const WARN: Rgb = Rgb(0xc7, 0x5b, 0x00);
pub(crate) const NEUTRAL: Rgb = Rgb(0x90, 0x97, 0x9f);
pub(crate) const PALE: Rgb = Rgb(0xd5, 0xd9, 0xde);

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub weight: Weight,
    pub size: f32,
    pub color: Rgb,
}

impl Style {
    pub const fn new(weight: Weight, size: f32, color: Rgb) -> Style {
        Style {
            weight,
            size,
            color,
        }
    }

    pub const fn color(self, color: Rgb) -> Style {
        Style { color, ..self }
    }

    pub const fn bold(self) -> Style {
        Style {
            weight: Weight::Bold,
            ..self
        }
    }

    pub fn leading(&self) -> f32 {
        self.size * 1.3
    }
}

pub(crate) const BODY: Style = Style::new(Weight::Regular, 8.5, INK);
pub(crate) const BODY_BOLD: Style = BODY.bold();
pub(crate) const SMALL: Style = Style::new(Weight::Regular, 7.0, MUTED);
pub(crate) const LABEL: Style = Style::new(Weight::Regular, 7.5, MUTED);
pub(crate) const TITLE: Style = Style::new(Weight::Bold, 17.0, ACCENT);
pub(crate) const HEADING: Style = Style::new(Weight::Bold, 11.0, ACCENT);
pub(crate) const TABLE_HEAD: Style = Style::new(Weight::Bold, 7.5, INK);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// A paragraph: text in one style, wrapped to the width it is given.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub text: String,
    pub style: Style,
    pub align: Align,
    /// Extra space above the paragraph.
    pub gap: f32,
}

impl Para {
    pub fn new(text: impl Into<String>, style: Style) -> Para {
        Para {
            text: text.into(),
            style,
            align: Align::Left,
            gap: 0.0,
        }
    }

    pub fn right(mut self) -> Para {
        self.align = Align::Right;
        self
    }

    pub fn gap(mut self, gap: f32) -> Para {
        self.gap = gap;
        self
    }
}

/// One wrapped line, ready to draw.
#[derive(Debug, Clone)]
pub(crate) struct Laid {
    pub text: String,
    pub style: Style,
    pub align: Align,
    pub width: f32,
    pub gap: f32,
}

impl Laid {
    pub fn height(&self) -> f32 {
        self.gap + self.style.leading()
    }
}

fn unprintable(c: char, text: &str) -> ReportError {
    let context: String = text.chars().take(60).collect();
    let context = if text.chars().count() > 60 {
        format!("{context}…")
    } else {
        context
    };
    ReportError::Unprintable {
        character: c,
        context,
    }
}

/// The width of one line of text; an error names a character the font
/// cannot show.
pub(crate) fn measure(text: &str, style: Style) -> Result<f32, ReportError> {
    font::width(style.weight, style.size, text).map_err(|Unprintable(c)| unprintable(c, text))
}

/// Break `text` into lines no wider than `width`: at spaces, at hard line
/// breaks, and inside a word only when the word alone is wider than a line.
/// Every character of the text ends up on some line, in order (spaces at a
/// break are the only thing dropped).
pub(crate) fn wrap(
    text: &str,
    style: Style,
    width: f32,
) -> Result<Vec<(String, f32)>, ReportError> {
    let text = normalize(text);
    let space = measure(" ", style)?;
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0f32;
        for word in words(paragraph) {
            let word = word.as_str();
            let word_w = measure(word, style).map_err(|e| match e {
                ReportError::Unprintable { character, .. } => unprintable(character, &text),
                other => other,
            })?;
            let sep = if line.is_empty() { 0.0 } else { space };
            if line_w + sep + word_w <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_w += sep + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push((std::mem::take(&mut line), line_w));
                line_w = 0.0;
            }
            if word_w <= width {
                line.push_str(word);
                line_w = word_w;
                continue;
            }
            // A word wider than a line (a long URL or file name): break it
            // between characters.
            for c in word.chars() {
                let mut buf = [0u8; 4];
                let cw = measure(c.encode_utf8(&mut buf), style)?;
                if line_w + cw > width && !line.is_empty() {
                    lines.push((std::mem::take(&mut line), line_w));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        lines.push((line, line_w));
    }
    Ok(lines)
}

/// Line breaks to `\n`, tabs to spaces, and the invisible format
/// characters that text pasted from a word processor carries (soft hyphen,
/// zero-width space and joiners, BOM) removed: they have no glyph to show.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The words of a paragraph, split at spaces. A currency sign stays with
/// the amount after it, and a page abbreviation with its number ("€
/// 250.000" and "p. 17" are not broken).
fn words(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in paragraph.split(' ') {
        let glue = out.last().is_some_and(|last| {
            let last = last.rsplit(' ').next().unwrap_or(last);
            let last = last.trim_start_matches(['(', '[']);
            matches!(last, "€" | "$" | "£")
                || (matches!(last, "p." | "pp." | "blz." | "pag." | "nr." | "art.")
                    && word.starts_with(|c: char| c.is_ascii_digit()))
        }) && !word.is_empty();
        match out.last_mut() {
            Some(last) if glue => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

/// Lay out paragraphs into lines for a box `width` wide.
pub(crate) fn lay_out(paras: &[Para], width: f32) -> Result<Vec<Laid>, ReportError> {
    let mut out = Vec::new();
    for p in paras {
        for (i, (text, w)) in wrap(&p.text, p.style, width)?.into_iter().enumerate() {
            out.push(Laid {
                text,
                style: p.style,
                align: p.align,
                width: w,
                gap: if i == 0 { p.gap } else { 0.0 },
            });
        }
    }
    Ok(out)
}

fn height_of(lines: &[Laid]) -> f32 {
    lines.iter().map(Laid::height).sum()
}

/// Shorten a one-line text with "…" so it fits `width`.
pub(crate) fn fit(text: &str, style: Style, width: f32) -> Result<String, ReportError> {
    if measure(text, style)? <= width {
        return Ok(text.to_string());
    }
    let mut s: String = text.to_string();
    while !s.is_empty() {
        s.pop();
        let candidate = format!("{}…", s.trim_end());
        if measure(&candidate, style)? <= width {
            return Ok(candidate);
        }
    }
    Ok("…".to_string())
}

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

/// The document being built.
pub(crate) struct Doc {
    doc: PdfDocument,
    pages: Vec<Vec<Op>>,
    /// Distance of the current position from the top of the page.
    pub y: f32,
    /// Shown at the top of every page after the first.
    running: String,
    /// Left-hand footer lines (the right-hand one is "pagina x van y").
    footer: Vec<String>,
    fonts: [FontId; 2],
    /// The graphics state of the page being drawn, so that a font or a
    /// colour is only set when it changes (it survives BT/ET).
    state: PenState,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct PenState {
    font: Option<(Weight, f32)>,
    fill: Option<Rgb>,
    stroke: Option<(Rgb, f32)>,
}

impl Doc {
    pub fn new(title: &str, running: String, footer: Vec<String>, printed: NaiveDate) -> Doc {
        let mut doc = PdfDocument::new(title);
        let regular = doc.add_font(&FONTS.regular.parsed);
        let bold = doc.add_font(&FONTS.bold.parsed);
        let info = &mut doc.metadata.info;
        info.creator = "leidraad".to_string();
        info.producer = "leidraad (printpdf)".to_string();
        // The printing date (noon UTC), not the moment: the same data
        // printed on the same day gives the same document information.
        let noon = printed
            .and_hms_opt(12, 0, 0)
            .map(|t| t.and_utc().timestamp());
        if let Some(date) = noon.and_then(|t| printpdf::OffsetDateTime::from_unix_timestamp(t).ok())
        {
            info.creation_date = date;
            info.modification_date = date;
            info.metadata_date = date;
        }
        let mut d = Doc {
            doc,
            pages: Vec::new(),
            y: 0.0,
            running,
            footer,
            fonts: [regular, bold],
            state: PenState::default(),
        };
        d.pages.push(Vec::new());
        d.y = MARGIN_T;
        d
    }

    pub fn set_subject(&mut self, subject: &str, author: &str) {
        self.doc.metadata.info.subject = subject.to_string();
        self.doc.metadata.info.author = author.to_string();
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a document has a page")
    }

    pub fn remaining(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    pub fn new_page(&mut self) -> Result<(), ReportError> {
        self.pages.push(Vec::new());
        self.state = PenState::default();
        self.y = MARGIN_T;
        let running = format!("{} ({})", self.running, super::strings::CONTINUED);
        let running = fit(&running, SMALL, CONTENT_W)?;
        self.text(MARGIN_L, self.y, &running, SMALL);
        self.y += SMALL.leading() + 1.0;
        self.hline(MARGIN_L, PAGE_W - MARGIN_R, self.y, 0.5, RULE);
        self.y += 8.0;
        Ok(())
    }

    /// Start a new page unless `height` fits on this one.
    pub fn ensure(&mut self, height: f32) -> Result<(), ReportError> {
        if self.remaining() < height {
            self.new_page()?;
        }
        Ok(())
    }

    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// Draw one line with its top at `top`. The text must have been
    /// measured (that is where unprintable characters are caught).
    pub fn text(&mut self, x: f32, top: f32, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let baseline = top + style.size;
        self.ops().push(Op::StartTextSection);
        if self.state.font != Some((style.weight, style.size)) {
            self.state.font = Some((style.weight, style.size));
            let font = self.fonts[match style.weight {
                Weight::Regular => 0,
                Weight::Bold => 1,
            }]
            .clone();
            self.ops().push(Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(style.size),
            });
        }
        self.set_fill(style.color);
        self.ops().extend([
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x), Pt(PAGE_H - baseline)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    fn set_fill(&mut self, color: Rgb) {
        if self.state.fill != Some(color) {
            self.state.fill = Some(color);
            self.ops().push(Op::SetFillColor { col: color.color() });
        }
    }

    fn set_stroke(&mut self, color: Rgb, thickness: f32) {
        if self.state.stroke != Some((color, thickness)) {
            self.state.stroke = Some((color, thickness));
            self.ops().extend([
                Op::SetOutlineColor { col: color.color() },
                Op::SetOutlineThickness { pt: Pt(thickness) },
            ]);
        }
    }

    fn draw_laid(&mut self, x: f32, width: f32, top: f32, line: &Laid) {
        let x = match line.align {
            Align::Left => x,
            Align::Right => x + width - line.width,
        };
        self.text(x, top + line.gap, &line.text, line.style);
    }

    /// Measure one line of text and draw it with its top at `top`; returns
    /// its width.
    pub fn text_checked(
        &mut self,
        x: f32,
        top: f32,
        text: &str,
        style: Style,
    ) -> Result<f32, ReportError> {
        let w = measure(text, style)?;
        self.text(x, top, text, style);
        Ok(w)
    }

    pub fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32, color: Rgb) {
        self.set_fill(color);
        self.ops().extend([Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_H - top - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        }]);
    }

    pub fn stroke_rect(
        &mut self,
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        thickness: f32,
        color: Rgb,
    ) {
        self.set_stroke(color, thickness);
        self.ops().extend([Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_H - top - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Stroke),
                winding_order: None,
            },
        }]);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn line(
        &mut self,
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        thickness: f32,
        color: Rgb,
        dash: Option<&[f32]>,
    ) {
        let point = |x: f32, y: f32| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(PAGE_H - y),
            },
            bezier: false,
        };
        self.set_stroke(color, thickness);
        let ops = self.ops();
        if let Some(d) = dash {
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, d),
            });
        }
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(x1, y1), point(x2, y2)],
                is_closed: false,
            },
        });
        if dash.is_some() {
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::solid(),
            });
        }
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, color: Rgb) {
        self.line(x1, y, x2, y, thickness, color, None);
    }

    /// Paragraphs across the content width, breaking pages between lines.
    pub fn paragraphs(&mut self, paras: &[Para]) -> Result<(), ReportError> {
        self.paragraphs_at(MARGIN_L, CONTENT_W, paras)
    }

    pub fn paragraphs_at(&mut self, x: f32, width: f32, paras: &[Para]) -> Result<(), ReportError> {
        for line in lay_out(paras, width)? {
            if self.remaining() < line.height() {
                self.new_page()?;
            }
            let top = self.y;
            self.draw_laid(x, width, top, &line);
            self.y += line.height();
        }
        Ok(())
    }

    /// A section heading, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) -> Result<(), ReportError> {
        let lines = lay_out(&[Para::new(text, HEADING)], CONTENT_W)?;
        let h = height_of(&lines) + 4.0;
        self.ensure(h + keep)?;
        self.y += 2.0;
        for line in &lines {
            let top = self.y;
            self.draw_laid(MARGIN_L, CONTENT_W, top, line);
            self.y += line.height();
        }
        self.y += 2.0;
        Ok(())
    }

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

    fn table_header(&mut self, header: &[(f32, f32, Vec<Laid>)]) {
        let h = header
            .iter()
            .map(|(_, _, l)| height_of(l))
            .fold(0.0, f32::max)
            + 2.0 * PAD_Y;
        let top = self.y;
        self.fill_rect(MARGIN_L, top, CONTENT_W, h, HEADER_FILL);
        for (x, w, lines) in header {
            let mut y = top + PAD_Y;
            for line in lines {
                self.draw_laid(x + PAD_X, w - 2.0 * PAD_X, y, line);
                y += line.height();
            }
        }
        self.y += h;
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
    /// is large; the header is repeated on every new page.
    pub fn table(&mut self, table: &Table, rows: Vec<Row>) -> Result<(), ReportError> {
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
        self.table_header(&header);
        let fresh_page_room = CONTENT_BOTTOM - MARGIN_T - 30.0 - header_h;
        for i in 0..laid.len() {
            let next_min = if laid[i].keep_with_next {
                laid.get(i + 1).map_or(0.0, LaidRow::min_start)
            } else {
                0.0
            };
            let row = &mut laid[i];
            let full = row.height();
            let fits = full + next_min <= self.remaining();
            if !fits {
                let whole = row.keep_whole || full <= SMALL_ROW.min(fresh_page_room);
                let start_here = row.min_start() + next_min.min(full) <= self.remaining();
                if whole || !start_here || row.keep_with_next {
                    self.new_page()?;
                    self.table_header(&header);
                }
            }
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
                        self.fill_rect(MARGIN_L, top, CONTENT_W, h, fill);
                    }
                    for (x, w, lines) in &chunk {
                        let mut y = top + PAD_Y;
                        for line in lines {
                            self.draw_laid(x + PAD_X, w - 2.0 * PAD_X, y, line);
                            y += line.height();
                        }
                    }
                    self.y += h;
                    self.hline(MARGIN_L, MARGIN_L + CONTENT_W, self.y, 0.4, RULE);
                }
                if !rest_left {
                    break;
                }
                force = drawn == 0;
                self.new_page()?;
                self.table_header(&header);
            }
        }
        Ok(())
    }

    /// Number the pages, draw the footers and write the PDF.
    pub fn finish(mut self) -> Result<Vec<u8>, ReportError> {
        let total = self.pages.len();
        let footer = std::mem::take(&mut self.footer);
        let footer_top = PAGE_H - 17.0 * MM;
        let mut fitted = Vec::new();
        for line in &footer {
            fitted.push(fit(line, SMALL, CONTENT_W - 60.0)?);
        }
        let pages = std::mem::take(&mut self.pages);
        let mut done = Vec::with_capacity(total);
        for (i, ops) in pages.into_iter().enumerate() {
            self.pages.push(ops);
            // The state at the end of a page is not tracked once it is done.
            self.state = PenState {
                font: None,
                fill: None,
                stroke: None,
            };
            self.hline(MARGIN_L, PAGE_W - MARGIN_R, footer_top, 0.5, RULE);
            let mut y = footer_top + 3.0;
            for line in &fitted {
                self.text(MARGIN_L, y, line, SMALL);
                y += SMALL.leading();
            }
            let page = super::strings::page_of(i + 1, total);
            let w = measure(&page, SMALL.bold())?;
            self.text(
                PAGE_W - MARGIN_R - w,
                footer_top + 3.0,
                &page,
                SMALL.bold().color(INK),
            );
            done.push(self.pages.pop().expect("pushed above"));
        }
        let pages = done
            .into_iter()
            .map(|ops| PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops))
            .collect();
        self.doc.with_pages(pages);
        let mut warnings = Vec::new();
        // printpdf's own `optimize` compresses every stream at zlib's best
        // level, which was half the time of a sheet. Level 3 is about as
        // fast as level 1 and gives files within 5 % of the best level's
        // (50 KB against 48 KB for a five-page sheet; level 1: 65 KB).
        let opts = PdfSaveOptions {
            optimize: false,
            subset_fonts: true,
            secure: true,
            image_optimization: None,
        };
        let mut lo = self.doc.to_lopdf_document(&opts, &mut warnings);
        if let Some(w) = warnings
            .iter()
            .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
        {
            return Err(ReportError::Pdf(w.msg.clone()));
        }
        for object in lo.objects.values_mut() {
            if let lopdf::Object::Stream(stream) = object
                && stream.allows_compression
                && stream.dict.get(b"Filter").is_err()
            {
                let mut encoder = flate2::write::ZlibEncoder::new(
                    Vec::with_capacity(stream.content.len() / 3),
                    flate2::Compression::new(3),
                );
                let compressed = std::io::Write::write_all(&mut encoder, &stream.content)
                    .and_then(|()| encoder.finish())
                    .map_err(|e| ReportError::Pdf(e.to_string()))?;
                if compressed.len() < stream.content.len() {
                    stream.dict.set("Filter", "FlateDecode");
                    stream.set_content(compressed);
                }
            }
        }
        let mut bytes = Vec::new();
        lo.save_to(&mut bytes)
            .map_err(|e| ReportError::Pdf(e.to_string()))?;
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn lines_fit_and_keep_every_character_in_order() {
        let text = "Het plan beschrijft de samenwerking met politie, OM en rechtspraak – met data, namen en een overlegstructuur. De regio’s hebben een ‘gezamenlijke’ regietafel.\n\nTweede alinea: € 1.100.000 voor 2022–2023.";
        for width in [40.0, 80.0, 150.0, 300.0] {
            let lines = wrap(text, BODY, width).unwrap();
            for (line, w) in &lines {
                assert!(
                    *w <= width + 0.01,
                    "{line:?} is {w} wide, more than {width}"
                );
                assert!((measure(line, BODY).unwrap() - w).abs() < 0.01);
            }
            let joined: String = lines.iter().map(|(l, _)| l.as_str()).collect();
            assert_eq!(squash(&joined), squash(text), "width {width}");
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_characters() {
        let url =
            "https://www.voorbeeld.nl/documenten/plan-van-aanpak-proeftuin-2022-definitief.pdf";
        let lines = wrap(url, BODY, 60.0).unwrap();
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|(_, w)| *w <= 60.0));
        assert_eq!(
            lines.iter().map(|(l, _)| l.as_str()).collect::<String>(),
            url
        );
    }

    #[test]
    fn hard_line_breaks_and_empty_lines_are_kept() {
        let lines = wrap("een\r\ntwee\n\ndrie", BODY, 300.0).unwrap();
        let texts: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(texts, ["een", "twee", "", "drie"]);
    }

    #[test]
    fn invisible_format_characters_are_left_out_and_amounts_stay_whole() {
        let lines = wrap(
            "overleg\u{ad}structuur\u{200b} en \u{feff}€ 250.000",
            BODY,
            1000.0,
        )
        .unwrap();
        assert_eq!(lines[0].0, "overlegstructuur en € 250.000");
        let w = measure("€ 250.000", BODY).unwrap();
        let narrow = wrap("bedrag € 250.000", BODY, w + 1.0).unwrap();
        assert_eq!(narrow[1].0, "€ 250.000");
        let w = measure("(p. 17).", BODY).unwrap();
        let narrow = wrap("zie (p. 17).", BODY, w + 1.0).unwrap();
        assert_eq!(narrow[1].0, "(p. 17).");
    }

    #[test]
    fn an_unprintable_character_names_itself_and_where_it_is() {
        match wrap("Goed plan 漢 en verder", BODY, 200.0) {
            Err(ReportError::Unprintable { character, context }) => {
                assert_eq!(character, '漢');
                assert!(context.starts_with("Goed plan"));
            }
            other => panic!("expected Unprintable, got {other:?}"),
        }
    }

    #[test]
    fn fit_shortens_with_an_ellipsis() {
        let long = "Scoreformulier A01 · Regio met een heel erg lange naam · Ronde 1 · Beoordelaar";
        let short = fit(long, SMALL, 120.0).unwrap();
        assert!(short.ends_with('…'));
        assert!(measure(&short, SMALL).unwrap() <= 120.0);
        assert_eq!(fit("kort", SMALL, 120.0).unwrap(), "kort");
    }

    proptest! {
        #[test]
        fn wrapping_never_loses_or_reorders_characters(
            text in "[a-zA-Z0-9ëéïöü€–‘’“” .,;:()\n-]{0,400}",
            width in 30.0f32..400.0,
        ) {
            let lines = wrap(&text, BODY, width).unwrap();
            for (line, w) in &lines {
                let single_char = line.chars().count() <= 1;
                prop_assert!(*w <= width + 0.01 || single_char, "{:?} {} > {}", line, w, width);
            }
            let joined: String = lines.iter().map(|(l, _)| l.as_str()).collect();
            prop_assert_eq!(squash(&joined), squash(&text));
        }
    }
}
