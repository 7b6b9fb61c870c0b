//! Charts of a ranking on iced's canvas: a stacked bar per region (one
//! segment per criterion group, the threshold drawn across), a heat map of
//! regions × criteria, and the totals of round 1 against round 2.
//!
//! [`Model`] is built from the evaluations only: every number in it is an
//! exact final from `scoring`. Floats appear only for pixel geometry
//! ([`Exact::approx`]). The same geometry functions draw the chart and
//! answer which element lies under the cursor ([`Model::hit`]), so hover
//! and drawing cannot disagree.

use std::ops::Range;

use iced::alignment::Vertical;
use iced::mouse;
use iced::widget::canvas::{self, Cache, Frame, Geometry, LineDash, Path, Stroke, Text};
use iced::widget::text::Alignment as TextAlign;
use iced::{Color, Element, Fill, Font, Length, Point, Rectangle, Renderer, Size, Theme, font};

use crate::ui::{strings, theme};
use leidraad_core::dossier::{ApplicationId, Round};
use leidraad_core::exact::Exact;
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::scoring::{Evaluation, Status};

/// The Okabe–Ito palette without its black: distinguishable with every
/// common form of colour blindness. One colour per criterion group.
pub const OKABE_ITO: [Color; 7] = [
    rgb8(0xE6, 0x9F, 0x00), // orange
    rgb8(0x56, 0xB4, 0xE9), // sky blue
    rgb8(0x00, 0x9E, 0x73), // bluish green
    rgb8(0xF0, 0xE4, 0x42), // yellow
    rgb8(0x00, 0x72, 0xB2), // blue
    rgb8(0xD5, 0x5E, 0x00), // vermillion
    rgb8(0xCC, 0x79, 0xA7), // reddish purple
];

/// Round 1 and round 2 in the round chart (Okabe–Ito orange and blue).
pub const ROUND_ONE: Color = OKABE_ITO[0];
pub const ROUND_TWO: Color = OKABE_ITO[4];

/// A single-hue sequential ramp (ColorBrewer "Blues"): darker is a larger
/// share of the criterion's maximum.
const BLUES: [Color; 5] = [
    rgb8(0xEF, 0xF3, 0xFF),
    rgb8(0xBD, 0xD7, 0xE7),
    rgb8(0x6B, 0xAE, 0xD6),
    rgb8(0x31, 0x82, 0xBD),
    rgb8(0x08, 0x51, 0x9C),
];
const MISSING: Color = rgb8(0xE4, 0xE5, 0xE8);
const INK: Color = rgb8(0x14, 0x17, 0x1C);
const GRID: Color = rgb8(0xDD, 0xDF, 0xE3);
const AXIS: Color = rgb8(0x55, 0x5A, 0x62);
const THRESHOLD: Color = rgb8(0x73, 0x45, 0x00);
const AWARD: Color = rgb8(0x00, 0x6B, 0x38);
const CONNECTOR: Color = rgb8(0x9A, 0x9E, 0xA6);

const fn rgb8(r: u8, g: u8, b: u8) -> Color {
    Color::from_rgb(r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0)
}

/// The colour of group `i`.
pub fn group_color(i: usize) -> Color {
    OKABE_ITO[i % OKABE_ITO.len()]
}

/// The heat map colour of a share between 0 and 1.
pub fn heat_color(share: f32) -> Color {
    let t = share.clamp(0.0, 1.0) * (BLUES.len() - 1) as f32;
    let i = (t.floor() as usize).min(BLUES.len() - 2);
    let f = t - i as f32;
    let (a, b) = (BLUES[i], BLUES[i + 1]);
    Color::from_rgb(
        a.r + (b.r - a.r) * f,
        a.g + (b.g - a.g) * f,
        a.b + (b.b - a.b) * f,
    )
}

/// WCAG relative luminance.
fn luminance(c: Color) -> f32 {
    let lin = |v: f32| {
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
}

/// Black or white, whichever contrasts more with `background`.
pub fn text_on(background: Color) -> Color {
    let l = luminance(background);
    if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
        Color::BLACK
    } else {
        Color::WHITE
    }
}

