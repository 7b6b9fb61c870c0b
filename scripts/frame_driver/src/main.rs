//! Drives a running window under X (Xvfb) and times every frame it draws,
//! for `scripts/frame-times.sh` (built by it). Not part of the program.
//!
//! ```text
//! frame_driver PID WINDOW STEP...
//! ```
//!
//! Each STEP is one input, sent with XTEST at the pointer (the window fills
//! the screen at 0,0): `wd` / `wu` a wheel step down / up, `k:C` a key press
//! and release of the character C (a-z, 0-9, space as `k:_`), `m:X,Y` a
//! pointer motion to X,Y, `c:X,Y` a click of the left button at X,Y. A
//! suffix `*N` repeats the step N times.
//!
//! A frame is counted when the X server reports damage to the window (the
//! software renderer's image arrived; XDAMAGE), so what is timed is what a
//! person sees. Before each step the driver waits until the window has drawn
//! nothing for 250 ms; then it sends the input and collects the frames until
//! none follows for 250 ms. The first frame's time runs from the input, each
//! next one's from the frame before (a step that draws several frames, for
//! example a text cursor appearing, counts each), or, when the program was
//! idle in between (its CPU counter still for 20 ms or more) and something
//! else woke it (a timer, a save finishing on a worker), from when it woke:
//! such a frame's time is its work, not the wait for the timer. Damage
//! reports less than 4 ms apart are one frame (one frame may be put in
//! several rectangles).
//!
//! Output, one line per step: `step SPEC frames N cpu_ms C frame_ms F1 F2 ...`
//! where C is the CPU time of every thread of PID (from
//! `/proc/PID/task/*/schedstat`) from the input to the end of the step.

use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::Event;
use x11rb::protocol::damage::{self, ConnectionExt as _};
use x11rb::protocol::xproto::{self, ConnectionExt as _};
use x11rb::protocol::xtest::ConnectionExt as _;
use x11rb::rust_connection::RustConnection;

/// No damage for this long: the window is quiet.
const QUIET: Duration = Duration::from_millis(250);
/// Damage reports closer together than this belong to one frame.
const SAME_FRAME: Duration = Duration::from_millis(4);
/// The program's CPU counter still for this long: it was idle, waiting for
/// a timer or a worker (a wait for the X server to take an image is shorter).
const IDLE: Duration = Duration::from_millis(20);
/// A step that draws nothing is given up after this long.
const GIVE_UP: Duration = Duration::from_secs(5);

type Failure = Box<dyn std::error::Error>;

fn main() {
    if let Err(e) = run() {
        eprintln!("frame_driver: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(pid), Some(window), steps) = (
        args.first().and_then(|a| a.parse::<u32>().ok()),
        args.get(1).and_then(|a| parse_window(a)),
        args.get(2..).unwrap_or_default(),
    ) else {
        return Err("usage: frame_driver PID WINDOW STEP... (see the source)".into());
    };
    let (conn, screen) = RustConnection::connect(None)?;
    let root = conn.setup().roots[screen].root;
    conn.damage_query_version(1, 1)?.reply()?;
    conn.xtest_get_version(2, 2)?.reply()?;
    let damage = conn.generate_id()?;
    conn.damage_create(damage, window, damage::ReportLevel::NON_EMPTY)?;
    conn.flush()?;
    let keys = Keys::read(&conn)?;
    let driver = Driver {
        conn: &conn,
        root,
        damage,
        pid,
    };
    for spec in steps {
        let (step, times) = match spec.rsplit_once('*') {
            Some((s, n)) => (
                s,
                n.parse::<usize>()
                    .map_err(|_| format!("{spec}: bad count"))?,
            ),
            None => (spec.as_str(), 1),
        };
        for _ in 0..times {
            driver.step(step, &keys)?;
        }
    }
    Ok(())
}

fn parse_window(s: &str) -> Option<u32> {
    match s.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => s.parse().ok(),
    }
}

struct Driver<'a> {
    conn: &'a RustConnection,
    root: xproto::Window,
    damage: u32,
    pid: u32,
}

