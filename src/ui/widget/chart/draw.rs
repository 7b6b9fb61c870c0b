//! What every chart shares when drawn: the viewport with its scroll bar,
//! the hover outline, the points axis with its grid and threshold lines,
//! the row labels, and the text helpers.

use iced::alignment::Vertical;
use iced::widget::canvas::{Frame, LineDash, Path, Stroke, Text};
use iced::widget::text::Alignment as TextAlign;
use iced::{Color, Font, Point, Rectangle, Size, font};

use super::color::{AXIS, GRID, INK};
use super::{BAR_TOP, Hit, Kind, LABEL_W, Model, RANK_W};
use crate::ui::{strings, theme};
use leidraad_core::dossier::ApplicationId;

impl Model {
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
    pub(super) fn draw_grid(&self, frame: &mut Frame, bottom: f32) {
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
    pub(super) fn draw_axis(&self, frame: &mut Frame, bottom: f32, thresholds: &[(u32, Color)]) {
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

    pub(super) fn row_label(
        frame: &mut Frame,
        rank: Option<u32>,
        region: &str,
        id: &ApplicationId,
        y: f32,
    ) {
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
}

pub(super) fn bold() -> Font {
    Font {
        weight: font::Weight::Bold,
        ..theme::FONT
    }
}

pub(super) fn label(
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
pub(super) fn text_width(s: &str, size: f32) -> f32 {
    s.chars().count() as f32 * size * 0.62
}

/// `s`, cut with an ellipsis to fit `width`.
pub(super) fn fit(s: &str, width: f32, size: f32) -> String {
    let max = (width / (size * 0.62)).floor().max(1.0) as usize;
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
