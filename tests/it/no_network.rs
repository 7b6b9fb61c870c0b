//! No network: the program never opens a network connection.
//!
//! What these tests prove, and what not:
//!
//! - `the_program_links_no_network_client`: the resolved dependency tree of
//!   the program (normal dependencies, this platform, `cargo tree`) holds no
//!   HTTP, TLS or async-network crate, and no tokio with its `net` feature.
//!   So no library that the program links can reach a server on its own
//!   initiative. It does not prove that no code calls `std::net` directly;
//!   the next tests cover that by observation.
//! - `the_commands_open_no_socket`: every command that reads or writes a
//!   dossier (check, rank, export-csv, export, package, import-result,
//!   import-csv, a blank zelftoets) is run under `strace` and creates no socket of
//!   any kind. This covers the paths those runs take, not every path.
//! - `the_commands_work_in_a_namespace_without_network`: the same commands
//!   succeed in a network namespace with no interface but a downed loopback
//!   (`unshare -rn`): nothing they do needs a network.
//! - `the_window_talks_only_to_the_display`: the window is started (Xvfb)
//!   with the example dossier under `strace` until its first frame is shown;
//!   every socket it makes is a local (`AF_UNIX`) one, for the X server. No
//!   `AF_INET`/`AF_INET6` socket is made. Later actions (dialogs, which may
//!   talk to the desktop portal over D-Bus, also a local socket) are not
//!   covered by this run.
//!
//! Each observation test prints `SKIPPED …` with the reason and passes when
//! its tool (strace with ptrace allowed, unshare, Xvfb) is not available.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_leidraad");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voorbeelddossier.ron");

#[test]
fn the_program_links_no_network_client() {
    let out = match Command::new(env!("CARGO"))
        .args([
            "tree",
            "-e",
            "normal,features",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(o) if o.status.success() => o,
        other => panic!("cargo tree failed: {other:?}"),
    };
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.lines().any(|l| l.starts_with("leidraad ")), "{tree}");
    let crates: BTreeSet<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for network in [
        "reqwest",
        "hyper",
        "hyper-util",
        "ureq",
        "curl",
        "curl-sys",
        "isahc",
        "attohttpc",
        "surf",
        "h2",
        "h3",
        "quinn",
        "minreq",
        "async-std",
        "native-tls",
        "openssl",
        "rustls",
        "tungstenite",
        "socket2",
        "trust-dns-resolver",
        "hickory-resolver",
    ] {
        assert!(
            !crates.contains(network),
            "{network} is in the dependency tree"
        );
    }
    let tokio_net = tree
        .lines()
        .any(|l| l.starts_with("tokio feature \"net\"") || l.starts_with("mio feature \"net\""));
    assert!(!tokio_net, "tokio or mio is built with its `net` feature");
}

/// A folder with a copy of the example dossier, and a home of its own so
/// that nothing is written to the user's.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("home")).unwrap();
        std::fs::copy(EXAMPLE, dir.path().join("dossier.ron")).unwrap();
        Scratch { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        let home = self.path("home");
        c.current_dir(self.dir.path())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"));
        c
    }
}

/// The command lines to run, in order (later ones use earlier output).
fn commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["check", "dossier.ron"],
        vec!["rank", "dossier.ron", "--round", "2", "--format", "json"],
        vec!["export-csv", "dossier.ron"],
        vec!["export", "dossier.ron", "--out", "pdf", "--round", "1"],
        vec![
            "package",
            "dossier.ron",
            "--assessor",
            "Femke Hoogland",
            "--round",
            "2",
            "--out",
            "pakket.ron",
        ],
        vec!["import-result", "dossier.ron", "pakket.ron"],
        vec!["import-csv", "--out", "nieuw.ron", "scores.csv"],
        vec!["zelftoets"],
    ]
}