impl Driver<'_> {
    fn step(&self, spec: &str, keys: &Keys) -> Result<(), Failure> {
        self.wait_quiet()?;
        // A click first moves the pointer there, unmeasured.
        if let Some(at) = spec.strip_prefix("c:") {
            let (x, y) = point(at)?;
            self.motion(x, y)?;
            self.wait_quiet()?;
        }
        let cpu = cpu_ns(self.pid)?;
        let sent = Instant::now();
        match spec {
            "wd" => self.button(5)?,
            "wu" => self.button(4)?,
            _ if spec.starts_with("c:") => self.button(1)?,
            _ => {
                if let Some(c) = spec.strip_prefix("k:") {
                    let c = if c == "_" { ' ' } else { single(c)? };
                    let code = keys.code(c).ok_or(format!("no key for {c:?}"))?;
                    self.key(code)?;
                } else if let Some(at) = spec.strip_prefix("m:") {
                    let (x, y) = point(at)?;
                    self.motion(x, y)?;
                } else {
                    return Err(format!("unknown step {spec:?}").into());
                }
            }
        }
        self.conn.flush()?;
        let frames = self.collect(sent)?;
        let cpu = cpu_ns(self.pid)?.saturating_sub(cpu);
        let mut line = format!(
            "step {spec} frames {} cpu_ms {:.2} frame_ms",
            frames.len(),
            cpu as f64 / 1e6
        );
        let mut before = sent;
        for (n, (at, woke)) in frames.into_iter().enumerate() {
            // The first frame is the input's: timed from the input, always.
            let start = woke.filter(|w| n > 0 && *w > before).unwrap_or(before);
            line.push_str(&format!(" {:.2}", (at - start).as_secs_f64() * 1e3));
            before = at;
        }
        println!("{line}");
        Ok(())
    }

    fn button(&self, detail: u8) -> Result<(), Failure> {
        self.conn
            .xtest_fake_input(xproto::BUTTON_PRESS_EVENT, detail, 0, self.root, 0, 0, 0)?;
        self.conn
            .xtest_fake_input(xproto::BUTTON_RELEASE_EVENT, detail, 0, self.root, 0, 0, 0)?;
        Ok(())
    }

    fn key(&self, code: u8) -> Result<(), Failure> {
        self.conn
            .xtest_fake_input(xproto::KEY_PRESS_EVENT, code, 0, self.root, 0, 0, 0)?;
        self.conn
            .xtest_fake_input(xproto::KEY_RELEASE_EVENT, code, 0, self.root, 0, 0, 0)?;
        Ok(())
    }

    fn motion(&self, x: i16, y: i16) -> Result<(), Failure> {
        self.conn
            .xtest_fake_input(xproto::MOTION_NOTIFY_EVENT, 0, 0, self.root, x, y, 0)?;
        self.conn.flush()?;
        Ok(())
    }

    /// The next damage report, if one comes within `wait`.
    /// The next damage report within `wait`: when it came, and when the
    /// program last woke from idle before it (None when it never was idle
    /// for [`IDLE`] while waiting).
    fn next_damage(&self, wait: Duration) -> Result<Option<(Instant, Option<Instant>)>, Failure> {
        let until = Instant::now() + wait;
        let mut cpu = cpu_ns(self.pid)?;
        let mut rose = Instant::now();
        let mut polled = rose;
        let mut woke = None;
        loop {
            while let Some(event) = self.conn.poll_for_event()? {
                if let Event::DamageNotify(_) = event {
                    let at = Instant::now();
                    self.conn.damage_subtract(self.damage, 0u32, 0u32)?;
                    self.conn.flush()?;
                    return Ok(Some((at, woke)));
                }
            }
            if Instant::now() >= until {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_micros(300));
            let now_cpu = cpu_ns(self.pid)?;
            let now = Instant::now();
            if now_cpu > cpu {
                if polled - rose >= IDLE {
                    // Still at the last poll, idle since `rose`: woke after it.
                    woke = Some(polled);
                }
                cpu = now_cpu;
                rose = now;
            }
            polled = now;
        }
    }

    /// Wait until the window has drawn nothing for [`QUIET`].
    fn wait_quiet(&self) -> Result<(), Failure> {
        let start = Instant::now();
        while self.next_damage(QUIET)?.is_some() {
            if start.elapsed() > GIVE_UP * 4 {
                return Err("the window does not stop drawing".into());
            }
        }
        Ok(())
    }

    /// The frames drawn after an input: the time each one arrived, and
    /// when the program woke from idle before it, if it was idle.
    fn collect(&self, sent: Instant) -> Result<Vec<(Instant, Option<Instant>)>, Failure> {
        let mut frames: Vec<(Instant, Option<Instant>)> = Vec::new();
        let mut wait = GIVE_UP;
        while let Some((at, woke)) = self.next_damage(wait)? {
            match frames.last_mut() {
                Some(last) if at - last.0 < SAME_FRAME => last.0 = at,
                _ => frames.push((at, woke)),
            }
            wait = QUIET;
            if at - sent > GIVE_UP * 4 {
                break;
            }
        }
        Ok(frames)
    }
}

fn point(s: &str) -> Result<(i16, i16), Failure> {
    let (x, y) = s.split_once(',').ok_or(format!("{s}: expected X,Y"))?;
    Ok((x.trim().parse()?, y.trim().parse()?))
}

fn single(s: &str) -> Result<char, Failure> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(format!("{s}: expected one character").into()),
    }
}

/// CPU time of every thread of the process, in nanoseconds.
fn cpu_ns(pid: u32) -> Result<u64, Failure> {
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))? {
        let path = task?.path().join("schedstat");
        // A thread may end between the listing and the read.
        if let Ok(text) = std::fs::read_to_string(path) {
            total += text
                .split_whitespace()
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    Ok(total)
}

/// The keyboard map: which key code types a character (unshifted).
struct Keys {
    min: u8,
    per_code: usize,
    syms: Vec<u32>,
}

impl Keys {
    fn read(conn: &RustConnection) -> Result<Keys, Failure> {
        let setup = conn.setup();
        let (min, max) = (setup.min_keycode, setup.max_keycode);
        let map = conn.get_keyboard_mapping(min, max - min + 1)?.reply()?;
        Ok(Keys {
            min,
            per_code: usize::from(map.keysyms_per_keycode),
            syms: map.keysyms,
        })
    }

    /// Latin-1 characters have their code point as key symbol.
    fn code(&self, c: char) -> Option<u8> {
        let sym = u32::from(c);
        let index = self
            .syms
            .chunks(self.per_code.max(1))
            .position(|syms| syms.first() == Some(&sym))?;
        u8::try_from(index).ok().map(|i| i + self.min)
    }
}
