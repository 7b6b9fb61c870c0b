//! A small layout layer over printpdf: A4 portrait pages, text wrapped by
//! the font's glyph advances, tables whose rows flow over pages with the
//! header repeated, a running title on continuation pages, and a footer
//! with "pagina x van y" on every page.
//!
//! Coordinates are points from the top-left corner of the page; they are
//! turned into PDF coordinates (from the bottom-left) only when drawn.

mod page;
mod style;
mod table;
mod tag;
mod text;

// Each item is reached as `layout::X`, whichever file it lives in.
pub(crate) use page::*;
pub(crate) use style::*;
pub(crate) use table::*;
pub(crate) use tag::{Artifact, Role, Target};
pub(crate) use text::*;

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
const MM: f32 = 72.0 / 25.4;
pub(crate) const MARGIN_L: f32 = 20.0 * MM;
pub(crate) const MARGIN_R: f32 = 18.0 * MM;
const MARGIN_T: f32 = 16.0 * MM;
/// Content ends here; the footer lives below.
const CONTENT_BOTTOM: f32 = PAGE_H - 22.0 * MM;
pub(crate) const CONTENT_W: f32 = PAGE_W - MARGIN_L - MARGIN_R;