/// The WCAG contrast ratio of two colours.
pub fn contrast(a: Color, b: Color) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInfo {
    pub name: String,
    pub cap: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionInfo {
    pub id: CriterionId,
    pub name: String,
    pub cap: u32,
}

/// One group's part of a bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub group: usize,
    /// Where the segment starts: the sum of the groups before it.
    pub start: Exact,
    pub value: Exact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarRow {
    pub id: ApplicationId,
    pub region: String,
    pub rank: Option<u32>,
    pub status: Status,
    pub total: Exact,
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatRow {
    pub id: ApplicationId,
    pub region: String,
    pub rank: Option<u32>,
    /// The final value per criterion, in rubric order (None: not final).
    pub cells: Vec<Option<Exact>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    pub id: ApplicationId,
    pub region: String,
    /// The rank in round 2.
    pub rank: Option<u32>,
    pub one: Exact,
    pub two: Exact,
}

/// Everything the charts show, from the evaluations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub round: Round,
    /// The threshold of the shown round.
    pub threshold: u32,
    pub thresholds: [u32; 2],
    pub award_count: u32,
    /// The sum of the caps: the end of the axis.
    pub max: u32,
    pub groups: Vec<GroupInfo>,
    pub criteria: Vec<CriterionInfo>,
    /// The ranked applications with a total, in rank order.
    pub bars: Vec<BarRow>,
    /// The award line lies after this bar row (round 2 only).
    pub award_after: Option<usize>,
    pub heat: Vec<HeatRow>,
    /// Applications with a total in both rounds, in round-2 rank order.
    pub pairs: Vec<PairRow>,
}

impl Model {
    /// The chart model of `round`; `one` and `two` are the evaluations of
    /// both rounds (for the round chart).
    pub fn build(rubric: &Rubric, round: Round, one: &Evaluation, two: &Evaluation) -> Model {
        let eval = match round {
            Round::One => one,
            Round::Two => two,
        };
        let groups: Vec<GroupInfo> = rubric
            .groups
            .iter()
            .map(|g| GroupInfo {
                name: g.name.clone(),
                cap: g.criteria.iter().map(|c| c.cap).sum(),
            })
            .collect();
        let criteria: Vec<CriterionInfo> = rubric
            .criteria()
            .map(|c| CriterionInfo {
                id: c.id.clone(),
                name: c.name.clone(),
                cap: c.cap,
            })
            .collect();
        let max = groups.iter().map(|g| g.cap).sum::<u32>().max(1);
        let mut bars = Vec::new();
        let mut heat = Vec::new();
        for a in &eval.applications {
            let Some(total) = a.total else { continue };
            if !a.status.is_ranked() {
                continue;
            }
            let mut start = Exact::whole(0);
            let segments = a
                .groups
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let s = Segment {
                        group: i,
                        start,
                        value: g.total,
                    };
                    start = start + g.total;
                    s
                })
                .collect();
            bars.push(BarRow {
                id: a.id.clone(),
                region: a.region.clone(),
                rank: a.rank,
                status: a.status,
                total,
                segments,
            });
            heat.push(HeatRow {
                id: a.id.clone(),
                region: a.region.clone(),
                rank: a.rank,
                cells: criteria
                    .iter()
                    .map(|c| {
                        a.criteria
                            .iter()
                            .find(|f| f.id == c.id)
                            .and_then(|f| f.value)
                    })
                    .collect(),
            });
        }
        let award_after = (round == Round::Two)
            .then(|| {
                bars.iter()
                    .rposition(|b| matches!(b.status, Status::Awarded | Status::Tie))
            })
            .flatten();
        let pairs = two
            .applications
            .iter()
            .filter_map(|b| {
                let two_total = b.total?;
                let one_total = one.get(&b.id)?.total?;
                Some(PairRow {
                    id: b.id.clone(),
                    region: b.region.clone(),
                    rank: b.rank,
                    one: one_total,
                    two: two_total,
                })
            })
            .collect();
        Model {
            round,
            threshold: eval.threshold,
            thresholds: [one.threshold, two.threshold],
            award_count: eval.award_count,
            max,
            groups,
            criteria,
            bars,
            award_after,
            heat,
            pairs,
        }
    }

    pub fn rows(&self, kind: Kind) -> usize {
        match kind {
            Kind::Bars => self.bars.len(),
            Kind::Heat => self.heat.len(),
            Kind::Rounds => self.pairs.len(),
        }
    }

    /// The application of a row of a chart.
    pub fn application(&self, kind: Kind, row: usize) -> Option<&ApplicationId> {
        match kind {
            Kind::Bars => self.bars.get(row).map(|r| &r.id),
            Kind::Heat => self.heat.get(row).map(|r| &r.id),
            Kind::Rounds => self.pairs.get(row).map(|r| &r.id),
        }
    }

    /// The height the chart needs.
    pub fn height(&self, kind: Kind) -> f32 {
        let n = self.rows(kind) as f32;
        match kind {
            Kind::Bars => {
                BAR_TOP
                    + n * ROW_H
                    + if self.award_after.is_some() {
                        AWARD_GAP
                    } else {
                        0.0
                    }
                    + BOTTOM
            }
            Kind::Heat => HEAT_TOP + n * CELL_H + BOTTOM,
            Kind::Rounds => BAR_TOP + n * ROW_H + BOTTOM,
        }
    }

    /// The top of bar row `i`, after the gap of the award line.
    fn bar_row_top(&self, i: usize) -> f32 {
        let gap = match self.award_after {
            Some(a) if i > a => AWARD_GAP,
            _ => 0.0,
        };
        BAR_TOP + i as f32 * ROW_H + gap
    }

    fn bar_row_at(&self, y: f32) -> Option<usize> {
        let mut y = y - BAR_TOP;
        if let Some(a) = self.award_after {
            let line = (a + 1) as f32 * ROW_H;
            if y >= line && y < line + AWARD_GAP {
                return None;
            }
            if y >= line + AWARD_GAP {
                y -= AWARD_GAP;
            }
        }
        if y < 0.0 {
            return None;
        }
        let i = (y / ROW_H) as usize;
        (i < self.bars.len()).then_some(i)
    }

    /// The x of a value on the points axis.
    fn x(&self, width: f32, v: f32) -> f32 {
        let plot = (width - LABEL_W - BAR_RIGHT).max(MIN_PLOT);
        LABEL_W + v / self.max as f32 * plot
    }

    /// The rectangle of a bar segment.
    pub fn segment_rect(&self, width: f32, row: usize, group: usize) -> Option<Rectangle> {
        let s = self.bars.get(row)?.segments.get(group)?;
        let x0 = self.x(width, s.start.approx());
        let x1 = self.x(width, (s.start + s.value).approx());
        let y = self.bar_row_top(row) + (ROW_H - BAR_H) / 2.0;
        Some(Rectangle::new(Point::new(x0, y), Size::new(x1 - x0, BAR_H)))
    }

    fn cell_w(&self, width: f32) -> f32 {
        let n = self.criteria.len().max(1) as f32;
        ((width - LABEL_W - 8.0) / n).clamp(MIN_CELL_W, MAX_CELL_W)
    }

    /// The rectangle of a heat map cell.
    pub fn cell_rect(&self, width: f32, row: usize, criterion: usize) -> Option<Rectangle> {
        (row < self.heat.len() && criterion < self.criteria.len()).then(|| {
            let w = self.cell_w(width);
            Rectangle::new(
                Point::new(
                    LABEL_W + criterion as f32 * w + 1.0,
                    HEAT_TOP + row as f32 * CELL_H + 1.0,
                ),
                Size::new(w - 2.0, CELL_H - 2.0),
            )
        })
    }

    /// The band of a row of the round chart.
    pub fn pair_rect(&self, width: f32, row: usize) -> Option<Rectangle> {
        (row < self.pairs.len()).then(|| {
            Rectangle::new(
                Point::new(4.0, BAR_TOP + row as f32 * ROW_H + 1.0),
                Size::new(width - 8.0, ROW_H - 2.0),
            )
        })
    }

    /// The element under `p` (relative to the chart's top left) in a chart
    /// `width` wide.
    pub fn hit(&self, kind: Kind, width: f32, p: Point) -> Option<Hit> {
        match kind {
            Kind::Bars => {
                let row = self.bar_row_at(p.y)?;
                let r = self.bars.get(row)?;
                let top = self.bar_row_top(row);
                if p.y < top + 1.0 || p.y > top + ROW_H - 1.0 {
                    return None;
                }
                r.segments
                    .iter()
                    .position(|s| {
                        let x0 = self.x(width, s.start.approx());
                        let x1 = self.x(width, (s.start + s.value).approx());
                        s.value > Exact::whole(0) && p.x >= x0 && p.x < x1
                    })
                    .map(|group| Hit::Segment { row, group })
            }
            Kind::Heat => {
                if p.y < HEAT_TOP || p.x < LABEL_W {
                    return None;
                }
                let row = ((p.y - HEAT_TOP) / CELL_H) as usize;
                let criterion = ((p.x - LABEL_W) / self.cell_w(width)) as usize;
                (row < self.heat.len() && criterion < self.criteria.len())
                    .then_some(Hit::Cell { row, criterion })
            }
            Kind::Rounds => {
                if p.y < BAR_TOP {
                    return None;
                }
                let row = ((p.y - BAR_TOP) / ROW_H) as usize;
                (row < self.pairs.len()).then_some(Hit::Pair { row })
            }
        }
    }

    /// How far a chart shown `height` high can scroll.
    pub fn max_offset(&self, kind: Kind, height: f32) -> f32 {
        (self.height(kind) - height).max(0.0)
    }

    /// The height of the fixed header (axis or column heads) of a chart.
    pub fn header(kind: Kind) -> f32 {
        match kind {
            Kind::Heat => HEAT_TOP,
            Kind::Bars | Kind::Rounds => BAR_TOP,
        }
    }

    /// The rows that show, wholly or partly, in a viewport `height` high
    /// scrolled down by `offset`.
    pub fn visible(&self, kind: Kind, offset: f32, height: f32) -> Range<usize> {
        let (top, h) = match kind {
            Kind::Heat => (HEAT_TOP, CELL_H),
            Kind::Bars | Kind::Rounds => (BAR_TOP, ROW_H),
        };
        let n = self.rows(kind);
        let first = ((offset / h).floor() as usize).saturating_sub(1).min(n);
        // One more for the gap of the award line.
        let last = (((offset + height - top).max(0.0) / h).ceil() as usize + 2).min(n);
        first..last.max(first)
    }

    /// Draw what shows of a chart in `frame` (the viewport) when scrolled
    /// down by `offset`: the rows in view, under a header that stays put.
    /// Only the visible rows are drawn, so a chart of 1,000 regions costs
    /// no more per frame than one of 20.
    pub fn draw(&self, kind: Kind, frame: &mut Frame, offset: f32) {
        let offset = offset.clamp(0.0, self.max_offset(kind, frame.height()));
        match kind {
            Kind::Bars => self.draw_bars(frame, offset),
            Kind::Heat => self.draw_heat(frame, offset),
            Kind::Rounds => self.draw_rounds(frame, offset),
        }
        let (view, content) = (frame.height(), self.height(kind));
        if content > view {
            // Where the view is in the chart: a thin bar at the right edge.
            let top = Self::header(kind);
            let track = view - top;
            let thumb = (track * view / content).max(24.0);
            let y = top + (track - thumb) * offset / (content - view);
            let x = frame.width() - 5.0;
            frame.fill_rectangle(Point::new(x, top), Size::new(4.0, track), GRID);
            frame.fill_rectangle(Point::new(x, y), Size::new(4.0, thumb), AXIS);
        }
    }

    /// The outline of the element under the cursor, in a viewport scrolled
    /// down by `offset`.
    pub fn draw_hover(&self, kind: Kind, frame: &mut Frame, hit: Hit, offset: f32) {
        let width = frame.width();
        let rect = match hit {
            Hit::Segment { row, group } => self.segment_rect(width, row, group),
            Hit::Cell { row, criterion } => self.cell_rect(width, row, criterion),
            Hit::Pair { row } => self.pair_rect(width, row),
        };
        let Some(r) = rect else { return };
        let r = Rectangle::new(Point::new(r.x, r.y - offset), r.size());
        if r.y < Self::header(kind) || r.y + r.height > frame.height() {
            // Under the header or below the view.
            return;
        }
        frame.stroke_rectangle(
            Point::new(r.x - 1.5, r.y - 1.5),
            Size::new(r.width + 3.0, r.height + 3.0),
            Stroke::default().with_color(INK).with_width(3.0),
        );
        frame.stroke_rectangle(
            Point::new(r.x + 0.5, r.y + 0.5),
            Size::new(r.width - 1.0, r.height - 1.0),
            Stroke::default().with_color(Color::WHITE).with_width(2.0),
        );
    }

    /// The grid lines of the points axis, under the rows.
    fn draw_grid(&self, frame: &mut Frame, bottom: f32) {
        let width = frame.width();
        let mut v = 0;
        while v <= self.max {
            let x = self.x(width, v as f32);
            frame.stroke(
                &Path::line(Point::new(x, BAR_TOP - 4.0), Point::new(x, bottom)),
                Stroke::default().with_color(GRID).with_width(1.0),
            );
            v += 10;
        }
    }

    /// The fixed header of the points axis: a white band over rows that
    /// scrolled under it, the tick labels, and the threshold lines over the
    /// bars (so they cross them) with their labels.
    fn draw_axis(&self, frame: &mut Frame, bottom: f32, thresholds: &[(u32, Color)]) {
        let width = frame.width();
        frame.fill_rectangle(Point::ORIGIN, Size::new(width, BAR_TOP - 4.0), Color::WHITE);
        let mut v = 0;
        while v <= self.max {
            if !thresholds.iter().any(|(t, _)| t.abs_diff(v) < 5) {
                frame.fill_text(label(
                    v.to_string(),
                    Point::new(self.x(width, v as f32), BAR_TOP - 8.0),
                    AXIS,
                    11.0,
                    TextAlign::Center,
                    Vertical::Bottom,
                ));
            }
            v += 10;
        }
        for (t, color) in thresholds {
            let x = self.x(width, *t as f32);
            frame.stroke(
                &Path::line(Point::new(x, BAR_TOP - 6.0), Point::new(x, bottom)),
                Stroke {
                    line_dash: LineDash {
                        segments: &[6.0, 4.0],
                        offset: 0,
                    },
                    ..Stroke::default().with_color(*color).with_width(2.0)
                },
            );
            let mut l = label(
                strings::chart_threshold(*t),
                Point::new(x, BAR_TOP - 8.0),
                *color,
                12.0,
                TextAlign::Center,
                Vertical::Bottom,
            );
            l.font = bold();
            frame.fill_text(l);
        }
    }

    fn row_label(frame: &mut Frame, rank: Option<u32>, region: &str, id: &ApplicationId, y: f32) {
        let rank = rank.map_or(String::new(), |r| format!("{r}."));
        frame.fill_text(label(
            rank,
            Point::new(RANK_W, y),
            AXIS,
            12.0,
            TextAlign::Right,
            Vertical::Center,
        ));
        frame.fill_text(label(
            fit(&format!("{id} {region}"), LABEL_W - RANK_W - 14.0, 12.5),
            Point::new(RANK_W + 6.0, y),
            INK,
            12.5,
            TextAlign::Left,
            Vertical::Center,
        ));
    }

    fn draw_bars(&self, frame: &mut Frame, offset: f32) {
        let width = frame.width();
        let bottom = (self.height(Kind::Bars) - BOTTOM - offset).min(frame.height());
        let thresholds = [(self.threshold, THRESHOLD)];
        self.draw_grid(frame, bottom);
        for i in self.visible(Kind::Bars, offset, frame.height()) {
            let r = &self.bars[i];
            let top = self.bar_row_top(i) - offset;
            let mid = top + ROW_H / 2.0;
            Self::row_label(frame, r.rank, &r.region, &r.id, mid);
            for s in &r.segments {
                let Some(rect) = self.segment_rect(width, i, s.group) else {
                    continue;
                };
                if rect.width <= 0.0 {
                    continue;
                }
                let rect = Rectangle::new(Point::new(rect.x, rect.y - offset), rect.size());
                let color = group_color(s.group);
                frame.fill_rectangle(rect.position(), rect.size(), color);
                // A thin white edge keeps adjacent segments apart.
                frame.fill_rectangle(
                    Point::new(rect.x + rect.width - 1.0, rect.y),
                    Size::new(1.0, rect.height),
                    Color::WHITE,
                );
                let value = s.value.to_dutch_short();
                if text_width(&value, 11.0) + 6.0 <= rect.width {
                    frame.fill_text(label(
                        value,
                        Point::new(rect.x + rect.width / 2.0, mid),
                        text_on(color),
                        11.0,
                        TextAlign::Center,
                        Vertical::Center,
                    ));
                }
            }
            let mut total = label(
                r.total.to_dutch_short(),
                Point::new(self.x(width, r.total.approx()) + 6.0, mid),
                INK,
                12.5,
                TextAlign::Left,
                Vertical::Center,
            );
            total.font = bold();
            let after = total.position.x + text_width(&total.content, 12.5) + 6.0;
            frame.fill_text(total);
            // A tie at the award line needs a decision: say so beside it.
            if r.status == Status::Tie {
                let mut mark = label(
                    strings::TIE_MARK.to_string(),
                    Point::new(after, mid),
                    THRESHOLD,
                    11.0,
                    TextAlign::Left,
                    Vertical::Center,
                );
                mark.font = bold();
                frame.fill_text(mark);
            }
        }
        if let Some(a) = self.award_after {
            let y = self.bar_row_top(a) + ROW_H + AWARD_GAP / 2.0 - offset;
            let text = strings::award_line(self.award_count);
            let w = text_width(&text, 11.5) + 12.0;
            let x = RANK_W - 12.0;
            frame.fill_rectangle(
                Point::new(x, y - 8.0),
                Size::new(w, 16.0),
                rgb8(0xE6, 0xF7, 0xEB),
            );
            let mut l = label(
                text,
                Point::new(x + w / 2.0, y),
                AWARD,
                11.5,
                TextAlign::Center,
                Vertical::Center,
            );
            l.font = bold();
            frame.fill_text(l);
            frame.stroke(
                &Path::line(Point::new(x + w + 6.0, y), Point::new(width - 4.0, y)),
                Stroke::default().with_color(AWARD).with_width(2.0),
            );
        }
        self.draw_axis(frame, bottom, &thresholds);
    }

    fn draw_heat(&self, frame: &mut Frame, offset: f32) {
        let width = frame.width();
        let w = self.cell_w(width);
        for i in self.visible(Kind::Heat, offset, frame.height()) {
            let r = &self.heat[i];
            let mid = HEAT_TOP + i as f32 * CELL_H + CELL_H / 2.0 - offset;
            Self::row_label(frame, r.rank, &r.region, &r.id, mid);
            for (j, v) in r.cells.iter().enumerate() {
                let Some(rect) = self.cell_rect(width, i, j) else {
                    continue;
                };
                let rect = Rectangle::new(Point::new(rect.x, rect.y - offset), rect.size());
                let cap = self.criteria[j].cap.max(1);
                let (color, text) = match v {
                    Some(v) => (heat_color(v.approx() / cap as f32), v.to_dutch_short()),
                    None => (MISSING, strings::NO_TOTAL.to_string()),
                };
                frame.fill_rectangle(rect.position(), rect.size(), color);
                let size = if text_width(&text, 12.0) + 4.0 <= rect.width {
                    12.0
                } else {
                    10.0
                };
                frame.fill_text(label(
                    text,
                    Point::new(rect.x + rect.width / 2.0, mid),
                    text_on(color),
                    size,
                    TextAlign::Center,
                    Vertical::Center,
                ));
            }
        }
        // The column heads stay put over the rows.
        frame.fill_rectangle(Point::ORIGIN, Size::new(width, HEAT_TOP), Color::WHITE);
        for (j, c) in self.criteria.iter().enumerate() {
            let x = LABEL_W + j as f32 * w + w / 2.0;
            let mut id = label(
                c.id.to_string(),
                Point::new(x, 8.0),
                INK,
                12.5,
                TextAlign::Center,
                Vertical::Top,
            );
            id.font = bold();
            frame.fill_text(id);
            frame.fill_text(label(
                strings::chart_cap(c.cap),
                Point::new(x, 24.0),
                AXIS,
                10.5,
                TextAlign::Center,
                Vertical::Top,
            ));
        }
    }

    fn draw_rounds(&self, frame: &mut Frame, offset: f32) {
        let width = frame.width();
        let bottom = (self.height(Kind::Rounds) - BOTTOM - offset).min(frame.height());
        let [t1, t2] = self.thresholds;
        let thresholds: Vec<(u32, Color)> = if t1 == t2 {
            vec![(t2, THRESHOLD)]
        } else {
            vec![(t1, THRESHOLD), (t2, THRESHOLD)]
        };
        self.draw_grid(frame, bottom);
        for i in self.visible(Kind::Rounds, offset, frame.height()) {
            let r = &self.pairs[i];
            let mid = BAR_TOP + i as f32 * ROW_H + ROW_H / 2.0 - offset;
            Self::row_label(frame, r.rank, &r.region, &r.id, mid);
            let x1 = self.x(width, r.one.approx());
            let x2 = self.x(width, r.two.approx());
            frame.stroke(
                &Path::line(Point::new(x1, mid), Point::new(x2, mid)),
                Stroke::default().with_color(CONNECTOR).with_width(3.0),
            );
            // Round 1 a ring, round 2 a disc: told apart without colour.
            frame.fill(&Path::circle(Point::new(x1, mid), 6.0), Color::WHITE);
            frame.stroke(
                &Path::circle(Point::new(x1, mid), 5.0),
                Stroke::default().with_color(ROUND_ONE).with_width(3.0),
            );
            frame.fill(&Path::circle(Point::new(x2, mid), 6.0), ROUND_TWO);
            let mut t = label(
                strings::chart_pair(&r.one, &r.two),
                Point::new(width - 10.0, mid),
                INK,
                12.0,
                TextAlign::Right,
                Vertical::Center,
            );
            t.font = bold();
            frame.fill_text(t);
        }
        self.draw_axis(frame, bottom, &thresholds);
    }
}

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

