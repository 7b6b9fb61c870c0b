//! The heat map: regions × criteria, each cell the criterion's final as a
//! share of its maximum, under column heads that stay put.

use iced::alignment::Vertical;
use iced::widget::canvas::Frame;
use iced::widget::text::Alignment as TextAlign;
use iced::{Color, Point, Rectangle, Size};

use super::color::{AXIS, INK, MISSING, heat_color, text_on};
use super::draw::{bold, label, text_width};
use super::{CELL_H, HEAT_TOP, Kind, LABEL_W, Model};
use crate::ui::strings;

impl Model {
    pub(super) fn draw_heat(&self, frame: &mut Frame, offset: f32) {
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
}
