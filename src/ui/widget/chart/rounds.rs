//! The round chart: per region the total of round 1 (a ring) against
//! round 2 (a disc), joined by a line.

use iced::alignment::Vertical;
use iced::widget::canvas::{Frame, Path, Stroke};
use iced::widget::text::Alignment as TextAlign;
use iced::{Color, Point};

use super::color::{CONNECTOR, INK, ROUND_ONE, ROUND_TWO, THRESHOLD};
use super::draw::{bold, label};
use super::{BAR_TOP, BOTTOM, Kind, Model, ROW_H};
use crate::ui::strings;

impl Model {
    pub(super) fn draw_rounds(&self, frame: &mut Frame, offset: f32) {
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