fn bold() -> Font {
    Font {
        weight: font::Weight::Bold,
        ..theme::FONT
    }
}

fn label(
    content: String,
    position: Point,
    color: Color,
    size: f32,
    align_x: TextAlign,
    align_y: Vertical,
) -> Text {
    Text {
        content,
        position,
        color,
        size: size.into(),
        font: theme::FONT,
        align_x,
        align_y,
        ..Text::default()
    }
}

/// A generous estimate of the width of `s` in DejaVu Sans (about 0.62 em
/// per character), for deciding what fits.
fn text_width(s: &str, size: f32) -> f32 {
    s.chars().count() as f32 * size * 0.62
}

/// `s`, cut with an ellipsis to fit `width`.
fn fit(s: &str, width: f32, size: f32) -> String {
    let max = (width / (size * 0.62)).floor().max(1.0) as usize;
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A chart on a canvas, at most `max_height` high; a taller chart scrolls
/// inside the canvas (mouse wheel) under a header that stays put. The
/// visible part is kept in `cache` (clear it when the model changes; a
/// scroll clears it too); the outline of `hover` is drawn on top each
/// frame. Moving the pointer onto another element publishes `on_hover`.
pub struct Chart<'a, Message> {
    pub model: &'a Model,
    pub kind: Kind,
    pub cache: &'a Cache,
    pub hover: Option<Hit>,
    pub on_hover: fn(Option<Hit>) -> Message,
    pub max_height: f32,
}

