//! Charts of a ranking on iced's canvas: a stacked bar per region (one
//! segment per criterion group, the threshold drawn across), a heat map of
//! regions × criteria, and the totals of round 1 against round 2.
//!
//! [`Model`] is built from the evaluations only: every number in it is an
//! exact final from `scoring`. Floats appear only for pixel geometry
//! ([`Exact::approx`]). The same geometry functions draw the chart and
//! answer which element lies under the cursor ([`Model::hit`]), so hover
//! and drawing cannot disagree.
//!
//! [`Exact::approx`]: leidraad_core::exact::Exact::approx
//!
//! The parts: `color` (palettes and contrast), `model` (the numbers, from
//! the evaluations), `geometry` (layout, hit testing and the rows in view),
//! `draw` (what all charts share when drawn), `bars`, `heat` and `rounds`
//! (each chart's own drawing) and `canvas` (the canvas program that scrolls
//! and reports hover).

mod bars;
mod canvas;
mod color;
mod draw;
mod geometry;
mod heat;
mod model;
mod rounds;

pub use canvas::{Chart, Scroll};
pub use color::{OKABE_ITO, ROUND_ONE, ROUND_TWO, contrast, group_color, heat_color, text_on};
pub use model::{BarRow, CriterionInfo, GroupInfo, HeatRow, Model, PairRow, Segment};

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bars,
    Heat,
    Rounds,
}

/// An element of a chart under the cursor; rows index the chart's own rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Segment { row: usize, group: usize },
    Cell { row: usize, criterion: usize },
    Pair { row: usize },
}

// The layout of the charts, in pixels.
const LABEL_W: f32 = 230.0;
const RANK_W: f32 = 30.0;
const BAR_RIGHT: f32 = 120.0;
const MIN_PLOT: f32 = 120.0;
const BAR_TOP: f32 = 34.0;
const HEAT_TOP: f32 = 42.0;
const ROW_H: f32 = 26.0;
const BAR_H: f32 = 18.0;
const CELL_H: f32 = 28.0;
const AWARD_GAP: f32 = 20.0;
const BOTTOM: f32 = 10.0;
const MIN_CELL_W: f32 = 40.0;
const MAX_CELL_W: f32 = 84.0;
