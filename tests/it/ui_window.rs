//! The window without a screen, as the runtime drives it, for the tests
//! that need the interface itself (widget bounds, focus, the list's rows in
//! view, the drawn pixels): renderer, widget state, size and pointer.

use iced::{Event, Size, window};
use iced_test::core::widget::operation::Outcome;
use iced_test::runtime::UserInterface;
use iced_test::runtime::user_interface::Cache;

use leidraad::ui::app::{App, Message};

/// The window around the app: the renderer and the widgets' state, which
/// lives on from one event to the next (a focused field stays focused).
pub struct Window {
    pub renderer: iced::Renderer,
    pub cache: Cache,
    pub size: Size,
    pub cursor: iced::mouse::Cursor,
}

impl Window {
    /// A window of `size` (logical pixels, scale 1).
    pub fn with_size(size: Size) -> Window {
        use iced_test::core::renderer::Headless;
        let settings = leidraad::ui::theme::settings();
        for font in settings.fonts {
            iced_test::renderer::graphics::text::font_system()
                .write()
                .expect("the font system")
                .load_font(font);
        }
        let renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            settings.default_font,
            settings.default_text_size,
            Some("tiny-skia"),
        ))
        .expect("a tiny-skia renderer");
        Window {
            renderer,
            cache: Cache::default(),
            size,
            cursor: iced::mouse::Cursor::Unavailable,
        }
    }

    /// A window tall enough for every card of the scoring screen.
    pub fn tall() -> Window {
        Window {
            size: Size::new(crate::ui_support::TALL.0, crate::ui_support::TALL.1),
            ..Window::with_size(Size::new(1366.0, 768.0))
        }
    }

    /// Where the widget with `id` is drawn.
    pub fn bounds_of(&mut self, app: &App, id: &str) -> Option<iced::Rectangle> {
        use iced_test::core::widget::operation::black_box;
        use iced_test::selector::Selector;
        let mut ui = UserInterface::build(
            app.view(),
            self.size,
            std::mem::take(&mut self.cache),
            &mut self.renderer,
        );
        let mut find = iced::widget::Id::from(id.to_string()).find();
        ui.operate(&self.renderer, &mut black_box(&mut find));
        self.cache = ui.into_cache();
        match iced_test::core::widget::Operation::finish(&find) {
            Outcome::Some(Some(target)) => iced_test::selector::Bounded::visible_bounds(&target),
            _ => None,
        }
    }

    /// The window as drawn now (scale 1), as RGBA rows of `size.width`.
    pub fn pixels(&mut self, app: &App) -> Vec<u8> {
        use iced_test::core::renderer::Headless;
        let theme = app.theme();
        let base = iced_test::core::theme::Base::base(&theme);
        let mut ui = UserInterface::build(
            app.view(),
            self.size,
            std::mem::take(&mut self.cache),
            &mut self.renderer,
        );
        // Widgets take their look (focused, hovered) on a redraw request.
        let mut messages: Vec<Message> = Vec::new();
        let _ = ui.update(
            &[Event::Window(window::Event::RedrawRequested(
                std::time::Instant::now(),
            ))],
            self.cursor,
            &mut self.renderer,
            &mut iced_test::core::clipboard::Null,
            &mut messages,
        );
        ui.draw(
            &mut self.renderer,
            &theme,
            &iced_test::core::renderer::Style {
                text_color: base.text_color,
            },
            self.cursor,
        );
        self.cache = ui.into_cache();
        let physical = Size::new(self.size.width as u32, self.size.height as u32);
        self.renderer
            .screenshot(physical, 1.0, base.background_color)
    }

    /// The colour drawn at (x, y).
    pub fn pixel(&mut self, app: &App, x: f32, y: f32) -> [u8; 3] {
        let rgba = self.pixels(app);
        let i = (y as usize * self.size.width as usize + x as usize) * 4;
        [rgba[i], rgba[i + 1], rgba[i + 2]]
    }

    /// One turn of the runtime: `events` and a redraw request (the
    /// scrollable reports its viewport then) to the interface, its
    /// messages to `update`. Returns the messages.
    pub fn turn(&mut self, app: &mut App, events: &[Event]) -> Vec<Message> {
        let mut events = events.to_vec();
        events.push(Event::Window(window::Event::RedrawRequested(
            std::time::Instant::now(),
        )));
        let mut messages = Vec::new();
        {
            let mut ui = UserInterface::build(
                app.view(),
                self.size,
                std::mem::take(&mut self.cache),
                &mut self.renderer,
            );
            let _ = ui.update(
                &events,
                self.cursor,
                &mut self.renderer,
                &mut iced_test::core::clipboard::Null,
                &mut messages,
            );
            self.cache = ui.into_cache();
        }
        for m in &messages {
            let _ = app.update(m.clone());
        }
        messages
    }
}