/// Run every command with `wrap` in front (e.g. strace, unshare); `None`
/// when the wrapper itself cannot run here.
fn run_all(scratch: &Scratch, wrap: &[&str]) -> Option<Vec<(String, Output)>> {
    let csv = Command::new(BIN)
        .args(["export-csv", EXAMPLE])
        .output()
        .unwrap();
    assert!(csv.status.success());
    std::fs::write(scratch.path("scores.csv"), &csv.stdout).unwrap();
    let mut outputs = Vec::new();
    for (n, args) in commands().into_iter().enumerate() {
        let mut c = scratch.command(wrap.first().copied().unwrap_or(BIN));
        if !wrap.is_empty() {
            let trace = scratch.path(&format!("trace-{n}.txt"));
            let wrap: Vec<String> = wrap[1..]
                .iter()
                .map(|a| a.replace("{trace}", &trace.display().to_string()))
                .collect();
            c.args(wrap).arg(BIN);
        }
        let out = c.args(&args).output().ok()?;
        outputs.push((args.join(" "), out));
    }
    Some(outputs)
}

/// Whether `program args… true` works here (installed, and permitted).
fn works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .arg("true")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The address families of the sockets made and connected in a trace.
fn families(trace: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in trace.lines() {
        for marker in ["socket(", "sa_family="] {
            if let Some(rest) = line.split(marker).nth(1) {
                let family: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !family.is_empty() {
                    out.insert(family);
                }
            }
        }
    }
    out
}

const STRACE: [&str; 7] = [
    "strace",
    "-f",
    "-qq",
    "-e",
    "trace=socket,connect,sendto,sendmsg",
    "-o",
    "{trace}",
];

#[test]
fn the_commands_open_no_socket() {
    if !works("strace", &["-f", "-qq", "-o", "/dev/null"]) {
        eprintln!(
            "SKIPPED the_commands_open_no_socket: strace is missing or ptrace is not allowed"
        );
        return;
    }
    let scratch = Scratch::new();
    let outputs = run_all(&scratch, &STRACE).expect("strace runs");
    for (n, (command, out)) in outputs.iter().enumerate() {
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let trace =
            std::fs::read_to_string(scratch.path(&format!("trace-{n}.txt"))).unwrap_or_default();
        let made: Vec<&str> = trace
            .lines()
            .filter(|l| l.contains("socket(") || l.contains("connect("))
            .collect();
        assert!(
            made.is_empty(),
            "leidraad {command} made a socket: {made:?}"
        );
    }
    assert!(scratch.path("pdf").is_dir() && scratch.path("pakket.ron").is_file());
}

#[test]
fn the_commands_work_in_a_namespace_without_network() {
    if !works("unshare", &["-rn"]) {
        eprintln!(
            "SKIPPED the_commands_work_in_a_namespace_without_network: unshare -rn is not permitted here"
        );
        return;
    }
    let scratch = Scratch::new();
    let outputs = run_all(&scratch, &["unshare", "-rn"]).expect("unshare runs");
    for (command, out) in outputs {
        assert!(
            out.status.success(),
            "{command} failed without network: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_window_talks_only_to_the_display() {
    let name = "the_window_talks_only_to_the_display";
    if !works("strace", &["-f", "-qq", "-o", "/dev/null"]) {
        eprintln!("SKIPPED {name}: strace is missing or ptrace is not allowed");
        return;
    }
    if !works("xvfb-run", &["-a"]) {
        eprintln!("SKIPPED {name}: no Xvfb (xvfb-run) to show the window on");
        return;
    }
    let scratch = Scratch::new();
    let trace = scratch.path("trace-window.txt");
    let out = scratch
        .command("timeout")
        .args(["120", "xvfb-run", "-a", "-s", "-nolisten tcp"])
        .args(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o"])
        .arg(&trace)
        .args([BIN, "open", "dossier.ron"])
        .env("LEIDRAAD_EXIT_AFTER_FIRST_FRAME", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the window failed: {stderr}");
    assert!(stderr.contains("eerste frame getoond"), "{stderr}");
    let trace = std::fs::read_to_string(&trace).unwrap();
    let families = families(&trace);
    assert!(
        families.contains("AF_UNIX"),
        "the window reached the X server: {trace}"
    );
    let other: Vec<&String> = families.iter().filter(|f| *f != "AF_UNIX").collect();
    assert!(
        other.is_empty(),
        "the window made a non-local socket {other:?}:\n{trace}"
    );
    assert!(!Path::new(&scratch.path("dossier.ron.lock")).exists());
}
