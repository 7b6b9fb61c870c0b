//! The bar chart: a stacked bar per ranked region, one segment per
//! criterion group, with the award line and the threshold.

use iced::alignment::Vertical;
use iced::widget::canvas::{Frame, Path, Stroke};
use iced::widget::text::Alignment as TextAlign;
use iced::{Color, Point, Rectangle, Size};

use super::color::{AWARD, INK, THRESHOLD, group_color, rgb8, text_on};
use super::draw::{bold, label, text_width};
use super::{AWARD_GAP, BOTTOM, Kind, Model, RANK_W, ROW_H};
use crate::ui::strings;
use leidraad_core::scoring::Status;

impl Model {
    pub(super) fn draw_bars(&self, frame: &mut Frame, offset: f32) {
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
}