/// How far the chart in a canvas is scrolled, and which chart that was.
#[derive(Debug, Default)]
pub struct Scroll {
    kind: Option<Kind>,
    offset: f32,
}

impl<Message> Chart<'_, Message> {
    /// The scroll offset that applies: another chart's offset does not.
    fn offset(&self, state: &Scroll, bounds: Rectangle) -> f32 {
        if state.kind == Some(self.kind) {
            state
                .offset
                .clamp(0.0, self.model.max_offset(self.kind, bounds.height))
        } else {
            0.0
        }
    }

    /// The element under `p`, a point in the viewport.
    fn hit_at(&self, p: Point, bounds: Rectangle, offset: f32) -> Option<Hit> {
        if p.y < Model::header(self.kind) {
            return None;
        }
        self.model
            .hit(self.kind, bounds.width, Point::new(p.x, p.y + offset))
    }
}

impl<Message> canvas::Program<Message> for Chart<'_, Message> {
    type State = Scroll;

    fn update(
        &self,
        state: &mut Scroll,
        event: &canvas::Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<Message>> {
        let offset = self.offset(state, bounds);
        let hit_now = |offset: f32| {
            cursor
                .position_in(bounds)
                .and_then(|p| self.hit_at(p, bounds, offset))
        };
        match event {
            canvas::Event::Mouse(mouse::Event::CursorMoved { .. } | mouse::Event::CursorLeft) => {
                let hit = hit_now(offset);
                (hit != self.hover).then(|| canvas::Action::publish((self.on_hover)(hit)))
            }
            canvas::Event::Mouse(mouse::Event::WheelScrolled { delta })
                if cursor.is_over(bounds) =>
            {
                let dy = match delta {
                    mouse::ScrollDelta::Lines { y, .. } => -y * ROW_H * 2.0,
                    mouse::ScrollDelta::Pixels { y, .. } => -y,
                };
                let max = self.model.max_offset(self.kind, bounds.height);
                let new = (offset + dy).clamp(0.0, max);
                state.kind = Some(self.kind);
                if new == offset {
                    // At either end the page scrolls on.
                    return None;
                }
                state.offset = new;
                self.cache.clear();
                let hit = hit_now(new);
                let action = if hit != self.hover {
                    canvas::Action::publish((self.on_hover)(hit))
                } else {
                    canvas::Action::request_redraw()
                };
                Some(action.and_capture())
            }
            _ => None,
        }
    }

    fn draw(
        &self,
        state: &Scroll,
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let offset = self.offset(state, bounds);
        let base = self.cache.draw(renderer, bounds.size(), |frame| {
            self.model.draw(self.kind, frame, offset);
        });
        let mut out = vec![base];
        if let Some(hit) = self.hover {
            let mut frame = Frame::new(renderer, bounds.size());
            self.model.draw_hover(self.kind, &mut frame, hit, offset);
            out.push(frame.into_geometry());
        }
        out
    }

    fn mouse_interaction(
        &self,
        state: &Scroll,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> mouse::Interaction {
        let offset = self.offset(state, bounds);
        match cursor
            .position_in(bounds)
            .and_then(|p| self.hit_at(p, bounds, offset))
        {
            Some(_) => mouse::Interaction::Crosshair,
            None => mouse::Interaction::default(),
        }
    }
}

impl<'a, Message: 'a> Chart<'a, Message> {
    /// The canvas: as tall as the chart, up to `max_height`.
    pub fn view(self) -> Element<'a, Message> {
        let h = self.model.height(self.kind).min(self.max_height);
        canvas::Canvas::new(self)
            .width(Fill)
            .height(Length::Fixed(h))
            .into()
    }
}
