//! The document: pages, drawing, paragraphs and headings, and the footer
//! with "pagina x van y" written when the PDF is finished.

use printpdf::{
    FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};

use chrono::NaiveDate;

use crate::ReportError;
use crate::font::{FONTS, Weight};

use super::tag::{self, ROOT, Role, Tags, Target};
use super::{
    Align, Artifact, CONTENT_BOTTOM, CONTENT_W, HEADING, INK, Laid, MARGIN_L, MARGIN_R, MARGIN_T,
    MM, PAGE_H, PAGE_W, Para, RULE, Rgb, SMALL, Style, fit, height_of, lay_out, measure,
};

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
    /// The structure tree built while drawing.
    tags: Tags,
    /// The structure element new elements are added to.
    container: usize,
    /// Where the content drawn next belongs.
    target: Target,
    /// The marked-content sequence open on the page being drawn.
    open: Option<Target>,
    /// The printing date, for the XMP metadata.
    printed: NaiveDate,
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
            tags: Tags::new(),
            container: ROOT,
            target: Target::None,
            open: None,
            printed,
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

    /// Put what is drawn next into the marked-content sequence of the
    /// current target, starting a new sequence when the target changed.
    fn mark(&mut self) {
        if self.target == Target::None {
            // Every drawing call of the layout code chooses a target first;
            // should one not, its content is still read as a paragraph.
            debug_assert!(false, "content drawn outside any structure element");
            let p = self.tags.add(self.container, Role::P);
            self.target = Target::Elem(p);
        }
        if self.open == Some(self.target) {
            return;
        }
        self.end_mark();
        let page = self.pages.len() - 1;
        let op = self.tags.begin(self.target, page);
        self.ops().push(op);
        self.open = Some(self.target);
    }

    fn end_mark(&mut self) {
        if self.open.take().is_some() {
            self.ops().push(Op::EndMarkedContent);
        }
    }

    /// A new structure element under `parent`.
    pub(super) fn element(&mut self, parent: usize, role: Role) -> usize {
        self.tags.add(parent, role)
    }

    pub(super) fn tags_mut(&mut self) -> &mut Tags {
        &mut self.tags
    }

    /// Draw into `target` from now on; returns the previous target.
    pub(super) fn retarget(&mut self, target: Target) -> Target {
        std::mem::replace(&mut self.target, target)
    }

    pub(super) fn target_now(&self) -> Target {
        self.target
    }

    pub(super) fn container(&self) -> usize {
        self.container
    }

    /// `draw` inside a new structure element of `role`.
    pub fn tagged<R>(
        &mut self,
        role: Role,
        draw: impl FnOnce(&mut Doc) -> Result<R, ReportError>,
    ) -> Result<R, ReportError> {
        let container = self.container;
        let target = self.target;
        let e = self.tags.add(self.container, role);
        self.container = e;
        self.target = Target::Elem(e);
        let r = draw(self);
        self.container = container;
        self.target = target;
        r
    }

    /// One line at the current position as the document's title (H1).
    pub fn title_line(&mut self, text: &str, style: Style) -> Result<f32, ReportError> {
        let top = self.y;
        self.tagged(Role::H1, |d| d.text_checked(MARGIN_L, top, text, style))
    }

    /// `draw` as page furniture (an artifact), outside the structure.
    pub fn artifact<R>(&mut self, draw: impl FnOnce(&mut Doc) -> R) -> R {
        self.furniture(Artifact::Layout, draw)
    }

    fn furniture<R>(&mut self, kind: Artifact, draw: impl FnOnce(&mut Doc) -> R) -> R {
        let target = self.retarget(Target::Artifact(kind));
        let r = draw(self);
        self.target = target;
        r
    }

    /// A figure: `draw` draws it from the current position down and leaves
    /// the position below it; `alt` says in words what it shows. Its
    /// bounding box is the content width between the two positions; it
    /// must not cross a page break.
    pub fn figure(
        &mut self,
        alt: String,
        draw: impl FnOnce(&mut Doc) -> Result<(), ReportError>,
    ) -> Result<(), ReportError> {
        let top = self.y;
        let pages = self.pages.len();
        self.tagged(Role::Figure, |d| {
            let fig = d.container;
            d.tags.set_alt(fig, alt);
            draw(d)?;
            debug_assert_eq!(pages, d.pages.len(), "a figure stays on its page");
            d.tags.attrs(fig).bbox =
                Some([MARGIN_L, PAGE_H - d.y, PAGE_W - MARGIN_R, PAGE_H - top]);
            Ok(())
        })
    }

    pub fn remaining(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    pub fn new_page(&mut self) -> Result<(), ReportError> {
        self.end_mark();
        self.pages.push(Vec::new());
        self.state = PenState::default();
        self.y = MARGIN_T;
        let running = format!("{} ({})", self.running, crate::strings::CONTINUED);
        let running = fit(&running, SMALL, CONTENT_W)?;
        self.furniture(Artifact::Header, |d| {
            d.text(MARGIN_L, d.y, &running, SMALL);
            d.y += SMALL.leading() + 1.0;
            d.hline(MARGIN_L, PAGE_W - MARGIN_R, d.y, 0.5, RULE);
        });
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
        self.mark();
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

    pub(super) fn draw_laid(&mut self, x: f32, width: f32, top: f32, line: &Laid) {
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
        self.mark();
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
        self.mark();
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
        self.mark();
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

    /// Each paragraph is a P element of the structure.
    pub fn paragraphs_at(&mut self, x: f32, width: f32, paras: &[Para]) -> Result<(), ReportError> {
        let target = self.target;
        let mut starts = false;
        for line in lay_out(paras, width)? {
            starts |= line.first;
            if self.remaining() < line.height() {
                self.new_page()?;
            }
            self.start_para(&mut starts, &line);
            let top = self.y;
            self.draw_laid(x, width, top, &line);
            self.y += line.height();
        }
        self.target = target;
        Ok(())
    }

    /// A new P element for the first line with text of a paragraph (an
    /// empty paragraph is only space, not an element).
    fn start_para(&mut self, starts: &mut bool, line: &Laid) {
        if *starts && !line.text.is_empty() {
            *starts = false;
            let p = self.element(self.container, Role::P);
            self.target = Target::Elem(p);
        }
    }

    /// Laid-out lines at `x`, from `top` down, each paragraph a P element
    /// under the current one. No page breaks.
    pub fn lines_at(&mut self, x: f32, top: f32, lines: &[Laid]) {
        let target = self.target;
        let mut y = top;
        let mut starts = false;
        for line in lines {
            starts |= line.first;
            self.start_para(&mut starts, line);
            self.text(x, y + line.gap, &line.text, line.style);
            y += line.height();
        }
        self.target = target;
    }

    /// A section heading, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) -> Result<(), ReportError> {
        let lines = lay_out(&[Para::new(text, HEADING)], CONTENT_W)?;
        let h = height_of(&lines) + 4.0;
        self.ensure(h + keep)?;
        self.y += 2.0;
        let target = self.target;
        let heading = self.element(self.container, Role::H2);
        self.target = Target::Elem(heading);
        for line in &lines {
            let top = self.y;
            self.draw_laid(MARGIN_L, CONTENT_W, top, line);
            self.y += line.height();
        }
        self.target = target;
        self.y += 2.0;
        Ok(())
    }

    /// Number the pages, draw the footers and write the PDF.
    pub fn finish(mut self) -> Result<Vec<u8>, ReportError> {
        self.end_mark();
        self.target = Target::Artifact(Artifact::Footer);
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
            let page = crate::strings::page_of(i + 1, total);
            let w = measure(&page, SMALL.bold())?;
            self.text(
                PAGE_W - MARGIN_R - w,
                footer_top + 3.0,
                &page,
                SMALL.bold().color(INK),
            );
            self.end_mark();
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
        let info = &self.doc.metadata.info;
        let meta = tag::Meta {
            title: &info.document_title,
            author: &info.author,
            subject: &info.subject,
            creator: &info.creator,
            producer: &info.producer,
            date: format!("{}T12:00:00Z", self.printed.format("%Y-%m-%d")),
        };
        tag::write(&mut lo, &self.tags, &meta).map_err(ReportError::Pdf)?;
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
        // The structure tree is hundreds of small objects: in compressed
        // object streams (PDF 1.5) they add a third of what they would as
        // plain objects.
        let save = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(3)
            .build();
        let mut bytes = Vec::new();
        lo.save_with_options(&mut bytes, save)
            .map_err(|e| ReportError::Pdf(e.to_string()))?;
        Ok(bytes)
    }
}
