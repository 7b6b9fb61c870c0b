//! The window without a display, for the `render` benchmark and the tests
//! of what is drawn: the input goes to the interface, its messages to
//! `update`, the view is rebuilt when they changed something, and only what
//! changed since the last frame is drawn, as iced_tiny_skia's compositor
//! does in the window (damage regions, clip masks). Not used by the program.

use iced::mouse;
use iced::{Event, Point, Size, window};
use iced_runtime::UserInterface;
use iced_runtime::user_interface::Cache;
use iced_tiny_skia::graphics::{Viewport, damage};
use iced_tiny_skia::{Layer, Renderer};

use super::app::App;

/// Renderer, widget state, pixels, clip mask and the layers of the last
/// frame, at one size in physical pixels (scale factor 1).
pub struct Window {
    renderer: Renderer,
    cache: Cache,
    cursor: mouse::Cursor,
    width: u32,
    height: u32,
    /// The pixels as the window shows them (premultiplied RGBA).
    pub pixels: Vec<u8>,
    mask: tiny_skia::Mask,
    last: Option<Vec<Layer>>,
    /// The regions drawn in the last frame (after grouping).
    pub drawn: Vec<iced::Rectangle>,
}

impl Window {
    /// A window of `width` x `height` with the pointer at `cursor`.
    pub fn new(width: u32, height: u32, cursor: Point) -> Window {
        let settings = super::theme::settings();
        for font in settings.fonts {
            iced_tiny_skia::graphics::text::font_system()
                .write()
                .expect("the font system")
                .load_font(font);
        }
        Window {
            renderer: Renderer::new(settings.default_font, settings.default_text_size),
            cache: Cache::default(),
            cursor: mouse::Cursor::Available(cursor),
            width,
            height,
            pixels: vec![0; (width * height * 4) as usize],
            mask: tiny_skia::Mask::new(width, height).expect("a clip mask"),
            last: None,
            drawn: Vec::new(),
        }
    }

    fn viewport(&self) -> Viewport {
        Viewport::with_physical_size(Size::new(self.width, self.height), 1.0)
    }

    /// One frame after `events`: update, view (when a message came),
    /// layout, draw, and rasterise the damaged regions.
    pub fn frame(&mut self, app: &mut App, events: &[Event]) {
        let size = Size::new(self.width as f32, self.height as f32);
        for event in events {
            if let Event::Mouse(mouse::Event::CursorMoved { position }) = event {
                self.cursor = mouse::Cursor::Available(*position);
            }
        }
        let mut events = events.to_vec();
        events.push(Event::Window(window::Event::RedrawRequested(
            std::time::Instant::now(),
        )));
        let mut messages = Vec::new();
        let mut ui = UserInterface::build(
            app.view(),
            size,
            std::mem::take(&mut self.cache),
            &mut self.renderer,
        );
        let _ = ui.update(
            &events,
            self.cursor,
            &mut self.renderer,
            &mut iced_core::clipboard::Null,
            &mut messages,
        );
        if !messages.is_empty() {
            let cache = ui.into_cache();
            for m in messages {
                let _ = app.update(m);
            }
            ui = UserInterface::build(app.view(), size, cache, &mut self.renderer);
        }
        let theme = super::theme::theme();
        ui.draw(
            &mut self.renderer,
            &theme,
            &iced_core::renderer::Style {
                text_color: iced::Color::BLACK,
            },
            self.cursor,
        );
        self.cache = ui.into_cache();
        self.present();
    }

    /// What iced_tiny_skia's compositor does with a frame: the regions that
    /// differ from the last frame, grouped, drawn.
    fn present(&mut self) {
        let viewport = self.viewport();
        let bounds = iced::Rectangle::with_size(viewport.logical_size());
        let layers = self.renderer.layers().to_vec();
        let regions = match &self.last {
            Some(last) => damage::diff(last, &layers, |l| vec![l.bounds], Layer::damage),
            None => vec![bounds],
        };
        self.last = Some(layers);
        self.drawn.clear();
        if regions.is_empty() {
            return;
        }
        let regions = damage::group(regions, bounds);
        self.drawn.clone_from(&regions);
        let mut pixels =
            tiny_skia::PixmapMut::from_bytes(&mut self.pixels, self.width, self.height)
                .expect("a pixmap");
        self.renderer.draw(
            &mut pixels,
            &mut self.mask,
            &viewport,
            &regions,
            iced::Color::WHITE,
        );
    }

    /// The last frame drawn whole, on fresh pixels: what the damaged
    /// regions drawn over the frames before must add up to.
    pub fn whole_frame(&mut self) -> Vec<u8> {
        let viewport = self.viewport();
        let bounds = iced::Rectangle::with_size(viewport.logical_size());
        let mut pixels = vec![0; self.pixels.len()];
        let mut mask = tiny_skia::Mask::new(self.width, self.height).expect("a clip mask");
        let mut pixmap = tiny_skia::PixmapMut::from_bytes(&mut pixels, self.width, self.height)
            .expect("a pixmap");
        self.renderer.draw(
            &mut pixmap,
            &mut mask,
            &viewport,
            &[bounds],
            iced::Color::WHITE,
        );
        pixels
    }
}
