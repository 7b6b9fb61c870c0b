//! Where things lie in a chart: its height, the rectangles of bars, cells
//! and rows, the element under a point, and the rows in view. Drawing and
//! hit testing both use these, so they cannot disagree.

use std::ops::Range;

use iced::{Point, Rectangle, Size};
use leidraad_core::exact::Exact;

use super::{
    AWARD_GAP, BAR_H, BAR_RIGHT, BAR_TOP, BOTTOM, CELL_H, HEAT_TOP, Hit, Kind, LABEL_W, MAX_CELL_W,
    MIN_CELL_W, MIN_PLOT, Model, ROW_H,
};

impl Model {
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
    pub(super) fn bar_row_top(&self, i: usize) -> f32 {
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
    pub(super) fn x(&self, width: f32, v: f32) -> f32 {
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

    pub(super) fn cell_w(&self, width: f32) -> f32 {
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
}
